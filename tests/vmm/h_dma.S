// LINK: sseg
// VMM: --ram 1M --console-dir @dir --disk @tmpdisk --disk @tmpdisk --disk @tmpdisk @sentinel @self @sentinel
// EXPECT-EXIT: 0
// EXPECT-FILE: vm0.out sentinel.expect
// EXPECT-FILE: vm1.out h_dma.expect
// EXPECT-FILE: vm2.out sentinel.expect
// EXPECT-DISK-FRESH: 0 2
// EXPECT-STDOUT-EMPTY
// EXPECT-STDERR-LINES: 0
// NATIVE-EQUIV: --ram 1M --disk @tmpdisk
// LOCKSTEP: --ram 1M --disk @tmpdisk
/*
 * h_dma (hostile): a guest that points its disk's DMA outside its RAM.
 * With 1 MiB of RAM and the runner's 64-sector disk (sector i = byte i),
 * each request of a table is started and waited for: reads and writes whose
 * physical range ends past RAM, straddles its end, lies in the I/O window,
 * wraps around 4 GiB, lies where other VMs' memory might be (8M, 16M), is
 * misaligned, has sectors off the disk, or a bad command must complete with
 * STATUS.ERROR and move nothing; the good ones (the last 512 bytes of RAM,
 * three sectors across a page boundary, COUNT = 0) complete without it.
 * Then: nothing around the buffers changed, the disk sectors that refused
 * writes are intact, a write and read back works, DMA over code that has
 * already run is seen by the next fetch, and a completion wakes WAIT and
 * raises the interrupt at the same guest time as natively (printed).
 * Next to two sentinels, whose disks must stay untouched too.
 */
#include "guest.h"
	.set noreorder

#define DISK IO(HW_DISK_BASE)
#define F_RAMREL 1              /* the address is RAM + addr */
#define F_ERROR  2              /* expect STATUS.ERROR */
#define BUF      0x00080100     /* 3 sectors, across the page at 0x81000 */
#define BUF2     0x00090000
#define CODE     0x000A0000     /* a page of code, run from sseg */
#define SSEG(pa) (0xC0000000 + (pa))

	.text
/* fill(a0 = address, a1 = bytes, a2 = byte) */
fill:
	addu $a1, $a1, $a0
1:	sb $a2, 0($a0)
	addiu $a0, $a0, 1
	bne $a0, $a1, 1b
	nop
	jr $ra
	nop

/* count_diff(a0 = address, a1 = bytes, a2 = byte) -> v0 = bytes that differ */
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

/* request(a0 = sector, a1 = PA, a2 = count, a3 = cmd) */
request:
	li $t0, DISK
	sw $a0, HW_DISK_SECTOR($t0)
	sw $a1, HW_DISK_ADDR($t0)
	sw $a2, HW_DISK_COUNT($t0)
	jr $ra
	sw $a3, HW_DISK_CMD($t0)

/* wait_idle -> v0 = STATUS once BUSY is clear (bounded); then clear
 * DONE|ERROR */
wait_idle:
	li $t0, DISK
	li $t1, 1000000
1:	lw $v0, HW_DISK_STATUS($t0)
	andi $t2, $v0, HW_DISK_BUSY
	beqz $t2, 2f
	addiu $t1, $t1, -1
	bnez $t1, 1b
	nop
2:	li $t2, HW_DISK_DONE | HW_DISK_ERROR
	jr $ra
	sw $t2, HW_DISK_STATUS($t0)

/* sync_io(a0 sector, a1 PA, a2 count, a3 cmd) -> v0 = STATUS */
sync_io:
	move $t9, $ra
	jal request
	nop
	jal wait_idle
	nop
	jr $t9
	nop

int_handler:                            /* acknowledge the disk, count */
	lui $k1, %hi(int_n)
	lw $k0, %lo(int_n)($k1)
	addiu $k0, $k0, 1
	sw $k0, %lo(int_n)($k1)
	li $k0, DISK
	li $k1, HW_DISK_DONE | HW_DISK_ERROR
	sw $k1, HW_DISK_STATUS($k0)
	eret

	.globl test_main
test_main:
	move $s6, $a0                           /* RAM size */
	li $t0, DISK
	lw $t1, HW_DISK_SECTORS($t0)
	CHECK_EQ($t1, 64)

	/* guards: the last 1K of RAM = 0xEE, BUF area = 0xDD */
	li $a0, 0xC0000000 - 1024
	addu $a0, $a0, $s6
	li $a1, 1024
	jal fill
	li $a2, 0xEE
	li $a0, SSEG(BUF - 256)
	li $a1, 2048
	jal fill
	li $a2, 0xDD
	li $a0, SSEG(0x84000)                   /* what row 21 writes to sector 20 */
	li $a1, 256
	jal fill
	li $a2, 0xA5

	/* ---- the table ---- */
	la $s0, table
	li $s1, 0                               /* row */
1:	lw $a0, 0($s0)
	lw $a1, 4($s0)
	lw $a2, 8($s0)
	lw $a3, 12($s0)
	lw $s2, 16($s0)
	bltz $s2, 3f                            /* end */
	andi $t0, $s2, F_RAMREL
	beqz $t0, 2f
	nop
	addu $a1, $a1, $s6
2:	jal sync_io
	nop
	andi $v0, $v0, HW_DISK_BUSY | HW_DISK_DONE | HW_DISK_ERROR
	sll $t1, $s1, 16
	or $v0, $v0, $t1                        /* got: row << 16 | STATUS */
	li $t0, HW_DISK_DONE
	andi $t2, $s2, F_ERROR
	beqz $t2, 2f
	nop
	li $t0, HW_DISK_DONE | HW_DISK_ERROR
2:	or $t0, $t0, $t1
	CHECK_REG($v0, $t0)                     /* want: row << 16 | DONE [| ERROR] */
	addiu $s1, $s1, 1
	b 1b
	addiu $s0, $s0, 20
3:
	/* ---- nothing moved that should not have ---- */
	li $a0, 0xC0000000 - 1024
	addu $a0, $a0, $s6
	li $a1, 512
	jal count_diff
	li $a2, 0xEE
	CHECK_EQ($v0, 0)                        /* [RAM-1K, RAM-512) untouched */
	li $a0, 0xC0000000 - 512
	addu $a0, $a0, $s6
	li $a1, 512
	jal count_diff
	li $a2, 2
	CHECK_EQ($v0, 0)                        /* [RAM-512, RAM) = sector 2 */
	li $a0, SSEG(BUF - 256)
	li $a1, 256
	jal count_diff
	li $a2, 0xDD
	CHECK_EQ($v0, 0)                        /* below BUF */
	li $a0, SSEG(BUF)
	li $a1, 512
	jal count_diff
	li $a2, 3
	CHECK_EQ($v0, 0)                        /* sectors 3, 4, 5 at BUF */
	li $a0, SSEG(BUF + 512)
	li $a1, 512
	jal count_diff
	li $a2, 4
	CHECK_EQ($v0, 0)
	li $a0, SSEG(BUF + 1024)
	li $a1, 512
	jal count_diff
	li $a2, 5
	CHECK_EQ($v0, 0)
	li $a0, SSEG(BUF + 1536)
	li $a1, 256
	jal count_diff
	li $a2, 0xDD
	CHECK_EQ($v0, 0)                        /* above BUF */
	/* the sectors whose writes were refused, and the one written */
	li $a0, 10
	li $a1, BUF2
	li $a2, 4
	jal sync_io
	li $a3, HW_DISK_CMD_READ
	CHECK_EQ($v0, HW_DISK_DONE)
	li $a0, SSEG(BUF2)
	li $a1, 512
	jal count_diff
	li $a2, 10
	CHECK_EQ($v0, 0)
	li $a0, SSEG(BUF2 + 512)
	li $a1, 512
	jal count_diff
	li $a2, 11
	CHECK_EQ($v0, 0)
	li $a0, SSEG(BUF2 + 1024)
	li $a1, 512
	jal count_diff
	li $a2, 12
	CHECK_EQ($v0, 0)
	li $a0, 20
	li $a1, BUF2
	li $a2, 1
	jal sync_io
	li $a3, HW_DISK_CMD_READ
	li $a0, SSEG(BUF2)
	li $a1, 256
	jal count_diff
	li $a2, 0xA5
	CHECK_EQ($v0, 0)                        /* sector 20 was written */
	li $a0, SSEG(BUF2 + 256)
	li $a1, 256
	jal count_diff
	li $a2, 0
	CHECK_EQ($v0, 0)                        /* (the rest: zeroed RAM) */

	/* ---- DMA over code that has run ---- */
	li $t0, SSEG(CODE)
	li $t1, 0x24021111                      /* addiu $v0, $zero, 0x1111 */
	sw $t1, 0($t0)
	li $t1, 0x03e00008                      /* jr $ra */
	sw $t1, 4($t0)
	sw $zero, 8($t0)
	jalr $t0
	li $v0, 0
	CHECK_EQ($v0, 0x1111)
	li $t0, SSEG(BUF2)
	li $t1, 0x24022222                      /* addiu $v0, $zero, 0x2222 */
	sw $t1, 0($t0)
	li $t1, 0x03e00008
	sw $t1, 4($t0)
	sw $zero, 8($t0)
	li $a0, 30
	li $a1, BUF2
	li $a2, 1
	jal sync_io
	li $a3, HW_DISK_CMD_WRITE
	CHECK_EQ($v0, HW_DISK_DONE)
	li $a0, 30
	li $a1, CODE
	li $a2, 1
	jal sync_io
	li $a3, HW_DISK_CMD_READ
	CHECK_EQ($v0, HW_DISK_DONE)
	li $t0, SSEG(CODE)
	jalr $t0
	li $v0, 0
	CHECK_EQ($v0, 0x2222)

	/* ---- completion wakes WAIT (IE = 0), then as an interrupt ---- */
	P_CLEAR_EXC()
	li $t0, ST_IM_DISK
	mtc0 $t0, C0_STATUS
	ehb
	mfc0 $s0, C0_COUNT
	li $a0, 4
	li $a1, BUF2
	li $a2, 2
	jal request
	li $a3, HW_DISK_CMD_READ
	wait
	mfc0 $s1, C0_COUNT
	li $t0, DISK
	lw $t1, HW_DISK_STATUS($t0)
	CHECK_EQ($t1, HW_DISK_DONE)
	li $t1, HW_DISK_DONE
	sw $t1, HW_DISK_STATUS($t0)
	mtc0 $zero, C0_STATUS
	ehb
	CHECK_NEXC(0)
	PUTS("wait: ")
	subu $t0, $s1, $s0
	PUTDEC($t0)
	PUTS(" ticks\n")
	/* interrupts: a good request and a refused one */
	P_CLEAR_EXC()
	P_SET_HANDLER(int_handler)
	sw $zero, int_n
	li $t0, ST_IM_DISK | ST_IE
	mtc0 $t0, C0_STATUS
	ehb
	li $a0, 6
	li $a1, BUF2
	li $a2, 1
	jal request
	li $a3, HW_DISK_CMD_READ
	li $s2, 0
1:	lw $t0, int_n                           /* spin until the interrupt */
	beqz $t0, 1b
	addiu $s2, $s2, 1
	li $a0, 6
	li $a1, 0x1F002000                      /* the disk itself */
	li $a2, 1
	jal request
	li $a3, HW_DISK_CMD_READ
	li $s3, 0
1:	lw $t0, int_n
	slti $t0, $t0, 2
	bnez $t0, 1b
	addiu $s3, $s3, 1
	mtc0 $zero, C0_STATUS
	ehb
	P_CLEAR_HANDLER()
	CHECK_NEXC(2)
	CHECK_EXC(EXC_INT)
	PUTS("spins: ")
	PUTDEC($s2)
	PUTS(" ")
	PUTDEC($s3)
	PUTS("\n")
	li $a0, SSEG(BUF2)
	li $a1, 512
	jal count_diff
	li $a2, 6
	CHECK_EQ($v0, 0)
	TEST_END()

	.section .rodata
	.align 2
/* sector, address, count, command, flags */
table:
	.word 1, 0, 1, HW_DISK_CMD_READ, F_RAMREL | F_ERROR             /* 0: just past RAM */
	.word 1, -256, 1, HW_DISK_CMD_READ, F_RAMREL | F_ERROR          /* 1: straddles the end */
	.word 1, -4, 1, HW_DISK_CMD_READ, F_RAMREL | F_ERROR            /* 2 */
	.word 2, -512, 1, HW_DISK_CMD_READ, F_RAMREL                    /* 3: the last 512 bytes */
	.word 1, 0x1F000000, 1, HW_DISK_CMD_READ, F_ERROR               /* 4: sysctl */
	.word 1, 0x1F001000, 1, HW_DISK_CMD_READ, F_ERROR               /* 5: console */
	.word 1, 0xFFFFFE00, 1, HW_DISK_CMD_READ, F_ERROR               /* 6 */
	.word 1, 0xFFFFFFFC, 2, HW_DISK_CMD_READ, F_ERROR               /* 7: wraps */
	.word 1, 0x01000000, 1, HW_DISK_CMD_READ, F_ERROR               /* 8: 16M */
	.word 1, 0x00800000, 1, HW_DISK_CMD_READ, F_ERROR               /* 9: 8M */
	.word 1, 0x00080102, 1, HW_DISK_CMD_READ, F_ERROR               /* 10: misaligned */
	.word 1, -512, 2, HW_DISK_CMD_READ, F_RAMREL | F_ERROR          /* 11 */
	.word 0, 0, 0x00800001, HW_DISK_CMD_READ, F_ERROR               /* 12: count*512 wraps */
	.word 0xFFFFFFFF, 0x00080000, 1, HW_DISK_CMD_READ, F_ERROR      /* 13 */
	.word 63, 0x00080000, 2, HW_DISK_CMD_READ, F_ERROR              /* 14: off the disk */
	.word 10, 0, 1, HW_DISK_CMD_WRITE, F_RAMREL | F_ERROR           /* 15: write from past RAM */
	.word 11, 0x1F000000, 1, HW_DISK_CMD_WRITE, F_ERROR             /* 16 */
	.word 12, -256, 1, HW_DISK_CMD_WRITE, F_RAMREL | F_ERROR        /* 17 */
	.word 3, BUF, 3, HW_DISK_CMD_READ, 0                            /* 18: across a page */
	.word 1, 0x00080000, 1, 3, F_ERROR                              /* 19: bad command */
	.word 5, 0x00090000, 0, HW_DISK_CMD_READ, 0                     /* 20: COUNT = 0 */
	.word 20, 0x00084000, 1, HW_DISK_CMD_WRITE, 0                   /* 21: write */
	.word 10, 0x10000000, 1, HW_DISK_CMD_WRITE, F_ERROR             /* 22 */
	.word 0, 0, 0, 0, -1

	.data
	.align 2
int_n: .word 0
