// LINK: both
/* smoke: the harness itself works (checks pass, an exception is recorded). */
#include "harness.h"
	.set noreorder
	.text
	.globl test_main
test_main:
	addiu $sp, $sp, -8
	sw $ra, 0($sp)
	li $t0, 41
	addiu $t0, $t0, 1
	CHECK_EQ($t0, 42)
	CLEAR_EXC()
	syscall
	CHECK_EXC(EXC_SYS)
	CHECK_NEXC(1)
	lw $ra, 0($sp)
	jr $ra
	addiu $sp, $sp, 8
