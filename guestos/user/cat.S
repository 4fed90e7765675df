/*
 * cat [FILE...] - copies files to the console. With no argument it copies
 * fd 0 to fd 1 until the end of input. Otherwise it opens each FILE of the
 * disk in turn, copies it in chunks of BUFSIZE bytes (read returns 0 at its
 * end) and closes it. A file that cannot be opened or read is reported as
 *   cat: FILE: TEXT
 * and cat goes on with the next one; the exit status is then 1, else 0.
 */
#include "ulib.h"

#define BUFSIZE 512

	.set noreorder
	.text

/* main(args): frame: $ra at 28($sp), $s0-$s4 at 8..24($sp).
 * $s0 = the rest of the argument string, $s1 = the current FILE's name,
 * $s2 = its fd, $s3 = the exit status, $s4 = copy's result. */
FUNC(main)
	addiu $sp, $sp, -32
	sw $ra, 28($sp)
	sw $s0, 24($sp)
	sw $s1, 20($sp)
	sw $s2, 16($sp)
	sw $s3, 12($sp)
	sw $s4, 8($sp)
	move $s3, $zero

	jal word                        /* the first FILE */
	nop
	move $s0, $v1                   /* the rest ("" if no FILE) */
	lbu $t0, 0($v0)
	bnez $t0, 2f                    /* there is one */
	nop
	jal copy                        /* none: copy(0), the console */
	li $a0, FD_STDIN
	bgez $v0, out
	nop
	la $s1, readname                /* "cat: read: TEXT\n" */
	b 3f
	move $s4, $v0

1:	jal word                        /* the next FILE */
	move $a0, $s0
	lbu $t0, 0($v0)
	beqz $t0, out                   /* none left */
	nop
2:	move $s0, $v1                   /* the rest, for later */
	move $s1, $v0
	jal open
	move $a0, $s1
	bltz $v0, 3f                    /* cannot open it */
	move $s4, $v0                   /* (the error code) */
	move $s2, $v0
	jal copy                        /* copy(fd) */
	move $a0, $s2
	move $s4, $v0
	jal close
	move $a0, $s2
	bgez $s4, 1b                    /* copied it all: next FILE */
	nop
3:	la $a0, me                      /* "cat: FILE: TEXT\n" */
	move $a1, $s1
	jal puterror
	move $a2, $s4
	b 1b
	li $s3, 1                       /* exit status 1, at the end */

out:	move $v0, $s3
	lw $s4, 8($sp)
	lw $s3, 12($sp)
	lw $s2, 16($sp)
	lw $s1, 20($sp)
	lw $s0, 24($sp)
	lw $ra, 28($sp)
	jr $ra
	addiu $sp, $sp, 32
END(main)

/* copy(fd) -> 0 once read(fd) returns 0, or read's error code: copies fd to
 * fd 1 through buf. Frame: $ra at 4($sp), $s0 at 0($sp) = fd. */
copy:	addiu $sp, $sp, -8
	sw $ra, 4($sp)
	sw $s0, 0($sp)
	move $s0, $a0
1:	move $a0, $s0
	la $a1, buf
	jal read                        /* read(fd, buf, BUFSIZE) */
	li $a2, BUFSIZE
	blez $v0, 2f                    /* 0: the end; < 0: an error */
	li $a0, FD_STDOUT
	la $a1, buf
	jal write                       /* write(1, buf, n) */
	move $a2, $v0
	b 1b
	nop
2:	lw $s0, 0($sp)
	lw $ra, 4($sp)
	jr $ra
	addiu $sp, $sp, 8

	.section .rodata
me:	  .asciz "cat"
readname: .asciz "read"

	.bss
buf:	.space BUFSIZE
