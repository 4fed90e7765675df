/* mix: 3 SYSCALLs, one TLBWI, one TLB refill (load from unmapped useg),
 * prints "ok\n", powers off with 7. The handlers skip the faulting
 * instruction. */
#include "cli.h"
	.set noreorder
	.section .vectors, "ax"
	.org 0x000                      /* TLB refill */
	mfc0 $k0, C0_EPC
	addiu $k0, $k0, 4
	mtc0 $k0, C0_EPC
	ehb
	eret
	.org 0x180                      /* general exception */
	mfc0 $k0, C0_EPC
	addiu $k0, $k0, 4
	mtc0 $k0, C0_EPC
	ehb
	eret

	.text
	.globl _start
_start:
	syscall
	syscall
	syscall
	li $t0, 5                       /* TLB entry 5: VA 0x00010000 -> PA 0x00100000 */
	mtc0 $t0, C0_INDEX
	li $t0, 0x00010000
	mtc0 $t0, C0_ENTRYHI
	li $t0, (0x00100000 >> 12 << 6) | 0x6   /* D | V */
	mtc0 $t0, C0_ENTRYLO0
	mtc0 $zero, C0_ENTRYLO1
	mtc0 $zero, C0_PAGEMASK
	ehb
	tlbwi
	ehb
	li $t1, 0x00400000              /* unmapped: refill */
	lw $t2, 0($t1)
	li $t0, 'o'
	PUTC($t0)
	li $t0, 'k'
	PUTC($t0)
	li $t0, 10
	PUTC($t0)
	li $t0, 7
	POWEROFF($t0)
