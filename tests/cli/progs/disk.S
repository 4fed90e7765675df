/* disk: print the disk's sector count as 8 hex digits and a newline, read
 * sector 1 by DMA and print its first 8 bytes, power off with 100 + the
 * final STATUS & 0xff (so 102 = DONE, 106 = DONE|ERROR). */
#include "cli.h"
	.set noreorder
#define DISK KSEG1_IO(HW_DISK_BASE)
	.text
	.globl _start
_start:
	li $s0, DISK
	lw $s1, HW_DISK_SECTORS($s0)
	li $s2, 8
1:	srl $t0, $s1, 28
	sltiu $t1, $t0, 10
	bnez $t1, 2f
	addiu $t0, $t0, '0'
	addiu $t0, $t0, 'a' - '0' - 10
2:	PUTC($t0)
	sll $s1, $s1, 4
	addiu $s2, $s2, -1
	bnez $s2, 1b
	nop
	li $t0, 10
	PUTC($t0)
	li $t0, 1
	sw $t0, HW_DISK_SECTOR($s0)
	la $t0, buf
	li $t1, 0x1fffffff
	and $t0, $t0, $t1
	sw $t0, HW_DISK_ADDR($s0)
	li $t0, 1
	sw $t0, HW_DISK_COUNT($s0)
	li $t0, HW_DISK_CMD_READ
	sw $t0, HW_DISK_CMD($s0)
3:	lw $s3, HW_DISK_STATUS($s0)
	andi $t0, $s3, HW_DISK_BUSY
	bnez $t0, 3b
	nop
	sw $s3, HW_DISK_STATUS($s0)     /* acknowledge */
	la $s1, buf
	li $s2, 8
4:	lbu $t0, 0($s1)
	PUTC($t0)
	addiu $s2, $s2, -1
	bnez $s2, 4b
	addiu $s1, $s1, 1
	andi $s3, $s3, 0xff
	addiu $s3, $s3, 100
	POWEROFF($s3)

	.bss
	.align 4
buf:	.space 512
