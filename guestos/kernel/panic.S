/*
 * panic.S - when the kernel cannot go on: say why, show the registers,
 * power the machine off with PANIC_STATUS.
 *
 *   panic(msg)               registers at the call
 *   panic_frame(msg, frame)  registers saved in a trap frame at an exception
 *   exc_name(code) -> string naming a Cause.ExcCode (also used by proc_kill)
 *
 * k0 and k1 belong to the exception vectors and are not saved in a trap
 * frame: after an exception they show as 0.
 *
 * The report looks like
 *   panic: exception in the kernel
 *     cause 0x00000010 address error on load  epc 0xc0001234  badvaddr 0x00000001
 *     status 0x00008013
 *     at 0x00000000  v0 0x00000001  v1 ...
 */
#include "kernel.h"

	.set noreorder
	.text

	.globl panic, panic_frame
/* panic(msg): the kernel found something impossible. The registers shown
 * are those at the call: saved first into panic_regs, with the caller's
 * address ($ra) as "epc" and the live Cause, Status and BadVAddr. */
panic:
	.set noat
	lui $at, %hi(panic_regs)
	addiu $at, $at, %lo(panic_regs)
	sw $zero, TF_REG(1)($at)        /* ($at itself is lost: we need it) */
	sw $v0, TF_REG(2)($at)
	sw $v1, TF_REG(3)($at)
	sw $a0, TF_REG(4)($at)
	sw $a1, TF_REG(5)($at)
	sw $a2, TF_REG(6)($at)
	sw $a3, TF_REG(7)($at)
	sw $t0, TF_REG(8)($at)
	sw $t1, TF_REG(9)($at)
	sw $t2, TF_REG(10)($at)
	sw $t3, TF_REG(11)($at)
	sw $t4, TF_REG(12)($at)
	sw $t5, TF_REG(13)($at)
	sw $t6, TF_REG(14)($at)
	sw $t7, TF_REG(15)($at)
	sw $s0, TF_REG(16)($at)
	sw $s1, TF_REG(17)($at)
	sw $s2, TF_REG(18)($at)
	sw $s3, TF_REG(19)($at)
	sw $s4, TF_REG(20)($at)
	sw $s5, TF_REG(21)($at)
	sw $s6, TF_REG(22)($at)
	sw $s7, TF_REG(23)($at)
	sw $t8, TF_REG(24)($at)
	sw $t9, TF_REG(25)($at)
	sw $k0, TF_REG(26)($at)
	sw $k1, TF_REG(27)($at)
	sw $gp, TF_REG(28)($at)
	sw $sp, TF_REG(29)($at)
	sw $fp, TF_REG(30)($at)
	sw $ra, TF_REG(31)($at)
	sw $ra, TF_EPC($at)
	mfhi $t0
	sw $t0, TF_HI($at)
	mflo $t0
	sw $t0, TF_LO($at)
	mfc0 $t0, C0_CAUSE
	sw $t0, TF_CAUSE($at)
	mfc0 $t0, C0_STATUS
	sw $t0, TF_STATUS($at)
	mfc0 $t0, C0_BADVADDR
	sw $t0, TF_BADVADDR($at)
	move $a1, $at
	.set at
	b 1f
	move $s2, $zero                 /* not an exception */

/* panic_frame(a0 = msg, a1 = frame saved at an exception). */
panic_frame:
	li $s2, 1
1:	move $s0, $a0
	move $s1, $a1
	la $a0, msg_panic
	jal kputs
	nop
	jal kputs
	move $a0, $s0
	la $a0, msg_cause
	jal kputs
	nop
	jal kputhex
	lw $a0, TF_CAUSE($s1)
	la $a0, msg_lp
	jal kputs
	nop
	la $v0, msg_called              /* the exception's name, if any */
	beqz $s2, 2f
	nop
	lw $a0, TF_CAUSE($s1)
	andi $a0, $a0, CAUSE_EXC
	jal exc_name
	srl $a0, $a0, CAUSE_EXC_SHIFT
2:	jal kputs
	move $a0, $v0
	la $a0, msg_epc
	jal kputs
	nop
	jal kputhex
	lw $a0, TF_EPC($s1)
	la $a0, msg_bad
	jal kputs
	nop
	jal kputhex
	lw $a0, TF_BADVADDR($s1)
	la $a0, msg_status
	jal kputs
	nop
	jal kputhex
	lw $a0, TF_STATUS($s1)
	la $a0, msg_hi
	jal kputs
	nop
	jal kputhex
	lw $a0, TF_HI($s1)
	la $a0, msg_lo
	jal kputs
	nop
	jal kputhex
	lw $a0, TF_LO($s1)
	/* the 31 GPRs, four to a line */
	li $s2, 1                       /* register number */
	la $s3, reg_names
1:	addiu $t0, $s2, -1
	andi $t0, $t0, 3
	bnez $t0, 2f
	nop
	jal kputc
	li $a0, '\n'
2:	la $a0, msg_sep
	jal kputs
	nop
	jal kputs
	move $a0, $s3
	jal kputc
	li $a0, ' '
	sll $t0, $s2, 2
	addu $t0, $s1, $t0
	jal kputhex
	lw $a0, TF_REG(0)($t0)
	addiu $s3, $s3, 3               /* names are 2 chars + NUL */
	addiu $s2, $s2, 1
	sltiu $t0, $s2, 32
	bnez $t0, 1b
	nop
	jal kputc
	li $a0, '\n'
	li $t0, SSEG_IO(HW_SYSCTL_BASE)
	li $t1, PANIC_STATUS
	sw $t1, HW_SYSCTL_POWEROFF($t0)
4:	b 4b
	nop

/* exc_name(a0 = ExcCode) -> v0 = its name. Leaf. */
	.globl exc_name
exc_name:
	sltiu $t0, $a0, 32
	beqz $t0, 1f
	nop
	sll $t0, $a0, 2
	la $t1, exc_names
	addu $t1, $t1, $t0
	lw $v0, 0($t1)
	bnez $v0, 2f
	nop
1:	la $v0, n_unknown
2:	jr $ra
	nop

	.bss
	.align 4
panic_regs: .space TF_SIZE

	.section .rodata
msg_panic:  .asciz "\npanic: "
msg_cause:  .asciz "\n  cause "
msg_lp:     .asciz " "
msg_epc:    .asciz "  epc "
msg_bad:    .asciz "  badvaddr "
msg_status: .asciz "\n  status "
msg_hi:     .asciz "  hi "
msg_lo:     .asciz "  lo "
msg_sep:    .asciz "  "
msg_called: .asciz "(no exception: panic called)"
/* $1..$31 in order, each "xx\0" */
reg_names:
	.ascii "at\0v0\0v1\0a0\0a1\0a2\0a3\0t0\0t1\0t2\0t3\0t4\0t5\0t6\0t7\0"
	.ascii "s0\0s1\0s2\0s3\0s4\0s5\0s6\0s7\0t8\0t9\0k0\0k1\0gp\0sp\0fp\0ra\0"

/* Cause.ExcCode names (machine/excode.def has the same codes). */
n_int:     .asciz "interrupt"
n_mod:     .asciz "store to a read-only page"
n_tlbl:    .asciz "TLB fault on load"
n_tlbs:    .asciz "TLB fault on store"
n_adel:    .asciz "address error on load"
n_ades:    .asciz "address error on store"
n_sys:     .asciz "system call"
n_bp:      .asciz "breakpoint"
n_ri:      .asciz "reserved instruction"
n_cpu:     .asciz "coprocessor unusable"
n_ov:      .asciz "arithmetic overflow"
n_tr:      .asciz "trap"
n_mcheck:  .asciz "machine check"
n_unknown: .asciz "unknown exception"
	.align 2
exc_names:
	.word n_int, n_mod, n_tlbl, n_tlbs, n_adel, n_ades, 0, 0
	.word n_sys, n_bp, n_ri, n_cpu, n_ov, n_tr, 0, 0
	.word 0, 0, 0, 0, 0, 0, 0, 0
	.word n_mcheck, 0, 0, 0, 0, 0, 0, 0
