// LINK: sseg
// STDIN: data/echo_in.bin
// VMM: --ram 1M @self
// EXPECT-EXIT: 0
// EXPECT-STDOUT: v_echo.expect
// EXPECT-STDERR-LINES: 0
// NATIVE-EQUIV: --ram 1M
// LOCKSTEP: --ram 1M
/*
 * v_echo: console input under the VMM, byte for byte. The guest echoes
 * every input byte (all 256 values, CR, NUL, no final newline) until
 * STATUS.EOF: the first 64 bytes by polling STATUS.RX_READY, the rest by
 * waiting (WAIT, Status.IM2, CTRL.RXIE) for the console line; then prints
 * the count. Run alone with the same stdin natively, under the VMM and in
 * lockstep: identical bytes. v_echo_multi runs it as two VMs: VM 0 gets
 * the input, VM 1 sees end of input at once.
 */
#include "guest.h"
	.set noreorder

#define CON IO(HW_CONSOLE_BASE)

	.text
	.globl test_main
test_main:
	li $s0, 0                       /* bytes echoed */
	li $s1, CON
1:	lw $t0, HW_CONSOLE_STATUS($s1)
	andi $t1, $t0, HW_CONSOLE_RX_READY
	bnez $t1, 3f
	andi $t1, $t0, HW_CONSOLE_EOF
	bnez $t1, 9f
	nop
	b 1b
	nop
3:	slti $t1, $s0, 64
	bnez $t1, 2f                    /* the first 64 bytes: polling */
	nop
	li $t0, HW_CONSOLE_RXIE         /* then: wait for the console line */
	sw $t0, HW_CONSOLE_CTRL($s1)
	li $t0, ST_IM_CONS
	mtc0 $t0, C0_STATUS
	ehb
	wait
	mfc0 $t0, C0_CAUSE
	andi $t0, $t0, 1 << (CAUSE_IP_SHIFT + HW_IRQ_CONSOLE)
	bnez $t0, 2f                    /* IP2: a byte is there */
	nop
	FAIL_HERE()
2:	lbu $a0, HW_CONSOLE_DATA($s1)
	jal rt_putc
	nop
	b 1b
	addiu $s0, $s0, 1
9:	sw $zero, HW_CONSOLE_CTRL($s1)
	mtc0 $zero, C0_STATUS
	ehb
	PUTS("\n[")
	PUTDEC($s0)
	PUTS(" bytes]\n")
	TEST_END()
