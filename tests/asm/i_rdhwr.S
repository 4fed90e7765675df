// LINK: both
/*
 * i_rdhwr: RDHWR in kernel mode (MIPS32 Release 2 Vol. II; DESIGN.md 2-3).
 * Kernel mode may read every implemented hardware register whatever HWREna:
 *   $0 CPUNum = 0 (one CPU), $1 SYNCI_Step (readable; value not checked),
 *   $2 CC = the cycle counter (= CP0 Count), $3 CCRes = 2 (CC counts every
 *   2 cycles, COUNT_DIVISOR). Unimplemented numbers ($4, $5, $29, $31) raise
 *   Reserved Instruction with EPC at the instruction and rt unchanged.
 * Encodings as .word (llvm-mc accepts only some rdhwr operands):
 *   0x7c00003b | rt << 16 | rd << 11.
 */
#include "harness.h"
#include "cost.h"
	.set noreorder
	.text

#define RDHWR(rt, rd) .word (0x7c00003b | ((rt) << 16) | ((rd) << 11))
#define T0 8
#define T1 9
#define T2 10

	.globl test_main
test_main:
	/* kernel mode ignores HWREna: clear it */
	mfc0 $s7, C0_HWRENA
	mtc0 $zero, C0_HWRENA
	ehb

	/* ---- CPUNum ---- */
	li $t0, 0x5a5a5a5a
	CLEAR_EXC()
	RDHWR(T0, 0)
	CHECK_NEXC(0)
	CHECK_EQ($t0, 0)

	/* ---- SYNCI_Step: readable ---- */
	CLEAR_EXC()
	RDHWR(T0, 1)
	CHECK_NEXC(0)

	/* ---- CCRes ---- */
	li $t0, 0x5a5a5a5a
	CLEAR_EXC()
	RDHWR(T0, 3)
	CHECK_NEXC(0)
	CHECK_EQ($t0, COUNT_DIVISOR)
	CHECK_EQ($t0, 2)

	/* ---- CC increases: 20 NOPs + 1 RDHWR = 21 cycles = 10 or 11 ticks ---- */
	CLEAR_EXC()
	RDHWR(T0, 2)
	.rept 20
	nop
	.endr
	RDHWR(T1, 2)
	CHECK_NEXC(0)
	subu $t2, $t1, $t0
	sltiu $t3, $t2, 10          /* t3 = diff < 10 */
	CHECK_EQ($t3, 0)
	sltiu $t3, $t2, 12          /* t3 = diff < 12 */
	CHECK_EQ($t3, 1)
	/* over a longer stretch it keeps counting: 200 NOPs -> 100 or 101 ticks */
	RDHWR(T0, 2)
	.rept 200
	nop
	.endr
	RDHWR(T1, 2)
	subu $t2, $t1, $t0
	sltiu $t3, $t2, 100
	CHECK_EQ($t3, 0)
	sltiu $t3, $t2, 102
	CHECK_EQ($t3, 1)

	/* ---- CC is the CP0 Count ---- */
	RDHWR(T0, 2)
	mfc0 $t1, C0_COUNT
	subu $t2, $t1, $t0          /* 0 or 1 tick apart */
	sltiu $t3, $t2, 2
	CHECK_EQ($t3, 1)
	mfc0 $t1, C0_COUNT
	RDHWR(T0, 2)
	subu $t2, $t0, $t1
	sltiu $t3, $t2, 2
	CHECK_EQ($t3, 1)

	/* ---- unimplemented hardware registers: RI, rt unchanged ---- */
	li $t1, 0x5a5a5a5a
	CLEAR_EXC()
rd_hwr4:
	RDHWR(T1, 4)
	CHECK_NEXC(1)
	CHECK_EXC(EXC_RI)
	CHECK_WORD_ADDR(rt_exc_epc, rd_hwr4)
	CHECK_EQ($t1, 0x5a5a5a5a)
	CLEAR_EXC()
rd_hwr5:
	RDHWR(T1, 5)
	CHECK_NEXC(1)
	CHECK_EXC(EXC_RI)
	CHECK_WORD_ADDR(rt_exc_epc, rd_hwr5)
	CHECK_EQ($t1, 0x5a5a5a5a)
	CLEAR_EXC()
rd_hwr29:
	RDHWR(T1, 29)
	CHECK_NEXC(1)
	CHECK_EXC(EXC_RI)
	CHECK_WORD_ADDR(rt_exc_epc, rd_hwr29)
	CHECK_EQ($t1, 0x5a5a5a5a)
	CLEAR_EXC()
rd_hwr31:
	RDHWR(T1, 31)
	CHECK_NEXC(1)
	CHECK_EXC(EXC_RI)
	CHECK_WORD_ADDR(rt_exc_epc, rd_hwr31)
	CHECK_EQ($t1, 0x5a5a5a5a)

	/* ---- the same with every HWREna bit set: still fine in kernel mode ---- */
	li $t0, 0xf
	mtc0 $t0, C0_HWRENA
	ehb
	li $t2, 0x5a5a5a5a
	CLEAR_EXC()
	RDHWR(T2, 3)
	CHECK_EQ($t2, 2)
	RDHWR(T2, 0)
	CHECK_EQ($t2, 0)
	CHECK_NEXC(0)
	RDHWR(T2, 5)
	CHECK_NEXC(1)
	CHECK_EXC(EXC_RI)
	/* RDHWR to $zero is discarded */
	RDHWR(0, 3)
	CHECK_EQ($zero, 0)

	mtc0 $s7, C0_HWRENA
	ehb
	TEST_END()
