// LINK: both
/*
 * i_delayslot_exc: exceptions in branch delay slots (MIPS32 Release 2 Vol. III
 * 6.2: "EPC ... the address of the branch when the exception is in a delay
 * slot, and Cause.BD is set").
 *   - Ov, AdEL, Sys, Tr, Bp in the slot of taken and not-taken branches and
 *     jumps: Cause.BD = 1, EPC = the branch, the slot instruction has no effect;
 *     a linking branch has already written $31.
 *   - a custom handler that fixes the cause and ERETs to EPC (re-executing the
 *     branch) completes the branch properly: right target, slot executed once.
 *   - exceptions outside delay slots (plain, at a branch target, after a slot,
 *     a misaligned jump target) have Cause.BD = 0 and EPC = the instruction.
 * The runtime's default resume after a BD exception is EPC + 8 (branch + 8).
 * Note: harness.h's SET_RESUME does not assemble (`sw $at, sym` needs $at
 * under .set noat), so this test stores rt_resume itself.
 */
#include "harness.h"
	.set noreorder
	.text

#define CHECK_BD(v)  lw $t9, rt_exc_cause; srl $t9, $t9, 31; CHECK_EQ($t9, v)
/* re-execution handler: $t1 = $t8, then ERET to the unchanged EPC */
#define SET_FIX()    la $t7, ds_fix; sw $t7, rt_handler

	.globl test_main
test_main:
	/* ---- 1. taken BEQ, overflowing ADD in the slot ---- */
	li $t0, 0x7fffffff
	li $t1, 1
	li $t2, 0x5a
	li $s1, 0
	CLEAR_EXC()
ds1_br:
	beq $zero, $zero, ds1_tgt
	add $t2, $t0, $t1
	li $s1, 1                   /* branch + 8: where the runtime resumes */
	b ds1_done
	nop
ds1_tgt:
	li $s1, 2
ds1_done:
	CHECK_NEXC(1)
	CHECK_EXC(EXC_OV)
	CHECK_WORD_ADDR(rt_exc_epc, ds1_br)
	CHECK_BD(1)
	CHECK_EQ($t2, 0x5a)
	CHECK_EQ($s1, 1)

	/* ---- 2. not-taken BNE, overflowing ADD in the slot ---- */
	li $t0, 0x7fffffff
	li $t1, 1
	li $t2, 0x5a
	li $s1, 0
	CLEAR_EXC()
ds2_br:
	bne $zero, $zero, ds_fail
	add $t2, $t0, $t1
	li $s1, 1
	CHECK_NEXC(1)
	CHECK_EXC(EXC_OV)
	CHECK_WORD_ADDR(rt_exc_epc, ds2_br)
	CHECK_BD(1)
	CHECK_EQ($t2, 0x5a)
	CHECK_EQ($s1, 1)

	/* ---- 3. misaligned LW in the slot of a taken BNE ---- */
	la $s3, ds_data
	li $t2, 0x5a
	li $t0, 1
	CLEAR_EXC()
ds3_br:
	bne $t0, $zero, ds3_tgt
	lw $t2, 2($s3)
	nop
ds3_tgt:
	CHECK_NEXC(1)
	CHECK_EXC(EXC_ADEL)
	CHECK_WORD_ADDR(rt_exc_epc, ds3_br)
	CHECK_WORD_ADDR(rt_exc_badvaddr, ds_data + 2)
	CHECK_BD(1)
	CHECK_EQ($t2, 0x5a)
	/* misaligned SW in the slot of a not-taken BLEZ */
	li $t0, 1
	li $t2, 0x77
	sw $zero, 0($s3)
	sw $zero, 4($s3)
	CLEAR_EXC()
ds3s_br:
	blez $t0, ds_fail
	sw $t2, 3($s3)
	CHECK_NEXC(1)
	CHECK_EXC(EXC_ADES)
	CHECK_WORD_ADDR(rt_exc_epc, ds3s_br)
	CHECK_WORD_ADDR(rt_exc_badvaddr, ds_data + 3)
	CHECK_BD(1)
	lw $t3, 0($s3)
	CHECK_EQ($t3, 0)
	lw $t3, 4($s3)
	CHECK_EQ($t3, 0)

	/* ---- 4. SYSCALL in the slot of a taken and of a not-taken branch ---- */
	CLEAR_EXC()
ds4a_br:
	b ds4a_tgt
	syscall
	nop
ds4a_tgt:
	CHECK_NEXC(1)
	CHECK_EXC(EXC_SYS)
	CHECK_WORD_ADDR(rt_exc_epc, ds4a_br)
	CHECK_BD(1)
	li $t0, 1
	CLEAR_EXC()
ds4b_br:
	beq $t0, $zero, ds_fail
	syscall
	CHECK_NEXC(1)
	CHECK_EXC(EXC_SYS)
	CHECK_WORD_ADDR(rt_exc_epc, ds4b_br)
	CHECK_BD(1)
	/* BREAK in the slot of J */
	CLEAR_EXC()
ds4c_br:
	j ds4c_tgt
	break
	nop
ds4c_tgt:
	CHECK_NEXC(1)
	CHECK_EXC(EXC_BP)
	CHECK_WORD_ADDR(rt_exc_epc, ds4c_br)
	CHECK_BD(1)

	/* ---- 5. TEQ that traps in the slot of JR / of a taken BGTZ ---- */
	la $t9, ds5_tgt
	CLEAR_EXC()
ds5_br:
	jr $t9
	teq $zero, $zero
	nop
ds5_tgt:
	CHECK_NEXC(1)
	CHECK_EXC(EXC_TR)
	CHECK_WORD_ADDR(rt_exc_epc, ds5_br)
	CHECK_BD(1)
	li $t0, 3
	CLEAR_EXC()
ds5b_br:
	bgtz $t0, ds5b_tgt
	tgei $t0, 3
	nop
ds5b_tgt:
	CHECK_NEXC(1)
	CHECK_EXC(EXC_TR)
	CHECK_WORD_ADDR(rt_exc_epc, ds5b_br)
	CHECK_BD(1)

	/* ---- 6. linking branches: $31 is already written when the slot faults ---- */
	li $ra, 0
	CLEAR_EXC()
ds6_br:
	jal ds_fail
	syscall
	nop
	CHECK_NEXC(1)
	CHECK_WORD_ADDR(rt_exc_epc, ds6_br)
	CHECK_BD(1)
	la $t9, ds6_br + 8
	CHECK_REG($ra, $t9)
	li $ra, 0
	li $t0, 1
	CLEAR_EXC()
ds6b_br:
	bltzal $t0, ds_fail         /* not taken, still links */
	syscall
	CHECK_NEXC(1)
	CHECK_WORD_ADDR(rt_exc_epc, ds6b_br)
	CHECK_BD(1)
	la $t9, ds6b_br + 8
	CHECK_REG($ra, $t9)
	li $t5, 0
	la $t9, ds_fail
	CLEAR_EXC()
ds6c_br:
	jalr $t5, $t9
	break
	nop
	CHECK_NEXC(1)
	CHECK_EXC(EXC_BP)
	CHECK_WORD_ADDR(rt_exc_epc, ds6c_br)
	CHECK_BD(1)
	la $t9, ds6c_br + 8
	CHECK_REG($t5, $t9)

	/* ---- 7. a likely branch, taken, faulting slot ---- */
	li $t0, 0x7fffffff
	li $t1, 1
	CLEAR_EXC()
ds7_br:
	beql $t1, $t1, ds7_tgt
	add $t2, $t0, $t1
	nop
ds7_tgt:
	CHECK_NEXC(1)
	CHECK_EXC(EXC_OV)
	CHECK_WORD_ADDR(rt_exc_epc, ds7_br)
	CHECK_BD(1)

	/* ---- 8. re-executing the branch from EPC completes it ---- */
	/* taken BEQ: the handler removes the overflow; the branch is re-executed,
	 * the slot runs once and control reaches the target */
	li $t0, 0x7fffffff
	li $t1, 1
	li $t8, 0
	li $t2, 0x5a
	li $s1, 0
	li $s0, 0
	CLEAR_EXC()
	SET_FIX()
ds8a_br:
	beq $t0, $t0, ds8a_tgt
	add $t2, $t0, $t1
	addiu $s1, $s1, 1
	b ds8a_done
	nop
ds8a_tgt:
	addiu $s1, $s1, 2
ds8a_done:
	CHECK_NEXC(1)
	CHECK_WORD_ADDR(rt_exc_epc, ds8a_br)
	CHECK_BD(1)
	CHECK_EQ($s1, 2)
	CHECK_EQ($t2, 0x7fffffff)
	/* not-taken BNE: re-execution falls through after the slot */
	li $t1, 1
	li $t8, 0
	li $t2, 0x5a
	li $s1, 0
	CLEAR_EXC()
	SET_FIX()
ds8b_br:
	bne $t0, $t0, ds_fail
	add $t2, $t0, $t1
	addiu $s1, $s1, 1
	CHECK_NEXC(1)
	CHECK_WORD_ADDR(rt_exc_epc, ds8b_br)
	CHECK_EQ($s1, 1)
	CHECK_EQ($t2, 0x7fffffff)
	/* JAL with a trapping TNE in the slot: the subroutine runs once and
	 * returns to jal + 8 */
	li $t1, 1
	li $t8, 0
	li $s0, 0
	li $s2, 0
	CLEAR_EXC()
	SET_FIX()
ds8c_br:
	jal ds_sub
	tne $t1, $zero
ds8c_ret:
	CHECK_NEXC(1)
	CHECK_EXC(EXC_TR)
	CHECK_WORD_ADDR(rt_exc_epc, ds8c_br)
	CHECK_BD(1)
	CHECK_EQ($s0, 1)
	la $t9, ds8c_ret
	CHECK_REG($s2, $t9)
	/* JR with a misaligned LW in the slot: the handler aligns the address */
	la $t1, ds_data + 1
	la $t8, ds_data + 4
	li $t0, 0x600dcafe
	sw $t0, 4($s3)
	li $t2, 0
	la $t9, ds8d_tgt
	CLEAR_EXC()
	SET_FIX()
ds8d_br:
	jr $t9
	lw $t2, 0($t1)
	FAIL_HERE()
ds8d_tgt:
	CHECK_NEXC(1)
	CHECK_EXC(EXC_ADEL)
	CHECK_WORD_ADDR(rt_exc_epc, ds8d_br)
	CHECK_WORD_ADDR(rt_exc_badvaddr, ds_data + 1)
	CHECK_EQ($t2, 0x600dcafe)
	/* BGEZAL (taken) re-executed: links, runs the subroutine once */
	li $t1, 1
	li $t8, 0
	li $s0, 0
	li $s2, 0
	CLEAR_EXC()
	SET_FIX()
ds8e_br:
	bgezal $zero, ds_sub
	tne $t1, $zero
ds8e_ret:
	CHECK_NEXC(1)
	CHECK_WORD_ADDR(rt_exc_epc, ds8e_br)
	CHECK_BD(1)
	CHECK_EQ($s0, 1)
	la $t9, ds8e_ret
	CHECK_REG($s2, $t9)
	/* taken likely branch re-executed: slot runs, target reached */
	li $t0, 0x7fffffff
	li $t1, 1
	li $t8, 0
	li $s1, 0
	CLEAR_EXC()
	SET_FIX()
ds8f_br:
	bnel $t0, $zero, ds8f_tgt
	add $t2, $t0, $t1
	addiu $s1, $s1, 1
	b ds8f_done
	nop
ds8f_tgt:
	addiu $s1, $s1, 2
ds8f_done:
	CHECK_NEXC(1)
	CHECK_EQ($s1, 2)
	CHECK_EQ($t2, 0x7fffffff)
	/* JALR rd != 31 re-executed */
	li $t1, 1
	li $t8, 0
	li $t5, 0
	la $t9, ds8g_tgt
	CLEAR_EXC()
	SET_FIX()
ds8g_br:
	jalr $t5, $t9
	tne $t1, $zero
	FAIL_HERE()
ds8g_tgt:
	CHECK_NEXC(1)
	CHECK_BD(1)
	la $t9, ds8g_br + 8
	CHECK_REG($t5, $t9)

	/* ---- 9. not in a delay slot: BD = 0 ---- */
	CLEAR_EXC()
ds9a:
	syscall
	CHECK_NEXC(1)
	CHECK_WORD_ADDR(rt_exc_epc, ds9a)
	CHECK_BD(0)
	li $t0, 0x7fffffff
	CLEAR_EXC()
ds9b:
	addi $t2, $t0, 1
	CHECK_EXC(EXC_OV)
	CHECK_WORD_ADDR(rt_exc_epc, ds9b)
	CHECK_BD(0)
	/* after a BD exception, the next one outside a slot clears BD again */
	CLEAR_EXC()
	b 1f
	syscall
1:	CHECK_BD(1)
	CLEAR_EXC()
	syscall
	CHECK_BD(0)
	/* the first instruction at the target of a taken branch */
	CLEAR_EXC()
	b ds9c
	nop
	FAIL_HERE()
ds9c:
	syscall
	CHECK_NEXC(1)
	CHECK_WORD_ADDR(rt_exc_epc, ds9c)
	CHECK_BD(0)
	/* the instruction after the slot of a not-taken branch */
	CLEAR_EXC()
	bne $zero, $zero, ds_fail
	nop
ds9d:
	break
	CHECK_NEXC(1)
	CHECK_EXC(EXC_BP)
	CHECK_WORD_ADDR(rt_exc_epc, ds9d)
	CHECK_BD(0)
	/* the instruction after the nullified slot of a not-taken likely branch */
	CLEAR_EXC()
	beql $zero, $t0, ds_fail
	nop
ds9e:
	syscall
	CHECK_NEXC(1)
	CHECK_WORD_ADDR(rt_exc_epc, ds9e)
	CHECK_BD(0)
	/* a jump to a misaligned target: AdEL on the fetch of the target,
	 * EPC = BadVAddr = the target, BD = 0 (the slot itself ran) */
	la $t9, ds9f_tgt + 2
	li $s0, 0
	CLEAR_EXC()
	la $t7, ds9f_resume         /* SET_RESUME(ds9f_resume): see the note at the top */
	sw $t7, rt_resume
	jr $t9
	addiu $s0, $s0, 1
	FAIL_HERE()
ds9f_tgt:
	FAIL_HERE()
	FAIL_HERE()
ds9f_resume:
	CHECK_NEXC(1)
	CHECK_EXC(EXC_ADEL)
	CHECK_WORD_ADDR(rt_exc_epc, ds9f_tgt + 2)
	CHECK_WORD_ADDR(rt_exc_badvaddr, ds9f_tgt + 2)
	CHECK_BD(0)
	CHECK_EQ($s0, 1)

	TEST_END()

/* leaf subroutine: $s0++, $s2 = $ra */
ds_sub:
	addiu $s0, $s0, 1
	jr $ra
	move $s2, $ra

ds_fail:
	FAIL_HERE()
	TEST_END()

/* custom exception handler (entered from rt_exc with the state untouched):
 * fix the faulting operand and return to EPC, i.e. re-execute the branch */
ds_fix:
	move $t1, $t8
	lui $k0, %hi(rt_handler)
	sw $zero, %lo(rt_handler)($k0)
	eret

	.data
	.align 4
ds_data: .word 0, 0, 0, 0
