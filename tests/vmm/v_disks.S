// LINK: sseg
// VMM: --ram 1M --console-dir @dir --disk @tmpdisk --disk @tmpdisk @self @self @self
// EXPECT-EXIT: 0
// EXPECT-STDOUT-EMPTY
// EXPECT-FILE: vm0.out v_disks.vm0.expect
// EXPECT-FILE: vm1.out v_disks.vm1.expect
// EXPECT-FILE: vm2.out v_disks.vm2.expect
// EXPECT-STDERR-LINES: 0
/*
 * v_disks: one disk per VM, in --disk order. VM 0 and VM 1 get the
 * runner's 64-sector images, VM 2 (no third --disk) an empty disk: SECTORS
 * reads 0 and any request ends with ERROR. VM 0 and VM 1 each write their
 * number into sector 0 and sector 63 of their own image, yield a few
 * times, and read both back (seeing the other's would mean a shared disk);
 * sector 1 still holds its bytes 1.
 */
#include "guest.h"
	.set noreorder

#define DISK IO(HW_DISK_BASE)
#define BUF 0x00080000

	.text
/* io(a0 sector, a1 PA, a2 count, a3 cmd) -> v0 = STATUS when done */
io:
	li $t0, DISK
	sw $a0, HW_DISK_SECTOR($t0)
	sw $a1, HW_DISK_ADDR($t0)
	sw $a2, HW_DISK_COUNT($t0)
	sw $a3, HW_DISK_CMD($t0)
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

/* fill the 512 bytes at BUF with a0 */
fill:
	li $t0, 0xC0000000 + BUF
	li $t1, 512
1:	sb $a0, 0($t0)
	addiu $t1, $t1, -1
	bnez $t1, 1b
	addiu $t0, $t0, 1
	jr $ra
	nop

/* v0 = bytes at BUF that differ from a0 */
count:
	li $t0, 0xC0000000 + BUF
	li $t1, 512
	li $v0, 0
1:	lbu $t2, 0($t0)
	xor $t2, $t2, $a0
	sltu $t2, $zero, $t2
	addu $v0, $v0, $t2
	addiu $t1, $t1, -1
	bnez $t1, 1b
	addiu $t0, $t0, 1
	jr $ra
	nop

	.globl test_main
test_main:
	HCALL(HC_VM_ID)
	move $s7, $v0
	li $t0, DISK
	lw $s0, HW_DISK_SECTORS($t0)
	PUTS("vm ")
	PUTDEC($s7)
	PUTS(": ")
	PUTDEC($s0)
	PUTS(" sectors\n")
	bnez $s0, 1f
	nop
	li $a0, 0                       /* the empty disk refuses everything */
	li $a1, BUF
	li $a2, 1
	jal io
	li $a3, HW_DISK_CMD_READ
	CHECK_EQ($v0, HW_DISK_DONE | HW_DISK_ERROR)
	TEST_END()
1:	addiu $a0, $s7, 0x30
	jal fill
	nop
	li $a0, 0
	li $a1, BUF
	li $a2, 1
	jal io
	li $a3, HW_DISK_CMD_WRITE
	CHECK_EQ($v0, HW_DISK_DONE)
	li $a0, 63
	li $a1, BUF
	li $a2, 1
	jal io
	li $a3, HW_DISK_CMD_WRITE
	CHECK_EQ($v0, HW_DISK_DONE)
	li $s1, 6
2:	HCALL(HC_YIELD)
	addiu $s1, $s1, -1
	bnez $s1, 2b
	nop
	li $s1, 0
3:	li $a0, 0xee
	jal fill
	nop
	move $a0, $s1
	li $a1, BUF
	li $a2, 1
	jal io
	li $a3, HW_DISK_CMD_READ
	CHECK_EQ($v0, HW_DISK_DONE)
	addiu $a0, $s7, 0x30
	jal count
	nop
	CHECK_EQ($v0, 0)                /* our own number, not another VM's */
	bnez $s1, 4f
	li $s1, 63
	b 3b
	nop
4:	li $a0, 1
	li $a1, BUF
	li $a2, 1
	jal io
	li $a3, HW_DISK_CMD_READ
	li $a0, 1
	jal count
	nop
	CHECK_EQ($v0, 0)
	PUTS("own disk ok\n")
	TEST_END()
