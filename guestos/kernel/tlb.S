/*
 * tlb.S - keeping the TLB coherent with the page tables.
 *
 * The refill handler (vectors.S) copies PTEs into the TLB; when the kernel
 * changes a PTE afterwards, the TLB may still hold the old copy:
 *   tlb_update(proc, va)   after mapping a page: rewrite the entry for va's
 *                          even/odd pair if the TLB has one (TLBP, TLBWI)
 *   tlb_flush_asid(asid)   when an address space dies: invalidate every
 *                          non-wired entry tagged with its ASID, so the slot's
 *                          next process cannot see its pages
 * Both leave EntryHi.ASID = cur_asid, which the running process needs.
 * An entry is invalidated MIPS-style: EntryLo0/1 = 0 and EntryHi = a unique
 * kseg0 address, which no mapped access can ever match.
 */
#include "kernel.h"

	.set noreorder
	.text

/* tlb_init(): read the TLB size from Config1.MMUSize (bits 30..25, size-1). */
	.globl tlb_init
tlb_init:
	mfc0 $t0, C0_CONFIG1
	srl $t0, $t0, 25
	andi $t0, $t0, 0x3f
	addiu $t0, $t0, 1
	sw $t0, tlb_size
	jr $ra
	nop

/* tlb_update(a0 = proc, a1 = va). Leaf-like: calls pte_find. */
	.globl tlb_update
tlb_update:
	addiu $sp, $sp, -FRAME_SIZE(3)
	sw $ra, SLOT(0)($sp)
	sw $s0, SLOT(1)($sp)
	sw $s1, SLOT(2)($sp)
	move $s0, $a0
	li $t0, ENTRYHI_VPN2
	and $s1, $a1, $t0               /* the pair's VPN2 */
	lw $t1, P_ASID($s0)
	or $t1, $s1, $t1
	mtc0 $t1, C0_ENTRYHI
	tlbp                            /* Index = the matching entry, or P set */
	mfc0 $t0, C0_INDEX
	bltz $t0, 1f                    /* Index.P (bit 31): not in the TLB */
	nop
	lw $a0, P_PGDIR($s0)
	move $a1, $s1
	jal pte_find
	move $a2, $zero
	lw $t0, 0($v0)                  /* the even and odd PTEs */
	lw $t1, 4($v0)
	mtc0 $t0, C0_ENTRYLO0
	mtc0 $t1, C0_ENTRYLO1
	tlbwi                           /* same Index, EntryHi still the pair */
1:	lw $t0, cur_asid
	mtc0 $t0, C0_ENTRYHI
	lw $ra, SLOT(0)($sp)
	lw $s0, SLOT(1)($sp)
	lw $s1, SLOT(2)($sp)
	jr $ra
	addiu $sp, $sp, FRAME_SIZE(3)

/* tlb_flush_asid(a0 = asid). Leaf. Reads every entry from Wired up. */
	.globl tlb_flush_asid
tlb_flush_asid:
	mfc0 $t0, C0_WIRED
	lw $t1, tlb_size
	li $t4, 0x80000000              /* kseg0: unmapped, so never matched */
1:	beq $t0, $t1, 3f
	nop
	mtc0 $t0, C0_INDEX
	tlbr
	mfc0 $t2, C0_ENTRYHI
	andi $t2, $t2, ENTRYHI_ASID
	bne $t2, $a0, 2f
	nop
	mfc0 $t2, C0_ENTRYLO0           /* global entries match every ASID: */
	andi $t2, $t2, ENTRYLO_G        /*  ours never are, but be exact     */
	bnez $t2, 2f
	sll $t3, $t0, 13                /* one distinct VPN2 per index */
	addu $t3, $t3, $t4
	mtc0 $t3, C0_ENTRYHI
	mtc0 $zero, C0_ENTRYLO0
	mtc0 $zero, C0_ENTRYLO1
	tlbwi
2:	b 1b
	addiu $t0, $t0, 1
3:	lw $t0, cur_asid
	mtc0 $t0, C0_ENTRYHI
	jr $ra
	nop

	.data
	.globl tlb_size, cur_asid
tlb_size: .word 0
cur_asid: .word 0           /* the ASID in EntryHi (trap_return keeps it) */
