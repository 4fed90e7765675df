// LINK: both
/* p_cp0_masks: every implemented CP0 register keeps exactly its writable bits
 * (machine/cp0.def): write all-ones, then zero, and read back. Read-only
 * registers (Random, BadVAddr, PRId, Config1) ignore writes; unimplemented
 * (number, select) pairs read 0 and ignore writes. */
#include "harness.h"
#include "p_common.h"
	.set noreorder
	.text

/* orig = r; write ~0 -> expect (orig & ~mask) | mask; write 0 -> expect
 * orig & ~mask; restore orig. Results in $s0 (orig), $s1 (~0), $s2 (0). */
#define RW(reg, mask) \
	mfc0 $s0, reg; li $t0, -1; mtc0 $t0, reg; ehb; mfc0 $s1, reg; \
	mtc0 $zero, reg; ehb; mfc0 $s2, reg; mtc0 $s0, reg; ehb; \
	li $t1, ~(mask); and $t1, $s0, $t1; li $t2, (mask); or $t2, $t2, $t1; \
	CHECK_REG($s1, $t2); CHECK_REG($s2, $t1)

/* the same with exact expected values */
#define RW_EXACT(reg, ones, zero) \
	mfc0 $s0, reg; li $t0, -1; mtc0 $t0, reg; ehb; mfc0 $s1, reg; \
	mtc0 $zero, reg; ehb; mfc0 $s2, reg; mtc0 $s0, reg; ehb; \
	CHECK_EQ($s1, ones); CHECK_EQ($s2, zero)

/* read-only: both reads give the original value */
#define RO(reg) \
	mfc0 $s0, reg; li $t0, -1; mtc0 $t0, reg; ehb; mfc0 $s1, reg; \
	mtc0 $zero, reg; ehb; mfc0 $s2, reg; \
	CHECK_REG($s1, $s0); CHECK_REG($s2, $s0)

/* unimplemented: reads 0 before and after writing all-ones */
#define UNIMPL(n, s) \
	mfc0 $s0, n, s; li $t0, -1; mtc0 $t0, n, s; ehb; mfc0 $s1, n, s; \
	CHECK_EQ($s0, 0); CHECK_EQ($s1, 0)

	.globl test_main
test_main:
	p_tlb_flush
	/* keep the timer out of the way: Compare far ahead of Count */
	mtc0 $zero, C0_COUNT
	li $t0, 0x40000000
	mtc0 $t0, C0_COMPARE
	ehb

	/* ---- Index: bits 4..0 writable, P (bit 31) is set only by TLBP ---- */
	li $t0, 0x00002000              /* useg VA, ASID 0: nothing maps it */
	mtc0 $t0, C0_ENTRYHI
	ehb
	tlbp
	ehb
	RW(C0_INDEX, 0x1f)
	CHECK_EQ($s1, 0x8000001f)
	CHECK_EQ($s2, 0x80000000)
	li $t0, 0xC0000000              /* firmware entry 0 */
	mtc0 $t0, C0_ENTRYHI
	ehb
	tlbp
	ehb
	mfc0 $t0, C0_INDEX
	CHECK_EQ($t0, 0)
	RW_EXACT(C0_INDEX, 0x1f, 0)
	mtc0 $zero, C0_ENTRYHI
	ehb

	/* ---- Random: read-only, always within [Wired, N-1] = [2, 31] ---- */
	mfc0 $s0, C0_RANDOM
	li $t0, -1
	mtc0 $t0, C0_RANDOM
	ehb
	mfc0 $s1, C0_RANDOM
	mtc0 $zero, C0_RANDOM
	ehb
	mfc0 $s2, C0_RANDOM
	P_CHECK_RANGE($s0, 2, 31)
	P_CHECK_RANGE($s1, 2, 31)
	P_CHECK_RANGE($s2, 2, 31)

	/* ---- EntryLo0/1: PFN C D V G = bits 25..0; bits 31..26 read 0 ---- */
	RW_EXACT(C0_ENTRYLO0, 0x03ffffff, 0)
	RW_EXACT(C0_ENTRYLO1, 0x03ffffff, 0)

	/* ---- Context: PTEBase writable, BadVPN2 read-only, bits 3..0 zero ---- */
	RW(C0_CONTEXT, 0xff800000)
	andi $t0, $s1, 0xf
	CHECK_EQ($t0, 0)

	/* ---- PageMask: bits 28..13 ---- */
	RW_EXACT(C0_PAGEMASK, 0x1fffe000, 0)

	/* ---- Wired: bits 4..0; writing it resets Random to N-1 ---- */
	RW_EXACT(C0_WIRED, 0x1f, 0)
	li $t0, 31
	mtc0 $t0, C0_WIRED
	ehb
	mfc0 $t1, C0_RANDOM
	mfc0 $t2, C0_RANDOM
	nop
	mfc0 $t3, C0_RANDOM
	CHECK_EQ($t1, 31)               /* range [31, 31] */
	CHECK_EQ($t2, 31)
	CHECK_EQ($t3, 31)
	li $t0, HW_FW_WIRED
	mtc0 $t0, C0_WIRED
	ehb
	mfc0 $t0, C0_WIRED
	CHECK_EQ($t0, 2)

	/* ---- HWREna: bits 3..0 ---- */
	RW_EXACT(C0_HWRENA, 0xf, 0)

	/* ---- BadVAddr: read-only. Give it a known value first (AdEL). ---- */
	P_CLEAR_EXC()
	li $t0, 0x80100001
	lw $t1, 0($t0)                  /* unaligned: AdEL, BadVAddr = t0 */
	CHECK_EXC(EXC_ADEL)
	CHECK_WORD(rt_exc_badvaddr, 0x80100001)
	RO(C0_BADVADDR)
	CHECK_EQ($s0, 0x80100001)

	/* ---- Count: all 32 bits; it keeps counting after the write ---- */
	li $t0, 0xfffffff0
	mtc0 $t0, C0_COUNT
	mfc0 $s1, C0_COUNT
	mtc0 $zero, C0_COUNT
	mfc0 $s2, C0_COUNT
	li $t0, 0xfffffff0
	subu $s1, $s1, $t0
	P_CHECK_RANGE($s1, 0, 3)
	P_CHECK_RANGE($s2, 0, 3)
	li $t0, 0xffffffff
	mtc0 $t0, C0_COUNT
	nop
	nop
	nop
	nop
	nop
	mfc0 $s1, C0_COUNT              /* wrapped around to a small number */
	P_CHECK_RANGE($s1, 0, 5)

	/* ---- EntryHi: VPN2 and ASID, bits 12..8 read 0 ---- */
	RW_EXACT(C0_ENTRYHI, 0xffffe0ff, 0)

	/* ---- Compare: all 32 bits ---- */
	RW_EXACT(C0_COMPARE, 0xffffffff, 0)
	li $t0, 0x40000000
	mtc0 $t0, C0_COMPARE            /* away from Count again */
	mtc0 $zero, C0_COUNT
	ehb

	/* ---- Status: CU0 BEV TS IM KSU ERL EXL IE = 0x1060ff1f ---- */
	mfc0 $s3, C0_STATUS
	RW_EXACT(C0_STATUS, 0x1060ff1f, 0)
	li $t0, ~0x1060ff1f
	and $t0, $s3, $t0
	CHECK_EQ($t0, 0)                /* nothing read-only is set in kernel code */
	mfc0 $t0, C0_STATUS
	CHECK_REG($t0, $s3)             /* restored */

	/* ---- Cause: IV, DC, IP1..0 writable; nothing pending but what we set ---- */
	mfc0 $s3, C0_CAUSE
	RW(C0_CAUSE, 0x08800300)
	li $t0, 0x0000fc00              /* IP7..IP2: no device, no timer */
	and $t0, $s1, $t0
	CHECK_EQ($t0, 0)
	li $t0, 0x40000000              /* TI */
	and $t0, $s1, $t0
	CHECK_EQ($t0, 0)
	mtc0 $zero, C0_CAUSE
	ehb

	/* ---- EPC, ErrorEPC: all 32 bits ---- */
	RW_EXACT(C0_EPC, 0xffffffff, 0)
	RW_EXACT(C0_ERROREPC, 0xffffffff, 0)

	/* ---- PRId: read-only ---- */
	RO(C0_PRID)

	/* ---- EBase: bits 31..12 (any page); CPUNum 0. Reset 0x80000000. ---- */
	mfc0 $s3, C0_EBASE
	CHECK_EQ($s3, RT_EBASE)
	RW_EXACT(C0_EBASE, 0xfffff000, 0)
	mfc0 $t0, C0_EBASE
	CHECK_EQ($t0, RT_EBASE)

	/* ---- Config: K0 (2..0) writable; M, AR = 1, MT = 1, little-endian ---- */
	RW(C0_CONFIG, 0x7)
	li $t0, ~7
	and $t0, $s0, $t0
	CHECK_EQ($t0, 0x80000480)

	/* ---- Config1: read-only; MMUSize-1 = 31, no caches/FPU/anything ---- */
	RO(C0_CONFIG1)
	CHECK_EQ($s0, 0x3e000000)

	/* ---- unimplemented registers read 0 and ignore writes ---- */
	mfc0 $s4, C0_STATUS
	UNIMPL($22, 0)
	UNIMPL($16, 2)                  /* Config2: Config1.M = 0 */
	UNIMPL($15, 2)
	UNIMPL($12, 1)                  /* IntCtl: not in the table */
	UNIMPL($12, 2)                  /* SRSCtl */
	UNIMPL($4, 2)                   /* UserLocal */
	UNIMPL($17, 0)                  /* LLAddr */
	UNIMPL($31, 0)
	UNIMPL($9, 7)
	mfc0 $t0, C0_STATUS
	CHECK_REG($t0, $s4)             /* writes to $12,1/2 did not leak into Status */
	mfc0 $t0, C0_WIRED
	CHECK_EQ($t0, 2)

	/* ---- final state sane for the runtime ---- */
	mtc0 $zero, C0_PAGEMASK
	mtc0 $zero, C0_ENTRYHI
	ehb
	TEST_END()
