/* loop: run forever (for --max-cycles). */
#include "cli.h"
	.set noreorder
	.text
	.globl _start
_start:
	li $t0, 0
1:	b 1b
	addiu $t0, $t0, 1
