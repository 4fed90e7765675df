/* waitmasked: WAIT with every interrupt masked (Status.IM = 0, IE = 0):
 * nothing can ever end it, so trapeze must report a deadlock (exit 3). */
#include "cli.h"
	.set noreorder
	.text
	.globl _start
_start:
	mtc0 $zero, C0_STATUS
	ehb
	nop
	wait
	li $t0, 99
	POWEROFF($t0)
