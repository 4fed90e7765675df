/*
 * rt.S - runtime for the machine tests: entry, console output, check
 * reporting, a recording exception handler, mode switches, power-off.
 * See harness.h for the contract.
 */
#define RT_SELF
#include "harness.h"

	.set noreorder

/* ---- exception vectors: EBase + 0x000 refill, + 0x180 general, + 0x200 int ---- */
	.section .vectors, "ax"
	.globl rt_vectors
rt_vectors:
	li $k1, VEC_REFILL
	j rt_exc
	nop
	.org VEC_GENERAL
	li $k1, VEC_GENERAL
	j rt_exc
	nop
	.org VEC_INTERRUPT
	li $k1, VEC_INTERRUPT
	j rt_exc
	nop

	.text
	.globl _start
_start:
#ifdef TEST_SSEG
	la $t0, rt_vectors              /* the deviation: EBase may be in sseg */
	mtc0 $t0, C0_EBASE
	ehb
#endif
	sw $zero, rt_failures
	jal rt_clear_exc
	nop
	jal test_main
	nop
	/* fall into rt_finish */

	.globl rt_finish
rt_finish:
	lw $s0, rt_failures
	bnez $s0, 1f
	nop
	la $a0, rt_str_pass
	jal rt_puts
	nop
	la $a0, test_name
	jal rt_puts
	nop
	la $a0, rt_str_nl
	jal rt_puts
	nop
	b 2f
	nop
1:	la $a0, rt_str_nfail
	jal rt_puts
	nop
	move $a0, $s0
	jal rt_putdec
	nop
	la $a0, rt_str_nl
	jal rt_puts
	nop
2:	li $t0, IO(HW_SYSCTL_BASE)
	sw $s0, HW_SYSCTL_POWEROFF($t0)
3:	b 3b
	nop

/* rt_putc(a0): poll STATUS.TX_READY, write DATA. Clobbers t8, t9. */
	.globl rt_putc
rt_putc:
	li $t8, IO(HW_CONSOLE_BASE)
1:	lw $t9, HW_CONSOLE_STATUS($t8)
	andi $t9, $t9, HW_CONSOLE_TX_READY
	beqz $t9, 1b
	nop
	jr $ra
	sb $a0, HW_CONSOLE_DATA($t8)

/* rt_puts(a0 = NUL-terminated string). Clobbers a0, t7, t8, t9, v1. */
	.globl rt_puts
rt_puts:
	move $t7, $a0
	move $v1, $ra
1:	lbu $a0, 0($t7)
	beqz $a0, 2f
	nop
	jal rt_putc
	addiu $t7, $t7, 1
	b 1b
	nop
2:	jr $v1
	nop

/* rt_puthex(a0): "0x" and 8 hex digits. Clobbers a0..a2, t6..t9, v1. */
	.globl rt_puthex
rt_puthex:
	move $a1, $a0
	move $v1, $ra
	li $a0, '0'
	jal rt_putc
	nop
	li $a0, 'x'
	jal rt_putc
	nop
	li $a2, 28
1:	srlv $a0, $a1, $a2
	andi $a0, $a0, 0xf
	la $t6, rt_hexdigits
	addu $t6, $t6, $a0
	lbu $a0, 0($t6)
	jal rt_putc
	nop
	bnez $a2, 1b
	addiu $a2, $a2, -4
	jr $v1
	nop

/* rt_putdec(a0): unsigned decimal. Clobbers a0..a3, t6..t9, v1. */
	.globl rt_putdec
rt_putdec:
	move $v1, $ra
	la $a2, rt_decbuf + 11
	sb $zero, 0($a2)
	li $a3, 10
1:	divu $zero, $a0, $a3
	mfhi $t6
	mflo $a0
	addiu $t6, $t6, '0'
	addiu $a2, $a2, -1
	bnez $a0, 1b
	sb $t6, 0($a2)
	move $ra, $v1
	b rt_puts
	move $a0, $a2

/* rt_check_failed: called by the rt_check_eq macro with $at = actual,
 * $k1 = expected, $a0 = line. Preserves every register but k0/k1/ra. */
rt_check_failed:
	.set noat
	la $k0, rt_save
	sw $a0, 0($k0)
	sw $a1, 4($k0)
	sw $a2, 8($k0)
	sw $a3, 12($k0)
	sw $t6, 16($k0)
	sw $t7, 20($k0)
	sw $t8, 24($k0)
	sw $t9, 28($k0)
	sw $v1, 32($k0)
	sw $ra, 36($k0)
	sw $at, 40($k0)
	sw $k1, 44($k0)
	la $k0, rt_failures
	lw $k1, 0($k0)
	addiu $k1, $k1, 1
	sw $k1, 0($k0)
	move $a3, $a0
	la $a0, rt_str_fail
	jal rt_puts
	nop
	la $a0, test_name
	jal rt_puts
	nop
	la $a0, rt_str_line
	jal rt_puts
	nop
	move $a0, $a3
	jal rt_putdec
	nop
	la $a0, rt_str_got
	jal rt_puts
	nop
	la $k0, rt_save
	lw $a0, 40($k0)
	jal rt_puthex
	nop
	la $a0, rt_str_want
	jal rt_puts
	nop
	la $k0, rt_save
	lw $a0, 44($k0)
	jal rt_puthex
	nop
	la $a0, rt_str_nl
	jal rt_puts
	nop
	la $k0, rt_save
	lw $a0, 0($k0)
	lw $a1, 4($k0)
	lw $a2, 8($k0)
	lw $a3, 12($k0)
	lw $t6, 16($k0)
	lw $t7, 20($k0)
	lw $t8, 24($k0)
	lw $t9, 28($k0)
	lw $v1, 32($k0)
	lw $ra, 36($k0)
	lw $at, 40($k0)
	jr $ra
	nop
	.set at

/* rt_check_common: a check failed. $at = actual, $k0 = where to return;
 * rt_save_ra+12 holds the line and rt_save_ra+16 the expected value. */
	.globl rt_check_common
rt_check_common:
	la $k1, rt_save_ra
	sw $ra, 0($k1)
	sw $a0, 4($k1)
	sw $k0, 8($k1)
	lw $a0, 12($k1)
	lw $k1, 16($k1)
	jal rt_check_failed
	nop
	la $k1, rt_save_ra
	lw $ra, 0($k1)
	lw $a0, 4($k1)
	lw $k0, 8($k1)
	jr $k0
	nop

	.globl rt_clear_exc
rt_clear_exc:
	sw $zero, rt_exc_count
	li $k0, -1
	sw $k0, rt_exc_code
	sw $zero, rt_resume
	sw $zero, rt_to_kernel
	sw $zero, rt_handler            /* a macro (lui+sw): not in a delay slot */
	jr $ra
	nop

/* rt_enter_user / rt_enter_super (a0 = entry): Status.KSU = 10 / 01 with
 * EXL = 1, EPC = a0, ERET. */
	.globl rt_enter_user
rt_enter_user:
	li $k0, ST_KSU_USER
	b 1f
	nop
	.globl rt_enter_super
rt_enter_super:
	li $k0, ST_KSU_SUPER
1:	mfc0 $k1, C0_STATUS
	li $a1, ~ST_KSU
	and $k1, $k1, $a1
	or $k1, $k1, $k0
	ori $k1, $k1, ST_EXL
	mtc0 $k1, C0_STATUS
	mtc0 $a0, C0_EPC
	ehb
	eret

/* The exception handler. $k1 = vector offset. */
	.globl rt_exc
rt_exc:
	sw $k1, rt_exc_vector
	lw $k0, rt_exc_count
	addiu $k0, $k0, 1
	sw $k0, rt_exc_count
	mfc0 $k0, C0_CAUSE
	sw $k0, rt_exc_cause
	srl $k0, $k0, CAUSE_EXC_SHIFT
	andi $k0, $k0, 0x1f
	sw $k0, rt_exc_code
	mfc0 $k0, C0_EPC
	sw $k0, rt_exc_epc
	mfc0 $k0, C0_BADVADDR
	sw $k0, rt_exc_badvaddr
	mfc0 $k0, C0_STATUS
	sw $k0, rt_exc_status
	mfc0 $k0, C0_CONTEXT
	sw $k0, rt_exc_context
	mfc0 $k0, C0_ENTRYHI
	sw $k0, rt_exc_entryhi
	lw $k0, rt_handler
	beqz $k0, 1f
	nop
	jr $k0
	nop
1:	lw $k0, rt_to_kernel
	beqz $k0, 2f
	nop
	sw $zero, rt_to_kernel
	mfc0 $k0, C0_STATUS
	li $k1, ~ST_KSU
	and $k0, $k0, $k1
	mtc0 $k0, C0_STATUS
2:	lw $k0, rt_resume
	beqz $k0, 3f
	nop
	sw $zero, rt_resume
	b 5f
	nop
3:	mfc0 $k0, C0_EPC
	mfc0 $k1, C0_CAUSE
	bgez $k1, 4f            /* Cause.BD is bit 31 */
	addiu $k0, $k0, 4
	addiu $k0, $k0, 4
4:
5:	mtc0 $k0, C0_EPC
	ehb
	eret

	.data
	.align 2
	.globl rt_failures, rt_exc_count, rt_exc_code, rt_exc_cause, rt_exc_epc
	.globl rt_exc_badvaddr, rt_exc_status, rt_exc_vector, rt_exc_context
	.globl rt_exc_entryhi, rt_handler, rt_resume, rt_to_kernel
	.globl rt_save_ra
rt_failures:     .word 0
rt_exc_count:    .word 0
rt_exc_code:     .word -1
rt_exc_cause:    .word 0
rt_exc_epc:      .word 0
rt_exc_badvaddr: .word 0
rt_exc_status:   .word 0
rt_exc_vector:   .word 0
rt_exc_context:  .word 0
rt_exc_entryhi:  .word 0
rt_handler:      .word 0
rt_resume:       .word 0
rt_to_kernel:    .word 0
rt_save_ra:      .word 0, 0, 0, 0, 0
rt_save:         .space 48
rt_decbuf:       .space 12

	.section .rodata
rt_hexdigits: .ascii "0123456789abcdef"
rt_str_pass:  .asciz "PASS "
rt_str_fail:  .asciz "FAIL "
rt_str_nfail: .asciz "failed checks: "
rt_str_line:  .asciz ":"
rt_str_got:   .asciz ": got "
rt_str_want:  .asciz " want "
rt_str_nl:    .asciz "\n"
