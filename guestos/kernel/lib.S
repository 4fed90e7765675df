/*
 * lib.S - string helpers for the kernel. All leaves.
 *   strlen(s) -> length        strcmp(a, b) -> 0 if equal, else non-zero
 */
#include "kernel.h"

	.set noreorder
	.text

	.globl strlen
strlen:
	move $v0, $a0
1:	lbu $t0, 0($v0)
	bnez $t0, 1b
	addiu $v0, $v0, 1
	addiu $v0, $v0, -1
	jr $ra
	subu $v0, $v0, $a0

/* strcmp: the difference of the first differing bytes (unsigned). */
	.globl strcmp
strcmp:
1:	lbu $t0, 0($a0)
	lbu $t1, 0($a1)
	bne $t0, $t1, 2f
	addiu $a0, $a0, 1
	bnez $t0, 1b
	addiu $a1, $a1, 1
2:	jr $ra
	subu $v0, $t0, $t1
