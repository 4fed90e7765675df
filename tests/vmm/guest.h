/*
 * guest.h - helpers for the VMM test guests of tests/vmm (sseg-linked,
 * built by tests/asm/build.sh with the tests/asm runtime; see README.md).
 * Include instead of harness.h.
 */
#ifndef TRAPEZE_VMM_GUEST_H
#define TRAPEZE_VMM_GUEST_H

#include "harness.h"
#include "p_common.h"
#include "hypercall.h"

/* $v0 = function, then HYPCALL (0x42000028). On the bare machine, in kernel
 * mode, this raises RI and the runtime resumes after it ($v0 unchanged). */
#define HCALL(fn)            li $v0, fn; hypcall
#define HCALL1(fn, a)        li $a0, a; li $v0, fn; hypcall

/* print a register: decimal / "0x" + 8 hex digits (clobber a0..a3, t6..t9, v1) */
#define PUTDEC(reg)          move $a0, reg; jal rt_putdec; nop
#define PUTHEX(reg)          move $a0, reg; jal rt_puthex; nop
#define PUTC(ch)             li $a0, ch; jal rt_putc; nop

/* sseg address -> kseg0 / kseg1 alias of the same physical byte (RAM < 8M) */
	.macro to_kseg0 reg, tmp
	ins \reg, $zero, 29, 3
	lui \tmp, 0x8000
	or \reg, \reg, \tmp
	.endm
	.macro to_kseg1 reg, tmp
	ins \reg, $zero, 29, 3
	lui \tmp, 0xA000
	or \reg, \reg, \tmp
	.endm

#endif
