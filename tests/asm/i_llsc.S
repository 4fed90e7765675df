// LINK: both
/*
 * i_llsc: LL / SC (MIPS32 Release 2 Vol. II).
 *   - LL loads the word; SC after it (same address, nothing in between)
 *     stores rt and sets rt = 1.
 *   - ERET clears LLbit, so an exception (whose handler ERETs) between LL and
 *     SC makes the SC fail: rt = 0 and memory unchanged. The same makes an
 *     "SC without LL" (no LL since the last ERET) fail.
 *   - LL/SC are word accesses: misaligned addresses raise AdEL/AdES.
 * Not tested (UNPREDICTABLE per the manual): an SC with no LL ever executed,
 * stores or loads between LL and SC, a second SC after a successful SC.
 */
#include "harness.h"
	.set noreorder
	.text

	.globl test_main
test_main:
	la $s0, llsc_word
	li $t0, 100
	sw $t0, 0($s0)

	/* ---- success ---- */
	CLEAR_EXC()
	ll $t0, 0($s0)
	move $t4, $t0
	addiu $t0, $t0, 1
	sc $t0, 0($s0)
	CHECK_EQ($t4, 100)
	CHECK_EQ($t0, 1)
	lw $t1, 0($s0)
	CHECK_EQ($t1, 101)
	CHECK_NEXC(0)

	/* success with ALU work in between and an offset */
	la $s1, llsc_word - 8
	ll $t2, 8($s1)
	sll $t3, $t2, 1
	addu $t3, $t3, $t2
	sc $t3, 8($s1)
	CHECK_EQ($t2, 101)
	CHECK_EQ($t3, 1)
	lw $t1, 0($s0)
	CHECK_EQ($t1, 303)

	/* the classic retry loop: terminates with the first attempt */
	li $t5, 0
llsc_retry:
	ll $t0, 0($s0)
	addiu $t5, $t5, 1
	addiu $t0, $t0, 10
	sc $t0, 0($s0)
	beqz $t0, llsc_retry
	nop
	CHECK_EQ($t5, 1)
	lw $t1, 0($s0)
	CHECK_EQ($t1, 313)

	/* ---- SYSCALL (handler ERETs) between LL and SC: SC fails ---- */
	CLEAR_EXC()
	ll $t0, 0($s0)
	li $t0, 0x77777777
	syscall
	sc $t0, 0($s0)
	CHECK_EQ($t0, 0)
	lw $t1, 0($s0)
	CHECK_EQ($t1, 313)
	CHECK_NEXC(1)
	CHECK_EXC(EXC_SYS)

	/* ---- SC with no LL since the last ERET fails ---- */
	ll $t0, 0($s0)              /* a successful pair first */
	sc $t0, 0($s0)
	CHECK_EQ($t0, 1)
	CLEAR_EXC()
	syscall                     /* ERET clears LLbit */
	li $t0, 0x66666666
	sc $t0, 0($s0)
	CHECK_EQ($t0, 0)
	lw $t1, 0($s0)
	CHECK_EQ($t1, 313)
	/* ... and again, without any exception in between */
	li $t0, 0x66666666
	sc $t0, 0($s0)
	CHECK_EQ($t0, 0)
	lw $t1, 0($s0)
	CHECK_EQ($t1, 313)

	/* ---- other exceptions between LL and SC: BREAK, a trap, an Ov ---- */
	CLEAR_EXC()
	ll $t0, 0($s0)
	break
	li $t0, 0x55555555
	sc $t0, 0($s0)
	CHECK_EQ($t0, 0)
	CHECK_EXC(EXC_BP)
	CLEAR_EXC()
	ll $t0, 0($s0)
	teq $zero, $zero
	sc $t0, 0($s0)
	CHECK_EQ($t0, 0)
	CHECK_EXC(EXC_TR)
	CLEAR_EXC()
	ll $t0, 0($s0)
	li $t1, 0x7fffffff
	add $t2, $t1, $t1
	sc $t0, 0($s0)
	CHECK_EQ($t0, 0)
	CHECK_EXC(EXC_OV)
	lw $t1, 0($s0)
	CHECK_EQ($t1, 313)

	/* after the failure, a fresh LL/SC pair succeeds again */
	ll $t0, 0($s0)
	addiu $t0, $t0, -13
	sc $t0, 0($s0)
	CHECK_EQ($t0, 1)
	lw $t1, 0($s0)
	CHECK_EQ($t1, 300)

	/* ---- misaligned LL / SC ---- */
	li $t0, 0x5a5a5a5a
	CLEAR_EXC()
llsc_ll_bad:
	ll $t0, 2($s0)
	CHECK_NEXC(1)
	CHECK_EXC(EXC_ADEL)
	CHECK_WORD_ADDR(rt_exc_epc, llsc_ll_bad)
	CHECK_WORD_ADDR(rt_exc_badvaddr, llsc_word + 2)
	CHECK_EQ($t0, 0x5a5a5a5a)
	ll $t0, 0($s0)
	li $t0, 0x12345678
	CLEAR_EXC()
llsc_sc_bad:
	sc $t0, 1($s0)
	CHECK_NEXC(1)
	CHECK_EXC(EXC_ADES)
	CHECK_WORD_ADDR(rt_exc_epc, llsc_sc_bad)
	CHECK_WORD_ADDR(rt_exc_badvaddr, llsc_word + 1)
	lw $t1, 0($s0)
	CHECK_EQ($t1, 300)
	lw $t1, 4($s0)
	CHECK_EQ($t1, 0)

	TEST_END()

	.data
	.align 4
llsc_word: .word 0, 0, 0, 0
