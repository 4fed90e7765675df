/* ttyecho: for tests/cli/tty.sh. Reads the console by polling STATUS and
 * answers each byte b with "<hh>" (its value in hex), so the test sees
 * which bytes arrived, one at a time, and what the host did not echo.
 * After 'q' (or at the end of input) it powers off with the number of
 * bytes read. Linked in sseg: runs natively and under the VMM. */
#include "hw.h"
	.set noreorder
	.text
	.globl _start
_start:
	li $s0, SSEG_IO(HW_CONSOLE_BASE)
	li $s1, 0
	lui $s2, %hi(hex)
	addiu $s2, $s2, %lo(hex)
1:	lw $t0, HW_CONSOLE_STATUS($s0)
	andi $t1, $t0, HW_CONSOLE_RX_READY
	bnez $t1, 2f
	nop
	andi $t1, $t0, HW_CONSOLE_EOF
	beqz $t1, 1b
	nop
	b 9f
	nop
2:	lw $t2, HW_CONSOLE_DATA($s0)
	addiu $s1, $s1, 1
	li $t3, '<'
	sw $t3, HW_CONSOLE_DATA($s0)
	srl $t3, $t2, 4
	addu $t3, $t3, $s2
	lbu $t3, 0($t3)
	sw $t3, HW_CONSOLE_DATA($s0)
	andi $t3, $t2, 15
	addu $t3, $t3, $s2
	lbu $t3, 0($t3)
	sw $t3, HW_CONSOLE_DATA($s0)
	li $t3, '>'
	sw $t3, HW_CONSOLE_DATA($s0)
	li $t3, 'q'
	bne $t2, $t3, 1b
	nop
9:	li $t9, SSEG_IO(HW_SYSCTL_BASE)
	andi $s1, $s1, 0xff
	sw $s1, HW_SYSCTL_POWEROFF($t9)
8:	b 8b
	nop

	.rodata
hex:	.ascii "0123456789abcdef"
