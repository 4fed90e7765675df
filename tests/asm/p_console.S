// LINK: both
// STDIN: data/console_in.txt
// EXPECT-STDOUT
/* p_console: echo the input to the output. The first line by polling
 * STATUS.RX_READY, the rest from the rx interrupt (CTRL.RXIE, IP2), until
 * STATUS.EOF says the input ended. CTRL reads back; IP2 follows
 * RX_READY && RXIE, whatever Status says. */
#include "harness.h"
#include "p_common.h"
	.set noreorder

#define IN_TOTAL 128    /* bytes in data/console_in.txt */
#define IN_LINE1 34     /* its first line, with the newline */
#define IP2 0x400
#define CON IO(HW_CONSOLE_BASE)

	.text
/* rx interrupt handler: take every ready byte and echo it. */
con_handler:
	lui $k1, %hi(save)
	addiu $k1, $k1, %lo(save)
	sw $ra, 0($k1)
	sw $t8, 4($k1)
	sw $t9, 8($k1)
	sw $a0, 12($k1)
	sw $t0, 16($k1)
	sw $t1, 20($k1)
	mfc0 $k0, C0_CAUSE
	andi $k0, $k0, CAUSE_EXC
	beqz $k0, 1f
	nop
	mfc0 $k0, C0_EPC                /* not an interrupt: skip the instruction */
	addiu $k0, $k0, 4
	mtc0 $k0, C0_EPC
	b 3f
	nop
1:	lw $t0, int_n
	addiu $t0, $t0, 1
	lui $t1, %hi(int_n)
	sw $t0, %lo(int_n)($t1)
2:	li $t0, CON
	lw $t1, HW_CONSOLE_STATUS($t0)
	andi $t1, $t1, HW_CONSOLE_RX_READY
	beqz $t1, 3f
	nop
	lbu $a0, HW_CONSOLE_DATA($t0)
	jal rt_putc
	nop
	lw $t0, irq_bytes
	addiu $t0, $t0, 1
	lui $t1, %hi(irq_bytes)
	b 2b
	sw $t0, %lo(irq_bytes)($t1)
3:	lui $k1, %hi(save)
	addiu $k1, $k1, %lo(save)
	lw $ra, 0($k1)
	lw $t8, 4($k1)
	lw $t9, 8($k1)
	lw $a0, 12($k1)
	lw $t0, 16($k1)
	lw $t1, 20($k1)
	eret

	.globl test_main
test_main:
	li $s0, CON
	mfc0 $t0, C0_STATUS
	li $t1, ~(ST_IE | ST_IM)
	and $t0, $t0, $t1
	mtc0 $t0, C0_STATUS
	li $t0, 0x7fffffff              /* keep the timer quiet */
	mtc0 $t0, C0_COMPARE
	mtc0 $zero, C0_COUNT
	ehb
	/* the input is there from the start; TX is always ready */
	lw $t0, HW_CONSOLE_STATUS($s0)
	andi $t0, $t0, HW_CONSOLE_RX_READY | HW_CONSOLE_TX_READY | HW_CONSOLE_EOF
	CHECK_EQ($t0, HW_CONSOLE_RX_READY | HW_CONSOLE_TX_READY)
	/* CTRL reads back; IP2 = RX_READY && RXIE (Status does not matter) */
	lw $t0, HW_CONSOLE_CTRL($s0)
	CHECK_EQ($t0, 0)
	mfc0 $t0, C0_CAUSE
	andi $t0, $t0, IP2
	CHECK_EQ($t0, 0)
	li $t0, HW_CONSOLE_RXIE
	sw $t0, HW_CONSOLE_CTRL($s0)
	lw $t0, HW_CONSOLE_CTRL($s0)
	CHECK_EQ($t0, HW_CONSOLE_RXIE)
	mfc0 $t0, C0_CAUSE
	andi $t0, $t0, IP2
	CHECK_EQ($t0, IP2)
	sw $zero, HW_CONSOLE_CTRL($s0)
	lw $t0, HW_CONSOLE_CTRL($s0)
	CHECK_EQ($t0, 0)
	mfc0 $t0, C0_CAUSE
	andi $t0, $t0, IP2
	CHECK_EQ($t0, 0)

	/* ---- line 1 by polling ---- */
	li $s1, 0                       /* bytes */
1:	lw $t0, HW_CONSOLE_STATUS($s0)
	andi $t1, $t0, HW_CONSOLE_RX_READY
	bnez $t1, 2f
	nop
	andi $t1, $t0, HW_CONSOLE_EOF
	beqz $t1, 1b                    /* not yet */
	nop
	b 3f                            /* ended early */
	nop
2:	lbu $a0, HW_CONSOLE_DATA($s0)
	move $s2, $a0
	jal rt_putc
	addiu $s1, $s1, 1
	li $t0, 10                      /* newline */
	bne $s2, $t0, 1b
	nop
3:	CHECK_EQ($s1, IN_LINE1)
	lw $t0, HW_CONSOLE_STATUS($s0)  /* more to come */
	andi $t0, $t0, HW_CONSOLE_RX_READY | HW_CONSOLE_EOF
	CHECK_EQ($t0, HW_CONSOLE_RX_READY)

	/* ---- the rest by interrupt ---- */
	P_CLEAR_EXC()
	P_SET_HANDLER(con_handler)
	li $t0, HW_CONSOLE_RXIE
	sw $t0, HW_CONSOLE_CTRL($s0)
	li $t0, ST_IM_CONS | ST_IE
	mtc0 $t0, C0_STATUS
	ehb
	li $s3, 2000000
1:	lw $t0, HW_CONSOLE_STATUS($s0)
	andi $t0, $t0, HW_CONSOLE_RX_READY | HW_CONSOLE_EOF
	xori $t0, $t0, HW_CONSOLE_EOF
	beqz $t0, 2f                    /* ended and nothing left */
	addiu $s3, $s3, -1
	bnez $s3, 1b
	nop
2:	mfc0 $t0, C0_STATUS
	ins $t0, $zero, 0, 1
	mtc0 $t0, C0_STATUS
	ehb
	lw $t0, HW_CONSOLE_STATUS($s0)
	andi $t0, $t0, HW_CONSOLE_RX_READY | HW_CONSOLE_TX_READY | HW_CONSOLE_EOF
	CHECK_EQ($t0, HW_CONSOLE_TX_READY | HW_CONSOLE_EOF)
	lw $t0, irq_bytes
	CHECK_EQ($t0, IN_TOTAL - IN_LINE1)
	lw $t0, int_n                   /* at least one interrupt, at most one per byte */
	P_CHECK_RANGE($t0, 1, IN_TOTAL - IN_LINE1)
	CHECK_EXC(EXC_INT)
	lw $t0, rt_exc_cause
	andi $t0, $t0, IP2
	CHECK_EQ($t0, IP2)
	mfc0 $t0, C0_CAUSE              /* nothing ready: the line is low */
	andi $t0, $t0, IP2
	CHECK_EQ($t0, 0)
	sw $zero, HW_CONSOLE_CTRL($s0)
	P_CLEAR_EXC()
	TEST_END()

	.data
	.align 2
int_n:     .word 0
irq_bytes: .word 0
save:      .space 32
