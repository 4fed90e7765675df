// LINK: sseg
// VMM: --ram 1M @self
// EXPECT-EXIT: 3
// EXPECT-STDOUT: v_deadlock.expect
// EXPECT-STDERR-MAX-LINES: 1
// NATIVE-EQUIV: --ram 1M
// NATIVE-EXIT: 3
/*
 * v_deadlock: prints a line, then WAITs with every interrupt masked: no
 * interrupt can ever come. Alone: exit status 3, as natively. v_limit uses
 * it as VM 2 next to a VM 0 that finishes.
 */
#include "guest.h"
	.set noreorder

	.text
	.globl test_main
test_main:
	PUTS("waiting\n")
	mtc0 $zero, C0_STATUS
	ehb
	wait
	PUTS("woke up\n")
	TEST_END()
