/*
 * sysloop [N] - a system-call loop: makes N getpid() calls (default 10000),
 * the cheapest round trip into the kernel and back, then prints
 *   sysloop: N system calls
 * Exit status 0; 1 with a usage line if N is not a number.
 */
#include "ulib.h"

#define DEFAULT_N 10000

	.set noreorder
	.text

/* main(args): frame: $ra at 12($sp), $s0-$s1 at 4..8($sp).
 * $s0 = N, $s1 = calls still to make. */
FUNC(main)
	addiu $sp, $sp, -16
	sw $ra, 12($sp)
	sw $s0, 8($sp)
	sw $s1, 4($sp)

	jal argnum                      /* the first argument, or the default */
	li $a1, DEFAULT_N
	bltz $v0, usage                 /* not a number */
	move $s0, $v0

	move $s1, $s0
2:	beqz $s1, done
	nop
	li $v0, SYS_GETPID              /* the system call itself, not the library */
	syscall                         /* function: nothing but the round trip */
	b 2b
	addiu $s1, $s1, -1

done:	la $a0, msg1                    /* "sysloop: N system calls\n" */
	jal puts
	nop
	jal putdec
	move $a0, $s0
	la $a0, msg2
	jal puts
	nop
	b out
	move $v0, $zero                 /* exit status 0 */

usage:	la $a0, usagemsg
	jal puts
	nop
	li $v0, 1                       /* exit status 1 */
out:	lw $s1, 4($sp)
	lw $s0, 8($sp)
	lw $ra, 12($sp)
	jr $ra
	addiu $sp, $sp, 16
END(main)

	.section .rodata
msg1:	.asciz "sysloop: "
msg2:	.asciz " system calls\n"
usagemsg: .asciz "usage: sysloop [N]\n"
