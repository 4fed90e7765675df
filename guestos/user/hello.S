/*
 * hello - the smallest program: prints "hello, world (pid N)\n", N being its
 * process id, and exits with status 0. Arguments: none (ignored).
 */
#include "ulib.h"

	.set noreorder
	.text

/* main: frame: $ra at 4($sp). */
FUNC(main)
	addiu $sp, $sp, -8
	sw $ra, 4($sp)
	la $a0, greeting
	jal puts
	nop
	jal getpid
	nop
	jal putdec                      /* putdec(getpid()) */
	move $a0, $v0
	la $a0, closing
	jal puts
	nop
	lw $ra, 4($sp)
	jr $ra
	move $v0, $zero                 /* exit status 0 */
END(main)

	.section .rodata
greeting:	.asciz "hello, world (pid "
closing:	.asciz ")\n"
