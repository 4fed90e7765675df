// LINK: sseg
// VMM: --ram 1M @self
// EXPECT-EXIT: 0
// EXPECT-STDERR-LINES: 0
// NATIVE-EQUIV: --ram 1M
// LOCKSTEP: --ram 1M
/*
 * q_loaduse_slot: a load in a branch delay slot whose register the branch
 * target reads at once owes a load-use stall to the target. That stall must
 * be charged whatever splits the run there: natively a cpu_run boundary (an
 * event, or --trace=insn stepping), under the VMM an exit. The loop's cycle
 * count must be the same natively, natively stepped and under the VMM
 * (the guest checks Count across it; lockstep compares every step). A regression
 * test: the stall was once lost when cpu_run returned between the slot and
 * the target.
 */
#include "guest.h"
#define COUNT_TICKS 0x160          /* 704 cycles: 100 stalls included */
	.set noreorder
	.text
	.globl test_main
test_main:
	move $s7, $ra
	mfc0 $s6, C0_COUNT              /* Count ticks every 2 cycles */
	la $s0, word
	li $s1, 100
1:	addiu $s1, $s1, -1
	bnez $s1, 2f
	lw $t1, 0($s0)                  /* in the slot: owes a stall to 2: */
2:	addu $t2, $t1, $t1
	bnez $s1, 1b
	nop
	mfc0 $t3, C0_COUNT
	subu $t3, $t3, $s6
	CHECK_EQ($t3, COUNT_TICKS)
	move $ra, $s7
	jr $ra
	nop
	.data
word:	.word 7
