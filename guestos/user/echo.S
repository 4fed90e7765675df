/*
 * echo - console echo: reads lines from fd 0 and writes each one back as
 *   echo: LINE
 * until an empty line or the end of input (read returns 0), then prints
 *   echo: bye
 * and exits with 0 (1 if read fails). Arguments: none (ignored).
 *
 * read() returns at most one line, but no more than the buffer holds: a line
 * longer than BUFSIZE arrives in pieces, and only its first piece gets the
 * "echo: " prefix. The kernel echoes what is typed; this program does not.
 */
#include "ulib.h"

#define BUFSIZE 128

	.set noreorder
	.text

/* main: frame: $ra at 12($sp), $s0-$s1 at 4..8($sp).
 * $s0 = 1 at the start of a line, else 0; $s1 = bytes read. */
FUNC(main)
	addiu $sp, $sp, -16
	sw $ra, 12($sp)
	sw $s0, 8($sp)
	sw $s1, 4($sp)
	li $s0, 1

loop:	li $a0, FD_STDIN
	la $a1, buf
	jal read                        /* read(0, buf, BUFSIZE) */
	li $a2, BUFSIZE
	bltz $v0, readfail
	move $s1, $v0
	beqz $s1, eof                   /* end of input */
	nop
	la $t0, buf
	beqz $s0, 1f                    /* in the middle of a line: no prefix */
	lbu $t0, 0($t0)                 /* delay slot: the piece's first byte */
	li $t1, NL
	beq $t0, $t1, bye               /* a line start that is a newline: empty line */
	nop
	la $a0, prefix
	jal puts
	nop
1:	la $a0, buf
	jal putbytes                    /* putbytes(buf, n): the piece itself */
	move $a1, $s1
	la $t0, buf
	addu $t0, $t0, $s1
	lbu $t0, -1($t0)                /* the piece's last byte */
	xori $t0, $t0, NL
	b loop
	sltiu $s0, $t0, 1               /* it was a newline: next piece starts a line */

eof:	bnez $s0, bye                   /* input ended in the middle of a line: */
	nop
	jal putc                        /* end that line first */
	li $a0, NL
bye:	la $a0, byemsg
	jal puts
	nop
	b out
	move $v0, $zero                 /* exit status 0 */

readfail:
	la $a0, me
	la $a1, readname
	jal puterror                    /* "echo: read: TEXT\n" */
	move $a2, $v0
	li $v0, 1                       /* exit status 1 */
out:	lw $s1, 4($sp)
	lw $s0, 8($sp)
	lw $ra, 12($sp)
	jr $ra
	addiu $sp, $sp, 16
END(main)

	.section .rodata
prefix:	  .asciz "echo: "
byemsg:	  .asciz "echo: bye\n"
me:	  .asciz "echo"
readname: .asciz "read"

	.bss
buf:	.space BUFSIZE
