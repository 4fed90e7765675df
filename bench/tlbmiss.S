/*
 * tlbmiss.S - benchmark (e): a TLB-miss-heavy guest. The kernel (sseg) maps
 * useg on demand: its refill handler maps virtual page pair v at
 * 0x00000000 + v*8K to guest-physical 1 MiB + (v mod 512) * 8K with TLBWR.
 * The loop touches one word in each of 2048 page pairs (4096 pages, far more
 * than the 32-entry TLB holds), 40 times: every touch is a refill. Under the
 * VMM each is a real miss that the virtual TLB also misses (reflected), the
 * handler's TLBWR (emulated), the ERET (emulated), then a real miss that now
 * hits the virtual TLB (a shadow fill).
 */
#include "hw.h"
#include "cp0bits.h"
#include "cp0regs.h"
#define PAIRS 2048
#define ROUNDS 40
	.set noreorder
	.section .vectors, "ax"
vectors:                                   /* EBase + 0x000: TLB refill */
	mfc0 $k0, C0_BADVADDR
	srl $k0, $k0, 13                   /* page pair number */
	andi $k0, $k0, 511
	sll $k0, $k0, 7                    /* pair * 8K as a PFN field: (pa >> 12) << 6 */
	addiu $k0, $k0, 0x4000             /* + 1 MiB, as a PFN field */
	ori $k0, $k0, ENTRYLO_V | ENTRYLO_D | (CACHE_CACHEABLE << ENTRYLO_C_SHIFT)
	mtc0 $k0, C0_ENTRYLO0
	addiu $k0, $k0, 0x40               /* the odd page: next 4K frame */
	mtc0 $k0, C0_ENTRYLO1
	tlbwr
	eret

	.text
	.globl _start
_start:
	la $t0, vectors
	mtc0 $t0, C0_EBASE
	mtc0 $zero, C0_PAGEMASK
	li $s1, ROUNDS
round:
	li $s0, PAIRS
	li $t1, 0
pair:
	lw $t2, 0($t1)
	addiu $s0, $s0, -1
	bnez $s0, pair
	addiu $t1, $t1, 0x2000
	addiu $s1, $s1, -1
	bnez $s1, round
	nop
	li $t0, SSEG_IO(HW_SYSCTL_BASE)
	sw $zero, HW_SYSCTL_POWEROFF($t0)
1:	b 1b
	nop
