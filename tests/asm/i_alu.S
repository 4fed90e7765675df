// LINK: both
/*
 * i_alu: ALU instructions, MIPS32 Release 2 Vol. II semantics.
 *   ADD/ADDI/SUB: 32-bit 2's complement overflow raises Ov (EXC_OV), EPC = the
 *     instruction, and the destination is NOT modified (even if it is a source).
 *   ADDU/ADDIU/SUBU: wrap, never trap.
 *   AND/OR/XOR/NOR; ANDI/ORI/XORI zero-extend the immediate; LUI.
 *   SLT/SLTU/SLTI/SLTIU (SLTIU sign-extends the immediate, compares unsigned).
 *   Writes to $zero are discarded (and an overflowing ADD to $zero still traps).
 */
#include "harness.h"
	.set noreorder
	.text

/* rd = a OP b, no exception */
#define RR(op, a, b, want) \
	li $t0, a; li $t1, b; li $t2, 0x5a5a5a5a; CLEAR_EXC(); op $t2, $t0, $t1; \
	CHECK_EQ($t2, want); CHECK_NEXC(0); CHECK_EQ($t0, a); CHECK_EQ($t1, b)
/* rt = a OP imm */
#define RI(op, a, imm, want) \
	li $t0, a; li $t2, 0x5a5a5a5a; CLEAR_EXC(); op $t2, $t0, imm; \
	CHECK_EQ($t2, want); CHECK_NEXC(0); CHECK_EQ($t0, a)
/* rd = a OP b overflows: Ov at the instruction, rd unchanged */
#define RR_OV(op, a, b) \
	li $t0, a; li $t1, b; li $t2, 0x5a5a5a5a; CLEAR_EXC(); \
	9990: op $t2, $t0, $t1; \
	CHECK_NEXC(1); CHECK_EXC(EXC_OV); CHECK_WORD_ADDR(rt_exc_epc, 9990b); \
	CHECK_EQ($t2, 0x5a5a5a5a); CHECK_EQ($t0, a); CHECK_EQ($t1, b)
#define RI_OV(op, a, imm) \
	li $t0, a; li $t2, 0x5a5a5a5a; CLEAR_EXC(); \
	9990: op $t2, $t0, imm; \
	CHECK_NEXC(1); CHECK_EXC(EXC_OV); CHECK_WORD_ADDR(rt_exc_epc, 9990b); \
	CHECK_EQ($t2, 0x5a5a5a5a); CHECK_EQ($t0, a)

	.globl test_main
test_main:
	/* ---- ADD ---- */
	RR(add, 1, 2, 3)
	RR(add, -1, 1, 0)
	RR(add, 0x7fffffff, 0x80000000, 0xffffffff)
	RR(add, 0x7fffffff, 0, 0x7fffffff)
	RR(add, 0x80000000, 0, 0x80000000)
	RR(add, 0x80000000, 0x7fffffff, 0xffffffff)
	RR(add, 0x40000000, 0x3fffffff, 0x7fffffff)
	RR(add, 0xc0000000, 0xc0000000, 0x80000000)
	RR_OV(add, 0x7fffffff, 1)
	RR_OV(add, 1, 0x7fffffff)
	RR_OV(add, 0x80000000, 0xffffffff)
	RR_OV(add, 0x80000000, 0x80000000)
	RR_OV(add, 0x7fffffff, 0x7fffffff)
	RR_OV(add, 0x40000000, 0x40000000)
	RR_OV(add, 0xbfffffff, 0xc0000000)

	/* overflow with the destination also a source: still unchanged */
	li $t0, 0x7fffffff
	li $t1, 1
	CLEAR_EXC()
	add $t0, $t0, $t1
	CHECK_EXC(EXC_OV)
	CHECK_EQ($t0, 0x7fffffff)
	li $t0, 0x80000000
	CLEAR_EXC()
	add $t0, $t0, $t0
	CHECK_EXC(EXC_OV)
	CHECK_EQ($t0, 0x80000000)
	/* overflow with rd = $zero: still an exception */
	li $t0, 0x7fffffff
	li $t1, 1
	CLEAR_EXC()
ov_zero:
	add $zero, $t0, $t1
	CHECK_NEXC(1)
	CHECK_EXC(EXC_OV)
	CHECK_WORD_ADDR(rt_exc_epc, ov_zero)
	CHECK_EQ($zero, 0)
	/* ADDI with rt = $zero overflowing: still an exception */
	li $t0, 0x80000000
	CLEAR_EXC()
ov_zero_i:
	addi $zero, $t0, -1
	CHECK_NEXC(1)
	CHECK_EXC(EXC_OV)
	CHECK_WORD_ADDR(rt_exc_epc, ov_zero_i)
	/* SUB with rd = $zero overflowing */
	li $t0, 0
	li $t1, 0x80000000
	CLEAR_EXC()
	sub $zero, $t0, $t1
	CHECK_NEXC(1)
	CHECK_EXC(EXC_OV)
	/* the runtime resumed right after the faulting instruction */
	li $t3, 0
	li $t0, 0x7fffffff
	li $t1, 1
	CLEAR_EXC()
	add $t2, $t0, $t1
	addiu $t3, $t3, 1
	CHECK_EQ($t3, 1)
	CHECK_NEXC(1)

	/* ---- ADDI (sign-extended immediate) ---- */
	RI(addi, 1, 2, 3)
	RI(addi, 0, -1, 0xffffffff)
	RI(addi, 0, -32768, 0xffff8000)
	RI(addi, 0, 32767, 0x00007fff)
	RI(addi, 0x7fffffff, -1, 0x7ffffffe)
	RI(addi, 0x80000000, 1, 0x80000001)
	RI(addi, 0x7fff8000, 32767, 0x7fffffff)
	RI(addi, 0x80008000, -32768, 0x80000000)
	RI_OV(addi, 0x7fffffff, 1)
	RI_OV(addi, 0x80000000, -1)
	RI_OV(addi, 0x7fff8001, 32767)
	RI_OV(addi, 0x80007fff, -32768)

	/* ---- SUB ---- */
	RR(sub, 3, 2, 1)
	RR(sub, 0, 1, 0xffffffff)
	RR(sub, 0xffffffff, 0x7fffffff, 0x80000000)
	RR(sub, 0x80000000, 0x80000000, 0)
	RR(sub, 0x7fffffff, 0x7fffffff, 0)
	RR(sub, 0, 0x7fffffff, 0x80000001)
	RR(sub, 0xfffffffe, 0x7ffffffe, 0x80000000)
	RR_OV(sub, 0x80000000, 1)
	RR_OV(sub, 0x7fffffff, 0xffffffff)
	RR_OV(sub, 0, 0x80000000)
	RR_OV(sub, 0x7fffffff, 0x80000000)
	RR_OV(sub, 0x80000000, 0x7fffffff)
	RR_OV(sub, 0xfffffffe, 0x7fffffff)
	li $t0, 0x80000000
	li $t1, 1
	CLEAR_EXC()
	sub $t1, $t0, $t1
	CHECK_EXC(EXC_OV)
	CHECK_EQ($t1, 1)

	/* ---- ADDU / ADDIU / SUBU wrap silently ---- */
	RR(addu, 0x7fffffff, 1, 0x80000000)
	RR(addu, 0x80000000, 0xffffffff, 0x7fffffff)
	RR(addu, 0x80000000, 0x80000000, 0)
	RR(addu, 0xffffffff, 0xffffffff, 0xfffffffe)
	RR(addu, 0xffffffff, 1, 0)
	RI(addiu, 0x7fffffff, 1, 0x80000000)
	RI(addiu, 0x80000000, -1, 0x7fffffff)
	RI(addiu, 0xffffffff, 1, 0)
	RI(addiu, 0, -32768, 0xffff8000)
	RI(addiu, 0, 32767, 0x7fff)
	RI(addiu, 0x7fff8001, 32767, 0x80000000)
	RR(subu, 0x80000000, 1, 0x7fffffff)
	RR(subu, 0x7fffffff, 0xffffffff, 0x80000000)
	RR(subu, 0, 0x80000000, 0x80000000)
	RR(subu, 0, 1, 0xffffffff)
	RR(subu, 5, 5, 0)

	/* ---- logical ---- */
	RR(and, 0xff00ff00, 0x0ff00ff0, 0x0f000f00)
	RR(and, 0xffffffff, 0x80000001, 0x80000001)
	RR(and, 0, 0xffffffff, 0)
	RR(or, 0xff00ff00, 0x0ff00ff0, 0xfff0fff0)
	RR(or, 0x80000000, 1, 0x80000001)
	RR(or, 0, 0, 0)
	RR(xor, 0xff00ff00, 0x0ff00ff0, 0xf0f0f0f0)
	RR(xor, 0xffffffff, 0xffffffff, 0)
	RR(xor, 0x80000000, 0xffffffff, 0x7fffffff)
	RR(nor, 0xff00ff00, 0x0ff00ff0, 0x000f000f)
	RR(nor, 0, 0, 0xffffffff)
	RR(nor, 0xffffffff, 0, 0)
	RR(nor, 0x80000000, 0x00000001, 0x7ffffffe)
	/* immediates are ZERO-extended */
	RI(andi, 0xffffffff, 0xffff, 0x0000ffff)
	RI(andi, 0xffffffff, 0x8000, 0x00008000)
	RI(andi, 0x12345678, 0x0ff0, 0x00000670)
	RI(andi, 0xffffffff, 0, 0)
	RI(ori, 0, 0x8000, 0x00008000)
	RI(ori, 0, 0xffff, 0x0000ffff)
	RI(ori, 0x80000000, 0x8001, 0x80008001)
	RI(ori, 0x12340000, 0x5678, 0x12345678)
	RI(xori, 0xffffffff, 0xffff, 0xffff0000)
	RI(xori, 0, 0x8000, 0x00008000)
	RI(xori, 0x12345678, 0xffff, 0x1234a987)

	/* ---- LUI ---- */
	li $t2, 0x5a5a5a5a
	lui $t2, 0xffff
	CHECK_EQ($t2, 0xffff0000)
	lui $t2, 0x8000
	CHECK_EQ($t2, 0x80000000)
	lui $t2, 0
	CHECK_EQ($t2, 0)
	lui $t2, 1
	CHECK_EQ($t2, 0x00010000)
	lui $t2, 0x1234
	CHECK_EQ($t2, 0x12340000)

	/* ---- SLT / SLTU ---- */
	RR(slt, 0, 0, 0)
	RR(slt, 0xffffffff, 0, 1)
	RR(slt, 0, 0xffffffff, 0)
	RR(slt, 0x80000000, 0x7fffffff, 1)
	RR(slt, 0x7fffffff, 0x80000000, 0)
	RR(slt, 0x80000000, 0xffffffff, 1)
	RR(slt, 0xffffffff, 0x80000000, 0)
	RR(slt, 0x80000000, 0x80000000, 0)
	RR(slt, 0x7ffffffe, 0x7fffffff, 1)
	RR(slt, 0x80000000, 0, 1)
	RR(sltu, 0, 0, 0)
	RR(sltu, 0xffffffff, 0, 0)
	RR(sltu, 0, 0xffffffff, 1)
	RR(sltu, 0x80000000, 0x7fffffff, 0)
	RR(sltu, 0x7fffffff, 0x80000000, 1)
	RR(sltu, 0x80000000, 0xffffffff, 1)
	RR(sltu, 0xffffffff, 0x80000000, 0)
	RR(sltu, 0xffffffff, 0xffffffff, 0)
	RR(sltu, 0xfffffffe, 0xffffffff, 1)
	RR(sltu, 0, 1, 1)

	/* ---- SLTI (signed) ---- */
	RI(slti, 0, 0, 0)
	RI(slti, 0, 1, 1)
	RI(slti, 0, -1, 0)
	RI(slti, 0xffffffff, 0, 1)
	RI(slti, 0xffffffff, -1, 0)
	RI(slti, 0x80000000, -32768, 1)
	RI(slti, 0x80000000, 0, 1)
	RI(slti, 0x7fffffff, 32767, 0)
	RI(slti, 0x7fffffff, -32768, 0)
	RI(slti, 0xffff8000, -32768, 0)
	RI(slti, 0xffff7fff, -32768, 1)
	RI(slti, 0x00007ffe, 32767, 1)

	/* ---- SLTIU: immediate sign-extended, then an UNSIGNED compare ---- */
	RI(sltiu, 0, 0, 0)
	RI(sltiu, 0, 1, 1)
	RI(sltiu, 0, -1, 1)                 /* 0 < 0xffffffff */
	RI(sltiu, 0xffffffff, -1, 0)        /* 0xffffffff < 0xffffffff: no */
	RI(sltiu, 0xfffffffe, -1, 1)
	RI(sltiu, 0x80000000, -32768, 1)    /* 0x80000000 < 0xffff8000 */
	RI(sltiu, 0xffff8000, -32768, 0)
	RI(sltiu, 0xffff7fff, -32768, 1)
	RI(sltiu, 0x7fffffff, 32767, 0)
	RI(sltiu, 0x7fffffff, -1, 1)
	RI(sltiu, 0x80000000, 0, 0)
	RI(sltiu, 0xffffffff, 0, 0)
	RI(sltiu, 0x00007ffe, 32767, 1)
	RI(sltiu, 0x00008000, -32768, 1)    /* 0x8000 < 0xffff8000 */

	/* ---- writes to $zero are discarded ---- */
	li $t0, 0x12345678
	li $t1, 0x11111111
	addu $zero, $t0, $t1
	CHECK_EQ($zero, 0)
	addiu $zero, $zero, 1
	CHECK_EQ($zero, 0)
	lui $zero, 0xffff
	CHECK_EQ($zero, 0)
	ori $zero, $t0, 0xffff
	CHECK_EQ($zero, 0)
	nor $zero, $zero, $zero
	CHECK_EQ($zero, 0)
	slti $zero, $zero, 1
	CHECK_EQ($zero, 0)
	add $zero, $t0, $t1
	CHECK_EQ($zero, 0)
	/* $zero as a source reads 0 afterwards */
	addu $t2, $zero, $zero
	CHECK_EQ($t2, 0)
	or $t2, $t0, $zero
	CHECK_EQ($t2, 0x12345678)

	TEST_END()
