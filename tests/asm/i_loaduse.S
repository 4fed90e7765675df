// LINK: both
/*
 * i_loaduse: the cycle model of machine/cost.h, measured with CP0 Count.
 *
 * Count advances once every COUNT_DIVISOR (2) cycles, so one measurement
 * (Count after - Count before) of a stretch of E cycles reads E/2 rounded
 * either way. Every assertion therefore compares TWO measurements whose code
 * is identical except for the instructions under test (same length, same
 * surrounding reads), repeated N times (.rept, straight-line code, no
 * branches), and allows +-1 tick for the rounding of the two reads:
 *
 *   1. load-use: "lw t0; addu t1,t0,t0" costs COST_LOAD_USE cycle more than
 *      "lw t0; addu t1,t2,t2"; the same for a store whose data is the loaded
 *      register, for a load whose base is the loaded register, for LB/LBU/LH.
 *   2. one independent instruction between the load and the use removes the
 *      stall entirely.
 *   3. HI/LO: the result of MULT/DIV is ready COST_MULT/COST_DIV cycles after
 *      the instruction started (issued), so "mult; mfhi" costs COST_MULT - 1
 *      cycles more than "addu; mfhi"; with COST_MULT - 1 independent
 *      instructions in between there is no stall at all, with COST_MULT - 2
 *      there is exactly 1 cycle left. The same for DIV with COST_DIV, and
 *      a few NOPs after DIV are free (hidden in the latency).
 *   4. a new multiply/divide waits for the previous result: "div; mult; mfhi"
 *      costs (COST_DIV - 1) + (COST_MULT - 1) more than "addu; addu; mfhi".
 *   5. MUL costs COST_MUL_GPR cycles more than ADDU.
 * Interrupts are off (Status.IE = 0 at entry), so nothing else runs.
 */
#include "harness.h"
#include "cost.h"
	.set noreorder
	.text

/* dst = Count ticks taken by n repetitions of the given instructions */
#define MEASURE(dst, n, ...) \
	mfc0 $s6, C0_COUNT; .rept n; __VA_ARGS__; .endr; mfc0 dst, C0_COUNT; subu dst, dst, $s6
/* |reg - want| <= 1, else report reg against want */
#define CHECK_NEAR1(reg, want) \
	addiu $t9, reg, 1 - (want); sltiu $t9, $t9, 3; bnez $t9, 9989f; nop; CHECK_EQ(reg, want); 9989:
/* cycles -> ticks */
#define TICKS(cycles) ((cycles) / COUNT_DIVISOR)

	.globl test_main
test_main:
	la $s0, lu_data
	sw $s0, 0($s0)              /* lu_data[0] points to itself */
	li $t2, 100
	li $t3, 7

	/* ---- 1. load-use costs COST_LOAD_USE ---- */
	MEASURE($s1, 32, lw $t0, 0($s0); addu $t1, $t0, $t0)
	MEASURE($s2, 32, lw $t0, 0($s0); addu $t1, $t2, $t2)
	subu $s3, $s1, $s2
	CHECK_NEAR1($s3, TICKS(32 * COST_LOAD_USE))
	/* store data = the loaded register */
	MEASURE($s1, 32, lw $t0, 0($s0); sw $t0, 4($s0))
	MEASURE($s2, 32, lw $t0, 0($s0); sw $t2, 4($s0))
	subu $s3, $s1, $s2
	CHECK_NEAR1($s3, TICKS(32 * COST_LOAD_USE))
	/* load base = the loaded register (pointer chasing) */
	MEASURE($s1, 32, lw $t0, 0($s0); lw $t1, 0($t0))
	MEASURE($s2, 32, lw $t0, 0($s0); lw $t1, 0($s0))
	subu $s3, $s1, $s2
	CHECK_NEAR1($s3, TICKS(32 * COST_LOAD_USE))
	/* byte and halfword loads */
	MEASURE($s1, 32, lbu $t0, 0($s0); addu $t1, $t0, $t0)
	MEASURE($s2, 32, lbu $t0, 0($s0); addu $t1, $t2, $t2)
	subu $s3, $s1, $s2
	CHECK_NEAR1($s3, TICKS(32 * COST_LOAD_USE))
	MEASURE($s1, 32, lh $t0, 0($s0); subu $t1, $zero, $t0)
	MEASURE($s2, 32, lh $t0, 0($s0); subu $t1, $zero, $t2)
	subu $s3, $s1, $s2
	CHECK_NEAR1($s3, TICKS(32 * COST_LOAD_USE))
	/* sanity: the absolute cost of the stall-free sequence is 2 cycles each */
	MEASURE($s2, 32, lw $t0, 0($s0); addu $t1, $t2, $t2)
	MEASURE($s1, 32, addu $t0, $t2, $t2; addu $t1, $t2, $t2)
	subu $s3, $s2, $s1
	CHECK_NEAR1($s3, 0)

	/* ---- 2. an independent instruction in between removes the stall ---- */
	MEASURE($s1, 32, lw $t0, 0($s0); addu $t4, $t3, $t3; addu $t1, $t0, $t0)
	MEASURE($s2, 32, lw $t0, 0($s0); addu $t4, $t3, $t3; addu $t1, $t2, $t2)
	subu $s3, $s1, $s2
	CHECK_NEAR1($s3, 0)
	MEASURE($s1, 32, lw $t0, 0($s0); nop; sw $t0, 4($s0))
	MEASURE($s2, 32, lw $t0, 0($s0); nop; sw $t2, 4($s0))
	subu $s3, $s1, $s2
	CHECK_NEAR1($s3, 0)

	/* ---- 3. HI/LO latency ---- */
	/* mult; mfhi */
	MEASURE($s1, 16, mult $t2, $t3; mfhi $t4)
	MEASURE($s2, 16, addu $t5, $t2, $t3; mfhi $t4)
	subu $s3, $s1, $s2
	CHECK_NEAR1($s3, TICKS(16 * (COST_MULT - 1)))
	/* mult; COST_MULT - 1 independent instructions; mflo: no stall */
	MEASURE($s1, 16, mult $t2, $t3; .rept COST_MULT - 1; nop; .endr; mflo $t4)
	MEASURE($s2, 16, addu $t5, $t2, $t3; .rept COST_MULT - 1; nop; .endr; mflo $t4)
	subu $s3, $s1, $s2
	CHECK_NEAR1($s3, 0)
	/* mult; COST_MULT - 2 independent instructions; mflo: 1 cycle left */
	MEASURE($s1, 16, multu $t2, $t3; .rept COST_MULT - 2; nop; .endr; mflo $t4)
	MEASURE($s2, 16, addu $t5, $t2, $t3; .rept COST_MULT - 2; nop; .endr; mflo $t4)
	subu $s3, $s1, $s2
	CHECK_NEAR1($s3, TICKS(16 * 1))
	/* madd / msub also start the unit */
	MEASURE($s1, 16, madd $t2, $t3; mflo $t4)
	MEASURE($s2, 16, addu $t5, $t2, $t3; mflo $t4)
	subu $s3, $s1, $s2
	CHECK_NEAR1($s3, TICKS(16 * (COST_MULT - 1)))
	/* div; mfhi */
	MEASURE($s1, 8, div $zero, $t2, $t3; mfhi $t4)
	MEASURE($s2, 8, addu $t5, $t2, $t3; mfhi $t4)
	subu $s3, $s1, $s2
	CHECK_NEAR1($s3, TICKS(8 * (COST_DIV - 1)))
	/* div; COST_DIV - 1 independent instructions; mflo: no stall */
	MEASURE($s1, 8, divu $zero, $t2, $t3; .rept COST_DIV - 1; nop; .endr; mflo $t4)
	MEASURE($s2, 8, addu $t5, $t2, $t3; .rept COST_DIV - 1; nop; .endr; mflo $t4)
	subu $s3, $s1, $s2
	CHECK_NEAR1($s3, 0)
	/* div; COST_DIV - 2 independent instructions; mflo: 1 cycle left */
	MEASURE($s1, 8, div $zero, $t2, $t3; .rept COST_DIV - 2; nop; .endr; mflo $t4)
	MEASURE($s2, 8, addu $t5, $t2, $t3; .rept COST_DIV - 2; nop; .endr; mflo $t4)
	subu $s3, $s1, $s2
	CHECK_NEAR1($s3, TICKS(8 * 1))
	/* NOPs after a div are free: div; 10 nops; mfhi costs what div; mfhi does */
	MEASURE($s1, 8, div $zero, $t2, $t3; .rept 10; nop; .endr; mfhi $t4)
	MEASURE($s2, 8, div $zero, $t2, $t3; mfhi $t4)
	subu $s3, $s1, $s2
	CHECK_NEAR1($s3, 0)

	/* ---- 4. a new multiply/divide waits for the previous one ---- */
	MEASURE($s1, 4, div $zero, $t2, $t3; mult $t2, $t3; mfhi $t4)
	MEASURE($s2, 4, addu $t5, $t2, $t3; addu $t5, $t2, $t3; mfhi $t4)
	subu $s3, $s1, $s2
	CHECK_NEAR1($s3, TICKS(4 * ((COST_DIV - 1) + (COST_MULT - 1))))

	/* ---- 5. MUL ---- */
	MEASURE($s1, 16, mul $t4, $t2, $t3)
	MEASURE($s2, 16, addu $t4, $t2, $t3)
	subu $s3, $s1, $s2
	CHECK_NEAR1($s3, TICKS(16 * COST_MUL_GPR))

	/* the results were right all along */
	div $zero, $t2, $t3
	mflo $t4
	mfhi $t5
	CHECK_EQ($t4, 14)
	CHECK_EQ($t5, 2)
	mul $t4, $t2, $t3
	CHECK_EQ($t4, 700)

	TEST_END()

	.data
	.align 4
lu_data: .word 0, 0, 0, 0
