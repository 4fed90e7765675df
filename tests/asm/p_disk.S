// LINK: both
// RUN: --disk @tmpdisk
/* p_disk: the block disk (machine/hw.h). SECTORS = 64 (the runner's image,
 * sector i filled with byte i); DMA read into RAM (exact bytes, nothing
 * outside the buffer touched); BUSY until the modelled latency
 * (COST_DISK_SEEK + COST_DISK_SECTOR * count cycles) has passed, then DONE
 * and IP3 until DONE is written back; write then read back; the completion
 * interrupt; ERROR (and no transfer) for a request past the end of the disk
 * or outside RAM. */
#include "harness.h"
#include "p_common.h"
#include "cost.h"
	.set noreorder

#define DISK IO(HW_DISK_BASE)
#define IP3 0x800
#define BUF1 0x00100000         /* physical */
#define BUF2 0x00102000
#define K1(pa) (0xA0000000 + (pa))
/* the code page at PA 0x110000 runs through the link segment (kseg0, or
 * sseg in the sseg build: under the VMM code cannot run from kseg0) */
#ifdef TEST_SSEG
#define CODE_VA 0xC0110000
#else
#define CODE_VA 0x80110000
#endif

	.text
/* fill(a0 = kseg1 address, a1 = bytes, a2 = byte value) */
fill:
	addu $a1, $a1, $a0
1:	sb $a2, 0($a0)
	addiu $a0, $a0, 1
	bne $a0, $a1, 1b
	nop
	jr $ra
	nop

/* count(a0 = address, a1 = bytes, a2 = byte) -> v0 = how many bytes differ */
count_diff:
	addu $a1, $a1, $a0
	li $v0, 0
1:	lbu $t0, 0($a0)
	beq $t0, $a2, 2f
	nop
	addiu $v0, $v0, 1
2:	addiu $a0, $a0, 1
	bne $a0, $a1, 1b
	nop
	jr $ra
	nop

/* request(a0 = sector, a1 = PA, a2 = count, a3 = cmd): program and start */
request:
	li $t0, DISK
	sw $a0, HW_DISK_SECTOR($t0)
	sw $a1, HW_DISK_ADDR($t0)
	sw $a2, HW_DISK_COUNT($t0)
	jr $ra
	sw $a3, HW_DISK_CMD($t0)

/* wait_idle: poll until BUSY clears (bounded) -> v0 = STATUS */
wait_idle:
	li $t0, DISK
	li $t1, 1000000
1:	lw $v0, HW_DISK_STATUS($t0)
	andi $t2, $v0, HW_DISK_BUSY
	beqz $t2, 2f
	addiu $t1, $t1, -1
	bnez $t1, 1b
	nop
2:	jr $ra
	nop

/* interrupt handler: acknowledge the disk, count */
disk_handler:
	lui $k1, %hi(int_n)
	lw $k0, %lo(int_n)($k1)
	addiu $k0, $k0, 1
	sw $k0, %lo(int_n)($k1)
	mfc0 $k0, C0_CAUSE
	andi $k0, $k0, CAUSE_EXC
	beqz $k0, 1f
	nop
	mfc0 $k0, C0_EPC
	addiu $k0, $k0, 4
	mtc0 $k0, C0_EPC
	b 2f
	nop
1:	li $k1, DISK
	lw $k0, HW_DISK_STATUS($k1)     /* remember what the disk said */
	lui $k1, %hi(int_status)
	sw $k0, %lo(int_status)($k1)
	li $k0, HW_DISK_DONE | HW_DISK_ERROR
	li $k1, DISK
	sw $k0, HW_DISK_STATUS($k1)
2:	ehb
	eret

	.globl test_main
test_main:
	li $s0, DISK
	mfc0 $t0, C0_STATUS
	li $t1, ~(ST_IE | ST_IM)
	and $t0, $t0, $t1
	mtc0 $t0, C0_STATUS
	li $t0, 0x7fffffff              /* keep the timer quiet */
	mtc0 $t0, C0_COMPARE
	mtc0 $zero, C0_COUNT
	ehb
	lw $t0, HW_DISK_SECTORS($s0)
	CHECK_EQ($t0, 64)
	lw $t0, HW_DISK_STATUS($s0)
	CHECK_EQ($t0, 0)

	/* ---- read sectors 3 and 4 into BUF1 ---- */
	li $a0, K1(BUF1 - 512)          /* guard sectors around the buffer */
	li $a1, 512 * 4
	jal fill
	li $a2, 0xee
	li $a0, 3
	li $a1, BUF1
	li $a2, 2
	mfc0 $s1, C0_COUNT
	jal request
	li $a3, HW_DISK_CMD_READ
	lw $t0, HW_DISK_STATUS($s0)
	CHECK_EQ($t0, HW_DISK_BUSY)
	mfc0 $t0, C0_CAUSE
	andi $t0, $t0, IP3
	CHECK_EQ($t0, 0)
	.rept 200
	nop
	.endr
	lw $t0, HW_DISK_STATUS($s0)     /* still busy: the seek alone is longer */
	CHECK_EQ($t0, HW_DISK_BUSY)
	li $t1, K1(BUF1)                /* and nothing arrived early */
	lw $t0, 0($t1)
	CHECK_EQ($t0, 0xeeeeeeee)
	lw $t0, 1020($t1)
	CHECK_EQ($t0, 0xeeeeeeee)
	jal wait_idle
	nop
	mfc0 $s2, C0_COUNT
	CHECK_EQ($v0, HW_DISK_DONE)
	subu $s2, $s2, $s1              /* Count ticks every 2 cycles */
	P_CHECK_RANGE($s2, (COST_DISK_SEEK + 2 * COST_DISK_SECTOR) / COUNT_DIVISOR - 2, (COST_DISK_SEEK + 2 * COST_DISK_SECTOR) / COUNT_DIVISOR + 40)
	mfc0 $t0, C0_CAUSE              /* IP3 while DONE */
	andi $t0, $t0, IP3
	CHECK_EQ($t0, IP3)
	lw $t0, HW_DISK_STATUS($s0)     /* DONE stays until acknowledged */
	CHECK_EQ($t0, HW_DISK_DONE)
	li $t0, HW_DISK_DONE
	sw $t0, HW_DISK_STATUS($s0)
	lw $t0, HW_DISK_STATUS($s0)
	CHECK_EQ($t0, 0)
	mfc0 $t0, C0_CAUSE
	andi $t0, $t0, IP3
	CHECK_EQ($t0, 0)
	li $a0, K1(BUF1)
	li $a1, 512
	jal count_diff
	li $a2, 3
	CHECK_EQ($v0, 0)
	li $a0, K1(BUF1 + 512)
	li $a1, 512
	jal count_diff
	li $a2, 4
	CHECK_EQ($v0, 0)
	li $a0, K1(BUF1 - 512)
	li $a1, 512
	jal count_diff
	li $a2, 0xee
	CHECK_EQ($v0, 0)
	li $a0, K1(BUF1 + 1024)
	li $a1, 512
	jal count_diff
	li $a2, 0xee
	CHECK_EQ($v0, 0)
	/* kseg0 sees the same bytes */
	li $t1, 0x80000000 + BUF1 + 1020
	lw $t0, 0($t1)
	CHECK_EQ($t0, 0x04040404)

	/* ---- the registers read back ---- */
	lw $t0, HW_DISK_SECTOR($s0)
	CHECK_EQ($t0, 3)
	lw $t0, HW_DISK_ADDR($s0)
	CHECK_EQ($t0, BUF1)
	lw $t0, HW_DISK_COUNT($s0)
	CHECK_EQ($t0, 2)

	/* ---- write sector 10 from a pattern, read it back ---- */
	li $t1, K1(BUF1)
	li $t2, 0
1:	sll $t0, $t2, 3
	xor $t0, $t0, $t2               /* byte i = (i * 9) & 0xff, roughly */
	sb $t0, 0($t1)
	addiu $t2, $t2, 1
	slti $t0, $t2, 512
	bnez $t0, 1b
	addiu $t1, $t1, 1
	li $a0, 10
	li $a1, BUF1
	li $a2, 1
	jal request
	li $a3, HW_DISK_CMD_WRITE
	jal wait_idle
	nop
	CHECK_EQ($v0, HW_DISK_DONE)
	li $t0, HW_DISK_DONE
	sw $t0, HW_DISK_STATUS($s0)
	li $a0, K1(BUF2)
	li $a1, 512 * 3
	jal fill
	li $a2, 0x55
	li $a0, 9                       /* sectors 9, 10, 11 */
	li $a1, BUF2
	li $a2, 3
	jal request
	li $a3, HW_DISK_CMD_READ
	jal wait_idle
	nop
	CHECK_EQ($v0, HW_DISK_DONE)
	li $t0, HW_DISK_DONE
	sw $t0, HW_DISK_STATUS($s0)
	li $a0, K1(BUF2)
	li $a1, 512
	jal count_diff
	li $a2, 9
	CHECK_EQ($v0, 0)
	li $a0, K1(BUF2 + 1024)
	li $a1, 512
	jal count_diff
	li $a2, 11
	CHECK_EQ($v0, 0)
	li $t1, K1(BUF2 + 512)          /* sector 10 = the pattern */
	li $t3, K1(BUF1)
	li $t2, 0
	li $s3, 0                       /* mismatches */
1:	lbu $t0, 0($t1)
	lbu $t4, 0($t3)
	beq $t0, $t4, 2f
	nop
	addiu $s3, $s3, 1
2:	addiu $t1, $t1, 1
	addiu $t2, $t2, 1
	slti $t0, $t2, 512
	bnez $t0, 1b
	addiu $t3, $t3, 1
	CHECK_EQ($s3, 0)

	/* ---- completion interrupt on IP3 ---- */
	P_CLEAR_EXC()
	P_SET_HANDLER(disk_handler)
	li $a0, K1(BUF2)
	li $a1, 512
	jal fill
	li $a2, 0x55
	li $t0, ST_IM_DISK | ST_IE
	mtc0 $t0, C0_STATUS
	ehb
	li $a0, 20
	li $a1, BUF2
	li $a2, 1
	jal request
	li $a3, HW_DISK_CMD_READ
	li $s3, 1000000
1:	lw $t0, int_n
	bnez $t0, 2f
	addiu $s3, $s3, -1
	bnez $s3, 1b
	nop
2:	mfc0 $t0, C0_STATUS
	ins $t0, $zero, 0, 1
	mtc0 $t0, C0_STATUS
	ehb
	lw $t0, int_n
	CHECK_EQ($t0, 1)
	CHECK_EXC(EXC_INT)
	lw $t0, rt_exc_cause
	andi $t0, $t0, 0xff00
	CHECK_EQ($t0, IP3)
	lw $t0, int_status
	CHECK_EQ($t0, HW_DISK_DONE)
	lw $t0, HW_DISK_STATUS($s0)     /* acknowledged by the handler */
	CHECK_EQ($t0, 0)
	li $a0, K1(BUF2)
	li $a1, 512
	jal count_diff
	li $a2, 20
	CHECK_EQ($v0, 0)
	P_CLEAR_EXC()

	/* ---- errors: nothing transferred ---- */
#define ERRCASE(sector, pa, count, cmd) \
	li $a0, K1(BUF2); li $a1, 512; jal fill; li $a2, 0x55; \
	li $a0, sector; li $a1, pa; li $a2, count; jal request; li $a3, cmd; \
	jal wait_idle; nop; andi $t0, $v0, HW_DISK_ERROR | HW_DISK_BUSY; CHECK_EQ($t0, HW_DISK_ERROR); \
	li $t0, HW_DISK_DONE | HW_DISK_ERROR; sw $t0, HW_DISK_STATUS($s0); \
	lw $t0, HW_DISK_STATUS($s0); CHECK_EQ($t0, 0); \
	li $a0, K1(BUF2); li $a1, 512; jal count_diff; li $a2, 0x55; CHECK_EQ($v0, 0)
	ERRCASE(64, BUF2, 1, HW_DISK_CMD_READ)          /* past the end */
	ERRCASE(63, BUF2, 2, HW_DISK_CMD_READ)          /* straddles the end */
	ERRCASE(0x80000000, BUF2, 1, HW_DISK_CMD_READ)  /* huge sector number */
	ERRCASE(5, 0x01ffff00, 1, HW_DISK_CMD_READ)     /* RAM ends inside the buffer */
	ERRCASE(5, 0x1f000000, 1, HW_DISK_CMD_READ)     /* devices are not RAM */
	ERRCASE(5, 0x02000000, 1, HW_DISK_CMD_WRITE)    /* write from outside RAM */
	/* a failed write changed nothing on the disk: sector 5 is still all 5s */
	li $a0, 5
	li $a1, BUF2
	li $a2, 1
	jal request
	li $a3, HW_DISK_CMD_READ
	jal wait_idle
	nop
	CHECK_EQ($v0, HW_DISK_DONE)
	li $t0, HW_DISK_DONE
	sw $t0, HW_DISK_STATUS($s0)
	li $a0, K1(BUF2)
	li $a1, 512
	jal count_diff
	li $a2, 5
	CHECK_EQ($v0, 0)
	/* ---- DMA over code that already ran: the new code runs ---- */
	li $t3, CODE_VA                 /* PA 0x110000: jr $ra; li $v0, 1 */
	li $t0, 0x03e00008
	sw $t0, 0($t3)
	li $t0, 0x24020001
	sw $t0, 4($t3)
	jalr $t3
	li $v0, 0
	CHECK_EQ($v0, 1)
	li $a0, K1(BUF2)                /* sector 30 := jr $ra; li $v0, 2 */
	li $a1, 512
	jal fill
	li $a2, 0
	li $t3, K1(BUF2)
	li $t0, 0x03e00008
	sw $t0, 0($t3)
	li $t0, 0x24020002
	sw $t0, 4($t3)
	li $a0, 30
	li $a1, BUF2
	li $a2, 1
	jal request
	li $a3, HW_DISK_CMD_WRITE
	jal wait_idle
	nop
	CHECK_EQ($v0, HW_DISK_DONE)
	li $t0, HW_DISK_DONE
	sw $t0, HW_DISK_STATUS($s0)
	li $a0, 30                      /* read it over the old code */
	li $a1, 0x110000
	li $a2, 1
	jal request
	li $a3, HW_DISK_CMD_READ
	jal wait_idle
	nop
	CHECK_EQ($v0, HW_DISK_DONE)
	li $t0, HW_DISK_DONE
	sw $t0, HW_DISK_STATUS($s0)
	li $t3, CODE_VA
	jalr $t3
	li $v0, 0
	CHECK_EQ($v0, 2)

	/* the last sector works */
	li $a0, 63
	li $a1, BUF2
	li $a2, 1
	jal request
	li $a3, HW_DISK_CMD_READ
	jal wait_idle
	nop
	CHECK_EQ($v0, HW_DISK_DONE)
	li $t0, HW_DISK_DONE
	sw $t0, HW_DISK_STATUS($s0)
	li $a0, K1(BUF2)
	li $a1, 512
	jal count_diff
	li $a2, 63
	CHECK_EQ($v0, 0)
	TEST_END()

	.data
	.align 2
int_n:      .word 0
int_status: .word 0
