// LINK: sseg
// VMM: --ram 1M --max-cycles 3000000 --console-dir @dir @self @v_spin @v_deadlock
// EXPECT-EXIT: 0
// EXPECT-STDOUT-EMPTY
// EXPECT-FILE: vm0.out v_limit.vm0.expect
// EXPECT-FILE: vm1.out v_spin.expect
// EXPECT-FILE: vm2.out v_deadlock.expect
// EXPECT-STDERR-MAX-LINES: 2
// EXPECT-STDERR-ALL-MATCH: ^trapeze: vm[12]: .
/*
 * v_limit: VM 0 yields ten times and powers off with 0 while VM 1 spins
 * until --max-cycles (its own guest clock) and VM 2 waits for an interrupt
 * that never comes. The VMM runs them all to their end and the exit status
 * is VM 0's, 0; anything it says about VM 1 and VM 2 is a "trapeze: vmN:"
 * line.
 */
#include "guest.h"
	.set noreorder

	.text
	.globl test_main
test_main:
	li $s0, 10
1:	HCALL(HC_YIELD)
	CHECK_EQ($v0, 0)
	addiu $s0, $s0, -1
	bnez $s0, 1b
	nop
	PUTS("vm 0 done\n")
	TEST_END()
