/* bevloop: set Status.BEV and raise an exception. The bootstrap vector
 * 0xBFC00380 has no memory behind it, so fetching it faults again and again:
 * trapeze must stop with a guest error (exit 4), not loop forever. */
#include "cli.h"
	.set noreorder
	.text
	.globl _start
_start:
	li $t0, ST_BEV
	mtc0 $t0, C0_STATUS
	syscall
	nop
