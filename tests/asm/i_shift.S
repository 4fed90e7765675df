// LINK: both
/*
 * i_shift: SLL SRL SRA SLLV SRLV SRAV ROTR ROTRV (MIPS32 Release 2 Vol. II).
 * Shift amounts 0, 1, 31 and others; the variable forms use only the low
 * 5 bits of rs; sources aliasing the destination; SLL to $zero (nop forms).
 */
#include "harness.h"
	.set noreorder
	.text

/* rd = a SHIFT sa */
#define SH(op, a, sa, want) \
	li $t0, a; li $t2, 0x5a5a5a5a; op $t2, $t0, sa; CHECK_EQ($t2, want); CHECK_EQ($t0, a)
/* rd = a SHIFTV s (s any 32-bit value: only s & 31 counts) */
#define SHV(op, a, s, want) \
	li $t0, a; li $t1, s; li $t2, 0x5a5a5a5a; op $t2, $t0, $t1; CHECK_EQ($t2, want); \
	CHECK_EQ($t0, a); CHECK_EQ($t1, s)

	.globl test_main
test_main:
	/* ---- SLL ---- */
	SH(sll, 0x12345678, 0, 0x12345678)
	SH(sll, 0x80000001, 0, 0x80000001)
	SH(sll, 0x80000001, 1, 0x00000002)
	SH(sll, 0x40000000, 1, 0x80000000)
	SH(sll, 0x00000001, 31, 0x80000000)
	SH(sll, 0xfffffffe, 31, 0x00000000)
	SH(sll, 0xffffffff, 31, 0x80000000)
	SH(sll, 0x12345678, 4, 0x23456780)
	SH(sll, 0x12345678, 16, 0x56780000)
	SH(sll, 0xffffffff, 30, 0xc0000000)

	/* ---- SRL (logical: zero fill) ---- */
	SH(srl, 0x87654321, 0, 0x87654321)
	SH(srl, 0x80000000, 1, 0x40000000)
	SH(srl, 0xffffffff, 1, 0x7fffffff)
	SH(srl, 0x80000000, 31, 0x00000001)
	SH(srl, 0x7fffffff, 31, 0x00000000)
	SH(srl, 0xffffffff, 31, 0x00000001)
	SH(srl, 0x87654321, 4, 0x08765432)
	SH(srl, 0x87654321, 16, 0x00008765)
	SH(srl, 0x00000001, 1, 0)

	/* ---- SRA (arithmetic: sign fill) ---- */
	SH(sra, 0x87654321, 0, 0x87654321)
	SH(sra, 0x80000000, 1, 0xc0000000)
	SH(sra, 0x80000001, 1, 0xc0000000)
	SH(sra, 0x7fffffff, 1, 0x3fffffff)
	SH(sra, 0x80000000, 31, 0xffffffff)
	SH(sra, 0x7fffffff, 31, 0x00000000)
	SH(sra, 0xffffffff, 31, 0xffffffff)
	SH(sra, 0xffffffff, 1, 0xffffffff)
	SH(sra, 0x87654321, 4, 0xf8765432)
	SH(sra, 0x87654321, 16, 0xffff8765)
	SH(sra, 0x47654321, 16, 0x00004765)

	/* ---- ROTR ---- */
	SH(rotr, 0x12345678, 0, 0x12345678)
	SH(rotr, 0x80000001, 1, 0xc0000000)
	SH(rotr, 0x00000001, 1, 0x80000000)
	SH(rotr, 0x80000001, 31, 0x00000003)
	SH(rotr, 0x12345678, 31, 0x2468acf0)
	SH(rotr, 0x12345678, 4, 0x81234567)
	SH(rotr, 0x12345678, 16, 0x56781234)
	SH(rotr, 0x12345678, 8, 0x78123456)
	SH(rotr, 0xffffffff, 13, 0xffffffff)

	/* ---- SLLV: only rs[4:0] ---- */
	SHV(sllv, 0x80000001, 0, 0x80000001)
	SHV(sllv, 0x80000001, 1, 0x00000002)
	SHV(sllv, 0x00000001, 31, 0x80000000)
	SHV(sllv, 0x00000001, 32, 0x00000001)
	SHV(sllv, 0x00000001, 33, 0x00000002)
	SHV(sllv, 0x00000001, 0xffffffff, 0x80000000)
	SHV(sllv, 0x00000001, 0x80000000, 0x00000001)
	SHV(sllv, 0x00000001, 0xffffffe1, 0x00000002)
	SHV(sllv, 0x12345678, 0x44, 0x23456780)

	/* ---- SRLV ---- */
	SHV(srlv, 0x80000000, 0, 0x80000000)
	SHV(srlv, 0x80000000, 1, 0x40000000)
	SHV(srlv, 0x80000000, 31, 0x00000001)
	SHV(srlv, 0x80000000, 32, 0x80000000)
	SHV(srlv, 0x80000000, 63, 0x00000001)
	SHV(srlv, 0xffffffff, 0xffffffff, 0x00000001)
	SHV(srlv, 0x87654321, 0x7fffffe4, 0x08765432)

	/* ---- SRAV ---- */
	SHV(srav, 0x80000000, 0, 0x80000000)
	SHV(srav, 0x80000000, 1, 0xc0000000)
	SHV(srav, 0x80000000, 31, 0xffffffff)
	SHV(srav, 0x7fffffff, 31, 0x00000000)
	SHV(srav, 0x80000000, 32, 0x80000000)
	SHV(srav, 0x80000000, 0xffffffe1, 0xc0000000)
	SHV(srav, 0x87654321, 0xfffffff0, 0xffff8765)
	SHV(srav, 0x47654321, 0x30, 0x00004765)

	/* ---- ROTRV ---- */
	SHV(rotrv, 0x12345678, 0, 0x12345678)
	SHV(rotrv, 0x80000001, 1, 0xc0000000)
	SHV(rotrv, 0x80000001, 31, 0x00000003)
	SHV(rotrv, 0x12345678, 32, 0x12345678)
	SHV(rotrv, 0x12345678, 36, 0x81234567)
	SHV(rotrv, 0x12345678, 0xffffffe8, 0x78123456)
	SHV(rotrv, 0x12345678, 0xffffffff, 0x2468acf0)

	/* ---- aliasing: destination = source, shift register = value register ---- */
	li $t0, 0x21
	sllv $t0, $t0, $t0          /* 0x21 << 1 */
	CHECK_EQ($t0, 0x42)
	li $t0, 0x80000024
	srav $t0, $t0, $t0          /* shift by 4 */
	CHECK_EQ($t0, 0xf8000002)
	li $t0, 0x80000024
	srlv $t0, $t0, $t0
	CHECK_EQ($t0, 0x08000002)
	li $t0, 0x80000024
	rotrv $t0, $t0, $t0
	CHECK_EQ($t0, 0x48000002)
	li $t0, 0x80000001
	sll $t0, $t0, 1
	CHECK_EQ($t0, 0x00000002)
	li $t1, 0x80000001
	rotr $t1, $t1, 1
	CHECK_EQ($t1, 0xc0000000)
	li $t1, 0x12345678
	li $t2, 8
	sllv $t2, $t1, $t2
	CHECK_EQ($t2, 0x34567800)

	/* ---- shifts into $zero are discarded (nop, ssnop, ehb are SLL forms) ---- */
	li $t0, 0xffffffff
	sll $zero, $t0, 1
	CHECK_EQ($zero, 0)
	srl $zero, $t0, 1
	CHECK_EQ($zero, 0)
	sra $zero, $t0, 0
	CHECK_EQ($zero, 0)
	rotr $zero, $t0, 3
	CHECK_EQ($zero, 0)
	sllv $zero, $t0, $t0
	CHECK_EQ($zero, 0)
	li $t0, 7
	nop
	ssnop
	ehb
	CHECK_EQ($t0, 7)

	TEST_END()
