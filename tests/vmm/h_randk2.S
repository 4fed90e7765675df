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
 * h_randk2 (hostile): random kernel-mode words (one in 16 privileged) that
 * wreck the guest after about 1.5 million cycles: EBase ends up in useg
 * with nothing mapped there, so the exception vector cannot be fetched.
 * Natively that is exit status 4; under the VMM alone the same; next to two
 * sentinels VM 1 stops with one "trapeze: vm1: ..." line and the sentinels
 * pass (exit status 0).
 */
#define SEED 0xDEADBEEF
#define KMODE
#define TMPL_ONE_IN 16
#include "random.inc"
