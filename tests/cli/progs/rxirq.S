/* rxirq: console receive interrupt (IP2): enable CTRL.RXIE, sleep in WAIT
 * until the input's byte raises IP2, read it, power off with it. */
#include "cli.h"
	.set noreorder
	.text
	.globl _start
_start:
	li $s0, CONSOLE
	li $t0, ST_IM_CONS              /* IM2 only, IE = 0: WAIT ends, no exception */
	mtc0 $t0, C0_STATUS
	ehb
	li $t0, HW_CONSOLE_RXIE
	sw $t0, HW_CONSOLE_CTRL($s0)
	wait
	nop
	lw $t0, HW_CONSOLE_DATA($s0)
	sw $zero, HW_CONSOLE_CTRL($s0)
	POWEROFF($t0)
