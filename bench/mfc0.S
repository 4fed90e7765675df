/*
 * mfc0.S - benchmark (d): privileged-instruction exits. A guest kernel
 * (linked in sseg, virtual kernel mode) executes MFC0 Status 10 M times,
 * unrolled ten times. Natively each is one cycle; under the VMM each is an
 * exit: trap, decode, read the virtual CP0, resume. Then power off.
 */
#include "hw.h"
#include "cp0bits.h"
#include "cp0regs.h"
#define TRIPS 10000000
#define UNROLL 10
	.set noreorder
	.section .vectors, "ax"
vectors:
	.text
	.globl _start
_start:
	li $s0, TRIPS / UNROLL
loop:
	.rept UNROLL
	mfc0 $t0, C0_STATUS
	.endr
	addiu $s0, $s0, -1
	bnez $s0, loop
	nop
	li $t0, SSEG_IO(HW_SYSCTL_BASE)
	sw $zero, HW_SYSCTL_POWEROFF($t0)
1:	b 1b
	nop
