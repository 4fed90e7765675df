/*
 * hello.S - the demo `make run` boots until the teaching guest OS exists:
 * greets, prints the primes below 100 using the console through the
 * firmware's device window (sseg 0xDF000000), and powers off with status 0.
 */
#include "hw.h"

	.set noreorder
	.text
	.globl _start
_start:
	la $a0, greeting
	jal puts
	nop
	li $s0, 2                      /* candidate */
next:	li $s1, 2                      /* divisor */
try:	mul $t0, $s1, $s1
	slt $t0, $s0, $t0              /* divisor^2 > candidate: prime */
	bnez $t0, prime
	nop
	divu $zero, $s0, $s1
	mfhi $t0
	beqz $t0, composite
	nop
	b try
	addiu $s1, $s1, 1
prime:	move $a0, $s0
	jal putdec
	nop
	li $a0, ' '
	jal putc
	nop
composite:
	addiu $s0, $s0, 1
	slti $t0, $s0, 100
	bnez $t0, next
	nop
	li $a0, '\n'
	jal putc
	nop
	li $t0, SSEG_IO(HW_SYSCTL_BASE)
	sw $zero, HW_SYSCTL_POWEROFF($t0)
1:	b 1b
	nop

/* putc(a0): wait for TX_READY, then write DATA. */
putc:	li $t8, SSEG_IO(HW_CONSOLE_BASE)
1:	lw $t9, HW_CONSOLE_STATUS($t8)
	andi $t9, $t9, HW_CONSOLE_TX_READY
	beqz $t9, 1b
	nop
	jr $ra
	sb $a0, HW_CONSOLE_DATA($t8)

/* puts(a0): a NUL-terminated string. */
puts:	move $t7, $a0
	move $t6, $ra
1:	lbu $a0, 0($t7)
	beqz $a0, 2f
	nop
	jal putc
	addiu $t7, $t7, 1
	b 1b
	nop
2:	jr $t6
	nop

/* putdec(a0): unsigned decimal, two digits at most is enough here. */
putdec:	move $t6, $ra
	li $t1, 10
	divu $zero, $a0, $t1
	mflo $t2
	mfhi $t3
	beqz $t2, 1f
	nop
	jal putc
	addiu $a0, $t2, '0'
1:	jal putc
	addiu $a0, $t3, '0'
	jr $t6
	nop

	.section .rodata
greeting: .asciz "Trapeze demo: the primes below 100 are\n"
