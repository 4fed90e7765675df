// LINK: sseg
// VMM: --ram 1M --console-dir @dir @self @self @self
// EXPECT-EXIT: 5
// EXPECT-STDOUT-EMPTY
// EXPECT-FILE: vm0.out v_poweroff.vm0.expect
// EXPECT-FILE: vm1.out v_poweroff.vm1.expect
// EXPECT-FILE: vm2.out v_poweroff.vm2.expect
// EXPECT-STDERR-LINES: 0
/*
 * v_poweroff: how VMs stop, and the exit status. VM 1 writes 9 to the
 * POWEROFF register at once; VM 2 calls HC_POWEROFF(77) at once; VM 0
 * yields a few times, then calls HC_POWEROFF(5): the exit status is VM 0's
 * (5), and nothing any VM does after powering off runs ("after" is never
 * printed). v_hcpoweroff: HC_POWEROFF alone.
 */
#include "guest.h"
	.set noreorder

	.text
	.globl test_main
test_main:
	HCALL(HC_VM_ID)
	move $s7, $v0
	PUTS("vm ")
	PUTDEC($s7)
	PUTS(" powers off\n")
	beqz $s7, vm0
	li $t0, 1
	beq $s7, $t0, vm1
	nop
	li $a0, 77                      /* VM 2 */
	HCALL(HC_POWEROFF)
	PUTS("after\n")
	TEST_END()
vm1:
	li $t0, IO(HW_SYSCTL_BASE)
	li $t1, 9
	sw $t1, HW_SYSCTL_POWEROFF($t0)
	PUTS("after\n")
	TEST_END()
vm0:
	li $s0, 5
1:	HCALL(HC_YIELD)
	addiu $s0, $s0, -1
	bnez $s0, 1b
	nop
	li $a0, 5
	HCALL(HC_POWEROFF)
	PUTS("after\n")
	TEST_END()
