/*
 * syscall.S - benchmark (b): exception round trips. Linked in sseg with EBase
 * there; the loop runs in supervisor mode and does SYSCALL; the handler at
 * the general vector (kernel mode, EXL = 1) skips it (EPC += 4) and ERETs back
 * to supervisor mode. 10 M round trips (the loop is unrolled ten times, so
 * it measures round trips, not loop overhead), then power off via 0xDF000000.
 */
#include "hw.h"
#include "cp0bits.h"
#include "cp0regs.h"
#define TRIPS 10000000
#define UNROLL 10
	.set noreorder
	.section .vectors, "ax"
vectors:
	.org VEC_GENERAL
	mfc0 $k0, C0_EPC
	addiu $k0, $k0, 4
	mtc0 $k0, C0_EPC
	eret

	.text
	.globl _start
_start:
	la $t0, vectors
	mtc0 $t0, C0_EBASE
	li $s0, TRIPS / UNROLL
	li $t0, ST_KSU_SUPER | ST_EXL    /* supervisor mode after ERET */
	mtc0 $t0, C0_STATUS
	la $t0, loop
	mtc0 $t0, C0_EPC
	eret
loop:
	.rept UNROLL
	syscall
	.endr
	addiu $s0, $s0, -1
	bnez $s0, loop
	nop
	li $t0, SSEG_IO(HW_SYSCTL_BASE)
	sw $zero, HW_SYSCTL_POWEROFF($t0)
1:	b 1b
	nop
