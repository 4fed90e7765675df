// LINK: sseg
// VMM: --ram 1M --console-dir @dir @sentinel @self @sentinel
// EXPECT-EXIT: 0
// EXPECT-FILE: vm0.out sentinel.expect
// EXPECT-FILE: vm1.out h_random.expect
// EXPECT-FILE: vm2.out sentinel.expect
// EXPECT-STDOUT-EMPTY
// EXPECT-STDERR-LINES: 0
// NATIVE-EQUIV: --ram 1M
// LOCKSTEP: --ram 1M
/*
 * h_random (hostile): a page of pseudo-random words executed in user mode
 * (see random.inc), bounded by the timer. The words cannot escape user
 * mode, so the run is the same natively, under the VMM and in lockstep: the
 * exception histogram, the final registers (RDHWR reads Count) and the
 * pages' checksum are printed and compared. Next to two sentinels.
 */
#define SEED 0x2545F491
#include "random.inc"
