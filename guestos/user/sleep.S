/*
 * sleep N - blocks for N timer ticks (sleep system call), then exits with
 * status 0. Prints nothing, except a usage line (exit status 1) when N is
 * missing or not a number.
 */
#include "ulib.h"

	.set noreorder
	.text

/* main(args): frame: $ra at 4($sp). */
FUNC(main)
	addiu $sp, $sp, -8
	sw $ra, 4($sp)
	jal word                        /* N */
	nop
	jal atoi                        /* "" (no N) gives -1 too */
	move $a0, $v0
	bltz $v0, usage
	nop
	jal sleep
	move $a0, $v0
	b out
	move $v0, $zero                 /* exit status 0 */

usage:	la $a0, usagemsg
	jal puts
	nop
	li $v0, 1                       /* exit status 1 */
out:	lw $ra, 4($sp)
	jr $ra
	addiu $sp, $sp, 8
END(main)

	.section .rodata
usagemsg: .asciz "usage: sleep N\n"
