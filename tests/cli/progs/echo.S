/* echo: copy console input to output byte for byte (polling STATUS) until
 * EOF, then power off with the number of bytes read & 0xff. */
#include "cli.h"
	.set noreorder
	.text
	.globl _start
_start:
	li $s0, CONSOLE
	li $s1, 0
1:	lw $t0, HW_CONSOLE_STATUS($s0)
	andi $t1, $t0, HW_CONSOLE_RX_READY
	bnez $t1, 2f
	nop
	andi $t1, $t0, HW_CONSOLE_EOF
	beqz $t1, 1b
	nop
	andi $s1, $s1, 0xff
	POWEROFF($s1)
2:	lw $t2, HW_CONSOLE_DATA($s0)
	sw $t2, HW_CONSOLE_DATA($s0)
	b 1b
	addiu $s1, $s1, 1
