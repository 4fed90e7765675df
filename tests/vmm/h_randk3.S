// LINK: sseg
// VMM: --ram 1M --max-cycles 60000000 --console-dir @dir @sentinel @self @sentinel
// EXPECT-EXIT: 0
// EXPECT-FILE: vm0.out sentinel.expect
// EXPECT-FILE: vm2.out sentinel.expect
// EXPECT-STDOUT-EMPTY
// EXPECT-STDERR-LINES: 1
// EXPECT-STDERR-ALL-MATCH: ^trapeze: vm1: 
// NATIVE-EQUIV: --ram 1M --max-cycles 60000000
// NATIVE-EXIT: 124
// LOCKSTEP: --ram 1M --max-cycles 3000000
/*
 * h_randk3 (hostile): random kernel-mode words, one in 4 privileged, that
 * end up running on without ever finishing (natively: --max-cycles, exit
 * status 124, at the same point under the VMM alone). Next to two
 * sentinels VM 1 is stopped by its own --max-cycles with one
 * "trapeze: vm1: ..." line, and the sentinels pass.
 */
#define SEED 0x31415926
#define KMODE
#define TMPL_ONE_IN 4
#include "random.inc"
