// LINK: sseg
// VMM: --ram 1M @self @self @self
// EXPECT-EXIT: 0
// EXPECT-VM-LINES: 0 v_console.vm0.expect
// EXPECT-VM-LINES: 1 v_console.vm1.expect
// EXPECT-VM-LINES: 2 v_console.vm2.expect
// EXPECT-STDERR-LINES: 0
/*
 * v_console: three copies of this guest share stdout. Each line a VM writes
 * appears whole, prefixed "[vmN] ", whatever the others do meanwhile: every
 * stdout line has a prefix, and the lines of VM N, prefix removed, are
 * exactly what VM N wrote (v_console.vmN.expect), in order. Each VM:
 *   - HC_VM_ID = N (0, 1, 2, in command-line order), HC_NVMS = 3;
 *   - a line built across two HC_YIELDs (which return 0), and one built so
 *     slowly that the VMM's time slices end in the middle of it;
 *   - HC_CONSOLE_WRITE: a line, two lines in one call, a line mixed with
 *     console-register output, length 0 (returns 0, writes nothing), an
 *     unmapped address (HC_EFAULT, writes nothing);
 *   - five "tick" lines with a yield after each, then N + 1 "extra" lines.
 * v_console_dir runs the same guest with --console-dir.
 */
#include "guest.h"
	.set noreorder

#define HCW(label, len) la $a0, label; li $a1, len; li $v0, HC_CONSOLE_WRITE; hypcall; CHECK_EQ($v0, len)

	.text
yield:
	li $v0, HC_YIELD
	hypcall
	CHECK_EQ($v0, 0)
	jr $ra
	nop

/* spin about 300,000 cycles: more than a time slice */
slow:
	li $t0, 100000
1:	addiu $t0, $t0, -1
	bnez $t0, 1b
	nop
	jr $ra
	nop

	.globl test_main
test_main:
	HCALL(HC_VM_ID)
	move $s7, $v0
	HCALL(HC_NVMS)
	move $s6, $v0
	CHECK_EQ($s6, 3)
	PUTS("hello from vm ")
	PUTDEC($s7)
	PUTS(" of ")
	PUTDEC($s6)
	PUTS("\n")
	PUTS("part-a ")
	jal yield
	nop
	PUTS("part-b ")
	jal yield
	nop
	PUTS("end\n")
	PUTS("slow")
	li $s0, 3
1:	jal slow
	nop
	PUTC('.')
	addiu $s0, $s0, -1
	bnez $s0, 1b
	nop
	PUTC('\n')
	HCW(m_via, 14)
	HCW(m_two, 10)
	PUTS("mixed ")
	HCW(m_and, 4)
	PUTS("matched\n")
	HCW(m_via, 0)
	li $a0, 0x00001000              /* useg, nothing mapped */
	li $a1, 4
	HCALL(HC_CONSOLE_WRITE)
	CHECK_EQ($v0, HC_EFAULT)
	li $s0, 1
1:	PUTS("tick ")
	PUTDEC($s0)
	PUTC('\n')
	jal yield
	nop
	addiu $s0, $s0, 1
	slti $t0, $s0, 6
	bnez $t0, 1b
	nop
	move $s0, $s7
1:	PUTS("extra line\n")
	bnez $s0, 1b
	addiu $s0, $s0, -1
	TEST_END()

	.section .rodata
m_via: .ascii "via hypercall\n"
m_two: .ascii "two\nlines\n"
m_and: .ascii "and "
