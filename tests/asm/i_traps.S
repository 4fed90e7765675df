// LINK: both
/*
 * i_traps: TEQ TNE TGE TGEU TLT TLTU, TEQI TNEI TGEI TGEIU TLTI TLTIU,
 * SYSCALL, BREAK (MIPS32 Release 2 Vol. II).
 *   - a trap raises Tr (EXC_TR) exactly when its condition holds; EPC = the
 *     trap instruction; the runtime resumes at the next instruction.
 *   - TGE/TLT compare signed, TGEU/TLTU unsigned; the immediate forms
 *     sign-extend the 16-bit immediate, and TGEIU/TLTIU then compare UNSIGNED.
 *   - SYSCALL raises Sys, BREAK raises Bp, EPC = the instruction, whatever the
 *     code field; execution resumes after it.
 */
#include "harness.h"
	.set noreorder
	.text

/* Expected exception code: EXC_TR if traps else -1 (none since CLEAR_EXC).
 * Expected EPC: the instruction if traps else 0 (rt_exc_epc zeroed first). */
#define EXPECT_TRAP(traps) \
	CHECK_NEXC(traps); CHECK_EXC((traps) * (EXC_TR + 1) - 1); \
	la $t9, 9990b; li $t8, -(traps); and $t9, $t9, $t8; lw $t8, rt_exc_epc; CHECK_REG($t8, $t9)
/* register form */
#define T2(op, va, vb, traps) \
	li $t0, va; li $t1, vb; CLEAR_EXC(); sw $zero, rt_exc_epc; li $t3, 0; \
	9990: op $t0, $t1; addiu $t3, $t3, 1; \
	EXPECT_TRAP(traps); CHECK_EQ($t3, 1); CHECK_EQ($t0, va); CHECK_EQ($t1, vb)
/* immediate form */
#define TI(op, va, imm, traps) \
	li $t0, va; CLEAR_EXC(); sw $zero, rt_exc_epc; li $t3, 0; \
	9990: op $t0, imm; addiu $t3, $t3, 1; \
	EXPECT_TRAP(traps); CHECK_EQ($t3, 1); CHECK_EQ($t0, va)

	.globl test_main
test_main:
	/* ---- TEQ: rs == rt ---- */
	T2(teq, 0, 0, 1)
	T2(teq, 0xffffffff, 0xffffffff, 1)
	T2(teq, 0x80000000, 0x80000000, 1)
	T2(teq, 0, 1, 0)
	T2(teq, 0x80000000, 0, 0)
	T2(teq, 0xffffffff, 0x7fffffff, 0)
	/* ---- TNE: rs != rt ---- */
	T2(tne, 0, 0, 0)
	T2(tne, 0xffffffff, 0xffffffff, 0)
	T2(tne, 0x80000000, 0x80000000, 0)
	T2(tne, 0, 1, 1)
	T2(tne, 0x80000000, 0, 1)
	T2(tne, 0xffffffff, 0x7fffffff, 1)
	/* ---- TGE: signed rs >= rt ---- */
	T2(tge, 0, 0, 1)
	T2(tge, 1, 0, 1)
	T2(tge, 0, 1, 0)
	T2(tge, 0xffffffff, 0, 0)
	T2(tge, 0, 0xffffffff, 1)
	T2(tge, 0x7fffffff, 0x80000000, 1)
	T2(tge, 0x80000000, 0x7fffffff, 0)
	T2(tge, 0x80000000, 0x80000000, 1)
	T2(tge, 0x80000000, 0xffffffff, 0)
	/* ---- TGEU: unsigned rs >= rt ---- */
	T2(tgeu, 0, 0, 1)
	T2(tgeu, 0xffffffff, 0, 1)
	T2(tgeu, 0, 0xffffffff, 0)
	T2(tgeu, 0x80000000, 0x7fffffff, 1)
	T2(tgeu, 0x7fffffff, 0x80000000, 0)
	T2(tgeu, 0xffffffff, 0xffffffff, 1)
	T2(tgeu, 0xfffffffe, 0xffffffff, 0)
	/* ---- TLT: signed rs < rt ---- */
	T2(tlt, 0, 0, 0)
	T2(tlt, 1, 0, 0)
	T2(tlt, 0, 1, 1)
	T2(tlt, 0xffffffff, 0, 1)
	T2(tlt, 0, 0xffffffff, 0)
	T2(tlt, 0x7fffffff, 0x80000000, 0)
	T2(tlt, 0x80000000, 0x7fffffff, 1)
	T2(tlt, 0x80000000, 0x80000000, 0)
	T2(tlt, 0x80000000, 0xffffffff, 1)
	/* ---- TLTU: unsigned rs < rt ---- */
	T2(tltu, 0, 0, 0)
	T2(tltu, 0xffffffff, 0, 0)
	T2(tltu, 0, 0xffffffff, 1)
	T2(tltu, 0x80000000, 0x7fffffff, 0)
	T2(tltu, 0x7fffffff, 0x80000000, 1)
	T2(tltu, 0xffffffff, 0xffffffff, 0)
	T2(tltu, 0xfffffffe, 0xffffffff, 1)

	/* ---- TEQI ---- */
	TI(teqi, 0, 0, 1)
	TI(teqi, 0xffffffff, -1, 1)
	TI(teqi, 0xffff8000, -32768, 1)
	TI(teqi, 0x00008000, -32768, 0)
	TI(teqi, 0x00007fff, 32767, 1)
	TI(teqi, 1, 0, 0)
	TI(teqi, 0x0000ffff, -1, 0)
	/* ---- TNEI ---- */
	TI(tnei, 0, 0, 0)
	TI(tnei, 0xffffffff, -1, 0)
	TI(tnei, 0xffff8000, -32768, 0)
	TI(tnei, 0x00008000, -32768, 1)
	TI(tnei, 1, 0, 1)
	TI(tnei, 0x0000ffff, -1, 1)
	/* ---- TGEI: signed ---- */
	TI(tgei, 0, 0, 1)
	TI(tgei, 0xffffffff, 0, 0)
	TI(tgei, 0, -1, 1)
	TI(tgei, 0x80000000, -32768, 0)
	TI(tgei, 0x7fffffff, 32767, 1)
	TI(tgei, 0xffff8000, -32768, 1)
	TI(tgei, 0xffff7fff, -32768, 0)
	TI(tgei, 0x00007ffe, 32767, 0)
	/* ---- TGEIU: sign-extended immediate, unsigned compare ---- */
	TI(tgeiu, 0, 0, 1)
	TI(tgeiu, 0xffffffff, -1, 1)
	TI(tgeiu, 0xfffffffe, -1, 0)
	TI(tgeiu, 0x7fffffff, -32768, 0)     /* 0x7fffffff < 0xffff8000 */
	TI(tgeiu, 0xffff8000, -32768, 1)
	TI(tgeiu, 0x80000000, 0, 1)
	TI(tgeiu, 0x00008000, -32768, 0)
	TI(tgeiu, 0, 1, 0)
	TI(tgeiu, 0x00007fff, 32767, 1)
	/* ---- TLTI: signed ---- */
	TI(tlti, 0, 0, 0)
	TI(tlti, 0xffffffff, 0, 1)
	TI(tlti, 0, -1, 0)
	TI(tlti, 0x80000000, -32768, 1)
	TI(tlti, 0x7fffffff, 32767, 0)
	TI(tlti, 0xffff8000, -32768, 0)
	TI(tlti, 0xffff7fff, -32768, 1)
	TI(tlti, 0x00007ffe, 32767, 1)
	/* ---- TLTIU: sign-extended immediate, unsigned compare ---- */
	TI(tltiu, 0, 0, 0)
	TI(tltiu, 0xffffffff, -1, 0)
	TI(tltiu, 0xfffffffe, -1, 1)
	TI(tltiu, 0x7fffffff, -32768, 1)     /* 0x7fffffff < 0xffff8000 */
	TI(tltiu, 0xffff8000, -32768, 0)
	TI(tltiu, 0x80000000, 0, 0)
	TI(tltiu, 0x00008000, -32768, 1)
	TI(tltiu, 0, 1, 1)
	TI(tltiu, 0x00007fff, 32767, 0)

	/* code fields do not matter */
	CLEAR_EXC()
	teq $zero, $zero, 0x3ff
	CHECK_EXC(EXC_TR)
	CLEAR_EXC()
	tne $zero, $zero, 0x3ff
	CHECK_NEXC(0)
	/* same register as both operands */
	li $t0, 0x80000000
	CLEAR_EXC()
	tge $t0, $t0
	tltu $t0, $t0
	CHECK_NEXC(1)
	CHECK_EXC(EXC_TR)

	/* ---- SYSCALL ---- */
	li $t3, 0
	CLEAR_EXC()
tr_sys1:
	syscall
	addiu $t3, $t3, 1
	CHECK_NEXC(1)
	CHECK_EXC(EXC_SYS)
	CHECK_WORD_ADDR(rt_exc_epc, tr_sys1)
	CHECK_EQ($t3, 1)
	CLEAR_EXC()
tr_sys2:
	syscall 0xfffff
	CHECK_NEXC(1)
	CHECK_EXC(EXC_SYS)
	CHECK_WORD_ADDR(rt_exc_epc, tr_sys2)
	/* two in a row */
	CLEAR_EXC()
	syscall
tr_sys3:
	syscall 1
	CHECK_NEXC(2)
	CHECK_EXC(EXC_SYS)
	CHECK_WORD_ADDR(rt_exc_epc, tr_sys3)

	/* ---- BREAK ---- */
	li $t3, 0
	CLEAR_EXC()
tr_bp1:
	break
	addiu $t3, $t3, 1
	CHECK_NEXC(1)
	CHECK_EXC(EXC_BP)
	CHECK_WORD_ADDR(rt_exc_epc, tr_bp1)
	CHECK_EQ($t3, 1)
	CLEAR_EXC()
tr_bp2:
	break 1023, 1023
	CHECK_NEXC(1)
	CHECK_EXC(EXC_BP)
	CHECK_WORD_ADDR(rt_exc_epc, tr_bp2)
	CLEAR_EXC()
tr_bp3:
	break 7
	CHECK_EXC(EXC_BP)
	CHECK_WORD_ADDR(rt_exc_epc, tr_bp3)
	/* Cause.BD is clear for all of these */
	lw $t9, rt_exc_cause
	srl $t9, $t9, 31
	CHECK_EQ($t9, 0)

	TEST_END()
