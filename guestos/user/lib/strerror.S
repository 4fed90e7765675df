/*
 * strerror.S - the text of each E_* error code of sys.h (one table), and
 * puterror, which prints "WHO: WHAT: TEXT\n" for a failed call.
 */
#include "ulib.h"

/* entries in errtab: 0 and every code from E_NOENT (-1) to E_NOSYS, the last */
#define NERRORS (1 - (E_NOSYS))

	.set noreorder
	.text

/* strerror(code) -> the text of an E_* code. The table is indexed by
 * -code (E_NOENT = -1 is entry 1); entry 0 and anything outside the
 * table give "unknown error". $t0 = -code, then the entry's address. */
FUNC(strerror)
	subu $t0, $zero, $a0            /* -code */
	sltiu $t1, $t0, NERRORS         /* 0 <= -code < NERRORS (unsigned compare) */
	bnez $t1, 1f
	sll $t0, $t0, 2                 /* 4 bytes per table entry */
	move $t0, $zero                 /* outside the table: entry 0 */
1:	la $t1, errtab
	addu $t0, $t1, $t0
	lw $v0, 0($t0)
	jr $ra
	nop
END(strerror)

/* puterror(who, what, code): prints "WHO: WHAT: TEXT\n", leaving out
 * "WHAT: " when what is 0. For example puterror("cat", "poem", E_NOENT)
 * prints "cat: poem: no such program or file".
 * Frame: $ra at 20($sp), $s0-$s2 at 8..16($sp) hold what, code and who's
 * string across the calls. */
FUNC(puterror)
	addiu $sp, $sp, -24
	sw $ra, 20($sp)
	sw $s0, 16($sp)
	sw $s1, 12($sp)
	sw $s2, 8($sp)
	move $s0, $a1                   /* $s0 = what */
	jal puts                        /* WHO */
	move $s1, $a2                   /* $s1 = code */
	la $s2, colon
	jal puts                        /* ": " */
	move $a0, $s2
	beqz $s0, 1f
	nop
	jal puts                        /* WHAT */
	move $a0, $s0
	jal puts                        /* ": " */
	move $a0, $s2
1:	jal strerror
	move $a0, $s1
	jal puts                        /* TEXT */
	move $a0, $v0
	jal putc
	li $a0, NL
	lw $s2, 8($sp)
	lw $s1, 12($sp)
	lw $s0, 16($sp)
	lw $ra, 20($sp)
	jr $ra
	addiu $sp, $sp, 24
END(puterror)

	.section .rodata
colon:	.asciz ": "
	.balign 4
/* errtab[-code]: the text of each E_* code, in the order of sys.h. */
errtab:
	.word unknown                   /* 0: not an error code */
	.word e_noent                   /* E_NOENT   -1 */
	.word e_nomem                   /* E_NOMEM   -2 */
	.word e_proclim                 /* E_PROCLIM -3 */
	.word e_fault                   /* E_FAULT   -4 */
	.word e_inval                   /* E_INVAL   -5 */
	.word e_child                   /* E_CHILD   -6 */
	.word e_fdlim                   /* E_FDLIM   -7 */
	.word e_noexec                  /* E_NOEXEC  -8 */
	.word e_nosys                   /* E_NOSYS   -9 */
errtab_end:
	.if (errtab_end - errtab) != NERRORS * 4
	.error "errtab and NERRORS disagree"
	.endif
unknown:    .asciz "unknown error"
e_noent:    .asciz "no such program or file"
e_nomem:    .asciz "out of memory"
e_proclim:  .asciz "process table full"
e_fault:    .asciz "bad address"
e_inval:    .asciz "invalid argument"
e_child:    .asciz "no child to wait for"
e_fdlim:    .asciz "too many open files"
e_noexec:   .asciz "not an executable program"
e_nosys:    .asciz "no such system call"
