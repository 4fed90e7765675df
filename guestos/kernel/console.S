/*
 * console.S - the console driver (hw.h: DATA, STATUS, CTRL at
 * SSEG_IO(HW_CONSOLE_BASE), interrupt line IP2).
 *
 * Output is polled: the machine's console always accepts a byte
 * (STATUS.TX_READY is always 1), so kputc just stores it to DATA. We never
 * read STATUS to send: on this machine a STATUS read may wait for input.
 *
 * Input is interrupt-driven and line-edited, like a terminal driver in
 * "cooked" mode. Bytes are read in the interrupt handler, echoed, and
 * collected in `line` until Enter; the finished line moves to `cooked`,
 * where read() takes it. Editing keys: Backspace/Delete erases a character,
 * Ctrl-U the whole line, Ctrl-D on an empty line means end of input.
 * Flow control: the receive interrupt (CTRL.RXIE) is on only while a
 * process waits for a line and none is finished; so typed-ahead input is
 * echoed when a program reads it, and a script fed to the console appears
 * interleaved with the output exactly as if typed at the prompt.
 *
 *   kputc(c), kputs(s), kputdec(n), kputhex(n), kputs_pad(s, w), kputdec_pad(n, w)
 *   cons_write(kva, n)         n bytes from the kernel address kva
 *   cons_intr()                from interrupt() when IP2 is pending
 *   cons_read(uva, n) -> bytes, 0 at end of input, E_FAULT, or E_RESTART
 *                              (blocked until a line is ready)
 */
#include "kernel.h"

#define CONS SSEG_IO(HW_CONSOLE_BASE)
#define CH_BS   0x08
#define CH_DEL  0x7f
#define CH_NAK  0x15      /* Ctrl-U */
#define CH_EOT  0x04      /* Ctrl-D */
#define CH_BEL  0x07

	.set noreorder
	.text

/* kputc(a0 = byte). Leaf; clobbers t9. */
	.globl kputc
kputc:
	li $t9, CONS
	jr $ra
	sw $a0, HW_CONSOLE_DATA($t9)

/* kputs(a0 = NUL-terminated string). Leaf; clobbers t8, t9. */
	.globl kputs
kputs:
	li $t9, CONS
1:	lbu $t8, 0($a0)
	beqz $t8, 2f
	addiu $a0, $a0, 1
	b 1b
	sw $t8, HW_CONSOLE_DATA($t9)
2:	jr $ra
	nop

/* cons_write(a0 = kernel address, a1 = length). Leaf. The paravirtual
 * build hands the whole buffer to the VMM in one hypercall instead of
 * one trapping store (an MMIO exit) per byte. */
	.globl cons_write
cons_write:
#ifdef PARAVIRT
	move $t0, $v0
	li $v0, HC_CONSOLE_WRITE
	hypcall
	jr $ra
	move $v0, $t0
#else
	li $t9, CONS
	beqz $a1, 2f
	addu $a1, $a0, $a1
1:	lbu $t8, 0($a0)
	addiu $a0, $a0, 1
	bne $a0, $a1, 1b
	sw $t8, HW_CONSOLE_DATA($t9)
2:	jr $ra
	nop
#endif

/* kputhex(a0): "0x" and eight hex digits. Leaf. */
	.globl kputhex
kputhex:
	li $t9, CONS
	li $t8, '0'
	sw $t8, HW_CONSOLE_DATA($t9)
	li $t8, 'x'
	sw $t8, HW_CONSOLE_DATA($t9)
	li $t7, 28                      /* shift of the next digit */
1:	srlv $t8, $a0, $t7
	andi $t8, $t8, 0xf
	sltiu $t6, $t8, 10
	bnez $t6, 2f
	addiu $t8, $t8, '0'
	addiu $t8, $t8, 'a' - '0' - 10
2:	sw $t8, HW_CONSOLE_DATA($t9)
	bnez $t7, 1b
	addiu $t7, $t7, -4
	jr $ra
	nop

/* kputdec_pad(a0 = signed number, a1 = width): right-aligned in width
 * columns. kputdec(a0): no padding. Leaf; uses a 12-byte buffer on the stack. */
	.globl kputdec, kputdec_pad
kputdec:
	move $a1, $zero
kputdec_pad:
	addiu $sp, $sp, -16
	addiu $t0, $sp, 12              /* digits are written backwards from here */
	move $t1, $a0
	bgez $t1, 1f
	li $t3, 10
	subu $t1, $zero, $t1            /* magnitude; the sign is added below */
1:	divu $zero, $t1, $t3
	mfhi $t2
	mflo $t1
	addiu $t2, $t2, '0'
	addiu $t0, $t0, -1
	bnez $t1, 1b
	sb $t2, 0($t0)
	bgez $a0, 2f
	li $t2, '-'
	addiu $t0, $t0, -1
	sb $t2, 0($t0)
2:	addiu $t1, $sp, 12
	subu $t1, $t1, $t0              /* number of characters */
	li $t9, CONS
	li $t2, ' '
3:	slt $t3, $t1, $a1               /* pad while width > length */
	beqz $t3, 4f
	addiu $a1, $a1, -1
	b 3b
	sw $t2, HW_CONSOLE_DATA($t9)
4:	addiu $t1, $sp, 12
5:	lbu $t2, 0($t0)
	addiu $t0, $t0, 1
	bne $t0, $t1, 5b
	sw $t2, HW_CONSOLE_DATA($t9)
	jr $ra
	addiu $sp, $sp, 16

/* kputs_pad(a0 = string, a1 = width): left-aligned, padded with spaces. */
	.globl kputs_pad
kputs_pad:
	li $t9, CONS
1:	lbu $t8, 0($a0)
	beqz $t8, 2f
	addiu $a0, $a0, 1
	addiu $a1, $a1, -1
	b 1b
	sw $t8, HW_CONSOLE_DATA($t9)
2:	li $t8, ' '
3:	blez $a1, 4f
	addiu $a1, $a1, -1
	b 3b
	sw $t8, HW_CONSOLE_DATA($t9)
4:	jr $ra
	nop

/* ---- input ------------------------------------------------------------------ */

/* cons_intr(): take every byte the console has, through the line
 * discipline; stop at the end of a line (flow control: RXIE off until the
 * line has been read). Wakes readers when a line is ready or input ended. */
	.globl cons_intr
cons_intr:
	addiu $sp, $sp, -FRAME_SIZE(2)
	sw $ra, SLOT(0)($sp)
	sw $s0, SLOT(1)($sp)
	li $s0, CONS
1:	lw $t0, HW_CONSOLE_STATUS($s0)
	andi $t1, $t0, HW_CONSOLE_RX_READY
	beqz $t1, 2f
	nop
	jal line_byte
	lw $a0, HW_CONSOLE_DATA($s0)
	beqz $v0, 1b                    /* no line finished yet: next byte */
	nop
	b 3f
	nop
2:	andi $t1, $t0, HW_CONSOLE_EOF   /* nothing more will ever come */
	beqz $t1, 4f
	nop
3:	sw $zero, HW_CONSOLE_CTRL($s0)  /* RXIE off */
	la $a0, cooked
	jal wakeup
	nop
4:	lw $ra, SLOT(0)($sp)
	lw $s0, SLOT(1)($sp)
	jr $ra
	addiu $sp, $sp, FRAME_SIZE(2)

/* line_byte(a0 = byte) -> v0 = 1 when a line is finished (or Ctrl-D on an
 * empty line). The line discipline; echoes what it accepts. */
line_byte:
	addiu $sp, $sp, -FRAME_SIZE(2)
	sw $ra, SLOT(0)($sp)
	sw $s0, SLOT(1)($sp)
	move $s0, $a0
	lw $t0, line_len
	li $t1, '\r'                    /* Enter on a raw terminal sends CR */
	beq $s0, $t1, lb_newline
	li $t1, '\n'
	beq $s0, $t1, lb_newline
	li $t1, CH_BS
	beq $s0, $t1, lb_erase
	li $t1, CH_DEL
	beq $s0, $t1, lb_erase
	li $t1, CH_NAK
	beq $s0, $t1, lb_kill
	li $t1, CH_EOT
	beq $s0, $t1, lb_eot
	li $t1, '\t'
	beq $s0, $t1, lb_insert
	sltiu $t1, $s0, 0x20            /* other control characters: ignored */
	bnez $t1, lb_none
	sltiu $t1, $s0, 0x7f
	beqz $t1, lb_none
	nop
lb_insert:                          /* keep one byte for the newline */
	sltiu $t1, $t0, LINE_MAX - 1
	beqz $t1, lb_full
	nop
	la $t2, line
	addu $t2, $t2, $t0
	sb $s0, 0($t2)
	addiu $t0, $t0, 1
	sw $t0, line_len
	jal kputc                       /* echo */
	move $a0, $s0
	b lb_none
	nop
lb_full:
	jal kputc                       /* the line is full: ring the bell */
	li $a0, CH_BEL
	b lb_none
	nop
lb_erase:
	beqz $t0, lb_none
	addiu $t0, $t0, -1
	sw $t0, line_len
	la $a0, erase_seq
	jal kputs
	nop
	b lb_none
	nop
lb_kill:
	lw $t0, line_len
	beqz $t0, lb_none
	addiu $t0, $t0, -1
	sw $t0, line_len
	la $a0, erase_seq
	jal kputs
	nop
	b lb_kill
	nop
lb_eot:
	bnez $t0, lb_none               /* Ctrl-D inside a line: ignored */
	li $t1, 1
	sw $t1, eof_once                /* the next read returns 0 */
	b lb_done
	li $v0, 1
lb_newline:
	la $t2, line
	addu $t2, $t2, $t0
	li $t1, '\n'
	sb $t1, 0($t2)
	addiu $t0, $t0, 1
	jal kputc
	li $a0, '\n'
	jal line_to_cooked
	nop
	b lb_done
	li $v0, 1
lb_none:
	move $v0, $zero
lb_done:
	lw $ra, SLOT(0)($sp)
	lw $s0, SLOT(1)($sp)
	jr $ra
	addiu $sp, $sp, FRAME_SIZE(2)

/* line_to_cooked(t0 = length): the edited line becomes readable. Leaf. */
line_to_cooked:
	la $t1, line
	la $t2, cooked
	sw $t0, cooked_len
	sw $zero, cooked_pos
	sw $zero, line_len
1:	beqz $t0, 2f
	lbu $t3, 0($t1)
	sb $t3, 0($t2)
	addiu $t1, $t1, 1
	addiu $t2, $t2, 1
	b 1b
	addiu $t0, $t0, -1
2:	jr $ra
	nop

/* cons_read(a0 = user buffer, a1 = length). */
	.globl cons_read
cons_read:
	addiu $sp, $sp, -FRAME_SIZE(3)
	sw $ra, SLOT(0)($sp)
	sw $s0, SLOT(1)($sp)
	sw $s1, SLOT(2)($sp)
	move $s0, $a0
	move $s1, $a1
cr_again:
	lw $t0, cooked_len
	lw $t1, cooked_pos
	subu $t2, $t0, $t1              /* bytes of the line not yet read */
	beqz $t2, cr_empty
	nop
	sltu $t3, $s1, $t2
	movn $t2, $s1, $t3              /* n = min(length, left) */
	la $a1, cooked
	addu $a1, $a1, $t1
	move $a0, $s0
	jal copyout                     /* copyout(uva, kva, n) -> 0 / E_FAULT */
	move $a2, $t2
	bnez $v0, cr_out
	nop
	lw $t0, cooked_pos              /* advance (t2 is gone: recompute n) */
	lw $t1, cooked_len
	subu $t2, $t1, $t0
	sltu $t3, $s1, $t2
	movn $t2, $s1, $t3
	addu $t0, $t0, $t2
	sw $t0, cooked_pos
	bne $t0, $t1, 1f
	nop
	sw $zero, cooked_len            /* all of it read */
	sw $zero, cooked_pos
1:	b cr_out
	move $v0, $t2
cr_empty:
	lw $t0, eof_once                /* Ctrl-D on an empty line */
	beqz $t0, 1f
	nop
	sw $zero, eof_once
	b cr_out
	move $v0, $zero
1:	lw $t0, cons_eof
	bnez $t0, cr_out
	move $v0, $zero
	li $t9, CONS
	lw $t0, HW_CONSOLE_STATUS($t9)
	andi $t1, $t0, HW_CONSOLE_RX_READY
	bnez $t1, cr_block
	andi $t1, $t0, HW_CONSOLE_EOF
	beqz $t1, cr_block
	nop
	/* Input ended: a last line without newline is still delivered. */
	lw $t0, line_len
	beqz $t0, 2f
	nop
	jal line_to_cooked
	nop
	b cr_again
	nop
2:	li $t0, 1
	sw $t0, cons_eof
	b cr_out
	move $v0, $zero
cr_block:
	li $t0, HW_CONSOLE_RXIE         /* interrupt when a byte arrives */
	sw $t0, HW_CONSOLE_CTRL($t9)
	la $a0, cooked
	jal proc_block
	nop
	li $v0, E_RESTART
cr_out:
	lw $ra, SLOT(0)($sp)
	lw $s0, SLOT(1)($sp)
	lw $s1, SLOT(2)($sp)
	jr $ra
	addiu $sp, $sp, FRAME_SIZE(3)

	.section .rodata
erase_seq: .asciz "\b \b"

	.data
line_len:   .word 0         /* bytes in `line` being edited            */
cooked_len: .word 0         /* bytes in `cooked` (a finished line)      */
cooked_pos: .word 0         /* of which already read                    */
eof_once:   .word 0         /* Ctrl-D seen on an empty line             */
cons_eof:   .word 0         /* the console said input has ended         */
line:       .space LINE_MAX
cooked:     .space LINE_MAX
