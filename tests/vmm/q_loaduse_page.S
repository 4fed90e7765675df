// LINK: sseg
// VMM: --ram 1M @self
// EXPECT-EXIT: 0
// EXPECT-STDERR-LINES: 0
// NATIVE-EQUIV: --ram 1M
// LOCKSTEP: --ram 1M
/*
 * q_loaduse_page: a load in the last word of a page whose register the next
 * page's first word reads owes it a load-use stall. Under the VMM the fetch
 * from the next page exits first (its shadow entry does not exist yet) and
 * is retried after the shadow fill: the stall must still be charged, once.
 * A regression test: it was once lost on the retry.
 */
#include "guest.h"
#define COUNT_TICKS 4              /* with the stall (lockstep checks each cycle) */
	.set noreorder
	.text
	.globl test_main
test_main:
	move $s7, $ra
	mfc0 $s6, C0_COUNT              /* Count ticks every 2 cycles */
	la $s0, word
	lw $t1, 0($s0)                  /* the data page's shadow exists first */
	b 2f
	nop
	.balign 4096
	.skip 4096 - 4
2:	lw $t1, 0($s0)                  /* the page's last word */
	addu $t2, $t1, $t1              /* the next page's first: reads $t1 */
	mfc0 $t3, C0_COUNT
	subu $t3, $t3, $s6
	CHECK_EQ($t3, COUNT_TICKS)
	move $ra, $s7
	jr $ra
	nop
	.data
word:	.word 7
