// LINK: both
/* p_tlb_coherence: whatever the simulator caches of translations must be
 * invisible (DESIGN.md section 3). Two entries for one VPN2 with different
 * ASIDs (not a duplicate: ASIDs differ, not global) are selected by EntryHi's
 * ASID; rewriting an entry (PFN, D, V, VPN2) takes effect at once for loads,
 * stores and instruction fetches. */
#include "harness.h"
#include "p_common.h"
	.set noreorder

#define VA    0x00600000
#define VCODE 0x00700000
#define PA_A  0x00100000
#define PA_B  0x00101000
#define PA_C  0x00102000
#define SETASID(a) li $t0, a; mtc0 $t0, C0_ENTRYHI; ehb
#define LO(pa, f) P_LO(pa, CACHE_CACHEABLE, f)
#define DV (ENTRYLO_D | ENTRYLO_V)

	.text
/* two code pages: each returns its number in $v0 */
	.balign 4096
code_a:
	jr $ra
	li $v0, 0xa
	.balign 4096
code_b:
	jr $ra
	li $v0, 0xb
	.balign 4096

	.globl test_main
test_main:
	p_tlb_flush
	li $t3, 0x80000000 | PA_A
	li $t0, 0xaaaaaaaa
	sw $t0, 0($t3)
	li $t0, 0xbbbbbbbb
	sw $t0, 0x1000($t3)
	li $t0, 0xcccccccc
	sw $t0, 0x2000($t3)
	p_tlbwi 5, VA | 5, PAGEMASK_4K, LO(PA_A, DV), 0
	p_tlbwi 6, VA | 6, PAGEMASK_4K, LO(PA_B, DV), 0

	/* ---- the ASID selects the entry ---- */
	P_CLEAR_EXC()
	li $s0, VA
	SETASID(5)
	lw $t1, 0($s0)
	CHECK_EQ($t1, 0xaaaaaaaa)
	SETASID(6)
	lw $t1, 0($s0)
	CHECK_EQ($t1, 0xbbbbbbbb)
	SETASID(5)
	lw $t1, 0($s0)
	CHECK_EQ($t1, 0xaaaaaaaa)
	SETASID(6)
	li $t0, 0x66666666
	sw $t0, 4($s0)                  /* into PA_B */
	SETASID(5)
	lw $t1, 4($s0)
	CHECK_EQ($t1, 0)
	li $t3, 0x80000000 | PA_B
	lw $t1, 4($t3)
	CHECK_EQ($t1, 0x66666666)
	CHECK_NEXC(0)
	li $t0, VA | 6                  /* TLBP uses the ASID too */
	mtc0 $t0, C0_ENTRYHI
	ehb
	tlbp
	ehb
	mfc0 $t0, C0_INDEX
	CHECK_EQ($t0, 6)
	SETASID(7)                      /* neither */
	lw $t1, 0($s0)
	CHECK_EXC(EXC_TLBL)
	CHECK_WORD(rt_exc_vector, VEC_REFILL)

	/* ---- rewriting an entry takes effect at once ---- */
	SETASID(5)
	lw $t1, 0($s0)                  /* warm whatever cache there is */
	p_tlbwi 5, VA | 5, PAGEMASK_4K, LO(PA_C, DV), 0
	lw $t1, 0($s0)                  /* new PFN */
	CHECK_EQ($t1, 0xcccccccc)
	sw $t1, 8($s0)                  /* D = 1: fine */
	P_CLEAR_EXC()
	p_tlbwi 5, VA | 5, PAGEMASK_4K, LO(PA_C, ENTRYLO_V), 0
	sw $t1, 8($s0)                  /* D = 0 now: Mod */
	CHECK_EXC(EXC_MOD)
	CHECK_NEXC(1)
	lw $t1, 0($s0)                  /* loads still fine */
	CHECK_NEXC(1)
	p_tlbwi 5, VA | 5, PAGEMASK_4K, LO(PA_C, DV), 0
	li $t0, 0x12121212
	sw $t0, 8($s0)                  /* D = 1 again */
	CHECK_NEXC(1)
	li $t3, 0x80000000 | PA_C
	lw $t1, 8($t3)
	CHECK_EQ($t1, 0x12121212)
	P_CLEAR_EXC()
	p_tlbwi 5, VA | 5, PAGEMASK_4K, LO(PA_C, ENTRYLO_D), 0
	lw $t1, 0($s0)                  /* V = 0: invalid */
	CHECK_EXC(EXC_TLBL)
	CHECK_WORD(rt_exc_vector, VEC_GENERAL)
	P_CLEAR_EXC()
	p_tlbwi 5, (VA + 0x2000) | 5, PAGEMASK_4K, LO(PA_C, DV), 0
	lw $t1, 0($s0)                  /* entry moved away: refill */
	CHECK_EXC(EXC_TLBL)
	CHECK_WORD(rt_exc_vector, VEC_REFILL)
	P_CLEAR_EXC()
	li $t0, VA + 0x2000
	lw $t1, 0($t0)                  /* and found at its new place */
	CHECK_NEXC(0)
	CHECK_EQ($t1, 0xcccccccc)

	/* ---- instruction fetch follows the TLB too ---- */
	li $s1, VCODE
	la $s2, code_a
	p_to_useg $s2                   /* its PA */
	la $s3, code_b
	p_to_useg $s3
	SETASID(5)
	li $t0, 9
	mtc0 $t0, C0_INDEX
	li $t0, VCODE | 5
	mtc0 $t0, C0_ENTRYHI
	srl $t0, $s2, 12
	sll $t0, $t0, 6
	ori $t0, $t0, (CACHE_CACHEABLE << 3) | DV
	mtc0 $t0, C0_ENTRYLO0
	mtc0 $zero, C0_ENTRYLO1
	ehb
	tlbwi
	ehb
	jalr $s1
	li $v0, 0
	CHECK_EQ($v0, 0xa)
	srl $t0, $s3, 12                /* same entry, now code_b's page */
	sll $t0, $t0, 6
	ori $t0, $t0, (CACHE_CACHEABLE << 3) | DV
	mtc0 $t0, C0_ENTRYLO0
	ehb
	tlbwi
	ehb
	jalr $s1
	li $v0, 0
	CHECK_EQ($v0, 0xb)
	/* and by ASID: entry 10 maps VCODE for ASID 6 to code_a */
	li $t0, 10
	mtc0 $t0, C0_INDEX
	li $t0, VCODE | 6
	mtc0 $t0, C0_ENTRYHI
	srl $t0, $s2, 12
	sll $t0, $t0, 6
	ori $t0, $t0, (CACHE_CACHEABLE << 3) | DV
	mtc0 $t0, C0_ENTRYLO0
	ehb
	tlbwi
	ehb
	SETASID(5)
	jalr $s1
	li $v0, 0
	CHECK_EQ($v0, 0xb)
	SETASID(6)
	jalr $s1
	li $v0, 0
	CHECK_EQ($v0, 0xa)
	SETASID(5)
	jalr $s1
	li $v0, 0
	CHECK_EQ($v0, 0xb)
	CHECK_NEXC(0)

	SETASID(0)
	p_tlb_flush
	TEST_END()
