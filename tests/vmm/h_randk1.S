// LINK: sseg
// VMM: --ram 1M --max-cycles 60000000 --console-dir @dir @sentinel @self @sentinel
// EXPECT-EXIT: 0
// EXPECT-FILE: vm0.out sentinel.expect
// EXPECT-FILE: vm1.out h_randk1.expect
// EXPECT-FILE: vm2.out sentinel.expect
// EXPECT-STDOUT-EMPTY
// EXPECT-STDERR-LINES: 0
// NATIVE-EQUIV: --ram 1M --max-cycles 60000000
// LOCKSTEP: --ram 1M --max-cycles 60000000
/*
 * h_randk1 (hostile): random words in (virtual) kernel mode, one in 16 from
 * the privileged templates of random.inc (random MTC0s, TLB writes, ERET,
 * DI/EI, CACHE...). With this seed the guest survives its 1000 restarts
 * natively, never fetching from kseg0/kseg1 (checked with --trace=insn when
 * the seed was chosen), so the VMM must give the same output and lockstep
 * must agree. Next to two sentinels.
 */
#define SEED 0x12345678
#define KMODE
#define TMPL_ONE_IN 16
#include "random.inc"
