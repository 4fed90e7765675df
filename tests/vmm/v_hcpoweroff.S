// LINK: sseg
// VMM: --ram 1M @self
// EXPECT-EXIT: 42
// EXPECT-STDOUT: v_hcpoweroff.expect
// EXPECT-STDERR-LINES: 0
/*
 * v_hcpoweroff: one VM, HC_POWEROFF(42) with output pending: exit status
 * 42, the output before it complete, nothing after it.
 */
#include "guest.h"
	.set noreorder

	.text
	.globl test_main
test_main:
	PUTS("before")
	li $a0, 42
	HCALL(HC_POWEROFF)
	PUTS(" after\n")
	TEST_END()
