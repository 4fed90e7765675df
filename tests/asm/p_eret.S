// LINK: both
/* p_eret: ERET returns to EPC and clears EXL; with ERL = 1 it returns to
 * ErrorEPC and clears only ERL; it has no delay slot; it clears the LL bit
 * (a following SC fails). MIPS32 Vol. III, ERET. */
#include "harness.h"
#include "p_common.h"
	.set noreorder

	.text
	.globl test_main
test_main:
	mfc0 $s0, C0_STATUS
	li $s5, 0

	/* ---- EXL: back to EPC, EXL cleared, nothing after ERET runs ---- */
	P_CLEAR_EXC()
	la $t0, 1f
	mtc0 $t0, C0_EPC
	la $t0, 9f
	mtc0 $t0, C0_ERROREPC
	ori $t0, $s0, ST_EXL
	mtc0 $t0, C0_STATUS
	ehb
	eret
	addiu $s5, $s5, 1               /* no delay slot */
	addiu $s5, $s5, 1
1:	mfc0 $t0, C0_STATUS
	CHECK_REG($t0, $s0)
	CHECK_EQ($s5, 0)
	CHECK_NEXC(0)

	/* ---- ERL (and EXL): back to ErrorEPC, only ERL cleared ---- */
	la $t0, 9f
	mtc0 $t0, C0_EPC
	la $t0, 2f
	mtc0 $t0, C0_ERROREPC
	ori $t0, $s0, ST_EXL | ST_ERL
	mtc0 $t0, C0_STATUS
	ehb
	eret
	addiu $s5, $s5, 1
2:	mfc0 $t0, C0_STATUS
	mtc0 $s0, C0_STATUS             /* EXL off again */
	ehb
	ori $t1, $s0, ST_EXL
	CHECK_REG($t0, $t1)
	CHECK_EQ($s5, 0)
	CHECK_NEXC(0)

	/* ---- LL/SC: SC succeeds without an ERET in between... ---- */
	la $s1, word
	ll $t0, 0($s1)
	li $t1, 0x1111
	sc $t1, 0($s1)
	CHECK_EQ($t1, 1)
	lw $t0, 0($s1)
	CHECK_EQ($t0, 0x1111)
	/* ...and fails after one */
	ll $t0, 0($s1)
	la $t0, 3f
	mtc0 $t0, C0_EPC
	ori $t0, $s0, ST_EXL
	mtc0 $t0, C0_STATUS
	ehb
	eret
3:	li $t1, 0x2222
	sc $t1, 0($s1)
	CHECK_EQ($t1, 0)
	lw $t0, 0($s1)
	CHECK_EQ($t0, 0x1111)
	/* an exception return in between (syscall handler's ERET) too */
	P_CLEAR_EXC()
	ll $t0, 0($s1)
	syscall
	li $t1, 0x3333
	sc $t1, 0($s1)
	CHECK_EQ($t1, 0)
	CHECK_EXC(EXC_SYS)
	lw $t0, 0($s1)
	CHECK_EQ($t0, 0x1111)
	TEST_END()

9:	FAIL_HERE()                     /* ERET went to the wrong register */
	TEST_END()

	.data
	.align 2
word: .word 0
