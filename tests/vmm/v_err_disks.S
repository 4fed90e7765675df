// LINK: sseg
// VMM: --ram 1M --disk @tmpdisk --disk @tmpdisk @self
// EXPECT-EXIT: 2
// EXPECT-STDOUT-EMPTY
// EXPECT-STDERR-LINES: 1
// EXPECT-STDERR-MATCH: ^trapeze: .
/*
 * v_err_disks: more --disk options than VMs (docs/vmm.md section 11).
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
