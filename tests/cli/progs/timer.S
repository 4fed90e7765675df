/* timer: one timer interrupt (IP7) taken out of WAIT; the handler counts it
 * and acknowledges by writing Compare. Powers off with the count (1). */
#include "cli.h"
	.set noreorder
	.section .vectors, "ax"
	.org 0x180
	lui $k1, %hi(count)
	lw $k0, %lo(count)($k1)
	addiu $k0, $k0, 1
	sw $k0, %lo(count)($k1)
	li $k0, 0x7fffffff
	mtc0 $k0, C0_COMPARE           /* acknowledge, next one far away */
	ehb
	eret

	.text
	.globl _start
_start:
	mtc0 $zero, C0_CAUSE
	mtc0 $zero, C0_COUNT
	li $t0, 200
	mtc0 $t0, C0_COMPARE
	li $t0, ST_IM_TIMER | ST_IE
	mtc0 $t0, C0_STATUS
	ehb
	wait
	nop
	mtc0 $zero, C0_STATUS
	ehb
	lw $t0, count
	POWEROFF($t0)

	.data
count:	.word 0
