/*
 * crash - asks the kernel to panic on purpose (SYS_PANIC), to show what a
 * kernel panic looks like: the message, Cause/EPC/BadVAddr/Status, the
 * registers of this process at the system call, and the machine powering
 * off with PANIC_STATUS (99). Arguments: the message (default "crash").
 */
#include "ulib.h"

	.set noreorder
	.text

/* main(a0 = args): never returns. */
FUNC(main)
	addiu $sp, $sp, -8
	sw $ra, 4($sp)
	lbu $t0, 0($a0)                 /* no message given: a default one */
	bnez $t0, 1f
	nop
	la $a0, dflt
1:	li $s0, 0x5a5a5a5a              /* recognizable values in the dump */
	li $s1, 0x12345678
	jal panic
	nop
	lw $ra, 4($sp)                  /* (not reached) */
	jr $ra
	li $v0, 1
END(main)

	.section .rodata
dflt:	.asciz "crash"
