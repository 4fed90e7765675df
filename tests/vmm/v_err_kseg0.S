// LINK: sseg
// VMM: --ram 1M @self @asm/smoke
// EXPECT-EXIT: 2
// EXPECT-STDOUT-EMPTY
// EXPECT-STDERR-LINES: 1
// EXPECT-STDERR-MATCH: ^trapeze: .
/*
 * v_err_kseg0: VM 1 is a kseg0-linked ELF (tests/asm/smoke, kseg0 build).
 * The VMM refuses the command line before running anything: exit status 2,
 * one "trapeze: ..." line on stderr, nothing on stdout.
 */
#include "guest.h"
	.set noreorder
	.text
	.globl test_main
test_main:
	PUTS("must not run\n")
	TEST_END()
