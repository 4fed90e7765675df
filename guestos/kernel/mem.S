/*
 * mem.S - physical page frames, per-process page tables, and the kernel's
 * safe access to user memory.
 *
 * Frames. Every 4 KiB frame between the end of the kernel image and the
 * end of the sseg window (KVA_LIMIT, or RAM if smaller) is on a free list
 * threaded through the frames' first words. Frames are named by kernel VA;
 * a frame's physical address is kva - KVA_BASE.
 *   frames_init(first, limit), frame_alloc() -> zeroed kva or 0, frame_free(kva)
 *
 * Page tables (kernel.h: directory of 1024 words -> page tables of 1024
 * EntryLo-format PTEs). The refill handler (vectors.S) reads them directly.
 *   pte_find(pgdir, va, create) -> address of va's PTE, or 0
 *   user_free(pgdir)            frees every frame of an address space
 *
 * User memory from the kernel. The kernel never dereferences a user
 * address: it runs with EXL = 1, where a TLB miss would not be a refill
 * (MIPS32 sends it to the general vector without updating EPC). Instead it
 * translates with its own page tables and uses the frame's kernel address:
 *   user_addr(proc, uva, write) -> kva of that byte, or 0 (not valid)
 *   copyout(uva, kva, n), copyin(kva, uva, n) -> 0 or E_FAULT
 *   copyinstr(kva, uva, max) -> length or E_FAULT / E_INVAL (too long)
 *
 * Demand zero. The heap [P_HEAP, P_BRK) and the stack area below
 * USER_STACK_TOP have no frames until touched. The first touch misses in
 * the TLB; the refill finds no PTE and writes an invalid entry; the access
 * retries and raises TLB invalid (TLBL/TLBS) on the general vector, and
 * vm_fault() allocates a zeroed frame, maps it, and fixes the TLB entry.
 */
#include "kernel.h"

	.set noreorder
	.text

/* frames_init(a0 = first kva, a1 = limit kva). Leaf. Frames are pushed
 * from the top down so that they are handed out in ascending order. */
	.globl frames_init
frames_init:
	move $t0, $a1
	move $t2, $zero                 /* count */
	lw $t3, free_list
1:	addiu $t0, $t0, -PAGE_SIZE
	sltu $t1, $t0, $a0
	bnez $t1, 2f
	nop
	sw $t3, 0($t0)
	move $t3, $t0
	b 1b
	addiu $t2, $t2, 1
2:	sw $t3, free_list
	sw $t2, frames_free
	sw $t2, frames_total
	jr $ra
	nop

/* frame_alloc() -> v0 = kva of a zero-filled frame, or 0 if none is left. */
	.globl frame_alloc
frame_alloc:
	lw $v0, free_list
	beqz $v0, 2f
	nop
	lw $t0, 0($v0)
	sw $t0, free_list
	lw $t0, frames_free
	addiu $t0, $t0, -1
	sw $t0, frames_free
	addiu $t1, $v0, PAGE_SIZE
	move $t0, $v0
1:	sw $zero, 0($t0)                /* zero it: 4 words per step */
	sw $zero, 4($t0)
	sw $zero, 8($t0)
	addiu $t0, $t0, 16
	bne $t0, $t1, 1b
	sw $zero, -4($t0)
2:	jr $ra
	nop

/* frame_free(a0 = kva). Leaf. */
	.globl frame_free
frame_free:
	lw $t0, free_list
	sw $t0, 0($a0)
	sw $a0, free_list
	lw $t0, frames_free
	addiu $t0, $t0, 1
	sw $t0, frames_free
	jr $ra
	nop

/* pte_find(a0 = pgdir, a1 = va, a2 = create) -> v0 = kva of the PTE, or 0
 * if va's page table does not exist (and create = 0, or no frame). */
	.globl pte_find
pte_find:
	addiu $sp, $sp, -FRAME_SIZE(3)
	sw $ra, SLOT(0)($sp)
	sw $s0, SLOT(1)($sp)
	sw $s1, SLOT(2)($sp)
	srl $t0, $a1, PDX_SHIFT
	sll $t0, $t0, 2
	addu $s0, $a0, $t0              /* the directory entry */
	move $s1, $a1
	lw $v0, 0($s0)
	bnez $v0, 1f
	nop
	beqz $a2, 2f                    /* no table, none wanted: v0 = 0 */
	nop
	jal frame_alloc
	nop
	beqz $v0, 2f
	nop
	sw $v0, 0($s0)                  /* a new, empty page table */
1:	srl $t0, $s1, PAGE_SHIFT - 2
	andi $t0, $t0, 0xffc            /* 4 * (VA bits 21..12) */
	addu $v0, $v0, $t0
2:	lw $ra, SLOT(0)($sp)
	lw $s0, SLOT(1)($sp)
	lw $s1, SLOT(2)($sp)
	jr $ra
	addiu $sp, $sp, FRAME_SIZE(3)

/* map_zero(a0 = proc, a1 = va, a2 = PTE flags) -> v0 = kva of a new zeroed
 * frame mapped at va's page, or 0 if no frame (nothing changed then). */
	.globl map_zero
map_zero:
	addiu $sp, $sp, -FRAME_SIZE(5)
	sw $ra, SLOT(0)($sp)
	sw $s0, SLOT(1)($sp)
	sw $s1, SLOT(2)($sp)
	sw $s2, SLOT(3)($sp)
	move $s0, $a0
	move $s1, $a1
	jal frame_alloc                 /* the frame first: an empty page table */
	move $s2, $a2                   /*  left behind is harmless             */
	beqz $v0, 1f
	nop
	sw $v0, SLOT(4)($sp)            /* the frame */
	lw $a0, P_PGDIR($s0)
	move $a1, $s1
	jal pte_find
	li $a2, 1
	lw $t0, SLOT(4)($sp)
	bnez $v0, 2f
	nop
	jal frame_free                  /* no frame for the page table */
	move $a0, $t0
	b 1f
	move $v0, $zero
2:	li $t1, KVA_BASE                /* PTE = PFN << 6 | flags */
	subu $t1, $t0, $t1
	srl $t1, $t1, PAGE_SHIFT
	sll $t1, $t1, ENTRYLO_PFN_SHIFT
	or $t1, $t1, $s2
	sw $t1, 0($v0)
	move $v0, $t0
1:	lw $ra, SLOT(0)($sp)
	lw $s0, SLOT(1)($sp)
	lw $s1, SLOT(2)($sp)
	lw $s2, SLOT(3)($sp)
	jr $ra
	addiu $sp, $sp, FRAME_SIZE(5)

/* user_free(a0 = pgdir): free every mapped frame, every page table, and
 * the directory. */
	.globl user_free
user_free:
	addiu $sp, $sp, -FRAME_SIZE(6)
	sw $ra, SLOT(0)($sp)
	sw $s0, SLOT(1)($sp)
	sw $s1, SLOT(2)($sp)
	sw $s2, SLOT(3)($sp)
	move $s0, $a0                   /* directory entry pointer */
	addiu $s2, $a0, 2048            /* the useg half of the directory */
uf_dir:
	lw $s1, 0($s0)                  /* a page table, or 0 */
	beqz $s1, uf_next
	nop
	sw $s1, SLOT(4)($sp)
	addiu $t0, $s1, PAGE_SIZE
	sw $t0, SLOT(5)($sp)
uf_pte:
	lw $t0, 0($s1)
	beqz $t0, 1f
	srl $t0, $t0, ENTRYLO_PFN_SHIFT /* PFN -> kva */
	sll $a0, $t0, PAGE_SHIFT
	li $t1, KVA_BASE
	addu $a0, $a0, $t1
	jal frame_free
	nop
1:	lw $t0, SLOT(5)($sp)
	addiu $s1, $s1, 4
	bne $s1, $t0, uf_pte
	nop
	jal frame_free                  /* the page table itself */
	lw $a0, SLOT(4)($sp)
uf_next:
	addiu $s0, $s0, 4
	bne $s0, $s2, uf_dir
	nop
	jal frame_free                  /* the directory */
	addiu $a0, $s2, -2048
	lw $ra, SLOT(0)($sp)
	lw $s0, SLOT(1)($sp)
	lw $s1, SLOT(2)($sp)
	lw $s2, SLOT(3)($sp)
	jr $ra
	addiu $sp, $sp, FRAME_SIZE(6)

/* demand_ok(a0 = proc, a1 = uva) -> v0 = 1 if uva is in a demand-zero
 * area (the heap below the break, or the stack area). Leaf. */
demand_ok:
	lw $t0, P_HEAP($a0)
	lw $t1, P_BRK($a0)
	sltu $t2, $a1, $t0
	bnez $t2, 1f
	sltu $t2, $a1, $t1
	bnez $t2, 2f
	nop
1:	li $t0, USER_STACK_TOP - USER_STACK_MAX
	sltu $t2, $a1, $t0
	bnez $t2, 3f
	nop
	li $t0, USER_STACK_TOP
	sltu $t2, $a1, $t0
	bnez $t2, 2f
	nop
3:	jr $ra
	move $v0, $zero
2:	jr $ra
	li $v0, 1

/* user_addr(a0 = proc, a1 = uva, a2 = write, a3 = len) -> v0 = kva of
 * the byte at uva, or 0 if the process may not access it that way;
 * v1 = how many of the len bytes from uva lie on uva's page, which is what
 * the kernel may touch through v0 (the next page's frame is elsewhere).
 * A page of a demand-zero area is created here if needed (0 too if no
 * frame). Every walk over a user buffer goes page by page through this. */
	.globl user_addr
user_addr:
	addiu $sp, $sp, -FRAME_SIZE(5)
	sw $ra, SLOT(0)($sp)
	sw $s0, SLOT(1)($sp)
	sw $s1, SLOT(2)($sp)
	sw $s2, SLOT(3)($sp)
	sw $a3, SLOT(4)($sp)
	move $s0, $a0
	move $s1, $a1
	bltz $a1, ua_no                 /* not useg */
	move $s2, $a2
	lw $a0, P_PGDIR($s0)
	jal pte_find
	move $a2, $zero
	beqz $v0, ua_new
	nop
	lw $t0, 0($v0)
	andi $t1, $t0, ENTRYLO_V
	beqz $t1, ua_new
	andi $t1, $t0, ENTRYLO_D
	bnez $s2, 1f                    /* a write needs D */
	nop
	li $t1, 1
1:	beqz $t1, ua_no
	srl $t0, $t0, ENTRYLO_PFN_SHIFT
	sll $v0, $t0, PAGE_SHIFT
	li $t2, KVA_BASE
	addu $v0, $v0, $t2
	andi $t1, $s1, PAGE_SIZE - 1
	b ua_out
	addu $v0, $v0, $t1
ua_new:
	move $a0, $s0
	jal demand_ok
	move $a1, $s1
	beqz $v0, ua_no
	move $a0, $s0
	move $a1, $s1
	jal map_zero
	li $a2, PTE_FLAGS_RW
	beqz $v0, ua_out
	andi $t1, $s1, PAGE_SIZE - 1
	b ua_out
	addu $v0, $v0, $t1
ua_no:
	move $v0, $zero
ua_out:
	andi $t0, $s1, PAGE_SIZE - 1    /* v1 = min(len, bytes to the page end) */
	li $v1, PAGE_SIZE
	subu $v1, $v1, $t0
	lw $t0, SLOT(4)($sp)
	sltu $t1, $t0, $v1
	movn $v1, $t0, $t1
	lw $ra, SLOT(0)($sp)
	lw $s0, SLOT(1)($sp)
	lw $s1, SLOT(2)($sp)
	lw $s2, SLOT(3)($sp)
	jr $ra
	addiu $sp, $sp, FRAME_SIZE(5)

/* copy(a0 = uva, a1 = kva, a2 = n, a3 = direction: 1 out, 0 in) -> 0 or
 * E_FAULT. One page at a time, through user_addr. */
	.globl copyout, copyin
copyout:
	b copy
	li $a3, 1
copyin:                             /* copyin(kva, uva, n): swap to (uva, kva) */
	move $t0, $a0
	move $a0, $a1
	move $a1, $t0
	move $a3, $zero
copy:
	addiu $sp, $sp, -FRAME_SIZE(5)
	sw $ra, SLOT(0)($sp)
	sw $s0, SLOT(1)($sp)
	sw $s1, SLOT(2)($sp)
	sw $s2, SLOT(3)($sp)
	sw $s3, SLOT(4)($sp)
	move $s0, $a0                   /* user address */
	move $s1, $a1                   /* kernel address */
	move $s2, $a2                   /* bytes left */
	move $s3, $a3
cp_page:
	beqz $s2, cp_done
	nop
	lw $a0, current
	move $a1, $s0
	move $a2, $s3
	jal user_addr
	move $a3, $s2
	beqz $v0, cp_fault
	move $t0, $v1                   /* bytes on this page */
	addu $s0, $s0, $t0
	subu $s2, $s2, $t0
1:	beqz $s3, 2f                    /* copy t0 bytes between v0 (user) and s1 */
	lbu $t1, 0($v0)
	lbu $t1, 0($s1)                 /* out: kernel -> user */
	sb $t1, 0($v0)
	b 3f
	nop
2:	sb $t1, 0($s1)                  /* in: user -> kernel */
3:	addiu $v0, $v0, 1
	addiu $t0, $t0, -1
	bnez $t0, 1b
	addiu $s1, $s1, 1
	b cp_page
	nop
cp_fault:
	b cp_out
	li $v0, E_FAULT
cp_done:
	move $v0, $zero
cp_out:
	lw $ra, SLOT(0)($sp)
	lw $s0, SLOT(1)($sp)
	lw $s1, SLOT(2)($sp)
	lw $s2, SLOT(3)($sp)
	lw $s3, SLOT(4)($sp)
	jr $ra
	addiu $sp, $sp, FRAME_SIZE(5)

/* copyinstr(a0 = kva, a1 = uva, a2 = max bytes incl. NUL) -> v0 = length
 * (NUL not counted), E_FAULT, or E_INVAL if no NUL within max. */
	.globl copyinstr
copyinstr:
	addiu $sp, $sp, -FRAME_SIZE(5)
	sw $ra, SLOT(0)($sp)
	sw $s0, SLOT(1)($sp)
	sw $s1, SLOT(2)($sp)
	sw $s2, SLOT(3)($sp)
	sw $s3, SLOT(4)($sp)
	move $s0, $a0
	move $s1, $a1
	move $s2, $a2
	move $s3, $zero                 /* length so far */
1:	beq $s3, $s2, 3f
	nop
	lw $a0, current
	addu $a1, $s1, $s3
	move $a2, $zero
	jal user_addr                   /* per byte: simple, and strings are short */
	li $a3, 1
	beqz $v0, 4f
	nop
	lbu $t0, 0($v0)
	addu $t1, $s0, $s3
	sb $t0, 0($t1)
	bnez $t0, 1b
	addiu $s3, $s3, 1
	b 5f
	addiu $v0, $s3, -1
3:	b 5f
	li $v0, E_INVAL
4:	li $v0, E_FAULT
5:	lw $ra, SLOT(0)($sp)
	lw $s0, SLOT(1)($sp)
	lw $s1, SLOT(2)($sp)
	lw $s2, SLOT(3)($sp)
	lw $s3, SLOT(4)($sp)
	jr $ra
	addiu $sp, $sp, FRAME_SIZE(5)

/* vm_fault(a0 = proc, a1 = BadVAddr) -> v0 = 0 handled (retry the access),
 * 1 not a page the process may have (kill it), 2 no free frame. */
	.globl vm_fault
vm_fault:
	addiu $sp, $sp, -FRAME_SIZE(3)
	sw $ra, SLOT(0)($sp)
	sw $s0, SLOT(1)($sp)
	sw $s1, SLOT(2)($sp)
	move $s0, $a0
	jal demand_ok
	move $s1, $a1
	beqz $v0, 2f
	li $v0, 1
	lw $a0, P_PGDIR($s0)            /* already mapped (by a system call)? */
	move $a1, $s1
	jal pte_find
	move $a2, $zero
	beqz $v0, 1f
	nop
	lw $t0, 0($v0)
	bnez $t0, 3f
	nop
1:	move $a0, $s0
	move $a1, $s1
	jal map_zero
	li $a2, PTE_FLAGS_RW
	beqz $v0, 2f
	li $v0, 2
3:	move $a0, $s0
	jal tlb_update                  /* replace the invalid TLB entry */
	move $a1, $s1
	move $v0, $zero
2:	lw $ra, SLOT(0)($sp)
	lw $s0, SLOT(1)($sp)
	lw $s1, SLOT(2)($sp)
	jr $ra
	addiu $sp, $sp, FRAME_SIZE(3)

	.data
	.globl frames_free, frames_total
free_list:    .word 0
frames_free:  .word 0
frames_total: .word 0
