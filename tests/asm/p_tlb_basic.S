// LINK: both
/* p_tlb_basic: TLBWI/TLBR round trip of every field (G = EntryLo0.G AND
 * EntryLo1.G, read back in both; VPN2 masked by PageMask, per tlb.h), TLBP
 * hit index / miss sets Index.P (ASID and G rules), TLBWR writes at Random,
 * and Random stays in [Wired, N-1]: one step down per cycle, wrapping. */
#include "harness.h"
#include "p_common.h"
	.set noreorder

	.text

/* read entry idx into $s0..$s3 = EntryHi, PageMask, EntryLo0, EntryLo1 */
#define TLBREAD(idx) li $t0, idx; mtc0 $t0, C0_INDEX; ehb; tlbr; ehb; \
	mfc0 $s0, C0_ENTRYHI; mfc0 $s1, C0_PAGEMASK; mfc0 $s2, C0_ENTRYLO0; mfc0 $s3, C0_ENTRYLO1

/* probe EntryHi = hi; result Index in $s0 */
#define PROBE(hi) li $t0, hi; mtc0 $t0, C0_ENTRYHI; ehb; tlbp; ehb; mfc0 $s0, C0_INDEX

	.globl test_main
test_main:
	p_tlb_flush
	mtc0 $zero, C0_ENTRYHI
	ehb

	/* ---- round trip, 4K page, G in both halves ---- */
	p_tlbwi 10, 0x12346000 | 0x5a, PAGEMASK_4K, 0x03ffffff, 0x02aaaaab
	TLBREAD(10)
	CHECK_EQ($s0, 0x1234605a)
	CHECK_EQ($s1, 0)
	CHECK_EQ($s2, 0x03ffffff)
	CHECK_EQ($s3, 0x02aaaaab)

	/* ---- G only in EntryLo0: the entry is not global, TLBR shows G = 0 ---- */
	p_tlbwi 11, 0x7fffe000 | 0xff, PAGEMASK_4K, 0x03ffffff, 0x01555556
	TLBREAD(11)
	CHECK_EQ($s0, 0x7fffe0ff)
	CHECK_EQ($s2, 0x03fffffe)
	CHECK_EQ($s3, 0x01555556)
	/* G only in EntryLo1 */
	p_tlbwi 12, 0x00002000 | 0x01, PAGEMASK_4K, 0x00000040, 0x00000047
	TLBREAD(12)
	CHECK_EQ($s0, 0x00002001)
	CHECK_EQ($s2, 0x00000040)
	CHECK_EQ($s3, 0x00000046)

	/* ---- PageMask round trip; VPN2 bits under the mask read back 0 ---- */
	p_tlbwi 13, 0x22346000 | 0x11, PAGEMASK_16K, P_LO(0x00104000, 3, 7), P_LO(0x00108000, 2, 3)
	TLBREAD(13)
	CHECK_EQ($s1, PAGEMASK_16K)
	CHECK_EQ($s0, 0x22340011)
	CHECK_EQ($s2, P_LO(0x00104000, 3, 7))
	CHECK_EQ($s3, P_LO(0x00108000, 2, 3))
	p_tlbwi 14, 0x5fffe000 | 0x22, PAGEMASK_16M, P_LO(0x01000000, 3, 7), P_LO(0x00000000, 3, 7)
	TLBREAD(14)
	CHECK_EQ($s1, PAGEMASK_16M)
	CHECK_EQ($s0, 0x5e000022)
	CHECK_EQ($s2, P_LO(0x01000000, 3, 7))
	CHECK_EQ($s3, P_LO(0x00000000, 3, 7))
	/* TLBR of entry 0 loads the firmware's PageMask too */
	TLBREAD(0)
	CHECK_EQ($s1, PAGEMASK_4M)
	mtc0 $zero, C0_PAGEMASK
	mtc0 $zero, C0_ENTRYHI
	ehb

	/* ---- TLBP ---- */
	PROBE(0x1234605a)               /* entry 10, same ASID */
	CHECK_EQ($s0, 10)
	PROBE(0x1234605b)               /* other ASID: entry 10 is global (G in both) */
	CHECK_EQ($s0, 10)
	PROBE(0x7fffe0ff)               /* entry 11 */
	CHECK_EQ($s0, 11)
	PROBE(0x7fffe000)               /* entry 11 is not global: miss */
	srl $s0, $s0, 31
	CHECK_EQ($s0, 1)
	PROBE(0x22344011)               /* entry 13 (16K pages): VPN2 bit 14 ignored */
	CHECK_EQ($s0, 13)
	PROBE(0x22346011)
	CHECK_EQ($s0, 13)
	PROBE(0x22348011)               /* just past entry 13: miss */
	srl $s0, $s0, 31
	CHECK_EQ($s0, 1)
	PROBE(0x5f00a022)               /* entry 14 (16M pages) */
	CHECK_EQ($s0, 14)
	PROBE(0xC0002077)               /* firmware entry 0: global, any ASID */
	CHECK_EQ($s0, 0)
	PROBE(0xDF00E0ff)               /* firmware entry 1 (64K pages) */
	CHECK_EQ($s0, 1)
	PROBE(0xDF010000)               /* its odd half (V = 0): TLBP ignores V */
	CHECK_EQ($s0, 1)
	PROBE(0xDF020000)               /* past the pair (odd half 0xDF010000 still matches) */
	srl $s0, $s0, 31
	CHECK_EQ($s0, 1)
	/* a hit after a miss clears P */
	PROBE(0x1234605a)
	CHECK_EQ($s0, 10)
	/* global entry: write one and probe it with another ASID */
	p_tlbwi 15, 0x00400000 | 0x33, PAGEMASK_4K, P_LO(0x00200000, 3, 7), P_LO(0x00201000, 3, 7)
	PROBE(0x00400044)
	CHECK_EQ($s0, 15)
	TLBREAD(15)
	CHECK_EQ($s0, 0x00400033)       /* TLBR gives the stored ASID */
	mtc0 $zero, C0_ENTRYHI
	ehb

	/* ---- Random: one step down per cycle, wrapping from Wired to N-1 ---- */
	li $a0, 2
	jal random_sample
	li $a1, 400
	li $t0, 5                       /* Wired = 5: Random never below 5 */
	mtc0 $t0, C0_WIRED
	mfc0 $t1, C0_RANDOM             /* writing Wired resets Random to N-1 */
	P_CHECK_RANGE($t1, 30, 31)
	li $a0, 5
	jal random_sample
	li $a1, 400
	li $t0, 31                      /* Wired = N-1: Random is always N-1 */
	mtc0 $t0, C0_WIRED
	li $a0, 31
	jal random_sample
	li $a1, 50
	li $t0, 2
	mtc0 $t0, C0_WIRED
	mfc0 $t1, C0_RANDOM
	P_CHECK_RANGE($t1, 30, 31)

	/* ---- TLBWR writes the entry Random selects, never below Wired ---- */
	li $t0, 5
	mtc0 $t0, C0_WIRED
	ehb
	li $s4, 0                       /* iteration */
	li $s5, 0                       /* bitmask of indices written */
	mtc0 $zero, C0_PAGEMASK
	mtc0 $zero, C0_ENTRYLO0
	mtc0 $zero, C0_ENTRYLO1
1:	sll $s6, $s4, 13
	li $t0, 0x10000000
	addu $s6, $s6, $t0              /* a fresh VPN2 each time */
	mtc0 $s6, C0_ENTRYHI
	ehb
	jal rnd_delay                   /* vary the phase of Random */
	nop
	mfc0 $t1, C0_RANDOM
	tlbwr                           /* uses Random one cycle later */
	ehb
	tlbp
	ehb
	mfc0 $s0, C0_INDEX
	P_CHECK_RANGE($s0, 5, 31)
	addiu $t3, $t1, -1              /* expected: t1 - 1, or N-1 after Wired */
	li $t4, 5
	bne $t1, $t4, 2f
	nop
	li $t3, 31
2:	CHECK_REG($s0, $t3)
	li $t0, 1
	sllv $t0, $t0, $s0
	or $s5, $s5, $t0
	addiu $s4, $s4, 1
	slti $t0, $s4, 64
	bnez $t0, 1b
	nop
	andi $t0, $s5, 0x1f             /* never 0..4 */
	CHECK_EQ($t0, 0)
	li $t1, 0                       /* at least 8 different entries used */
3:	andi $t0, $s5, 1
	addu $t1, $t1, $t0
	srl $s5, $s5, 1
	bnez $s5, 3b
	nop
	sltiu $t1, $t1, 8
	CHECK_EQ($t1, 0)
	/* entries below Wired are intact */
	TLBREAD(0)
	CHECK_EQ($s0, 0xC0000000)
	TLBREAD(1)
	CHECK_EQ($s0, 0xDF000000)
	TLBREAD(4)
	CHECK_EQ($s0, P_FLUSH_BASE + (4 << 13))

	li $t0, 2
	mtc0 $t0, C0_WIRED
	mtc0 $zero, C0_PAGEMASK
	mtc0 $zero, C0_ENTRYHI
	ehb
	p_tlb_flush
	TEST_END()

/* rnd_delay: waits 0..31 single cycles (a nop sled), the number drawn from
 * a fixed LCG so the phase of Random relative to the loop varies.
 * Clobbers t5, t6, t7. */
rnd_delay:
	lw $t6, lcg_state
	li $t7, 1103515245
	mul $t6, $t6, $t7
	addiu $t6, $t6, 12345
	.set noat
	lui $at, %hi(lcg_state)
	sw $t6, %lo(lcg_state)($at)
	.set at
	srl $t6, $t6, 27
	sll $t6, $t6, 2
	la $t5, 9f
	subu $t5, $t5, $t6
	jr $t5
	nop
	.rept 31
	nop
	.endr
9:	jr $ra
	nop

/* random_sample(a0 = Wired, a1 = samples): every sample is in [Wired, 31];
 * two back-to-back reads differ by one step; the smallest sample is Wired
 * and the largest 31. Clobbers s0..s3, t0..t7, t9. */
random_sample:
	move $s3, $ra
	.set noat
	lui $at, %hi(random_wired)
	sw $a0, %lo(random_wired)($at)
	.set at
	move $s0, $a1
	li $s1, 99                      /* min */
	li $s2, 0                       /* max */
1:	jal rnd_delay
	nop
	mfc0 $t1, C0_RANDOM
	mfc0 $t2, C0_RANDOM
	lw $t0, random_wired
	sltu $t3, $t1, $t0              /* t1 < Wired? */
	CHECK_EQ($t3, 0)
	sltiu $t3, $t1, 32
	CHECK_EQ($t3, 1)
	addiu $t3, $t1, -1
	bne $t1, $t0, 2f
	nop
	li $t3, 31
2:	CHECK_REG($t2, $t3)
	sltu $t3, $t1, $s1
	movn $s1, $t1, $t3
	sltu $t3, $s2, $t1
	movn $s2, $t1, $t3
	addiu $s0, $s0, -1
	bnez $s0, 1b
	nop
	lw $t0, random_wired
	CHECK_REG($s1, $t0)
	CHECK_EQ($s2, 31)
	jr $s3
	nop

	.data
	.align 2
random_wired: .word 0
lcg_state: .word 12345
