// LINK: sseg
// VMM: --ram 1M @self @src/no-such-file.elf
// EXPECT-EXIT: 2
// EXPECT-STDOUT-EMPTY
// EXPECT-STDERR-LINES: 1
// EXPECT-STDERR-MATCH: ^trapeze: .
/*
 * v_err_nofile: VM 1 does not exist.
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
