// LINK: sseg
// VMM: --ram 1M --stats @self
// EXPECT-EXIT: 42
// EXPECT-STDOUT: hc_calls.expect
// EXPECT-STDERR-MATCH: ^vm0 hypercalls +enosys=2 console-write=3 vm-id=1 yield=1 poweroff=1 nvms=1$
/*
 * hc_calls (lab 4, VMM only): the code-0 hypercalls of vmm/hypercall.h
 * for one VM. Each result is checked (CHECK_EQ prints the line of a wrong
 * one) and announced:
 *   - HC_CONSOLE_WRITE of a buffer in sseg returns its length and prints it
 *     (the first line of output comes this way, so nothing is printed
 *     before the first hypercall works); length 0 writes nothing; an
 *     unmapped buffer (useg, no TLB entry) returns HC_EFAULT;
 *   - HC_VM_ID = 0 and HC_NVMS = 1 for a single VM; HC_YIELD returns 0;
 *   - unknown functions (0, 99) return HC_ENOSYS;
 *   - HC_POWEROFF(42) ends the VM with exit status 42: nothing after it runs.
 */
#include "../../tests/vmm/guest.h"
	.set noreorder

#define HELLO_LEN 28                 /* the length of hello's text */
	.rodata
hello:	.ascii "hello from HC_CONSOLE_WRITE\n"

	.text
	.globl test_main
test_main:
	la $a0, hello
	li $a1, HELLO_LEN
	HCALL(HC_CONSOLE_WRITE)
	CHECK_EQ($v0, HELLO_LEN)
	la $a0, hello
	li $a1, 0
	HCALL(HC_CONSOLE_WRITE)
	CHECK_EQ($v0, 0)
	li $a0, 0x00400000           /* useg, nothing mapped */
	li $a1, 4
	HCALL(HC_CONSOLE_WRITE)
	CHECK_EQ($v0, HC_EFAULT)
	PUTS("console write: ok\n")
	HCALL(HC_VM_ID)
	CHECK_EQ($v0, 0)
	HCALL(HC_NVMS)
	CHECK_EQ($v0, 1)
	PUTS("vm id and count: ok\n")
	HCALL(HC_YIELD)
	CHECK_EQ($v0, 0)
	HCALL(0)
	CHECK_EQ($v0, HC_ENOSYS)
	HCALL(99)
	CHECK_EQ($v0, HC_ENOSYS)
	PUTS("yield, unknown functions: ok\n")
	li $a0, 42
	HCALL(HC_POWEROFF)
	PUTS("after poweroff\n")
	TEST_END()

