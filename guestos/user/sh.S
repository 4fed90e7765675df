/*
 * sh - the shell. Prints the prompt "$ ", reads a line from fd 0 and runs
 * it, again and again. The kernel echoes what is typed and does the line
 * editing; the shell only sees finished lines.
 *
 * Builtins:
 *   help       what follows, in short
 *   ps         the process table (SYS_PS)
 *   ls         the files of the disk (SYS_LS)
 *   wait       waits for every child, printing "[pid N] exit S" for each
 *   exit [N]   ends the shell with status N (0..255, default 0)
 * Any other line "NAME ARGS..." spawns program NAME of the disk with ARGS,
 * waits for it, and prints "[exit S]" if its status S is not 0. A line that
 * ends with "&" runs in the background: the shell prints "[pid N]" and does
 * not wait (the `wait` builtin collects such children later).
 * Errors: "sh: NAME: TEXT" when spawn fails; "sh: line too long" for a line
 * of LINE_MAX bytes or more (the rest of it, up to its newline, is read and
 * thrown away). At the end of input the shell prints a newline and exits 0.
 */
#include "ulib.h"

#define LINE_MAX 128                /* bytes per read(), newline included */

	.set noreorder
	.text

/* main: frame: $ra at 28($sp), $s0-$s4 at 8..24($sp), the child's status
 * at 0($sp).
 * $s0 = bytes read, then the line's length; $s1 = 1 for a background
 * command; $s2 = the command's NAME (in words); $s3 = the command in line
 * (NAME ARGS..., what spawn gets); $s4 = the arguments after NAME (in words). */
FUNC(main)
	addiu $sp, $sp, -32
	sw $ra, 28($sp)
	sw $s0, 24($sp)
	sw $s1, 20($sp)
	sw $s2, 16($sp)
	sw $s3, 12($sp)
	sw $s4, 8($sp)

prompt:	la $a0, promptstr
	jal puts
	nop
	jal flush                       /* the prompt has no newline: push it out */
	nop
	li $a0, FD_STDIN
	la $a1, line
	jal read                        /* read(0, line, LINE_MAX): one line at most */
	li $a2, LINE_MAX
	bltz $v0, readfail
	move $s0, $v0
	beqz $s0, eof
	nop
	la $t0, line
	addu $t0, $t0, $s0
	sb $zero, 0($t0)                /* NUL-terminate: line has room for it */
	lbu $t1, -1($t0)                /* the last byte read */
	xori $t1, $t1, NL
	beqz $t1, 1f                    /* a whole line */
	xori $t1, $s0, LINE_MAX
	beqz $t1, toolong               /* a full buffer and no newline: too long */
	nop                             /* (else the input ended without a newline) */

1:	la $a0, line                    /* drop the newline and trailing blanks */
	jal rtrim
	nop
	beqz $v0, prompt                /* an empty line */
	move $s0, $v0
	la $t0, line                    /* a final '&': in the background */
	addu $t0, $t0, $s0
	lbu $t1, -1($t0)
	xori $t1, $t1, '&'
	bnez $t1, 2f
	move $s1, $zero
	sb $zero, -1($t0)               /* remove the '&' */
	la $a0, line
	jal rtrim                       /* and the blanks before it */
	li $s1, 1

2:	la $a0, words                   /* split a copy; line stays whole for spawn */
	la $a1, line
	jal strcpy
	nop
	jal word
	move $a0, $v0                   /* word(words) */
	move $s2, $v0                   /* NAME */
	move $s4, $v1                   /* ARGS */
	lbu $t0, 0($s2)
	beqz $t0, prompt                /* nothing but blanks (and '&') */
	nop
	la $t0, words
	subu $t0, $s2, $t0              /* NAME's offset in words is its offset in line */
	la $s3, line
	addu $s3, $s3, $t0              /* the command: line from NAME on */

	jal lookup                      /* a builtin? */
	move $a0, $s2
	beqz $v0, 3f
	nop
	jalr $v0                        /* handler(ARGS) */
	move $a0, $s4
	b prompt
	nop

3:	jal spawn                       /* a program: spawn(command) */
	move $a0, $s3
	bltz $v0, spawnfail
	move $s0, $v0                   /* $s0 = the child's pid */
	bnez $s1, 4f
	move $a0, $s0
	jal wait                        /* in the foreground: wait(pid, &status) */
	move $a1, $sp
	bltz $v0, waitfail
	lw $s0, 0($sp)                  /* $s0 = its status */
	beqz $s0, prompt
	nop
	la $a0, exitmsg                 /* "[exit S]\n" */
	jal puts
	nop
	jal putdec
	move $a0, $s0
	b 5f
	nop
4:	la $a0, pidmsg                  /* in the background: "[pid N]\n" */
	jal puts
	nop
	jal putdec
	move $a0, $s0
5:	la $a0, closemsg
	jal puts
	nop
	b prompt
	nop

toolong:
	li $a0, FD_STDIN                /* read and drop the rest of the line */
	la $a1, line
	jal read
	li $a2, LINE_MAX
	blez $v0, 6f                    /* the input ended (or failed) meanwhile */
	nop
	la $t0, line
	addu $t0, $t0, $v0
	lbu $t0, -1($t0)
	xori $t0, $t0, NL
	bnez $t0, toolong               /* no newline yet */
	nop
6:	la $a0, toolongmsg
	jal puts
	nop
	b prompt
	nop

spawnfail:
	la $a0, me                      /* "sh: NAME: TEXT\n" */
	move $a1, $s2
	jal puterror
	move $a2, $v0
	b prompt
	nop
waitfail:
	la $a0, me                      /* "sh: wait: TEXT\n" */
	la $a1, waitname
	jal puterror
	move $a2, $v0
	b prompt
	nop
readfail:
	la $a0, me                      /* "sh: read: TEXT\n", then exit 1 */
	la $a1, readname
	jal puterror
	move $a2, $v0
	b out
	li $v0, 1
eof:	jal putc                        /* end of input: a newline, exit 0 */
	li $a0, NL
	move $v0, $zero
out:	lw $s4, 8($sp)
	lw $s3, 12($sp)
	lw $s2, 16($sp)
	lw $s1, 20($sp)
	lw $s0, 24($sp)
	lw $ra, 28($sp)
	jr $ra
	addiu $sp, $sp, 32
END(main)

/* rtrim(s) -> the new length of s, after cutting off the blanks, carriage
 * returns and newlines at its end. $t0 = one past the last byte kept,
 * $t1 = the byte before it, $t2 = "is it one of those" tests. */
rtrim:	addiu $sp, $sp, -8
	sw $ra, 4($sp)
	jal strlen
	sw $a0, 0($sp)
	lw $a0, 0($sp)
	addu $t0, $a0, $v0              /* the NUL */
1:	beq $t0, $a0, 2f                /* nothing left */
	nop
	lbu $t1, -1($t0)
	xori $t2, $t1, ' '
	beqz $t2, 3f
	xori $t2, $t1, TAB
	beqz $t2, 3f
	xori $t2, $t1, NL
	beqz $t2, 3f
	xori $t2, $t1, 13               /* '\r' */
	bnez $t2, 2f                    /* not one of them: done */
	nop
3:	addiu $t0, $t0, -1
	b 1b
	sb $zero, 0($t0)                /* cut it off */
2:	subu $v0, $t0, $a0
	lw $ra, 4($sp)
	jr $ra
	addiu $sp, $sp, 8

/* lookup(name) -> the handler of the builtin called name, or 0.
 * Frame: $ra at 12($sp), $s0-$s1 at 4..8($sp).
 * $s0 = the current entry of builtins, $s1 = name. */
lookup:	addiu $sp, $sp, -16
	sw $ra, 12($sp)
	sw $s0, 8($sp)
	sw $s1, 4($sp)
	la $s0, builtins
	move $s1, $a0
1:	lw $a0, 0($s0)                  /* the entry's name; 0 ends the table */
	beqz $a0, 2f
	move $v0, $zero
	jal streq
	move $a1, $s1
	bnez $v0, 2f
	lw $v0, 4($s0)                  /* delay slot: the entry's handler */
	b 1b
	addiu $s0, $s0, 8
2:	lw $s1, 4($sp)
	lw $s0, 8($sp)
	lw $ra, 12($sp)
	jr $ra
	addiu $sp, $sp, 16

/* ---- the builtins: each is called with $a0 = its arguments ------------- */

/* help: prints helptext. */
do_help:
	addiu $sp, $sp, -8
	sw $ra, 4($sp)
	la $a0, helptext
	jal puts
	nop
	lw $ra, 4($sp)
	jr $ra
	addiu $sp, $sp, 8

/* ps, ls: the kernel prints the tables. The results (counts) are unused. */
do_ps:	j ps                            /* tail call: ps returns to our caller */
	nop
do_ls:	j ls
	nop

/* wait: wait(-1, &status) until there is no child left, printing
 * "[pid N] exit S" for each. Frame: $ra at 12($sp), $s0 at 8($sp) = pid,
 * status at 0($sp). */
do_wait:
	addiu $sp, $sp, -16
	sw $ra, 12($sp)
	sw $s0, 8($sp)
1:	li $a0, -1
	jal wait
	move $a1, $sp
	bltz $v0, 2f
	move $s0, $v0
	la $a0, pidmsg                  /* "[pid N] exit S\n" */
	jal puts
	nop
	jal putdec
	move $a0, $s0
	la $a0, exitedmsg
	jal puts
	nop
	jal putdec
	lw $a0, 0($sp)
	jal putc
	li $a0, NL
	b 1b
	nop
2:	li $t0, E_CHILD                 /* no child left: the normal end */
	beq $v0, $t0, 3f
	move $a2, $v0
	la $a0, me                      /* anything else: "sh: wait: TEXT\n" */
	la $a1, waitname
	jal puterror
	nop
3:	lw $s0, 8($sp)
	lw $ra, 12($sp)
	jr $ra
	addiu $sp, $sp, 16

/* exit [N]: exit(N), N in 0..255, default 0; a bad N is reported and the
 * shell goes on. Frame: $ra at 4($sp). */
do_exit:
	addiu $sp, $sp, -8
	sw $ra, 4($sp)
	jal word                        /* N */
	nop
	lbu $t0, 0($v0)
	beqz $t0, 1f                    /* none: exit(0) */
	move $a0, $zero
	jal atoi
	move $a0, $v0
	sltiu $t0, $v0, 256             /* 0..255 (atoi's -1 is huge unsigned) */
	beqz $t0, 2f
	move $a0, $v0
1:	jal exit                        /* never returns */
	nop
2:	la $a0, exitusage
	jal puts
	nop
	lw $ra, 4($sp)
	jr $ra
	addiu $sp, $sp, 8

	.section .rodata
	.balign 4
/* the builtins: name, handler; a 0 name ends the table */
builtins:
	.word n_help, do_help
	.word n_ps,   do_ps
	.word n_ls,   do_ls
	.word n_wait, do_wait
	.word n_exit, do_exit
	.word 0, 0
n_help:	.asciz "help"
n_ps:	.asciz "ps"
n_ls:	.asciz "ls"
n_wait:	.asciz "wait"
n_exit:	.asciz "exit"
promptstr:  .asciz "$ "
me:	    .asciz "sh"
waitname:   .asciz "wait"
readname:   .asciz "read"
pidmsg:	    .asciz "[pid "
exitmsg:    .asciz "[exit "
closemsg:   .asciz "]\n"
exitedmsg:  .asciz "] exit "
toolongmsg: .asciz "sh: line too long\n"
exitusage:  .asciz "usage: exit [N], N from 0 to 255\n"
helptext:
	.ascii "builtins:\n"
	.ascii "  help      this text\n"
	.ascii "  ps        the process table\n"
	.ascii "  ls        the files on the disk\n"
	.ascii "  wait      wait for every child, printing [pid N] exit S\n"
	.ascii "  exit [N]  leave the shell with status N (default 0)\n"
	.ascii "Other words run a program from the disk: NAME ARGS...\n"
	.asciz "End a line with & to run it in the background.\n"

	.bss
line:	.space LINE_MAX + 4             /* what read() returns, plus its NUL */
words:	.space LINE_MAX + 4             /* a copy of line, split into words */
