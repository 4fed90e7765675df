/* poweroff: power off with VALUE (a cpp -D). */
#include "cli.h"
	.set noreorder
	.text
	.globl _start
_start:
	li $t0, VALUE
	POWEROFF($t0)
