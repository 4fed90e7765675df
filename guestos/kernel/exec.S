/*
 * exec.S - creating a process from a program on the disk.
 *
 *   proc_spawn(cmdline, parent) -> pid, or E_NOENT / E_PROCLIM / E_NOMEM /
 *                                  E_NOEXEC
 *
 * The command line is "NAME ARGS". NAME is looked up in the disk's file
 * table and loaded as an ELF32 little-endian MIPS executable (the same
 * rules the machine's firmware applies, restricted to useg): every PT_LOAD
 * segment gets fresh zeroed frames for its pages, writable (EntryLo.D) only
 * if the segment's flags have PF_W, then its file bytes. The heap starts
 * at the first page boundary after the highest segment. The stack is one
 * page just below USER_STACK_TOP holding the ARGS string; the program
 * starts at e_entry in user mode with $a0 = ARGS, $a1 = its length.
 */
#include "kernel.h"

#define ELF_MAGIC     0x464c457f    /* "\177ELF" as a little-endian word */
#define EH_CLASS      4             /* 1: 32-bit                         */
#define EH_DATA       5             /* 1: little-endian                  */
#define EH_TYPE       16            /* 2: executable                     */
#define EH_MACHINE    18            /* 8: MIPS                           */
#define EH_ENTRY      24
#define EH_PHOFF      28
#define EH_PHENTSIZE  42
#define EH_PHNUM      44
#define EH_SIZE       52
#define PH_TYPE       0             /* 1: PT_LOAD                        */
#define PH_OFFSET     4
#define PH_VADDR      8
#define PH_FILESZ     16
#define PH_MEMSZ      20
#define PH_FLAGS      24            /* bit 1: PF_W                       */
#define PH_SIZE       32
#define PH_MAX        16
#define USER_LOAD_END (USER_STACK_TOP - USER_STACK_MAX)

	.set noreorder
	.text

/* proc_spawn(a0 = command line (kernel copy, modified), a1 = parent). */
	.globl proc_spawn
proc_spawn:
	addiu $sp, $sp, -FRAME_SIZE(8)
	sw $ra, SLOT(0)($sp)
	sw $s0, SLOT(1)($sp)
	sw $s1, SLOT(2)($sp)
	sw $s2, SLOT(3)($sp)
	sw $s3, SLOT(4)($sp)
	sw $s4, SLOT(5)($sp)
	sw $s5, SLOT(6)($sp)
	sw $s6, SLOT(7)($sp)
	move $s0, $a0                   /* NAME */
	move $s5, $a1                   /* parent */
	/* Split "NAME ARGS": NUL after NAME, s1 = ARGS without leading spaces. */
	move $s1, $a0
	li $t1, ' '
1:	lbu $t0, 0($s1)
	beqz $t0, 3f                    /* no ARGS: s1 is at the NUL, "" */
	nop
	bne $t0, $t1, 1b
	addiu $s1, $s1, 1
	sb $zero, -1($s1)               /* NAME ends at the first space */
2:	lbu $t0, 0($s1)
	beq $t0, $t1, 2b
	addiu $s1, $s1, 1
	addiu $s1, $s1, -1              /* (the loop overshoots by one) */
3:	jal fs_lookup
	move $a0, $s0
	beqz $v0, ps_noent
	move $s2, $v0                   /* the file */
	jal proc_alloc
	nop
	beqz $v0, ps_proclim
	move $s3, $v0                   /* the process (still FREE) */
	jal frame_alloc
	nop
	beqz $v0, ps_nomem
	sw $v0, P_PGDIR($s3)
	move $a0, $s3
	jal load_elf
	move $a1, $s2
	bltz $v0, ps_undo
	move $s4, $v0                   /* the entry point */
	/* The stack page and the argument string at its top. */
	move $a0, $s3
	li $a1, USER_STACK_TOP - PAGE_SIZE
	jal map_zero
	li $a2, PTE_FLAGS_RW
	bnez $v0, 1f
	move $s6, $v0                   /* kva of the stack page */
	b ps_undo
	li $s4, E_NOMEM
1:
	jal strlen
	move $a0, $s1
	move $t5, $v0                   /* ARGS length */
	addiu $t0, $v0, 8               /* room for it and its NUL, 8-aligned */
	li $t1, -8
	and $t0, $t0, $t1
	li $t1, PAGE_SIZE
	subu $t1, $t1, $t0              /* offset in the page */
	addu $t2, $s6, $t1              /* kernel address of the copy */
	li $t3, USER_STACK_TOP - PAGE_SIZE
	addu $t3, $t3, $t1              /* its user address */
	move $t4, $s1
4:	lbu $t6, 0($t4)
	sb $t6, 0($t2)
	addiu $t4, $t4, 1
	bnez $t6, 4b
	addiu $t2, $t2, 1
	sw $t3, TF_REG(4)($s3)          /* $a0 = ARGS */
	sw $t5, TF_REG(5)($s3)          /* $a1 = its length */
	addiu $t3, $t3, -16             /* $sp: below it, with the o32 arg area */
	sw $t3, TF_REG(29)($s3)
	sw $s4, TF_EPC($s3)
	li $t0, STATUS_USER
	sw $t0, TF_STATUS($s3)
	addiu $t0, $s3, P_NAME          /* the name, cut to fit */
	addiu $t1, $t0, NAME_LEN - 1
	move $t2, $s0
5:	lbu $t3, 0($t2)
	beqz $t3, 6f
	nop
	sb $t3, 0($t0)
	addiu $t0, $t0, 1
	bne $t0, $t1, 5b
	addiu $t2, $t2, 1
6:	sw $s5, P_PARENT($s3)
	lw $t0, init_proc               /* the first process is init */
	bnez $t0, 7f
	nop
	sw $s3, init_proc
7:	jal proc_start                  /* a pid, and READY */
	move $a0, $s3
	b ps_out
	nop
ps_undo:                            /* s4 = the error */
	lw $a0, P_PGDIR($s3)
	jal user_free
	nop
	sw $zero, P_PGDIR($s3)          /* the slot stays FREE */
	b ps_out
	move $v0, $s4
ps_noent:
	b ps_out
	li $v0, E_NOENT
ps_proclim:
	b ps_out
	li $v0, E_PROCLIM
ps_nomem:
	li $v0, E_NOMEM
ps_out:
	lw $ra, SLOT(0)($sp)
	lw $s0, SLOT(1)($sp)
	lw $s1, SLOT(2)($sp)
	lw $s2, SLOT(3)($sp)
	lw $s3, SLOT(4)($sp)
	lw $s4, SLOT(5)($sp)
	lw $s5, SLOT(6)($sp)
	lw $s6, SLOT(7)($sp)
	jr $ra
	addiu $sp, $sp, FRAME_SIZE(8)

/* load_elf(a0 = proc, a1 = file entry) -> v0 = entry point, or E_NOEXEC /
 * E_NOMEM. Registers: s0 proc, s1 file, s2 program header index, s3 number
 * of them, s4 highest end so far, s5 vaddr, s6 end, s7 page / bytes left.
 * Stack slots: 9 file offset, 10 chunk, 11 PTE flags of the segment. */
load_elf:
	addiu $sp, $sp, -FRAME_SIZE(12)
	sw $ra, SLOT(0)($sp)
	sw $s0, SLOT(1)($sp)
	sw $s1, SLOT(2)($sp)
	sw $s2, SLOT(3)($sp)
	sw $s3, SLOT(4)($sp)
	sw $s4, SLOT(5)($sp)
	sw $s5, SLOT(6)($sp)
	sw $s6, SLOT(7)($sp)
	sw $s7, SLOT(8)($sp)
	move $s0, $a0
	move $s1, $a1
	move $a0, $s1                   /* the ELF header */
	move $a1, $zero
	la $a2, elf_hdr
	jal fs_read
	li $a3, EH_SIZE
	li $t0, EH_SIZE
	la $t9, elf_hdr
	bne $v0, $t0, le_noexec
	lw $t0, 0($t9)
	li $t1, ELF_MAGIC
	bne $t0, $t1, le_noexec
	lbu $t0, EH_CLASS($t9)
	li $t1, 1
	bne $t0, $t1, le_noexec
	lbu $t0, EH_DATA($t9)
	bne $t0, $t1, le_noexec
	lhu $t0, EH_TYPE($t9)
	li $t1, 2
	bne $t0, $t1, le_noexec
	lhu $t0, EH_MACHINE($t9)
	li $t1, 8
	bne $t0, $t1, le_noexec
	lhu $t0, EH_PHENTSIZE($t9)
	li $t1, PH_SIZE
	bne $t0, $t1, le_noexec
	lhu $s3, EH_PHNUM($t9)
	sltiu $t0, $s3, PH_MAX + 1
	beqz $t0, le_noexec
	move $s2, $zero
	move $s4, $zero
le_ph:                              /* for each program header */
	beq $s2, $s3, le_done
	nop
	la $t9, elf_hdr
	lw $a1, EH_PHOFF($t9)
	sll $t0, $s2, 5                 /* index * PH_SIZE */
	addu $a1, $a1, $t0
	move $a0, $s1
	la $a2, elf_ph
	jal fs_read
	li $a3, PH_SIZE
	li $t0, PH_SIZE
	bne $v0, $t0, le_noexec
	addiu $s2, $s2, 1
	la $t9, elf_ph
	lw $t0, PH_TYPE($t9)
	li $t1, 1                       /* PT_LOAD; others are ignored */
	bne $t0, $t1, le_ph
	lw $s5, PH_VADDR($t9)
	lw $t0, PH_FILESZ($t9)
	lw $t1, PH_MEMSZ($t9)
	sltu $t2, $t1, $t0              /* filesz > memsz */
	bnez $t2, le_noexec
	sltiu $t2, $s5, PAGE_SIZE       /* page 0 stays unmapped (null pointers) */
	bnez $t2, le_noexec
	addu $s6, $s5, $t1              /* end */
	sltu $t2, $s6, $s5              /* wrapped */
	bnez $t2, le_noexec
	nop
	li $t3, USER_LOAD_END           /* below the stack area */
	sltu $t2, $t3, $s6
	bnez $t2, le_noexec
	sltu $t2, $s4, $s6
	movn $s4, $s6, $t2              /* highest end */
	lw $t0, PH_OFFSET($t9)
	sw $t0, SLOT(9)($sp)
	lw $t0, PH_FLAGS($t9)
	andi $t0, $t0, 2                /* PF_W: writable, EntryLo.D */
	li $t1, PTE_FLAGS_RO
	li $t2, PTE_FLAGS_RW
	movn $t1, $t2, $t0
	sw $t1, SLOT(11)($sp)
	lw $s7, PH_FILESZ($t9)
	sw $s7, SLOT(10)($sp)           /* (filesz, until the copy) */
	li $t0, -PAGE_SIZE              /* map every page of [vaddr, end) */
	and $s7, $s5, $t0
le_map:
	sltu $t0, $s7, $s6
	beqz $t0, le_copy
	move $a0, $s0
	move $a1, $s7
	jal map_page_once
	lw $a2, SLOT(11)($sp)
	bnez $v0, le_out                /* E_NOMEM */
	nop
	b le_map
	addiu $s7, $s7, PAGE_SIZE
le_copy:                            /* then the file bytes, page by page */
	lw $s7, SLOT(10)($sp)           /* bytes left */
1:	beqz $s7, le_ph
	move $a0, $s0
	move $a1, $s5
	move $a2, $zero
	jal user_addr                   /* kva of vaddr: mapped just above */
	move $a3, $s7
	move $a3, $v1                   /* the bytes on this page */
	move $a2, $v0
	move $a0, $s1
	lw $a1, SLOT(9)($sp)
	addu $t0, $a1, $a3
	sw $t0, SLOT(9)($sp)
	addu $s5, $s5, $a3
	subu $s7, $s7, $a3
	jal fs_read
	sw $a3, SLOT(10)($sp)
	lw $t0, SLOT(10)($sp)
	bne $v0, $t0, le_noexec
	nop
	b 1b
	nop
le_done:
	beqz $s4, le_noexec             /* nothing loaded */
	addiu $s4, $s4, PAGE_SIZE - 1   /* the heap: the next page boundary */
	li $t0, -PAGE_SIZE
	and $s4, $s4, $t0
	sw $s4, P_HEAP($s0)
	sw $s4, P_BRK($s0)
	la $t9, elf_hdr
	b le_out
	lw $v0, EH_ENTRY($t9)
le_noexec:
	li $v0, E_NOEXEC
le_out:
	lw $ra, SLOT(0)($sp)
	lw $s0, SLOT(1)($sp)
	lw $s1, SLOT(2)($sp)
	lw $s2, SLOT(3)($sp)
	lw $s3, SLOT(4)($sp)
	lw $s4, SLOT(5)($sp)
	lw $s5, SLOT(6)($sp)
	lw $s6, SLOT(7)($sp)
	lw $s7, SLOT(8)($sp)
	jr $ra
	addiu $sp, $sp, FRAME_SIZE(12)

/* map_page_once(a0 = proc, a1 = va, a2 = flags) -> 0 or E_NOMEM. A page
 * two segments share is mapped once (writable if either wants it). */
map_page_once:
	addiu $sp, $sp, -FRAME_SIZE(4)
	sw $ra, SLOT(0)($sp)
	sw $s0, SLOT(1)($sp)
	sw $s1, SLOT(2)($sp)
	sw $s2, SLOT(3)($sp)
	move $s0, $a0
	move $s1, $a1
	move $s2, $a2
	lw $a0, P_PGDIR($s0)
	jal pte_find
	move $a2, $zero
	beqz $v0, 1f
	nop
	lw $t0, 0($v0)
	beqz $t0, 1f
	or $t0, $t0, $s2                /* already there: add D if wanted */
	sw $t0, 0($v0)
	b 2f
	move $v0, $zero
1:	move $a0, $s0
	move $a1, $s1
	jal map_zero
	move $a2, $s2
	beqz $v0, 2f
	li $v0, E_NOMEM
	move $v0, $zero
2:	lw $ra, SLOT(0)($sp)
	lw $s0, SLOT(1)($sp)
	lw $s1, SLOT(2)($sp)
	lw $s2, SLOT(3)($sp)
	jr $ra
	addiu $sp, $sp, FRAME_SIZE(4)

	.bss
	.align 4
elf_hdr: .space EH_SIZE
	.align 4
elf_ph:  .space PH_SIZE
