// LINK: both
// RUN: --ram 4M
/* p_ram: with --ram 4M the firmware passes $a0 = 4 MiB, sets $sp to the top
 * of the 4 MiB (min(8 MiB, RAM)) in kseg0, the sysctl's RAMSIZE reads 4 MiB,
 * and RAM ends there: the last word works, the next one is a bus error
 * (also through the firmware's sseg window, whose odd 4 MiB page now points
 * past RAM). */
#include "harness.h"
#include "p_common.h"
	.set noreorder

#define RAM 0x00400000

	.text
	.globl test_main
test_main:
	CHECK_EQ($a0, RAM)                      /* rt passes $a0 through */
#ifdef TEST_SSEG
	CHECK_EQ($sp, 0xC0000000 + RAM)         /* the entry point's segment */
#else
	CHECK_EQ($sp, 0x80000000 + RAM)
#endif
	li $t0, IO(HW_SYSCTL_BASE)
	lw $t1, HW_SYSCTL_RAMSIZE($t0)
	CHECK_EQ($t1, RAM)
	/* the last word */
	P_CLEAR_EXC()
	li $s0, 0xA0000000 + RAM - 4
	li $t0, 0x600dbeef
	sw $t0, 0($s0)
	li $s1, 0x80000000 + RAM - 4
	lw $t1, 0($s1)
	CHECK_NEXC(0)
	CHECK_EQ($t1, 0x600dbeef)
	li $s1, 0xC0000000 + RAM - 4            /* sseg window, even page */
	lw $t1, 0($s1)
	CHECK_NEXC(0)
	CHECK_EQ($t1, 0x600dbeef)
	/* one past */
	P_CLEAR_EXC()
	li $s0, 0xA0000000 + RAM
1:	lw $t1, 0($s0)
	CHECK_EXC(EXC_DBE)
	CHECK_WORD_ADDR(rt_exc_epc, 1b)
	P_CLEAR_EXC()
1:	sw $zero, 0($s0)
	CHECK_EXC(EXC_DBE)
	P_CLEAR_EXC()
	li $s0, 0x80000000 + RAM + 0x1000
1:	lw $t1, 0($s0)
	CHECK_EXC(EXC_DBE)
	P_CLEAR_EXC()
	li $s0, 0xC0000000 + RAM                /* odd page of firmware entry 0 */
1:	lw $t1, 0($s0)
	CHECK_EXC(EXC_DBE)
	CHECK_NEXC(1)
	CHECK_WORD_ADDR(rt_exc_epc, 1b)
	TEST_END()
