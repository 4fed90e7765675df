// LINK: sseg
// VMM: --ram 1M @self
// EXPECT-EXIT: 0
// EXPECT-STDOUT: v_single.expect
// EXPECT-STDERR-LINES: 0
/*
 * v_single: one VM. HC_NVMS = 1, HC_VM_ID = 0, HC_YIELD returns 0 at once
 * (nobody else to run); its console is stdout byte for byte, without a
 * prefix: binary bytes (NUL, CR, 0x7f, 0xff, a lone CR at a line's end)
 * through the console register and through HC_CONSOLE_WRITE alike, and a
 * line that HC_CONSOLE_WRITE leaves unfinished is continued by the
 * register. v_stats runs it with --stats --trace=exits: stdout unchanged.
 */
#include "guest.h"
	.set noreorder
#define BIN_LEN 15

	.text
	.globl test_main
test_main:
	HCALL(HC_NVMS)
	CHECK_EQ($v0, 1)
	HCALL(HC_VM_ID)
	CHECK_EQ($v0, 0)
	HCALL(HC_YIELD)
	CHECK_EQ($v0, 0)
	HCALL(HC_YIELD)
	CHECK_EQ($v0, 0)
	PUTS("one VM\n")
	la $s0, bin
	li $s1, 0
1:	addu $t0, $s0, $s1              /* the bytes through DATA */
	lbu $a0, 0($t0)
	jal rt_putc
	nop
	addiu $s1, $s1, 1
	slti $t0, $s1, BIN_LEN
	bnez $t0, 1b
	nop
	la $a0, bin                     /* and through the hypercall */
	li $a1, BIN_LEN
	HCALL(HC_CONSOLE_WRITE)
	CHECK_EQ($v0, BIN_LEN)
	la $a0, unfinished
	li $a1, 11
	HCALL(HC_CONSOLE_WRITE)
	CHECK_EQ($v0, 11)
	PUTS("finished\n")
	TEST_END()

	.section .rodata
bin:	.byte 0, 1, 2, 13, 10, 0x7f, 0x80, 0xfe, 0xff, 'a', 13, 10, 9, 'b', 13
unfinished: .ascii "unfinished "
