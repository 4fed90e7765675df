// LINK: both
// EXPECT-EXIT: 7
/* p_poweroff: a write to the system controller's POWEROFF register halts the
 * machine at once with the written value as the exit status (here 7, not
 * the runtime's failure count). Nothing after the store may run. */
#include "harness.h"
#include "p_common.h"
	.set noreorder

	.text
	.globl test_main
test_main:
	li $t0, IO(HW_SYSCTL_BASE)
	li $t1, 7
	sw $t1, HW_SYSCTL_POWEROFF($t0)
	/* not reached: a different status, then spin until --max-cycles */
	li $t1, 99
	sw $t1, HW_SYSCTL_POWEROFF($t0)
1:	b 1b
	nop
