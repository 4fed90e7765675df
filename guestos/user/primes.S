/*
 * primes [N] - a compute-bound program: counts the primes below N (default
 * 10000) by trial division, with the DIVU instruction, and prints
 *   primes below N: COUNT (largest P)
 * (P is 0 when there is none, N <= 2). Exit status 0; 1 with a usage line
 * if N is not a number.
 *
 * A candidate n is prime if no d in 2, 3, ... divides it, stopping as soon
 * as the quotient n / d is smaller than d (then d * d > n). DIVU gives the
 * quotient (LO) and the remainder (HI) in one go.
 */
#include "ulib.h"

#define DEFAULT_N 10000

	.set noreorder
	.text

/* main(args): frame: $ra at 20($sp), $s0-$s3 at 4..16($sp).
 * $s0 = N, $s1 = candidate n, $s2 = count, $s3 = largest prime so far;
 * in the inner loop $t0 = divisor d, $t1 = quotient, $t2 = remainder. */
FUNC(main)
	addiu $sp, $sp, -24
	sw $ra, 20($sp)
	sw $s0, 16($sp)
	sw $s1, 12($sp)
	sw $s2, 8($sp)
	sw $s3, 4($sp)

	jal argnum                      /* the first argument, or the default */
	li $a1, DEFAULT_N
	bltz $v0, usage                 /* not a number */
	move $s0, $v0

	move $s2, $zero                 /* count = 0 */
	move $s3, $zero                 /* largest = 0 */
	li $s1, 2                       /* n = 2, the first candidate */
next:	sltu $t0, $s1, $s0
	beqz $t0, done                  /* n >= N: finished */
	li $t0, 2                       /* d = 2 */
try:	divu $zero, $s1, $t0
	mflo $t1                        /* quotient */
	mfhi $t2                        /* remainder */
	sltu $t3, $t1, $t0
	bnez $t3, prime                 /* n / d < d: no divisor up to sqrt(n) */
	nop
	beqz $t2, composite             /* d divides n */
	nop
	b try
	addiu $t0, $t0, 1               /* next divisor */
prime:	/* 2 and 3 come here at once: 2 / 2 = 1 < 2 and 3 / 2 = 1 < 2 */
	addiu $s2, $s2, 1
	move $s3, $s1
composite:
	b next
	addiu $s1, $s1, 1

done:	la $a0, msg1                    /* "primes below N: COUNT (largest P)\n" */
	jal puts
	nop
	jal putdec
	move $a0, $s0
	la $a0, msg2
	jal puts
	nop
	jal putdec
	move $a0, $s2
	la $a0, msg3
	jal puts
	nop
	jal putdec
	move $a0, $s3
	la $a0, msg4
	jal puts
	nop
	b out
	move $v0, $zero                 /* exit status 0 */

usage:	la $a0, usagemsg
	jal puts
	nop
	li $v0, 1                       /* exit status 1 */
out:	lw $s3, 4($sp)
	lw $s2, 8($sp)
	lw $s1, 12($sp)
	lw $s0, 16($sp)
	lw $ra, 20($sp)
	jr $ra
	addiu $sp, $sp, 24
END(main)

	.section .rodata
msg1:	.asciz "primes below "
msg2:	.asciz ": "
msg3:	.asciz " (largest "
msg4:	.asciz ")\n"
usagemsg: .asciz "usage: primes [N]\n"
