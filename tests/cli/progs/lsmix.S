/* lsmix: an sseg program for `trapeze lockstep` (tests/cli/lockstep.sh).
 * About 300000 steps of GPR, HI/LO, LL/SC and RAM work, then CP0 moves, a
 * TLB write, a SYSCALL and its handler, Count and Random reads; powers off
 * with 0. With -DHYP, a HYPCALL in kernel mode right after the setup: RI on
 * the bare machine, a hypercall under the VMM, so lockstep must report a
 * divergence at that step. */
#include "hw.h"
#include "cp0bits.h"
#include "cp0regs.h"
	.set noreorder

	.section .vectors, "ax"
	.org 0x180
	/* any exception: resume after the instruction */
	mfc0 $k0, C0_EPC
	addiu $k0, $k0, 4
	mtc0 $k0, C0_EPC
	eret

	.text
	.globl _start
_start:
	li $t0, HW_SSEG_BASE
	mtc0 $t0, C0_EBASE              /* step 2 */
	li $v0, 0x7fff                  /* (a hypercall function nobody has) */
#ifdef HYP
	.word 0x42000028                /* hypcall: step 4 */
#endif
	li $s0, 30000
	li $s1, 0
	lui $s2, %hi(word)
	addiu $s2, $s2, %lo(word)
1:	mult $s0, $s0
	mflo $t1
	addu $s1, $s1, $t1
	ll $t2, 0($s2)
	addu $t2, $t2, $s0
	sc $t2, 0($s2)
	sw $s1, 4($s2)
	addiu $s0, $s0, -1
	bnez $s0, 1b
	nop
	/* CP0 and the TLB: entry 5 maps VA 0x00400000 (ASID 7) to PA 0x100000 */
	li $t0, 0x00400007
	mtc0 $t0, C0_ENTRYHI
	li $t0, (0x100000 >> 12 << ENTRYLO_PFN_SHIFT) | ENTRYLO_V | ENTRYLO_D
	mtc0 $t0, C0_ENTRYLO0
	mtc0 $zero, C0_ENTRYLO1
	mtc0 $zero, C0_PAGEMASK
	li $t0, 5
	mtc0 $t0, C0_INDEX
	tlbwi
	syscall
	mfc0 $t3, C0_COUNT
	mfc0 $t4, C0_RANDOM
	mfc0 $t5, C0_EPC
	/* power off with 0 */
	li $t9, SSEG_IO(HW_SYSCTL_BASE)
	sw $zero, HW_SYSCTL_POWEROFF($t9)
2:	b 2b
	nop

	.data
word:	.word 0, 0
