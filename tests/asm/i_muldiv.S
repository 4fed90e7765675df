// LINK: both
/*
 * i_muldiv: MULT MULTU DIV DIVU MFHI MFLO MTHI MTLO MUL MADD MADDU MSUB MSUBU
 * CLZ CLO (MIPS32 Release 2 Vol. II).
 *   - DIV truncates toward zero; the remainder (HI) has the sign of the dividend.
 *   - 0x80000000 / -1 does not trap (LO = 0x80000000, HI = 0: the manual's
 *     pseudocode q = rs div rt truncated to 32 bits, r = 0).
 *   - division by zero does not trap; HI/LO are UNPREDICTABLE and not checked.
 *   - MADD/MSUB(U) accumulate into the 64-bit HI:LO with carries/borrows.
 *   - MUL writes rd only (HI/LO are UNPREDICTABLE after it, not checked).
 * Note: llvm-mc expands two-operand `div rs, rt` into a checking macro, so the
 * raw instruction is written `div $zero, rs, rt`.
 */
#include "harness.h"
	.set noreorder
	.text

/* op a, b then HI:LO == hi:lo; no exception */
#define HL(op, a, b, hi, lo) \
	li $t0, a; li $t1, b; CLEAR_EXC(); op; mfhi $t2; mflo $t3; \
	CHECK_EQ($t2, hi); CHECK_EQ($t3, lo); CHECK_NEXC(0); CHECK_EQ($t0, a); CHECK_EQ($t1, b)
#define MULT(a, b, hi, lo)  HL(mult $t0 COMMA $t1, a, b, hi, lo)
#define MULTU(a, b, hi, lo) HL(multu $t0 COMMA $t1, a, b, hi, lo)
#define DIV(a, b, hi, lo)   HL(div $zero COMMA $t0 COMMA $t1, a, b, hi, lo)
#define DIVU(a, b, hi, lo)  HL(divu $zero COMMA $t0 COMMA $t1, a, b, hi, lo)
#define COMMA ,
/* HI:LO = hi0:lo0, then op a, b, then HI:LO == hi:lo */
#define ACC(op, hi0, lo0, a, b, hi, lo) \
	li $t4, hi0; mthi $t4; li $t4, lo0; mtlo $t4; \
	li $t0, a; li $t1, b; CLEAR_EXC(); op $t0, $t1; mfhi $t2; mflo $t3; \
	CHECK_EQ($t2, hi); CHECK_EQ($t3, lo); CHECK_NEXC(0)
/* rd = MUL a, b */
#define MUL(a, b, want) \
	li $t0, a; li $t1, b; CLEAR_EXC(); mul $t2, $t0, $t1; CHECK_EQ($t2, want); CHECK_NEXC(0)
#define CL(op, a, want) \
	li $t0, a; li $t2, 0x5a5a5a5a; op $t2, $t0; CHECK_EQ($t2, want); CHECK_EQ($t0, a)

	.globl test_main
test_main:
	/* ---- MTHI / MTLO / MFHI / MFLO ---- */
	li $t0, 0x12345678
	li $t1, 0x9abcdef0
	mthi $t0
	mtlo $t1
	mfhi $t2
	mflo $t3
	CHECK_EQ($t2, 0x12345678)
	CHECK_EQ($t3, 0x9abcdef0)
	mtlo $zero                  /* MTLO leaves HI alone */
	mfhi $t2
	mflo $t3
	CHECK_EQ($t2, 0x12345678)
	CHECK_EQ($t3, 0)
	li $t0, 0xffffffff
	mthi $t0
	mfhi $t2
	mflo $t3
	CHECK_EQ($t2, 0xffffffff)
	CHECK_EQ($t3, 0)
	mfhi $zero
	CHECK_EQ($zero, 0)

	/* ---- MULT (signed 32x32 -> 64) ---- */
	MULT(0, 0, 0, 0)
	MULT(1, 1, 0, 1)
	MULT(0xffffffff, 0xffffffff, 0, 1)
	MULT(0xffffffff, 1, 0xffffffff, 0xffffffff)
	MULT(1, 0xffffffff, 0xffffffff, 0xffffffff)
	MULT(0x80000000, 0x80000000, 0x40000000, 0)
	MULT(0x7fffffff, 0x7fffffff, 0x3fffffff, 0x00000001)
	MULT(0x80000000, 0x7fffffff, 0xc0000000, 0x80000000)
	MULT(0x80000000, 0xffffffff, 0, 0x80000000)
	MULT(0x80000000, 1, 0xffffffff, 0x80000000)
	MULT(0x12345678, 0x10, 0x00000001, 0x23456780)
	MULT(0x00010000, 0x00010000, 1, 0)
	MULT(0xffff0000, 0x00010000, 0xffffffff, 0)
	MULT(123456789, 0xffffffff - 987654321 + 1, 0xfe4eceeb, 0x0400ac7b)

	/* ---- MULTU (unsigned) ---- */
	MULTU(0xffffffff, 0xffffffff, 0xfffffffe, 0x00000001)
	MULTU(0xffffffff, 1, 0, 0xffffffff)
	MULTU(0x80000000, 2, 1, 0)
	MULTU(0x80000000, 0x80000000, 0x40000000, 0)
	MULTU(0x80000000, 0xffffffff, 0x7fffffff, 0x80000000)
	MULTU(0x12345678, 0x9abcdef0, 0x0b00ea4e, 0x242d2080)
	MULTU(0, 0xffffffff, 0, 0)

	/* ---- DIV (signed, truncating) ---- */
	DIV(7, 2, 1, 3)
	DIV(7, 0xfffffffe, 1, 0xfffffffd)               /*  7 / -2 = -3 r  1 */
	DIV(0xfffffff9, 2, 0xffffffff, 0xfffffffd)      /* -7 /  2 = -3 r -1 */
	DIV(0xfffffff9, 0xfffffffe, 0xffffffff, 3)      /* -7 / -2 =  3 r -1 */
	DIV(6, 3, 0, 2)
	DIV(1, 2, 1, 0)
	DIV(0xffffffff, 2, 0xffffffff, 0)               /* -1 / 2 = 0 r -1 */
	DIV(0x80000000, 1, 0, 0x80000000)
	DIV(0x80000000, 2, 0, 0xc0000000)
	DIV(0x7fffffff, 0xffffffff, 0, 0x80000001)
	DIV(0x80000000, 0x7fffffff, 0xffffffff, 0xffffffff)
	DIV(0x7fffffff, 0x80000000, 0x7fffffff, 0)
	DIV(0x80000000, 0x80000000, 0, 1)
	DIV(0, 0xffffffff, 0, 0)
	/* the one overflowing signed quotient: no exception */
	DIV(0x80000000, 0xffffffff, 0, 0x80000000)

	/* ---- DIVU (unsigned) ---- */
	DIVU(7, 2, 1, 3)
	DIVU(0xffffffff, 2, 1, 0x7fffffff)
	DIVU(0x80000000, 0xffffffff, 0x80000000, 0)
	DIVU(0xffffffff, 0xffffffff, 0, 1)
	DIVU(0xfffffff9, 0xfffffffe, 0xfffffff9, 0)
	DIVU(0x80000000, 1, 0, 0x80000000)
	DIVU(0x80000000, 0x10, 0, 0x08000000)
	DIVU(100, 7, 2, 14)
	DIVU(0x9abcdef0, 0x12345, 0x000036f0, 0x00008800)

	/* ---- division by zero: no trap (results UNPREDICTABLE, not checked) ---- */
	li $t5, 0
	li $t0, 1234
	CLEAR_EXC()
	div $zero, $t0, $t5
	mflo $t2
	mfhi $t3
	CHECK_NEXC(0)
	li $t0, 0x80000000
	CLEAR_EXC()
	divu $zero, $t0, $t5
	mflo $t2
	mfhi $t3
	CHECK_NEXC(0)
	li $t0, 0
	CLEAR_EXC()
	div $zero, $t0, $t5
	mflo $t2
	CHECK_NEXC(0)

	/* ---- MUL: low 32 bits of the signed product into rd ---- */
	MUL(3, 4, 12)
	MUL(0xffffffff, 0xffffffff, 1)
	MUL(0xffffffff, 5, 0xfffffffb)
	MUL(0x80000000, 0xffffffff, 0x80000000)
	MUL(0x7fffffff, 0x7fffffff, 1)
	MUL(0x12345678, 0x10, 0x23456780)
	MUL(0x00010001, 0x00010001, 0x00020001)
	MUL(0x80000000, 2, 0)
	li $t0, 3
	li $t1, 5
	mul $zero, $t0, $t1
	CHECK_EQ($zero, 0)
	li $t0, 7
	mul $t0, $t0, $t0
	CHECK_EQ($t0, 49)

	/* ---- MADD: HI:LO += signed rs*rt ---- */
	ACC(madd, 0, 0, 3, 4, 0, 12)
	ACC(madd, 0, 0xffffffff, 1, 1, 1, 0)                   /* carry into HI */
	ACC(madd, 0, 0, 0xffffffff, 1, 0xffffffff, 0xffffffff)  /* negative product */
	ACC(madd, 0, 1, 0xffffffff, 1, 0, 0)                    /* 1 + -1 */
	ACC(madd, 0x7fffffff, 0xffffffff, 1, 1, 0x80000000, 0)  /* 64-bit wrap, no trap */
	ACC(madd, 0x12345678, 0x9abcdef0, 0x80000000, 0x80000000, 0x52345678, 0x9abcdef0)
	ACC(madd, 5, 0, 0xffffffff, 0xffffffff, 5, 1)
	ACC(madd, 0, 0x80000000, 0x80000000, 1, 0, 0)           /* 2^31 - 2^31 */
	/* ---- MADDU: unsigned ---- */
	ACC(maddu, 0, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0)
	ACC(maddu, 0, 0xffffffff, 1, 1, 1, 0)
	ACC(maddu, 0, 0, 0xffffffff, 1, 0, 0xffffffff)          /* unsigned: no sign */
	ACC(maddu, 0xffffffff, 0xffffffff, 1, 1, 0, 0)          /* 64-bit wrap */
	ACC(maddu, 0x00000001, 0x80000000, 0x80000000, 2, 0x00000002, 0x80000000)
	/* ---- MSUB: HI:LO -= signed rs*rt ---- */
	ACC(msub, 0, 12, 3, 4, 0, 0)
	ACC(msub, 1, 0, 1, 1, 0, 0xffffffff)                    /* borrow from HI */
	ACC(msub, 0, 0, 1, 1, 0xffffffff, 0xffffffff)
	ACC(msub, 0, 0, 0xffffffff, 1, 0, 1)                    /* 0 - (-1) */
	ACC(msub, 0x80000000, 0, 1, 1, 0x7fffffff, 0xffffffff)  /* 64-bit wrap, no trap */
	ACC(msub, 0, 0, 0x80000000, 0x80000000, 0xc0000000, 0)
	/* ---- MSUBU: unsigned ---- */
	ACC(msubu, 0, 0, 0xffffffff, 1, 0xffffffff, 0x00000001)
	ACC(msubu, 1, 0, 1, 1, 0, 0xffffffff)
	ACC(msubu, 0, 0, 0xffffffff, 0xffffffff, 0x00000001, 0xffffffff)
	ACC(msubu, 0xfffffffe, 0x00000001, 0xffffffff, 0xffffffff, 0, 0)
	/* accumulate several in a row */
	mthi $zero
	mtlo $zero
	li $t0, 0x10000
	li $t1, 0x10000
	madd $t0, $t1
	madd $t0, $t1
	maddu $t0, $t1
	msub $t0, $t1
	mfhi $t2
	mflo $t3
	CHECK_EQ($t2, 2)
	CHECK_EQ($t3, 0)

	/* ---- CLZ ---- */
	CL(clz, 0, 32)
	CL(clz, 0xffffffff, 0)
	CL(clz, 0x80000000, 0)
	CL(clz, 0x40000000, 1)
	CL(clz, 0x00010000, 15)
	CL(clz, 0x00008000, 16)
	CL(clz, 0x00000002, 30)
	CL(clz, 0x00000001, 31)
	CL(clz, 0x7fffffff, 1)
	CL(clz, 0x00012345, 15)
	/* ---- CLO ---- */
	CL(clo, 0xffffffff, 32)
	CL(clo, 0, 0)
	CL(clo, 0x80000000, 1)
	CL(clo, 0x7fffffff, 0)
	CL(clo, 0xc0000000, 2)
	CL(clo, 0xffff0000, 16)
	CL(clo, 0xffff7fff, 16)
	CL(clo, 0xfffffffe, 31)
	CL(clo, 0xfffffffd, 30)
	li $t0, 0x00f00000
	clz $t0, $t0
	CHECK_EQ($t0, 8)

	TEST_END()
