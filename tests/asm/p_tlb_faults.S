// LINK: both
/* p_tlb_faults: TLB refill (no matching entry: vector EBase+0x000 when
 * EXL = 0), TLB invalid (V = 0: +0x180), TLB modified (D = 0 store: Mod),
 * and what each sets: ExcCode, EPC (BD in a delay slot), BadVAddr,
 * Context.BadVPN2 (PTEBase kept), EntryHi.VPN2 (ASID kept). ASID mismatch
 * misses, G matches any ASID. A refill while EXL = 1 goes to +0x180 and
 * leaves EPC alone. Two matching entries raise a machine check (lookup and
 * TLBP) and set Status.TS. */
#include "harness.h"
#include "p_common.h"
	.set noreorder

#define PTEBASE 0x12800000
#define ASID    0x37
#define CTX(va) (PTEBASE | ((((va) >> 13) << 4) & 0x007ffff0))
#define EHI(va, asid) (((va) & 0xffffe000) | (asid))

/* the last exception was code at vector vec for address va (ASID asid) */
#define TLBCHK(code, vec, va, asid) \
	CHECK_EXC(code); CHECK_NEXC(1); CHECK_WORD(rt_exc_vector, vec); \
	CHECK_WORD(rt_exc_badvaddr, va); CHECK_WORD(rt_exc_context, CTX(va)); \
	CHECK_WORD(rt_exc_entryhi, EHI(va, asid))
#define NOBD lw $t0, rt_exc_cause; srl $t0, $t0, 31; CHECK_EQ($t0, 0)
#define SETASID(a) li $t0, a; mtc0 $t0, C0_ENTRYHI; ehb

#define V_NONE   0x00345670     /* nothing maps it */
#define V_FETCH  0x00456000
#define V_INV    0x00500000     /* entry 5: even valid (PA 0x100000), odd invalid */
#define V_MOD    0x00600000     /* entry 6: even V, D = 0 (PA 0x101000) */
#define V_ASID   0x00700000     /* entry 7: ASID 5, not global (PA 0x102000) */
#define V_GLOBAL 0x00800000     /* entry 8: ASID 5, global (PA 0x103000) */
#define V_DUP    0x00900000     /* entries 9 and 10 both */

	.text
	.globl test_main
test_main:
	p_tlb_flush
	li $t0, PTEBASE | 0x007ffff0    /* BadVPN2 is read-only: only PTEBase sticks */
	mtc0 $t0, C0_CONTEXT
	SETASID(ASID)
	mfc0 $t0, C0_CONTEXT
	li $t1, 0xff80000f
	and $t0, $t0, $t1
	CHECK_EQ($t0, PTEBASE)
	/* markers in the physical pages */
	li $t3, 0x80100000
	li $t0, 0xaaaa0000
	sw $t0, 0($t3)
	li $t0, 0xaaaa1000
	sw $t0, 0x1000($t3)
	li $t0, 0xaaaa2000
	sw $t0, 0x2000($t3)
	li $t0, 0xaaaa3000
	sw $t0, 0x3000($t3)
	p_tlbwi 5, EHI(V_INV, 0), PAGEMASK_4K, P_LO(0x100000, 3, ENTRYLO_D | ENTRYLO_V | ENTRYLO_G), P_LO(0x104000, 3, ENTRYLO_D | ENTRYLO_G)
	p_tlbwi 6, EHI(V_MOD, 0), PAGEMASK_4K, P_LO(0x101000, 3, ENTRYLO_V | ENTRYLO_G), P_LO(0x105000, 3, ENTRYLO_V | ENTRYLO_G)
	p_tlbwi 7, EHI(V_ASID, 5), PAGEMASK_4K, P_LO(0x102000, 3, ENTRYLO_D | ENTRYLO_V), P_LO(0x106000, 3, ENTRYLO_D | ENTRYLO_V)
	p_tlbwi 8, EHI(V_GLOBAL, 5), PAGEMASK_4K, P_LO(0x103000, 3, P_DVG), P_LO(0x107000, 3, P_DVG)

	/* ---- refill: load, store, fetch, delay slot ---- */
	P_CLEAR_EXC()
	li $s0, V_NONE
1:	lw $t1, 0($s0)
	TLBCHK(EXC_TLBL, VEC_REFILL, V_NONE, ASID)
	CHECK_WORD_ADDR(rt_exc_epc, 1b)
	NOBD
	mfc0 $t0, C0_BADVADDR           /* the live registers agree */
	CHECK_EQ($t0, V_NONE)
	mfc0 $t0, C0_ENTRYHI
	CHECK_EQ($t0, EHI(V_NONE, ASID))
	mfc0 $t0, C0_CONTEXT
	CHECK_EQ($t0, CTX(V_NONE))

	P_CLEAR_EXC()
	li $s0, 0x7ffff004              /* top of useg: BadVPN2 all ones */
1:	sw $t1, 0($s0)
	TLBCHK(EXC_TLBS, VEC_REFILL, 0x7ffff004, ASID)
	CHECK_WORD_ADDR(rt_exc_epc, 1b)

	P_CLEAR_EXC()
	li $s0, 0xE0012344              /* kseg3 is mapped too */
1:	lbu $t1, 0($s0)
	TLBCHK(EXC_TLBL, VEC_REFILL, 0xE0012344, ASID)
	CHECK_WORD_ADDR(rt_exc_epc, 1b)

	P_CLEAR_EXC()
	li $s0, 0xC0800000              /* sseg past the firmware's 8 MiB */
1:	sh $t1, 2($s0)
	TLBCHK(EXC_TLBS, VEC_REFILL, 0xC0800002, ASID)

	P_CLEAR_EXC()
	P_SET_RESUME(2f)
	li $t9, V_FETCH
	jalr $t9
	nop
2:	TLBCHK(EXC_TLBL, VEC_REFILL, V_FETCH, ASID)
	CHECK_WORD(rt_exc_epc, V_FETCH)
	NOBD

	P_CLEAR_EXC()
	li $s0, V_NONE
1:	beq $zero, $zero, 2f
	lw $t1, 0($s0)                  /* in the delay slot: EPC = branch, BD */
2:	TLBCHK(EXC_TLBL, VEC_REFILL, V_NONE, ASID)
	CHECK_WORD_ADDR(rt_exc_epc, 1b)
	lw $t0, rt_exc_cause
	srl $t0, $t0, 31
	CHECK_EQ($t0, 1)

	/* ---- invalid: general vector ---- */
	P_CLEAR_EXC()
	li $s0, V_INV
	lw $t1, 0($s0)                  /* even half valid */
	CHECK_NEXC(0)
	CHECK_EQ($t1, 0xaaaa0000)
1:	lw $t1, 0x1000($s0)             /* odd half: V = 0 */
	TLBCHK(EXC_TLBL, VEC_GENERAL, V_INV + 0x1000, ASID)
	CHECK_WORD_ADDR(rt_exc_epc, 1b)
	P_CLEAR_EXC()
1:	sw $t1, 0x1ffc($s0)
	TLBCHK(EXC_TLBS, VEC_GENERAL, V_INV + 0x1ffc, ASID)
	CHECK_WORD_ADDR(rt_exc_epc, 1b)
	P_CLEAR_EXC()
	P_SET_RESUME(2f)
	li $t9, V_INV + 0x1000          /* fetch from the invalid half */
	jr $t9
	nop
2:	TLBCHK(EXC_TLBL, VEC_GENERAL, V_INV + 0x1000, ASID)
	CHECK_WORD(rt_exc_epc, V_INV + 0x1000)

	/* ---- modified: store to D = 0 ---- */
	P_CLEAR_EXC()
	li $s0, V_MOD
	lw $t1, 8($s0)
	CHECK_NEXC(0)
1:	sw $zero, 0($s0)
	TLBCHK(EXC_MOD, VEC_GENERAL, V_MOD, ASID)
	CHECK_WORD_ADDR(rt_exc_epc, 1b)
	li $t3, 0x80101000
	lw $t0, 0($t3)
	CHECK_EQ($t0, 0xaaaa1000)       /* not written */
	P_CLEAR_EXC()
1:	sb $zero, 0x1003($s0)           /* odd half, D = 0 too */
	TLBCHK(EXC_MOD, VEC_GENERAL, V_MOD + 0x1003, ASID)

	/* ---- ASID ---- */
	P_CLEAR_EXC()
	li $s0, V_ASID
	lw $t1, 0($s0)                  /* ASID 0x37 vs entry's 5: refill */
	TLBCHK(EXC_TLBL, VEC_REFILL, V_ASID, ASID)
	SETASID(5)
	P_CLEAR_EXC()
	li $t1, 0
	lw $t1, 0($s0)                  /* hit */
	CHECK_NEXC(0)
	CHECK_EQ($t1, 0xaaaa2000)
	SETASID(6)
	P_CLEAR_EXC()
	sw $t1, 0($s0)                  /* miss again */
	TLBCHK(EXC_TLBS, VEC_REFILL, V_ASID, 6)
	SETASID(ASID)
	P_CLEAR_EXC()
	li $s0, V_GLOBAL
	lw $t1, 0($s0)                  /* global entry, other ASID: hit */
	CHECK_NEXC(0)
	CHECK_EQ($t1, 0xaaaa3000)
	SETASID(0xff)
	lw $t1, 0($s0)
	CHECK_NEXC(0)
	SETASID(ASID)

	/* ---- refill with EXL = 1: general vector, EPC and BD unchanged ---- */
	P_CLEAR_EXC()
	li $t0, 0x12345678
	mtc0 $t0, C0_EPC
	mfc0 $s1, C0_STATUS
	ori $t0, $s1, ST_EXL
	P_SET_RESUME(2f)
	li $s0, V_NONE + 0x2000
	mtc0 $t0, C0_STATUS
	ehb
	beq $zero, $zero, 2f
	lw $t1, 0($s0)                  /* delay slot: BD must stay 0 too */
	nop
2:	TLBCHK(EXC_TLBL, VEC_GENERAL, V_NONE + 0x2000, ASID)
	CHECK_WORD(rt_exc_epc, 0x12345678)
	NOBD
	mfc0 $t0, C0_STATUS             /* ERET cleared EXL */
	CHECK_REG($t0, $s1)
	/* invalid with EXL = 1: general vector as always, EPC unchanged */
	P_CLEAR_EXC()
	li $t0, 0x23456780
	mtc0 $t0, C0_EPC
	ori $t0, $s1, ST_EXL
	P_SET_RESUME(2f)
	li $s0, V_INV + 0x1000
	mtc0 $t0, C0_STATUS
	ehb
	lw $t1, 0($s0)
	nop
2:	TLBCHK(EXC_TLBL, VEC_GENERAL, V_INV + 0x1000, ASID)
	CHECK_WORD(rt_exc_epc, 0x23456780)

	/* ---- machine check: two entries match ---- */
	p_tlbwi 9, EHI(V_DUP, 0), PAGEMASK_4K, P_LO(0x100000, 3, P_DVG), P_LO(0x101000, 3, P_DVG)
	p_tlbwi 10, EHI(V_DUP, 0), PAGEMASK_16K, P_LO(0x100000, 3, P_DVG), P_LO(0x104000, 3, P_DVG)
	P_CLEAR_EXC()
	li $s0, V_DUP
1:	lw $t1, 0($s0)
	CHECK_EXC(EXC_MCHECK)
	CHECK_NEXC(1)
	CHECK_WORD(rt_exc_vector, VEC_GENERAL)
	CHECK_WORD_ADDR(rt_exc_epc, 1b)
	lw $t0, rt_exc_status
	li $t1, ST_TS
	and $t0, $t0, $t1
	CHECK_EQ($t0, ST_TS)
	mfc0 $t0, C0_STATUS             /* TS stays set until software clears it */
	li $t1, ST_TS
	and $t2, $t0, $t1
	CHECK_EQ($t2, ST_TS)
	xor $t0, $t0, $t1
	mtc0 $t0, C0_STATUS
	ehb
	mfc0 $t0, C0_STATUS
	and $t0, $t0, $t1
	CHECK_EQ($t0, 0)
	/* TLBP too */
	P_CLEAR_EXC()
	li $t0, EHI(V_DUP + 0x1000, ASID)
	mtc0 $t0, C0_ENTRYHI
	ehb
1:	tlbp
	CHECK_EXC(EXC_MCHECK)
	CHECK_NEXC(1)
	CHECK_WORD_ADDR(rt_exc_epc, 1b)
	lw $t0, rt_exc_status
	li $t1, ST_TS
	and $t0, $t0, $t1
	CHECK_EQ($t0, ST_TS)
	mfc0 $t0, C0_STATUS
	li $t1, ~ST_TS
	and $t0, $t0, $t1
	mtc0 $t0, C0_STATUS
	SETASID(ASID)
	/* remove the duplicate: everything works again */
	p_tlbinval 10
	P_CLEAR_EXC()
	lw $t1, 0($s0)
	CHECK_NEXC(0)
	CHECK_EQ($t1, 0xaaaa0000)
	mfc0 $t0, C0_STATUS
	li $t1, ST_TS
	and $t0, $t0, $t1
	CHECK_EQ($t0, 0)

	SETASID(0)
	TEST_END()
