/*
 * spawner - fills the process table, then checks that the system recovers.
 * Spawns "sleep 30" children until spawn fails with E_PROCLIM (the table is
 * full; how many fit is the kernel's business, not this program's), prints
 *   spawner: started K children, then: TEXT
 * waits for all K, prints
 *   spawner: all K children finished
 * then spawns "hello", waits for it and prints
 *   spawner: recovered
 * Exit status 0. Any other error is printed ("spawner: WHAT: TEXT") and ends
 * the program with status 1. Arguments: none (ignored).
 */
#include "ulib.h"

	.set noreorder
	.text

/* main: frame: $ra at 12($sp), $s0-$s1 at 4..8($sp), a status word at 0($sp).
 * $s0 = K, the children started, $s1 = children still to wait for, or the
 * error code being reported. */
FUNC(main)
	addiu $sp, $sp, -16
	sw $ra, 12($sp)
	sw $s0, 8($sp)
	sw $s1, 4($sp)

	move $s0, $zero
1:	la $a0, sleepcmd                /* spawn children until one fails */
	jal spawn
	nop
	bltz $v0, 2f
	nop
	b 1b
	addiu $s0, $s0, 1

2:	li $t0, E_PROCLIM
	bne $v0, $t0, spawnfail         /* any other failure is an error */
	move $s1, $v0
	la $a0, msg1                    /* "spawner: started K children, then: TEXT\n" */
	jal puts
	nop
	jal putdec
	move $a0, $s0
	la $a0, msg2
	jal puts
	nop
	jal strerror
	move $a0, $s1
	jal puts
	move $a0, $v0
	jal putc
	li $a0, NL

	move $s1, $s0                   /* wait for the K children, in any order */
3:	beqz $s1, 4f
	li $a0, -1
	jal wait                        /* wait(-1, 0) */
	move $a1, $zero
	bltz $v0, waitfail
	nop
	b 3b
	addiu $s1, $s1, -1

4:	la $a0, msg3                    /* "spawner: all K children finished\n" */
	jal puts
	nop
	jal putdec
	move $a0, $s0
	la $a0, msg4
	jal puts
	nop

	la $a0, hellocmd                /* the table has room again: spawn hello */
	jal spawn
	nop
	bltz $v0, spawnfail2
	move $a0, $v0
	jal wait                        /* wait(its pid, &status) */
	move $a1, $sp
	bltz $v0, waitfail
	nop
	la $a0, msg5                    /* "spawner: recovered\n" */
	jal puts
	nop
	b out
	move $v0, $zero                 /* exit status 0 */

spawnfail:
	la $a0, sleepcmd                /* "spawner: sleep 30: TEXT\n" */
	b fail
	move $a2, $v0
spawnfail2:
	la $a0, hellocmd                /* "spawner: hello: TEXT\n" */
	b fail
	move $a2, $v0
waitfail:
	la $a0, waitname                /* "spawner: wait: TEXT\n" */
	move $a2, $v0
fail:	move $a1, $a0                   /* $a1 = what failed, $a2 = the code */
	la $a0, me
	jal puterror
	nop
	li $v0, 1                       /* exit status 1 */

out:	lw $s1, 4($sp)
	lw $s0, 8($sp)
	lw $ra, 12($sp)
	jr $ra
	addiu $sp, $sp, 16
END(main)

	.section .rodata
sleepcmd: .asciz "sleep 30"
hellocmd: .asciz "hello"
me:	  .asciz "spawner"
waitname: .asciz "wait"
msg1:	  .asciz "spawner: started "
msg2:	  .asciz " children, then: "
msg3:	  .asciz "spawner: all "
msg4:	  .asciz " children finished\n"
msg5:	  .asciz "spawner: recovered\n"
