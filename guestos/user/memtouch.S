/*
 * memtouch [PAGES] - exercises the heap and demand-zero paging: grows the
 * heap by PAGES pages with sbrk (default 64), writes a pattern into every
 * word of every page, then reads every word back and checks it. Prints
 *   memtouch: N pages written and verified
 * and exits with 0, or prints
 *   memtouch: FAIL at ADDR: read X, expected Y
 * (all three in hex) and exits with 1 at the first wrong word. An sbrk error
 * is printed ("memtouch: sbrk: TEXT") and gives exit status 1, as does a
 * PAGES that is not a number or above MAX_PAGES.
 *
 * The word at address A holds A xor KEY, KEY = 0xa5a5a5a5 + pid: every word
 * of every page differs, so two pages that share a frame are caught, even
 * if they belong to two memtouch processes running at the same time.
 */
#include "ulib.h"

#define DEFAULT_PAGES 64
#define MAX_PAGES     0x7ffff       /* the most for which PAGES * 4096 stays a positive int */

	.set noreorder
	.text

/* main(args): frame: $ra at 20($sp), $s0-$s3 at 4..16($sp).
 * $s0 = PAGES, $s1 = start of the new heap, $s2 = its end, $s3 = KEY;
 * in the loops $t0 = the word's address, $t1 = the pattern, $t2 = what was read. */
FUNC(main)
	addiu $sp, $sp, -24
	sw $ra, 20($sp)
	sw $s0, 16($sp)
	sw $s1, 12($sp)
	sw $s2, 8($sp)
	sw $s3, 4($sp)

	jal argnum                      /* the first argument, or the default */
	li $a1, DEFAULT_PAGES
	bltz $v0, usage                 /* not a number */
	move $s0, $v0
	li $t0, MAX_PAGES
	sltu $t0, $t0, $s0
	bnez $t0, usage                 /* too many */
	nop

	jal sbrk                        /* the heap grows by PAGES * 4096 bytes */
	sll $a0, $s0, 12
	bltz $v0, sbrkfail              /* an E_* code */
	move $s1, $v0                   /* the old break: our memory starts there */
	sll $t0, $s0, 12
	addu $s2, $s1, $t0              /* ... and ends here */
	jal getpid
	nop
	li $s3, 0xa5a5a5a5
	addu $s3, $s3, $v0              /* KEY */

	move $t0, $s1                   /* write every word */
2:	beq $t0, $s2, 3f
	xor $t1, $t0, $s3               /* delay slot: pattern = address xor KEY */
	sw $t1, 0($t0)
	b 2b
	addiu $t0, $t0, 4

3:	move $t0, $s1                   /* read every word back */
4:	beq $t0, $s2, ok
	xor $t1, $t0, $s3
	lw $t2, 0($t0)
	bne $t2, $t1, bad
	nop
	b 4b
	addiu $t0, $t0, 4

ok:	la $a0, okmsg1                  /* "memtouch: N pages written and verified\n" */
	jal puts
	nop
	jal putdec
	move $a0, $s0
	la $a0, okmsg2
	jal puts
	nop
	b out
	move $v0, $zero                 /* exit status 0 */

bad:	move $s0, $t0                   /* "memtouch: FAIL at A: read X, expected Y\n" */
	move $s1, $t2                   /* (PAGES and the heap start are no longer needed) */
	move $s2, $t1
	la $a0, badmsg1
	jal puts
	nop
	jal puthex
	move $a0, $s0
	la $a0, badmsg2
	jal puts
	nop
	jal puthex
	move $a0, $s1
	la $a0, badmsg3
	jal puts
	nop
	jal puthex
	move $a0, $s2
	jal putc
	li $a0, NL
	b out
	li $v0, 1                       /* exit status 1 */

sbrkfail:
	la $a0, me
	la $a1, sbrkname
	jal puterror                    /* "memtouch: sbrk: TEXT\n" */
	move $a2, $v0
	b out
	li $v0, 1

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
okmsg1:	 .asciz "memtouch: "
okmsg2:	 .asciz " pages written and verified\n"
badmsg1: .asciz "memtouch: FAIL at "
badmsg2: .asciz ": read "
badmsg3: .asciz ", expected "
me:	 .asciz "memtouch"
sbrkname: .asciz "sbrk"
usagemsg: .asciz "usage: memtouch [PAGES]\n"
