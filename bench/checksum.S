/*
 * checksum.S - benchmark (a): sum and xor a 4 KiB array, 40000 passes,
 * about 200 M instructions, kernel mode in kseg0. Prints the checksum.
 */
#include "hw.h"
/* devices through kseg1 (bare machine, kseg0 build) or the firmware's sseg
 * window (the build that also runs under the VMM) */
#ifdef SSEG
#define DEV_IO(pa) SSEG_IO(pa)
#else
#define DEV_IO(pa) KSEG1_IO(pa)
#endif
#define PASSES 40000
	.set noreorder
	.text
	.globl _start
_start:
	la $s0, array
	li $t1, 1024                    /* fill: array[i] = i * 2654435761 */
	li $t2, 0
	li $t3, 0x9e3779b1
	move $a0, $s0
1:	sw $t2, 0($a0)
	addu $t2, $t2, $t3
	addiu $t1, $t1, -1
	bnez $t1, 1b
	addiu $a0, $a0, 4

	li $s1, PASSES
	li $v0, 0
	li $v1, 0
pass:	move $a0, $s0
	addiu $a1, $s0, 4096
inner:	lw $t0, 0($a0)
	addiu $a0, $a0, 4
	addu $v0, $v0, $t0
	bne $a0, $a1, inner
	xor $v1, $v1, $t0
	addiu $s1, $s1, -1
	bnez $s1, pass
	nop
	/* print v0 ^ v1 in hex, then power off */
	xor $s2, $v0, $v1
	li $t8, DEV_IO(HW_CONSOLE_BASE)
	li $t1, 28
2:	srlv $t0, $s2, $t1
	andi $t0, $t0, 0xf
	slti $t2, $t0, 10
	bnez $t2, 3f
	addiu $t0, $t0, '0'
	addiu $t0, $t0, 'a' - '0' - 10
3:	sb $t0, HW_CONSOLE_DATA($t8)
	bnez $t1, 2b
	addiu $t1, $t1, -4
	li $t0, '\n'
	sb $t0, HW_CONSOLE_DATA($t8)
	li $t0, DEV_IO(HW_SYSCTL_BASE)
	sw $zero, HW_SYSCTL_POWEROFF($t0)
4:	b 4b
	nop

	.data
	.align 12
array:	.space 4096
