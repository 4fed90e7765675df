/*
 * print.S - output to the console (fd 1), line-buffered like C's stdio:
 * putc, puts, putbytes, putdec and puthex append to a buffer of OUTBUF_SIZE
 * bytes, which flush() hands to one write() call at every newline, when it
 * is full, and when the program exits (exit() flushes). So each line comes
 * out whole even when other processes print at the same time.
 * A program must call flush() itself before it reads input after a prompt
 * without a newline, or before it calls write() directly.
 */
#include "ulib.h"

#define OUTBUF_SIZE 128

	.set noreorder
	.text

/* flush() -> write's result, or 0 if the buffer was empty: writes the
 * buffered bytes to fd 1 and empties the buffer. $t0 = &outlen. */
FUNC(flush)
	la $t0, outlen
	lw $a2, 0($t0)                  /* bytes in the buffer */
	beqz $a2, 1f
	nop
	sw $zero, 0($t0)                /* the buffer is empty again... */
	li $a0, FD_STDOUT
	la $a1, outbuf
	j write                         /* ...once write(1, outbuf, n) has taken them */
	nop                             /* (a tail call: write returns to our caller) */
1:	jr $ra
	move $v0, $zero
END(flush)

/* putbytes(buf, n): appends n bytes to the buffer, flushing after each
 * newline and whenever the buffer fills up.
 * Frame: $ra at 12($sp), $s0-$s1 at 4..8($sp). $s0 = the next byte to take,
 * $s1 = the end of buf; $t1 = the byte, $t2 = outlen, $t0/$t3 addresses. */
FUNC(putbytes)
	addiu $sp, $sp, -16
	sw $ra, 12($sp)
	sw $s0, 8($sp)
	sw $s1, 4($sp)
	move $s0, $a0
	addu $s1, $a0, $a1
1:	beq $s0, $s1, 3f                /* all taken */
	nop
	lbu $t1, 0($s0)
	addiu $s0, $s0, 1
	la $t0, outlen
	lw $t2, 0($t0)
	la $t3, outbuf
	addu $t3, $t3, $t2
	sb $t1, 0($t3)                  /* outbuf[outlen++] = byte */
	addiu $t2, $t2, 1
	sw $t2, 0($t0)
	xori $t1, $t1, NL
	beqz $t1, 2f                    /* a newline: flush */
	xori $t2, $t2, OUTBUF_SIZE
	bnez $t2, 1b                    /* room left: next byte */
	nop
2:	jal flush
	nop
	b 1b
	nop
3:	lw $s1, 4($sp)
	lw $s0, 8($sp)
	lw $ra, 12($sp)
	jr $ra
	addiu $sp, $sp, 16
END(putbytes)

/* putc(c): the byte c. Frame: the byte at 0($sp), $ra at 4($sp). */
FUNC(putc)
	addiu $sp, $sp, -8
	sw $ra, 4($sp)
	sb $a0, 0($sp)
	move $a0, $sp                   /* putbytes(&c, 1) */
	jal putbytes
	li $a1, 1
	lw $ra, 4($sp)
	jr $ra
	addiu $sp, $sp, 8
END(putc)

/* puts(s): the string s, without adding a newline. Frame: s at 0($sp),
 * $ra at 4($sp). */
FUNC(puts)
	addiu $sp, $sp, -8
	sw $ra, 4($sp)
	jal strlen
	sw $a0, 0($sp)                  /* delay slot: keep s across the call */
	lw $a0, 0($sp)                  /* putbytes(s, strlen(s)) */
	jal putbytes
	move $a1, $v0
	lw $ra, 4($sp)
	jr $ra
	addiu $sp, $sp, 8
END(puts)

/* putdec(n): n in signed decimal. The digits are produced last first, by
 * dividing by 10, and stored backwards into a 12-byte buffer on the stack
 * (the longest number, "-2147483648", takes 11).
 * Frame: buffer at 4..15($sp) (it ends at 16($sp)), $ra at 20($sp).
 * $t0 = where the next digit goes, $t1 = what is left to print (unsigned),
 * $t2 = 10, $t3 = a digit. */
FUNC(putdec)
	addiu $sp, $sp, -24
	sw $ra, 20($sp)
	addiu $t0, $sp, 16              /* end of the buffer */
	bgez $a0, 1f
	move $t1, $a0
	subu $t1, $zero, $a0            /* negative: print -n (right for -2^31 too, unsigned) */
1:	li $t2, 10
2:	divu $zero, $t1, $t2            /* LO = quotient, HI = remainder */
	mfhi $t3
	mflo $t1
	addiu $t3, $t3, '0'
	addiu $t0, $t0, -1
	bnez $t1, 2b                    /* until the quotient is 0: at least one digit */
	sb $t3, 0($t0)
	bgez $a0, 3f
	li $t3, '-'
	addiu $t0, $t0, -1              /* negative: a '-' in front */
	sb $t3, 0($t0)
3:	addiu $a1, $sp, 16
	subu $a1, $a1, $t0              /* length = end - first byte */
	jal putbytes
	move $a0, $t0
	lw $ra, 20($sp)
	jr $ra
	addiu $sp, $sp, 24
END(putdec)

/* puthex(n): "0x" and the 8 hex digits of n, lowercase. Four bits at a time,
 * from the lowest, stored backwards into a 10-byte buffer.
 * Frame: buffer at 4..13($sp), $ra at 20($sp).
 * $t0 = where the next digit goes, $t1 = a nibble, then its character,
 * $t2 = the first digit's place (the loop stops there, after "0x"),
 * $t3 = the characters "0123456789abcdef". */
FUNC(puthex)
	addiu $sp, $sp, -24
	sw $ra, 20($sp)
	addiu $t0, $sp, 14              /* end of the buffer */
	addiu $t2, $sp, 6               /* the 8 digits go to 6..13($sp) */
	la $t3, hexdigits
1:	andi $t1, $a0, 0xf
	addu $t1, $t3, $t1
	lbu $t1, 0($t1)                 /* hexdigits[n & 15] */
	addiu $t0, $t0, -1
	sb $t1, 0($t0)
	bne $t0, $t2, 1b
	srl $a0, $a0, 4
	li $t1, '0'                     /* then "0x" at 4..5($sp) */
	sb $t1, 4($sp)
	li $t1, 'x'
	sb $t1, 5($sp)
	addiu $a0, $sp, 4               /* putbytes(buffer, 10) */
	jal putbytes
	li $a1, 10
	lw $ra, 20($sp)
	jr $ra
	addiu $sp, $sp, 24
END(puthex)

	.section .rodata
hexdigits:
	.ascii "0123456789abcdef"

	.bss
	.balign 4
outlen:	.space 4                        /* bytes waiting in outbuf */
outbuf:	.space OUTBUF_SIZE
