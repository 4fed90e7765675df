// LINK: both
/*
 * i_likely: BEQL BNEL BLEZL BGTZL BLTZL BGEZL BLTZALL BGEZALL (MIPS32 Release 2
 * Vol. II). Taken: the delay slot executes. Not taken: the delay slot is
 * NULLIFIED (no register, memory or exception side effect) and execution goes
 * on at branch + 8. BLTZALL/BGEZALL write $31 = branch + 8 either way.
 */
#include "harness.h"
	.set noreorder
	.text

/* $s0 counts delay-slot executions, $s1 = 1 fall-through, 2 target */
#define BL2(op, va, vb, taken) \
	li $t0, va; li $t1, vb; li $s0, 0; li $s1, 0; \
	op $t0, $t1, 9991f; addiu $s0, $s0, 1; \
	addiu $s1, $s1, 1; b 9992f; nop; \
	9991: addiu $s1, $s1, 2; \
	9992: CHECK_EQ($s0, taken); CHECK_EQ($s1, (taken) + 1)
#define BL1(op, va, taken) \
	li $t0, va; li $s0, 0; li $s1, 0; \
	op $t0, 9991f; addiu $s0, $s0, 1; \
	addiu $s1, $s1, 1; b 9992f; nop; \
	9991: addiu $s1, $s1, 2; \
	9992: CHECK_EQ($s0, taken); CHECK_EQ($s1, (taken) + 1)
/* backward target */
#define BL1B(op, va, taken) \
	li $t0, va; li $s0, 0; li $s1, 0; b 9994f; nop; \
	9995: addiu $s1, $s1, 2; b 9992f; nop; \
	9994: op $t0, 9995b; addiu $s0, $s0, 1; addiu $s1, $s1, 1; \
	9992: CHECK_EQ($s0, taken); CHECK_EQ($s1, (taken) + 1)
#define BL2B(op, va, vb, taken) \
	li $t0, va; li $t1, vb; li $s0, 0; li $s1, 0; b 9994f; nop; \
	9995: addiu $s1, $s1, 2; b 9992f; nop; \
	9994: op $t0, $t1, 9995b; addiu $s0, $s0, 1; addiu $s1, $s1, 1; \
	9992: CHECK_EQ($s0, taken); CHECK_EQ($s1, (taken) + 1)
/* linking: $ra = branch + 8 whether taken or not */
#define BLAL(op, va, taken) \
	li $t0, va; li $s0, 0; li $s1, 0; li $ra, 0; \
	9993: op $t0, 9991f; addiu $s0, $s0, 1; \
	addiu $s1, $s1, 1; b 9992f; nop; \
	9991: addiu $s1, $s1, 2; \
	9992: CHECK_EQ($s0, taken); CHECK_EQ($s1, (taken) + 1); la $t9, 9993b + 8; CHECK_REG($ra, $t9)

	.globl test_main
test_main:
	/* ---- BEQL ---- */
	BL2(beql, 0, 0, 1)
	BL2(beql, 0, 0xffffffff, 0)
	BL2(beql, 0xffffffff, 0xffffffff, 1)
	BL2(beql, 0x80000000, 0x80000000, 1)
	BL2(beql, 0x80000000, 0, 0)
	BL2(beql, 0x80000000, 0x7fffffff, 0)
	BL2B(beql, 7, 7, 1)
	BL2B(beql, 7, 8, 0)
	/* ---- BNEL ---- */
	BL2(bnel, 0, 0, 0)
	BL2(bnel, 0, 0xffffffff, 1)
	BL2(bnel, 0xffffffff, 0xffffffff, 0)
	BL2(bnel, 0x80000000, 0x80000000, 0)
	BL2(bnel, 0x80000000, 0, 1)
	BL2B(bnel, 0x80000000, 0, 1)
	BL2B(bnel, 0x80000000, 0x80000000, 0)
	/* ---- BLEZL ---- */
	BL1(blezl, 0, 1)
	BL1(blezl, 0xffffffff, 1)
	BL1(blezl, 0x80000000, 1)
	BL1(blezl, 1, 0)
	BL1(blezl, 0x7fffffff, 0)
	BL1B(blezl, 0, 1)
	BL1B(blezl, 1, 0)
	/* ---- BGTZL ---- */
	BL1(bgtzl, 0, 0)
	BL1(bgtzl, 0xffffffff, 0)
	BL1(bgtzl, 0x80000000, 0)
	BL1(bgtzl, 1, 1)
	BL1(bgtzl, 0x7fffffff, 1)
	BL1B(bgtzl, 0x7fffffff, 1)
	BL1B(bgtzl, 0x80000000, 0)
	/* ---- BLTZL ---- */
	BL1(bltzl, 0, 0)
	BL1(bltzl, 0xffffffff, 1)
	BL1(bltzl, 0x80000000, 1)
	BL1(bltzl, 1, 0)
	BL1(bltzl, 0x7fffffff, 0)
	BL1B(bltzl, 0xffffffff, 1)
	BL1B(bltzl, 0, 0)
	/* ---- BGEZL ---- */
	BL1(bgezl, 0, 1)
	BL1(bgezl, 0xffffffff, 0)
	BL1(bgezl, 0x80000000, 0)
	BL1(bgezl, 1, 1)
	BL1(bgezl, 0x7fffffff, 1)
	BL1B(bgezl, 0, 1)
	BL1B(bgezl, 0x80000000, 0)
	/* ---- BLTZALL ---- */
	BLAL(bltzall, 0, 0)
	BLAL(bltzall, 0xffffffff, 1)
	BLAL(bltzall, 0x80000000, 1)
	BLAL(bltzall, 1, 0)
	BLAL(bltzall, 0x7fffffff, 0)
	/* ---- BGEZALL ---- */
	BLAL(bgezall, 0, 1)
	BLAL(bgezall, 0xffffffff, 0)
	BLAL(bgezall, 0x80000000, 0)
	BLAL(bgezall, 1, 1)
	BLAL(bgezall, 0x7fffffff, 1)

	/* taken: the slot sees the new link value */
	li $t3, 0
	li $ra, 0
lk_bgezall:
	bgezall $zero, 1f
	move $t3, $ra
	FAIL_HERE()
1:	la $t9, lk_bgezall + 8
	CHECK_REG($t3, $t9)
	CHECK_REG($ra, $t9)
	/* not taken: the slot does not run, the link is written anyway */
	li $t3, 0x77
	li $ra, 0
lk_bltzall:
	bltzall $zero, lk_fail
	move $t3, $ra
	CHECK_EQ($t3, 0x77)
	la $t9, lk_bltzall + 8
	CHECK_REG($ra, $t9)

	/* ---- a nullified slot has no side effect of any kind ---- */
	/* no exception: SYSCALL, an overflowing ADD, a misaligned LW, a trap */
	li $t0, 1
	li $t1, 0x7fffffff
	la $s2, lk_word
	CLEAR_EXC()
	beql $t0, $zero, lk_fail
	syscall
	bnel $t0, $t0, lk_fail
	add $t2, $t1, $t1
	blezl $t0, lk_fail
	lw $t2, 1($s2)
	bltzl $t0, lk_fail
	teq $zero, $zero
	bltzall $t0, lk_fail
	break
	CHECK_NEXC(0)
	/* no store */
	li $t2, 0x1234
	sw $zero, 0($s2)
	bgtzl $zero, lk_fail
	sw $t2, 0($s2)
	lw $t3, 0($s2)
	CHECK_EQ($t3, 0)
	/* no load */
	li $t3, 0x55
	sw $t2, 0($s2)
	bgezl $t1, 1f               /* taken: the load happens */
	lw $t3, 0($s2)
	FAIL_HERE()
1:	CHECK_EQ($t3, 0x1234)
	li $t3, 0x55
	bltzl $t1, lk_fail          /* not taken: it does not */
	lw $t3, 0($s2)
	CHECK_EQ($t3, 0x55)
	/* no HI/LO write */
	li $t3, 0x99
	mthi $t3
	beql $t0, $zero, lk_fail
	mthi $zero
	mfhi $t4
	CHECK_EQ($t4, 0x99)
	/* no link from a nullified JAL-like slot: the slot is not a branch here,
	 * just a register write to $ra */
	li $ra, 0x31
	bnel $zero, $zero, lk_fail
	li $ra, 0
	CHECK_EQ($ra, 0x31)

	/* ---- the loop idiom: the slot runs only on the taken iterations ---- */
	li $t0, 5
	li $t2, 0
1:	addiu $t0, $t0, -1
	bnel $t0, $zero, 1b
	addiu $t2, $t2, 1
	CHECK_EQ($t0, 0)
	CHECK_EQ($t2, 4)

	TEST_END()

lk_fail:
	FAIL_HERE()
	TEST_END()

	.data
	.align 4
lk_word: .word 0, 0
