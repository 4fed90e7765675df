/*
 * string.S - NUL-terminated strings: strlen, strcmp, streq, strcpy, and the
 * two helpers programs use on their argument string: word (split off the
 * next blank-separated word) and atoi (a decimal number).
 * All are leaf functions except streq; none uses the stack or $s registers.
 */
#include "ulib.h"

	.set noreorder
	.text

/* strlen(s) -> number of bytes before the NUL.
 * $t0 = the current byte's address, $t1 = the byte. */
FUNC(strlen)
	move $t0, $a0
1:	lbu $t1, 0($t0)
	bnez $t1, 1b
	addiu $t0, $t0, 1               /* delay slot: step on, even past the NUL */
	subu $v0, $t0, $a0
	jr $ra
	addiu $v0, $v0, -1              /* ...so take back the step over the NUL */
END(strlen)

/* strcmp(a, b) -> *a - *b at the first difference (bytes unsigned), 0 if the
 * strings are equal. $t0 = byte of a, $t1 = byte of b. */
FUNC(strcmp)
1:	lbu $t0, 0($a0)
	lbu $t1, 0($a1)
	bne $t0, $t1, 2f                /* different bytes: the answer is their difference */
	addiu $a0, $a0, 1
	bnez $t0, 1b                    /* equal and not the end: next pair */
	addiu $a1, $a1, 1
2:	jr $ra
	subu $v0, $t0, $t1              /* 0 when both strings ended together */
END(strcmp)

/* streq(a, b) -> 1 if the strings are equal, else 0. */
FUNC(streq)
	addiu $sp, $sp, -8
	sw $ra, 4($sp)
	jal strcmp
	nop
	sltiu $v0, $v0, 1               /* strcmp == 0 -> 1, anything else -> 0 */
	lw $ra, 4($sp)
	jr $ra
	addiu $sp, $sp, 8
END(streq)

/* strcpy(dst, src) -> dst: copies src, NUL included.
 * $t0 = next destination byte, $t1 = the byte. */
FUNC(strcpy)
	move $t0, $a0
1:	lbu $t1, 0($a1)
	addiu $a1, $a1, 1
	sb $t1, 0($t0)
	bnez $t1, 1b
	addiu $t0, $t0, 1
	jr $ra
	move $v0, $a0
END(strcpy)

/* word(p) -> $v0 = the next word of p, $v1 = what follows it.
 * Skips blanks (space and tab), then finds the end of the word; if a blank
 * ends it, that blank is overwritten with a NUL and $v1 points just past it,
 * else (the string's NUL ends it) $v1 points at that NUL, so that the next
 * call returns "". Calling word(rest) again and again splits a line in place.
 * $t0 = the current byte, $t1/$t2 = "is a space"/"is a tab" tests. */
FUNC(word)
1:	lbu $t0, 0($a0)                 /* skip the blanks before the word */
	xori $t1, $t0, ' '
	xori $t2, $t0, TAB
	beqz $t1, 1b
	addiu $a0, $a0, 1
	beqz $t2, 1b
	nop
	addiu $a0, $a0, -1              /* $a0 went one past the word's first byte */
	move $v0, $a0                   /* the word starts here (maybe at the NUL) */
2:	lbu $t0, 0($a0)                 /* find its end: NUL or a blank */
	beqz $t0, 3f
	xori $t1, $t0, ' '
	beqz $t1, 4f
	xori $t2, $t0, TAB
	beqz $t2, 4f
	nop
	b 2b
	addiu $a0, $a0, 1
3:	jr $ra                          /* ended by the NUL: the rest is "" */
	move $v1, $a0
4:	sb $zero, 0($a0)                /* ended by a blank: cut the string there */
	jr $ra
	addiu $v1, $a0, 1
END(word)

/* atoi(s) -> the value of the decimal number s, or -1 if s is empty, holds a
 * byte other than '0'-'9', or exceeds 2147483647 (the largest positive
 * 32-bit signed number). So any result >= 0 is a valid number.
 * $v0 = the value so far, $t0 = the current byte, then its digit value,
 * $t1 = scratch, $t2 = the largest value that may still be multiplied by 10. */
FUNC(atoi)
	lbu $t0, 0($a0)
	beqz $t0, 9f                    /* "" is not a number */
	move $v0, $zero
	li $t2, 214748364               /* 2147483647 / 10 */
1:	addiu $t0, $t0, -'0'            /* the digit's value, if it is a digit */
	sltiu $t1, $t0, 10              /* unsigned compare: bytes below '0' wrap high */
	beqz $t1, 9f
	sltu $t1, $t2, $v0              /* value > 214748364: value * 10 would overflow */
	bnez $t1, 9f
	sll $t1, $v0, 3                 /* value * 10 = value * 8 + value * 2 */
	sll $v0, $v0, 1
	addu $v0, $v0, $t1
	addu $v0, $v0, $t0              /* + the digit */
	bltz $v0, 9f                    /* 214748364 * 10 + 8 or + 9: too large */
	addiu $a0, $a0, 1
	lbu $t0, 0($a0)
	bnez $t0, 1b
	nop
	jr $ra                          /* the NUL: done, $v0 is the value */
	nop
9:	jr $ra                          /* not a number */
	li $v0, -1
END(atoi)

/* argnum(args, dflt) -> $v0 = the first word of args as a number (atoi),
 * dflt if args has no word, -1 if the word is not a number. The optional
 * numeric argument of primes, sysloop and memtouch. word() is a leaf that
 * leaves $a1 alone; $s0 keeps dflt across atoi. Frame: $ra at 4($sp), $s0 at 0. */
FUNC(argnum)
	addiu $sp, $sp, -8
	sw $ra, 4($sp)
	sw $s0, 0($sp)
	jal word
	move $s0, $a1
	lbu $t0, 0($v0)
	beqz $t0, 1f                    /* no word: the default */
	move $a0, $v0
	jal atoi
	nop
	b 2f
	nop
1:	move $v0, $s0
2:	lw $ra, 4($sp)
	lw $s0, 0($sp)
	jr $ra
	addiu $sp, $sp, 8
END(argnum)
