// LINK: sseg
// VMM: --ram 1M --max-cycles 2000000 @self
// EXPECT-EXIT: 124
// EXPECT-STDOUT: v_spin.expect
// EXPECT-STDERR-MAX-LINES: 1
// NATIVE-EQUIV: --ram 1M --max-cycles 2000000
// NATIVE-EXIT: 124
/*
 * v_spin: prints a line, then spins forever. Alone with --max-cycles the
 * exit status is 124, as natively (the guest clock counts like the bare
 * machine's). v_limit uses it as VM 1 next to a VM 0 that finishes.
 */
#include "guest.h"
	.set noreorder

	.text
	.globl test_main
test_main:
	PUTS("spinning\n")
1:	b 1b
	nop
