// LINK: both
/*
 * i_bitops: SEB SEH WSBH EXT INS MOVN MOVZ (MIPS32 Release 2 Vol. II).
 *   EXT rt, rs, pos, size: rt = zero_extend(rs[pos+size-1 .. pos])
 *   INS rt, rs, pos, size: rt[pos+size-1 .. pos] = rs[size-1 .. 0], rest of rt kept
 *   MOVN rd, rs, rt: if rt != 0 then rd = rs;  MOVZ: if rt == 0 then rd = rs
 */
#include "harness.h"
	.set noreorder
	.text

#define UN(op, a, want) \
	li $t0, a; li $t2, 0x5a5a5a5a; op $t2, $t0; CHECK_EQ($t2, want); CHECK_EQ($t0, a)
#define EXT(a, pos, size, want) \
	li $t0, a; li $t2, 0x5a5a5a5a; ext $t2, $t0, pos, size; CHECK_EQ($t2, want); CHECK_EQ($t0, a)
#define INS(r, a, pos, size, want) \
	li $t2, r; li $t0, a; ins $t2, $t0, pos, size; CHECK_EQ($t2, want); CHECK_EQ($t0, a)
/* op rd=$t2 (initially d), rs=$t0 (s), rt=$t1 (t) */
#define MOV(op, d, s, t, want) \
	li $t2, d; li $t0, s; li $t1, t; op $t2, $t0, $t1; CHECK_EQ($t2, want); \
	CHECK_EQ($t0, s); CHECK_EQ($t1, t)

	.globl test_main
test_main:
	/* ---- SEB ---- */
	UN(seb, 0x00000080, 0xffffff80)
	UN(seb, 0x0000007f, 0x0000007f)
	UN(seb, 0x12345680, 0xffffff80)
	UN(seb, 0x1234567f, 0x0000007f)
	UN(seb, 0xffffff00, 0x00000000)
	UN(seb, 0x000000ff, 0xffffffff)
	UN(seb, 0x80000001, 0x00000001)
	/* ---- SEH ---- */
	UN(seh, 0x00008000, 0xffff8000)
	UN(seh, 0x12347fff, 0x00007fff)
	UN(seh, 0xffff0000, 0x00000000)
	UN(seh, 0x0000ffff, 0xffffffff)
	UN(seh, 0x7fff8001, 0xffff8001)
	UN(seh, 0x80000080, 0x00000080)
	/* ---- WSBH: swap the bytes within each halfword ---- */
	UN(wsbh, 0x11223344, 0x22114433)
	UN(wsbh, 0xff000080, 0x00ff8000)
	UN(wsbh, 0x00000000, 0x00000000)
	UN(wsbh, 0xffffffff, 0xffffffff)
	UN(wsbh, 0x0102a0b0, 0x0201b0a0)
	/* the classic byte swap of a word: wsbh + rotr 16 */
	li $t0, 0x11223344
	wsbh $t0, $t0
	rotr $t0, $t0, 16
	CHECK_EQ($t0, 0x44332211)

	/* ---- EXT ---- */
	EXT(0x12345678, 0, 32, 0x12345678)
	EXT(0x87654321, 0, 32, 0x87654321)
	EXT(0x80000000, 31, 1, 0x00000001)
	EXT(0x7fffffff, 31, 1, 0x00000000)
	EXT(0xffffffff, 0, 1, 0x00000001)
	EXT(0xfffffffe, 0, 1, 0x00000000)
	EXT(0x87654321, 28, 4, 0x00000008)
	EXT(0x12345678, 4, 8, 0x00000067)
	EXT(0x87654321, 16, 16, 0x00008765)
	EXT(0x87654321, 0, 16, 0x00004321)
	EXT(0xffffffff, 1, 31, 0x7fffffff)
	EXT(0x87654321, 0, 31, 0x07654321)
	EXT(0x12345678, 8, 24, 0x00123456)
	EXT(0xffffffff, 5, 20, 0x000fffff)
	EXT(0x80000000, 1, 31, 0x40000000)

	/* ---- INS ---- */
	INS(0xffffffff, 0x12345600, 4, 8, 0xfffff00f)
	INS(0x00000000, 0x12345678, 0, 32, 0x12345678)
	INS(0xdeadbeef, 0x87654321, 0, 32, 0x87654321)
	INS(0x00000000, 0xffffffff, 31, 1, 0x80000000)
	INS(0xffffffff, 0x00000000, 31, 1, 0x7fffffff)
	INS(0xffffffff, 0xfffffffe, 0, 1, 0xfffffffe)
	INS(0x00000000, 0x00000001, 0, 1, 0x00000001)
	INS(0x12345678, 0x0000abcd, 16, 16, 0xabcd5678)
	INS(0x12345678, 0xffffabcd, 0, 16, 0x1234abcd)
	INS(0x00000000, 0xffffffff, 1, 31, 0xfffffffe)
	INS(0x80000001, 0x00000000, 1, 30, 0x80000001)
	INS(0x00000000, 0x00000005, 28, 4, 0x50000000)
	INS(0x12345678, 0x000000ff, 8, 8, 0x1234ff78)
	INS(0x00000000, 0x87654321, 0, 31, 0x07654321)
	/* rs = rt: insert a register's own low bits */
	li $t2, 0x000000ab
	ins $t2, $t2, 24, 8
	CHECK_EQ($t2, 0xab0000ab)
	/* rs = $zero clears a field */
	li $t2, 0xffffffff
	ins $t2, $zero, 8, 16
	CHECK_EQ($t2, 0xff0000ff)

	/* ---- MOVN ---- */
	MOV(movn, 0x11111111, 0x22222222, 1, 0x22222222)
	MOV(movn, 0x11111111, 0x22222222, 0x80000000, 0x22222222)
	MOV(movn, 0x11111111, 0x22222222, 0xffffffff, 0x22222222)
	MOV(movn, 0x11111111, 0x22222222, 0, 0x11111111)
	MOV(movn, 0x11111111, 0, 2, 0)
	/* ---- MOVZ ---- */
	MOV(movz, 0x11111111, 0x22222222, 0, 0x22222222)
	MOV(movz, 0x11111111, 0x22222222, 1, 0x11111111)
	MOV(movz, 0x11111111, 0x22222222, 0x80000000, 0x11111111)
	MOV(movz, 0x11111111, 0x22222222, 0xffffffff, 0x11111111)
	MOV(movz, 0x11111111, 0xffffffff, 0, 0xffffffff)
	/* rd = rt aliasing: the test reads rt before the write */
	li $t2, 0
	li $t0, 0x33333333
	movz $t2, $t0, $t2
	CHECK_EQ($t2, 0x33333333)
	li $t2, 5
	li $t0, 0x44444444
	movn $t2, $t0, $t2
	CHECK_EQ($t2, 0x44444444)
	/* $zero as the condition: movz always moves, movn never */
	li $t2, 1
	li $t0, 9
	movz $t2, $t0, $zero
	CHECK_EQ($t2, 9)
	li $t2, 1
	movn $t2, $t0, $zero
	CHECK_EQ($t2, 1)
	/* $zero as the destination */
	li $t1, 1
	movn $zero, $t0, $t1
	CHECK_EQ($zero, 0)

	TEST_END()
