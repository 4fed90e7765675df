// LINK: sseg
// VMM: --ram 1M --max-cycles 60000000 --console-dir @dir @sentinel @self @sentinel
// EXPECT-EXIT: 0
// EXPECT-FILE: vm0.out sentinel.expect
// EXPECT-FILE: vm2.out sentinel.expect
// EXPECT-STDOUT-EMPTY
// EXPECT-STDERR-LINES: 1
// EXPECT-STDERR-ALL-MATCH: ^trapeze: vm1: 
// NATIVE-EQUIV: --ram 1M --max-cycles 60000000
// NATIVE-EXIT: 4
// LOCKSTEP: --ram 1M --max-cycles 60000000
/*
 * h_randk4 (hostile): random kernel-mode words, one in 4 privileged: a
 * random TLBWI replaces the firmware's sseg entry the guest runs from, and
 * the next exception cannot fetch its vector at 0xC0000180 (natively exit
 * status 4). Under the VMM: the same alone; next to two sentinels VM 1
 * stops with one "trapeze: vm1: ..." line and the sentinels pass.
 */
#define SEED 0x12345678
#define KMODE
#define TMPL_ONE_IN 4
#include "random.inc"
