/*
 * disk.S - the disk driver and the read-only file table (fs.h).
 *
 * The disk (hw.h: SECTOR, ADDR, COUNT, CMD, STATUS at SSEG_IO(HW_DISK_BASE))
 * transfers whole 512-byte sectors by DMA to a physical address and raises
 * IP3 when done. The kernel has interrupts masked (EXL = 1), so it cannot
 * take that interrupt; instead it executes WAIT, which on this machine
 * wakes when any line enabled in Status.IM is raised even while EXL masks
 * the exception, and then checks STATUS. During the wait Status.IM holds
 * only the disk's line: a timer tick that fell due (and stays pending
 * until the kernel writes Compare) would otherwise end every WAIT at once.
 * (A spin on STATUS would work too, but under the VMM every STATUS read is
 * an exit.)
 *
 *   disk_read(sector, pa, count) -> 0, or 1 if the disk reported an error
 *   disk_ack()                   acknowledge DONE/ERROR (write-one-to-clear)
 *   fs_init()                    read the file table at boot
 *   fs_lookup(name) -> entry or 0
 *   fs_read(entry, offset, kva, len) -> bytes (0 at the end), or E_INVAL
 *   fs_list() -> number of files (prints the table: SYS_LS)
 *
 * One sector buffer serves every read, and remembers which sector it holds:
 * reading a file in small pieces touches the disk once per sector.
 */
#include "kernel.h"

#define DISK SSEG_IO(HW_DISK_BASE)
#define FS_TABLE_SECTORS 4          /* the kernel keeps at most this much table */
#define FS_TABLE_BYTES   (FS_TABLE_SECTORS * FS_SECTOR_SIZE)
#define FS_MAX_FILES     ((FS_TABLE_BYTES - FS_HDR_SIZE) / FS_ENTRY_SIZE)

	.set noreorder
	.text

/* disk_read(a0 = first sector, a1 = physical address, a2 = sector count). */
	.globl disk_read
disk_read:
	li $t9, DISK
	sw $a0, HW_DISK_SECTOR($t9)
	sw $a1, HW_DISK_ADDR($t9)
	sw $a2, HW_DISK_COUNT($t9)
	li $t0, ST_IM_DISK | ST_EXL     /* only the disk may end the WAIT: a */
	mtc0 $t0, C0_STATUS             /*  pending tick would end it at once */
	li $t0, HW_DISK_CMD_READ
	sw $t0, HW_DISK_CMD($t9)        /* the transfer starts */
1:	lw $t0, HW_DISK_STATUS($t9)
	andi $t1, $t0, HW_DISK_BUSY
	beqz $t1, 2f
	nop
	wait                            /* until IP3 rises */
	b 1b
	nop
2:	li $t1, STATUS_KERNEL           /* the timer and console again */
	mtc0 $t1, C0_STATUS
	li $t1, HW_DISK_DONE | HW_DISK_ERROR
	sw $t1, HW_DISK_STATUS($t9)     /* acknowledge: IP3 drops */
	andi $t0, $t0, HW_DISK_ERROR
	jr $ra
	sltu $v0, $zero, $t0            /* 1 if ERROR ... */
	/* (callers test v0 != 0) */

/* disk_ack(): a completion nobody waited for. Leaf. */
	.globl disk_ack
disk_ack:
	li $t9, DISK
	li $t1, HW_DISK_DONE | HW_DISK_ERROR
	jr $ra
	sw $t1, HW_DISK_STATUS($t9)

/* read_sector(a0 = sector) -> v0 = 0 with the sector in sector_buf, or -1. */
read_sector:
	lw $t0, buf_sector
	beq $t0, $a0, 1f
	nop
	addiu $sp, $sp, -FRAME_SIZE(2)
	sw $ra, SLOT(0)($sp)
	sw $s0, SLOT(1)($sp)
	move $s0, $a0
	li $t0, -1
	sw $t0, buf_sector              /* invalid while the DMA runs */
	la $a1, sector_buf
	li $t0, KVA_BASE
	subu $a1, $a1, $t0              /* DMA wants the physical address */
	jal disk_read
	li $a2, 1
	bnez $v0, 2f
	li $v0, -1
	sw $s0, buf_sector
	move $v0, $zero
2:	lw $ra, SLOT(0)($sp)
	lw $s0, SLOT(1)($sp)
	jr $ra
	addiu $sp, $sp, FRAME_SIZE(2)
1:	jr $ra
	move $v0, $zero

/* fs_init(): check the header, copy the table. Panics if there is no
 * usable disk: the kernel has nothing to run without one. */
	.globl fs_init
fs_init:
	addiu $sp, $sp, -FRAME_SIZE(3)
	sw $ra, SLOT(0)($sp)
	sw $s0, SLOT(1)($sp)
	li $t9, DISK
	lw $t0, HW_DISK_SECTORS($t9)
	la $a0, msg_nodisk
	beqz $t0, fs_panic
	nop
	li $a2, FS_TABLE_SECTORS        /* min(FS_TABLE_SECTORS, disk size) */
	sltu $t1, $t0, $a2
	movn $a2, $t0, $t1
	sll $t0, $a2, 9
	sw $t0, SLOT(2)($sp)            /* bytes of table we have */
	la $a1, fs_table                /* the table's sectors, straight by DMA */
	li $t0, KVA_BASE
	subu $a1, $a1, $t0
	jal disk_read
	move $a0, $zero
	la $a0, msg_ioerr
	bnez $v0, fs_panic
	nop
	la $s0, fs_table
	lw $t0, FS_HDR_MAGIC($s0)
	li $t1, FS_MAGIC
	la $a0, msg_magic
	bne $t0, $t1, fs_panic
	nop
	lw $t0, FS_HDR_NFILES($s0)
	sw $t0, fs_nfiles
	sltiu $t1, $t0, FS_MAX_FILES + 1
	bnez $t1, 1f
	nop
	li $t1, FS_MAX_FILES            /* more than fit: say so, use the first */
	sw $t1, fs_nfiles
	la $a0, msg_toomany
	jal kputs
	nop
	jal kputdec
	lw $a0, FS_HDR_NFILES($s0)
	la $a0, msg_toomany2
	jal kputs
	nop
	jal kputdec
	li $a0, FS_MAX_FILES
	la $a0, msg_toomany3
	jal kputs
	nop
1:	lw $t0, fs_nfiles               /* the entries must be on the disk */
	sll $t0, $t0, 5                 /* * FS_ENTRY_SIZE */
	addiu $t0, $t0, FS_HDR_SIZE
	lw $t1, SLOT(2)($sp)
	sltu $t0, $t1, $t0
	la $a0, msg_short
	bnez $t0, fs_panic
	nop
	lw $ra, SLOT(0)($sp)
	lw $s0, SLOT(1)($sp)
	jr $ra
	addiu $sp, $sp, FRAME_SIZE(3)
fs_panic:
	j panic
	nop

/* fs_lookup(a0 = name) -> v0 = its entry, or 0. */
	.globl fs_lookup
fs_lookup:
	addiu $sp, $sp, -FRAME_SIZE(4)
	sw $ra, SLOT(0)($sp)
	sw $s0, SLOT(1)($sp)
	sw $s1, SLOT(2)($sp)
	sw $s2, SLOT(3)($sp)
	move $s0, $a0
	la $s1, fs_table + FS_HDR_SIZE
	lw $s2, fs_nfiles
1:	beqz $s2, 2f
	move $v0, $zero
	move $a0, $s0
	jal strcmp
	addiu $a1, $s1, FS_ENT_NAME
	beqz $v0, 2f
	move $v0, $s1
	addiu $s1, $s1, FS_ENTRY_SIZE
	b 1b
	addiu $s2, $s2, -1
2:	lw $ra, SLOT(0)($sp)
	lw $s0, SLOT(1)($sp)
	lw $s1, SLOT(2)($sp)
	lw $s2, SLOT(3)($sp)
	jr $ra
	addiu $sp, $sp, FRAME_SIZE(4)

/* fs_read(a0 = entry, a1 = offset, a2 = kva, a3 = len). */
	.globl fs_read
fs_read:
	addiu $sp, $sp, -FRAME_SIZE(6)
	sw $ra, SLOT(0)($sp)
	sw $s0, SLOT(1)($sp)
	sw $s1, SLOT(2)($sp)
	sw $s2, SLOT(3)($sp)
	sw $s3, SLOT(4)($sp)
	sw $s4, SLOT(5)($sp)
	move $s0, $a0
	move $s1, $a1                   /* offset */
	move $s2, $a2                   /* destination */
	lw $t0, FS_ENT_SIZE($s0)        /* clip to the end of the file */
	subu $t1, $t0, $a1
	sltu $t2, $t0, $a1
	movn $t1, $zero, $t2            /* offset past the end: nothing */
	sltu $t2, $t1, $a3
	movz $t1, $a3, $t2              /* len = min(len, size - offset) */
	move $s3, $t1                   /* bytes left */
	move $s4, $t1                   /* the result */
fr_loop:
	beqz $s3, fr_done
	nop
	lw $a0, FS_ENT_SECTOR($s0)
	srl $t0, $s1, 9                 /* offset / FS_SECTOR_SIZE */
	jal read_sector
	addu $a0, $a0, $t0
	bnez $v0, fr_err
	andi $t0, $s1, FS_SECTOR_SIZE - 1
	li $t1, FS_SECTOR_SIZE
	subu $t1, $t1, $t0              /* bytes left in this sector */
	sltu $t2, $s3, $t1
	movn $t1, $s3, $t2
	la $t3, sector_buf
	addu $t3, $t3, $t0
	addu $s1, $s1, $t1
	subu $s3, $s3, $t1
1:	lbu $t4, 0($t3)
	addiu $t3, $t3, 1
	sb $t4, 0($s2)
	addiu $t1, $t1, -1
	bnez $t1, 1b
	addiu $s2, $s2, 1
	b fr_loop
	nop
fr_err:
	la $a0, msg_ioerr
	jal kputs
	nop
	jal kputc
	li $a0, '\n'
	b fr_out
	li $v0, E_INVAL
fr_done:
	move $v0, $s4
fr_out:
	lw $ra, SLOT(0)($sp)
	lw $s0, SLOT(1)($sp)
	lw $s1, SLOT(2)($sp)
	lw $s2, SLOT(3)($sp)
	lw $s3, SLOT(4)($sp)
	lw $s4, SLOT(5)($sp)
	jr $ra
	addiu $sp, $sp, FRAME_SIZE(6)

/* fs_list() -> v0 = number of files, after printing "NAME  SIZE" lines. */
	.globl fs_list
fs_list:
	addiu $sp, $sp, -FRAME_SIZE(3)
	sw $ra, SLOT(0)($sp)
	sw $s0, SLOT(1)($sp)
	sw $s1, SLOT(2)($sp)
	la $s0, fs_table + FS_HDR_SIZE
	lw $s1, fs_nfiles
1:	beqz $s1, 2f
	nop
	addiu $a0, $s0, FS_ENT_NAME
	jal kputs_pad
	li $a1, FS_NAME_MAX
	lw $a0, FS_ENT_SIZE($s0)
	jal kputdec_pad
	li $a1, 7
	la $a0, msg_bytes
	jal kputs
	nop
	addiu $s0, $s0, FS_ENTRY_SIZE
	b 1b
	addiu $s1, $s1, -1
2:	lw $v0, fs_nfiles
	lw $ra, SLOT(0)($sp)
	lw $s0, SLOT(1)($sp)
	lw $s1, SLOT(2)($sp)
	jr $ra
	addiu $sp, $sp, FRAME_SIZE(3)

	.section .rodata
msg_nodisk:   .asciz "no disk: run with --disk build/guestos/disk.img"
msg_ioerr:    .asciz "disk: read error"
msg_magic:    .asciz "disk: no file table (bad magic number)"
msg_short:    .asciz "disk: the file table is longer than the disk"
msg_toomany:  .asciz "disk: the file table has "
msg_toomany2: .asciz " files; the kernel keeps only the first "
msg_toomany3: .asciz "\n"
msg_bytes:    .asciz " bytes\n"

	.data
buf_sector: .word -1        /* which sector sector_buf holds; -1 none  */
	.globl fs_nfiles
fs_nfiles:  .word 0
	.bss
	.align 4
sector_buf: .space FS_SECTOR_SIZE
fs_table:   .space FS_TABLE_BYTES
