/* bigbss: a 2 MiB .bss in kseg0: does not fit in --ram 1M. */
#include "cli.h"
	.set noreorder
	.text
	.globl _start
_start:
	li $t0, 0
	POWEROFF($t0)
	.bss
	.space 0x200000
