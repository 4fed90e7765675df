/*
 * dbgt.S - the program the debugger's batch transcripts run (tests/debug).
 * Linked in sseg, so that it runs natively and under the VMM alike. It does
 * a little of everything a debugger shows, in a fixed order:
 *   - sets EBase (MTC0: an exit under the VMM)
 *   - calls greet (a JAL: `next` steps over it), which prints "hello"
 *   - counts to 3 in `counter` (SW: `watch`; LW: `rwatch`)
 *   - a SYSCALL (an exception natively, reflected under the VMM), handled
 *     by the general vector, which skips it
 *   - maps a user page with TLBWI and touches a second one, which takes a
 *     TLB refill; the refill handler maps it (TLBWR)
 *   - reads one byte of console input and echoes it ("got X")
 *   - powers off with status 7
 */
#include "hw.h"
#include "cp0bits.h"
#include "cp0regs.h"
#define CONSOLE SSEG_IO(HW_CONSOLE_BASE)
#define SYSCTL  SSEG_IO(HW_SYSCTL_BASE)
#define UPAGE_PA 0x00100000              /* the user pages' frames (RAM)    */

	.set noreorder
	.section .vectors, "ax"
refill:                                  /* EBase + 0x000: map BadVAddr's pair */
	li $k0, ((UPAGE_PA + 0x2000) >> 12) << ENTRYLO_PFN_SHIFT | ENTRYLO_D | ENTRYLO_V | ENTRYLO_G
	mtc0 $k0, C0_ENTRYLO0
	li $k0, ((UPAGE_PA + 0x3000) >> 12) << ENTRYLO_PFN_SHIFT | ENTRYLO_D | ENTRYLO_V | ENTRYLO_G
	mtc0 $k0, C0_ENTRYLO1
	tlbwr
	eret
	.org 0x180
general:                                 /* EBase + 0x180: skip a SYSCALL */
	mfc0 $k0, C0_CAUSE
	andi $k0, $k0, CAUSE_EXC
	li $k1, EXC_SYS << CAUSE_EXC_SHIFT
	bne $k0, $k1, fatal
	nop
	mfc0 $k0, C0_EPC
	addiu $k0, $k0, 4
	mtc0 $k0, C0_EPC
	eret
fatal:	li $k0, SYSCTL
	li $k1, 99
	sw $k1, HW_SYSCTL_POWEROFF($k0)
1:	b 1b
	nop

	.text
	.globl _start
_start:
	li $t0, 0xC0000000
	mtc0 $t0, C0_EBASE
	la $sp, stack_top
	jal greet
	nop
	li $s0, 3                        /* counter = 1, 2, 3 */
count:	lw $t0, counter
	addiu $t0, $t0, 1
	sw $t0, counter
	addiu $s0, $s0, -1
	bnez $s0, count
	nop
	syscall
	/* a user page by TLBWI (entry 5), then one the refill handler maps */
	li $t0, 5
	mtc0 $t0, C0_INDEX
	li $t0, 0x00400000
	mtc0 $t0, C0_ENTRYHI
	li $t0, (UPAGE_PA >> 12) << ENTRYLO_PFN_SHIFT | ENTRYLO_D | ENTRYLO_V | ENTRYLO_G
	mtc0 $t0, C0_ENTRYLO0
	mtc0 $zero, C0_ENTRYLO1
	tlbwi
	li $t1, 0x00400000
	li $t2, 0x1234
	sw $t2, 0($t1)
	lw $t3, 0($t1)
	li $t1, 0x00402000               /* not mapped: a TLB refill */
	sw $t3, 0($t1)
	/* one byte of input: "got X\n" */
	li $a1, CONSOLE
rxwait:	lw $t0, HW_CONSOLE_STATUS($a1)
	andi $t1, $t0, HW_CONSOLE_RX_READY
	beqz $t1, rxwait
	nop
	lw $s1, HW_CONSOLE_DATA($a1)
	la $a0, got
	jal puts
	nop
	sw $s1, HW_CONSOLE_DATA($a1)
	li $t0, 10
	sw $t0, HW_CONSOLE_DATA($a1)
	li $t0, SYSCTL
	li $t1, 7
	sw $t1, HW_SYSCTL_POWEROFF($t0)
1:	b 1b
	nop

greet:	la $a0, hello                    /* a leaf function */
puts:	li $a1, CONSOLE                  /* print the string at $a0 */
1:	lbu $t0, 0($a0)
	beqz $t0, 2f
	addiu $a0, $a0, 1
	b 1b
	sw $t0, HW_CONSOLE_DATA($a1)
2:	jr $ra
	nop

	.rodata
hello:	.asciiz "hello\n"
got:	.asciiz "got "

	.data
	.globl counter
counter: .word 0
	.bss
	.space 4096
stack_top:
