// LINK: both
/* p_pagemask: every legal PageMask (4K .. 16M) maps the even and the odd half
 * of an entry to their own physical pages, for loads and stores at the start,
 * middle and end of each half; one word below the pair and one word past it
 * miss (refill); TLBP finds the entry anywhere inside the pair. The odd page
 * is placed *below* the even one in physical memory, and the 16M entry maps
 * VA 0x04000000 -> PA 0x01000000 (even) and 0x05000000 -> PA 0 (odd). */
#include "harness.h"
#include "p_common.h"
	.set noreorder

#define VBASE 0x04000000
#define IDX   5

	.text
	.globl test_main
test_main:
	p_tlb_flush
	mtc0 $zero, C0_ENTRYHI
	ehb
#define SIZE(s, mask, off0) \
	li $a0, s; li $a1, mask; li $a2, 0x01000000 + 2 * (s); li $a3, 0x01000000; \
	jal check_size; li $v0, off0
	SIZE(0x00001000, PAGEMASK_4K, 0)
	SIZE(0x00004000, PAGEMASK_16K, 0)
	SIZE(0x00010000, PAGEMASK_64K, 0)
	SIZE(0x00040000, PAGEMASK_256K, 0)
	SIZE(0x00100000, PAGEMASK_1M, 0)
	SIZE(0x00400000, PAGEMASK_4M, 0)
	/* 16M: even half PA 16M, odd half PA 0 (avoid the program and stack) */
	li $a0, 0x01000000
	li $a1, PAGEMASK_16M
	li $a2, 0x01000000
	li $a3, 0
	jal check_size
	li $v0, 0x00200000
	p_tlbinval IDX
	TEST_END()

/* check_size(a0 = half size S, a1 = PageMask, a2 = even PA, a3 = odd PA,
 * v0 = first offset to test). */
check_size:
	move $s7, $ra
	move $s0, $a0
	move $s1, $a1
	move $s2, $a2
	move $s3, $a3
	move $s4, $v0
	li $t0, IDX
	mtc0 $t0, C0_INDEX
	li $t0, VBASE                   /* EntryHi = the odd half's address: */
	addu $t0, $t0, $s0              /* bits under the mask do not matter */
	mtc0 $t0, C0_ENTRYHI
	mtc0 $s1, C0_PAGEMASK
	srl $t0, $s2, 12
	sll $t0, $t0, 6
	ori $t0, $t0, (CACHE_CACHEABLE << 3) | P_DVG
	mtc0 $t0, C0_ENTRYLO0
	srl $t0, $s3, 12
	sll $t0, $t0, 6
	ori $t0, $t0, (CACHE_CACHEABLE << 3) | P_DVG
	mtc0 $t0, C0_ENTRYLO1
	ehb
	tlbwi
	ehb
	mtc0 $zero, C0_PAGEMASK
	mtc0 $zero, C0_ENTRYHI
	ehb
	/* read it back: PageMask as written */
	tlbr
	ehb
	mfc0 $t0, C0_PAGEMASK
	CHECK_REG($t0, $s1)
	mtc0 $zero, C0_PAGEMASK
	mtc0 $zero, C0_ENTRYHI
	ehb

	P_CLEAR_EXC()
	bal one_off
	move $a0, $s4
	bal one_off
	srl $a0, $s0, 1
	bal one_off
	addiu $a0, $s0, -4
	CHECK_NEXC(0)

	/* just outside the pair: refill */
	P_CLEAR_EXC()
	li $t5, VBASE - 4
	lw $t1, 0($t5)
	CHECK_EXC(EXC_TLBL)
	CHECK_WORD(rt_exc_vector, VEC_REFILL)
	CHECK_WORD(rt_exc_badvaddr, VBASE - 4)
	P_CLEAR_EXC()
	li $t5, VBASE
	addu $t5, $t5, $s0
	addu $t5, $t5, $s0              /* VBASE + 2S */
	sw $t1, 0($t5)
	CHECK_EXC(EXC_TLBS)
	CHECK_WORD(rt_exc_vector, VEC_REFILL)
	lw $t0, rt_exc_badvaddr
	CHECK_REG($t0, $t5)

	/* TLBP: the last VPN2 inside the pair hits, VBASE + 2S misses */
	addiu $t0, $t5, -0x2000
	mtc0 $t0, C0_ENTRYHI
	ehb
	tlbp
	ehb
	mfc0 $t0, C0_INDEX
	CHECK_EQ($t0, IDX)
	mtc0 $t5, C0_ENTRYHI
	ehb
	tlbp
	ehb
	mfc0 $t0, C0_INDEX
	srl $t0, $t0, 31
	CHECK_EQ($t0, 1)
	mtc0 $zero, C0_ENTRYHI
	ehb
	jr $s7
	nop

/* one_off(a0 = offset in a half): markers through kseg0, loads and stores
 * through the mapping, for both halves. Uses s0..s3; clobbers t0..t8. */
one_off:
	li $t0, 0x80000000
	addu $t1, $s2, $a0
	or $t1, $t1, $t0                /* even half, kseg0 */
	addu $t2, $s3, $a0
	or $t2, $t2, $t0                /* odd half, kseg0 */
	li $t3, 0x11000000
	xor $t3, $t3, $a0
	sw $t3, 0($t1)
	li $t4, 0x22000000
	xor $t4, $t4, $a0
	sw $t4, 0($t2)
	li $t5, VBASE
	addu $t5, $t5, $a0              /* even VA */
	addu $t6, $t5, $s0              /* odd VA */
	lw $t7, 0($t5)
	CHECK_REG($t7, $t3)
	lw $t7, 0($t6)
	CHECK_REG($t7, $t4)
	li $t7, 0x33000000
	xor $t7, $t7, $a0
	sw $t7, 0($t5)
	lw $t8, 0($t1)
	CHECK_REG($t8, $t7)
	li $t7, 0x44000000
	xor $t7, $t7, $a0
	sw $t7, 0($t6)
	lw $t8, 0($t2)
	CHECK_REG($t8, $t7)
	jr $ra
	nop
