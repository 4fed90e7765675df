// LINK: sseg
// VMM: --ram 1M --console-dir @dir @sentinel @self @sentinel
// EXPECT-EXIT: 0
// EXPECT-FILE: vm0.out sentinel.expect
// EXPECT-FILE: vm1.out h_kseg0.expect
// EXPECT-FILE: vm2.out sentinel.expect
// EXPECT-STDOUT-EMPTY
// EXPECT-STDERR-LINES: 1
// EXPECT-STDERR-MATCH: ^trapeze: vm1: .
/*
 * h_kseg0 (hostile): loads and stores through kseg0 and kseg1 in virtual
 * kernel mode work under the VMM (emulated: RAM, and the system controller
 * through kseg1); then the guest jumps to the kseg0 alias of its own code.
 * On the bare machine that simply runs; under the VMM, fetching from
 * kseg0/kseg1 is the documented limitation: VM 1 must be stopped with one
 * "trapeze: vm1: ..." line on stderr, its output so far kept, and the two
 * sentinels around it pass. Variants (h_kseg0_alone, h_kseg1_alone,
 * h_kebase_alone) define JUMP to choose how the guest gets there:
 *   1 jr to kseg0 (default), 2 jr to kseg1, 3 EBase in kseg0 + SYSCALL.
 */
#include "guest.h"
	.set noreorder
#ifndef JUMP
#define JUMP 1
#endif

	.text
	.globl test_main
test_main:
	move $s6, $a0
	/* data through kseg0 and kseg1 */
	la $s0, word
	move $s1, $s0
	to_kseg0 $s1, $t0
	move $s2, $s0
	to_kseg1 $s2, $t0
	lw $t1, 0($s1)
	CHECK_EQ($t1, 0x12345678)
	li $t1, 0x600dcafe
	sw $t1, 0($s1)
	lw $t2, 0($s0)
	CHECK_EQ($t2, 0x600dcafe)
	lhu $t2, 2($s2)
	CHECK_EQ($t2, 0x600d)
	sb $zero, 0($s2)
	lw $t2, 0($s0)
	CHECK_EQ($t2, 0x600dca00)
	li $t0, 0xBF000000 + HW_SYSCTL_RAMSIZE
	lw $t1, 0($t0)
	CHECK_REG($t1, $s6)
	PUTS("kseg0/kseg1 data: ok\n")
#if JUMP == 3
	PUTS("ebase in kseg0, syscall\n")
	li $t0, 0x80000000              /* rt_vectors' kseg0 alias (PA 0) */
	mtc0 $t0, C0_EBASE
	ehb
	syscall
	nop
	la $t0, rt_vectors
	mtc0 $t0, C0_EBASE
	ehb
	PUTS("back from the kseg0 vector\n")
#else
	la $t0, in_k0
#if JUMP == 2
	to_kseg1 $t0, $t1
	PUTS("jumping to kseg1\n")
#else
	to_kseg0 $t0, $t1
	PUTS("jumping to kseg0\n")
#endif
	jr $t0
	nop
	FAIL_HERE()
in_k0:
	PUTS("running there\n")
	la $t0, 1f                      /* back to sseg */
	jr $t0
	nop
1:
#endif
	TEST_END()

	.data
	.align 2
word: .word 0x12345678
