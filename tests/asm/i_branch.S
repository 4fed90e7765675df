// LINK: both
/*
 * i_branch: BEQ BNE BLEZ BGTZ BLTZ BGEZ BLTZAL BGEZAL J JAL JR JALR JR.HB
 * JALR.HB (MIPS32 Release 2 Vol. II).
 *   - taken / not taken at the boundary values 0, 1, -1, 0x7fffffff, 0x80000000
 *   - the delay slot is ALWAYS executed, exactly once, taken or not
 *   - forward and backward targets
 *   - the link register is the branch address + 8; BLTZAL/BGEZAL write $31
 *     whether or not the branch is taken; JALR may link into rd != 31
 *   - the condition and the jump register are read before the delay slot runs;
 *     the delay slot already sees the new link value
 */
#include "harness.h"
	.set noreorder
	.text

/* $s0 counts delay-slot executions, $s1 = 1 fall-through, 2 target */
#define BR2(op, va, vb, taken) \
	li $t0, va; li $t1, vb; li $s0, 0; li $s1, 0; \
	op $t0, $t1, 9991f; addiu $s0, $s0, 1; \
	addiu $s1, $s1, 1; b 9992f; nop; \
	9991: addiu $s1, $s1, 2; \
	9992: CHECK_EQ($s0, 1); CHECK_EQ($s1, (taken) + 1)
#define BR1(op, va, taken) \
	li $t0, va; li $s0, 0; li $s1, 0; \
	op $t0, 9991f; addiu $s0, $s0, 1; \
	addiu $s1, $s1, 1; b 9992f; nop; \
	9991: addiu $s1, $s1, 2; \
	9992: CHECK_EQ($s0, 1); CHECK_EQ($s1, (taken) + 1)
/* backward target */
#define BR2B(op, va, vb, taken) \
	li $t0, va; li $t1, vb; li $s0, 0; li $s1, 0; b 9994f; nop; \
	9995: addiu $s1, $s1, 2; b 9992f; nop; \
	9994: op $t0, $t1, 9995b; addiu $s0, $s0, 1; addiu $s1, $s1, 1; \
	9992: CHECK_EQ($s0, 1); CHECK_EQ($s1, (taken) + 1)
#define BR1B(op, va, taken) \
	li $t0, va; li $s0, 0; li $s1, 0; b 9994f; nop; \
	9995: addiu $s1, $s1, 2; b 9992f; nop; \
	9994: op $t0, 9995b; addiu $s0, $s0, 1; addiu $s1, $s1, 1; \
	9992: CHECK_EQ($s0, 1); CHECK_EQ($s1, (taken) + 1)
/* linking REGIMM branch: $ra = branch + 8, taken or not */
#define BRAL(op, va, taken) \
	li $t0, va; li $s0, 0; li $s1, 0; li $ra, 0; \
	9993: op $t0, 9991f; addiu $s0, $s0, 1; \
	addiu $s1, $s1, 1; b 9992f; nop; \
	9991: addiu $s1, $s1, 2; \
	9992: CHECK_EQ($s0, 1); CHECK_EQ($s1, (taken) + 1); la $t9, 9993b + 8; CHECK_REG($ra, $t9)
#define BRALB(op, va, taken) \
	li $t0, va; li $s0, 0; li $s1, 0; li $ra, 0; b 9994f; nop; \
	9995: addiu $s1, $s1, 2; b 9992f; nop; \
	9994: op $t0, 9995b; addiu $s0, $s0, 1; addiu $s1, $s1, 1; \
	9992: CHECK_EQ($s0, 1); CHECK_EQ($s1, (taken) + 1); la $t9, 9994b + 8; CHECK_REG($ra, $t9)

	.globl test_main
test_main:
	/* ---- BEQ ---- */
	BR2(beq, 0, 0, 1)
	BR2(beq, 0, 0xffffffff, 0)
	BR2(beq, 0xffffffff, 0xffffffff, 1)
	BR2(beq, 0x80000000, 0x80000000, 1)
	BR2(beq, 0x80000000, 0, 0)
	BR2(beq, 0x80000000, 0x7fffffff, 0)
	BR2(beq, 1, 0x80000001, 0)
	BR2B(beq, 0x80000000, 0x80000000, 1)
	BR2B(beq, 0, 1, 0)
	/* ---- BNE ---- */
	BR2(bne, 0, 0, 0)
	BR2(bne, 0, 0xffffffff, 1)
	BR2(bne, 0xffffffff, 0xffffffff, 0)
	BR2(bne, 0x80000000, 0x80000000, 0)
	BR2(bne, 0x80000000, 0, 1)
	BR2(bne, 0x80000000, 0x7fffffff, 1)
	BR2B(bne, 0x80000000, 0, 1)
	BR2B(bne, 5, 5, 0)
	/* ---- BLEZ ---- */
	BR1(blez, 0, 1)
	BR1(blez, 0xffffffff, 1)
	BR1(blez, 0x80000000, 1)
	BR1(blez, 1, 0)
	BR1(blez, 0x7fffffff, 0)
	BR1B(blez, 0x80000000, 1)
	BR1B(blez, 0x7fffffff, 0)
	/* ---- BGTZ ---- */
	BR1(bgtz, 0, 0)
	BR1(bgtz, 0xffffffff, 0)
	BR1(bgtz, 0x80000000, 0)
	BR1(bgtz, 1, 1)
	BR1(bgtz, 0x7fffffff, 1)
	BR1B(bgtz, 1, 1)
	BR1B(bgtz, 0, 0)
	/* ---- BLTZ ---- */
	BR1(bltz, 0, 0)
	BR1(bltz, 0xffffffff, 1)
	BR1(bltz, 0x80000000, 1)
	BR1(bltz, 1, 0)
	BR1(bltz, 0x7fffffff, 0)
	BR1B(bltz, 0x80000000, 1)
	BR1B(bltz, 0, 0)
	/* ---- BGEZ ---- */
	BR1(bgez, 0, 1)
	BR1(bgez, 0xffffffff, 0)
	BR1(bgez, 0x80000000, 0)
	BR1(bgez, 1, 1)
	BR1(bgez, 0x7fffffff, 1)
	BR1B(bgez, 0, 1)
	BR1B(bgez, 0xffffffff, 0)
	/* ---- BLTZAL: links whether taken or not ---- */
	BRAL(bltzal, 0, 0)
	BRAL(bltzal, 0xffffffff, 1)
	BRAL(bltzal, 0x80000000, 1)
	BRAL(bltzal, 1, 0)
	BRAL(bltzal, 0x7fffffff, 0)
	BRALB(bltzal, 0xffffffff, 1)
	BRALB(bltzal, 0x7fffffff, 0)
	/* ---- BGEZAL ---- */
	BRAL(bgezal, 0, 1)
	BRAL(bgezal, 0xffffffff, 0)
	BRAL(bgezal, 0x80000000, 0)
	BRAL(bgezal, 1, 1)
	BRAL(bgezal, 0x7fffffff, 1)
	BRALB(bgezal, 0, 1)
	BRALB(bgezal, 0x80000000, 0)
	/* bltzal $zero: never taken, still links (the "nal" idiom) */
	BRAL(bltzal, 0, 0)
	li $ra, 0
br_nal:
	bltzal $zero, br_fail
	nop
	la $t9, br_nal + 8
	CHECK_REG($ra, $t9)
	/* the delay slot sees the new $ra */
	li $ra, 0
	li $t3, 0
br_bal:
	bgezal $zero, 1f
	move $t3, $ra
	FAIL_HERE()
1:	la $t9, br_bal + 8
	CHECK_REG($t3, $t9)
	CHECK_REG($ra, $t9)

	/* ---- the condition is read before the delay slot runs ---- */
	li $t0, 1
	li $t1, 1
	beq $t0, $t1, 1f
	addiu $t0, $t0, 1           /* would make them unequal */
	FAIL_HERE()
1:	CHECK_EQ($t0, 2)
	li $t0, 1
	li $t1, 1
	bne $t0, $t1, br_fail
	addiu $t0, $t0, 1
	CHECK_EQ($t0, 2)
	li $t0, 0
	blez $t0, 1f
	addiu $t0, $t0, 5
	FAIL_HERE()
1:	CHECK_EQ($t0, 5)

	/* ---- a backward loop: the slot runs on every iteration ---- */
	li $t0, 10
	li $t2, 0
	li $t3, 0
1:	addiu $t0, $t0, -1
	addiu $t3, $t3, 1
	bnez $t0, 1b
	addiu $t2, $t2, 1
	CHECK_EQ($t0, 0)
	CHECK_EQ($t2, 10)
	CHECK_EQ($t3, 10)

	/* ---- J ---- */
	li $s0, 0
	j 1f
	addiu $s0, $s0, 1
	FAIL_HERE()
	FAIL_HERE()
1:	CHECK_EQ($s0, 1)
	/* J backward */
	li $s0, 0
	li $s1, 0
	j 3f
	nop
2:	addiu $s1, $s1, 1
	j 4f
	nop
3:	j 2b
	addiu $s0, $s0, 1
	FAIL_HERE()
4:	CHECK_EQ($s0, 1)
	CHECK_EQ($s1, 1)

	/* ---- JAL ---- */
	li $s0, 0
	li $ra, 0
	li $t3, 0
br_jal:
	jal br_sub
	move $t3, $ra               /* slot: sees the link */
br_jal_ret:
	la $t9, br_jal + 8
	CHECK_REG($t3, $t9)
	CHECK_EQ($s0, 1)            /* the subroutine ran once */
	la $t9, br_jal_ret
	CHECK_REG($s2, $t9)         /* the subroutine saw $ra = jal + 8 */

	/* ---- JR ---- */
	li $s0, 0
	la $t9, 1f
	jr $t9
	addiu $s0, $s0, 1
	FAIL_HERE()
1:	CHECK_EQ($s0, 1)
	/* the jump register is read before the slot changes it */
	la $t9, 1f
	jr $t9
	addiu $t9, $t9, 8
	FAIL_HERE()
1:	b 2f
	nop
	FAIL_HERE()                 /* jr used the slot's $t9 */
2:	CHECK_EQ($s0, 1)
	/* JR backward */
	li $s0, 0
	b 2f
	nop
1:	b 3f
	addiu $s0, $s0, 10
2:	la $t9, 1b
	jr $t9
	addiu $s0, $s0, 1
	FAIL_HERE()
3:	CHECK_EQ($s0, 11)
	/* ---- JR.HB ---- */
	li $s0, 0
	la $t9, 1f
	jr.hb $t9
	addiu $s0, $s0, 1
	FAIL_HERE()
1:	CHECK_EQ($s0, 1)

	/* ---- JALR (rd = 31) ---- */
	li $s0, 0
	li $ra, 0
	li $t3, 0
	la $t9, br_sub
br_jalr:
	jalr $t9
	move $t3, $ra
br_jalr_ret:
	la $t9, br_jalr + 8
	CHECK_REG($t3, $t9)
	CHECK_EQ($s0, 1)
	la $t9, br_jalr_ret
	CHECK_REG($s2, $t9)
	/* ---- JALR rd != 31: $ra untouched ---- */
	li $s0, 0
	li $ra, 0x1234
	li $t5, 0
	la $t9, 1f
br_jalr_t5:
	jalr $t5, $t9
	addiu $s0, $s0, 1
	FAIL_HERE()
1:	CHECK_EQ($s0, 1)
	CHECK_EQ($ra, 0x1234)
	la $t9, br_jalr_t5 + 8
	CHECK_REG($t5, $t9)
	/* JALR rd = $zero: the link is discarded */
	li $s0, 0
	la $t9, 1f
	jalr $zero, $t9
	addiu $s0, $s0, 1
	FAIL_HERE()
1:	CHECK_EQ($s0, 1)
	CHECK_EQ($zero, 0)
	/* JALR backward, rd = $s3 */
	li $s0, 0
	li $s3, 0
	b 2f
	nop
1:	b 3f
	addiu $s0, $s0, 10
2:	la $t9, 1b
br_jalr_back:
	jalr $s3, $t9
	addiu $s0, $s0, 1
	FAIL_HERE()
3:	CHECK_EQ($s0, 11)
	la $t9, br_jalr_back + 8
	CHECK_REG($s3, $t9)
	/* ---- JALR.HB ---- */
	li $s0, 0
	li $ra, 0x4321
	la $t9, 1f
br_jalrhb:
	jalr.hb $t5, $t9
	addiu $s0, $s0, 1
	FAIL_HERE()
1:	CHECK_EQ($s0, 1)
	CHECK_EQ($ra, 0x4321)
	la $t9, br_jalrhb + 8
	CHECK_REG($t5, $t9)
	li $s0, 0
	la $t9, br_sub
br_jalrhb31:
	jalr.hb $t9
	nop
br_jalrhb31_ret:
	CHECK_EQ($s0, 1)
	la $t9, br_jalrhb31_ret
	CHECK_REG($s2, $t9)
	CHECK_REG($ra, $t9)

	TEST_END()

/* a leaf subroutine: $s0++, $s2 = its $ra, returns with jr $ra */
br_sub:
	addiu $s0, $s0, 1
	jr $ra
	move $s2, $ra

br_fail:
	FAIL_HERE()
	TEST_END()
