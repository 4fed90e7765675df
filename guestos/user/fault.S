/*
 * fault - misbehaves on purpose: loads a word from address 0x10, which no
 * process has mapped. The kernel must kill the process (its exit status
 * then is the kernel's choice). Should the load succeed, it prints
 *   fault: not killed!
 * and exits with status 1. Arguments: none (ignored).
 */
#include "ulib.h"

	.set noreorder
	.text

/* main: frame: $ra at 4($sp). */
FUNC(main)
	addiu $sp, $sp, -8
	sw $ra, 4($sp)
	la $a0, before
	jal puts
	nop
	lw $t0, 0x10($zero)             /* TLB miss on an unmapped page: TLBL */
	la $a0, survived
	jal puts
	nop
	lw $ra, 4($sp)
	jr $ra
	li $v0, 1                       /* exit status 1 */
END(main)

	.section .rodata
before:	  .asciz "fault: loading a word from address 0x10\n"
survived: .asciz "fault: not killed!\n"
