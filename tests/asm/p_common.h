/*
 * p_common.h - helpers shared by the privileged-machine tests (tests/asm/p_*.S).
 * Include after harness.h. Assembly macros only; they use $t0..$t3 as
 * scratch (documented per macro) and never $at, $k0 or $k1.
 */
#ifndef TRAPEZE_P_COMMON_H
#define TRAPEZE_P_COMMON_H

#define P_NTLB 32                       /* Config1.MMUSize + 1 (default)    */
#define P_FLUSH_BASE 0x80000000         /* unique, never looked-up VPN2s     */

/* harness.h's SET_RESUME/TO_KERNEL do `sw $at, sym` under .set noat, which
 * llvm-mc rejects ("pseudo-instruction requires $at"); these do the same
 * with an explicit %hi/%lo pair ($at and $k1 as scratch, like CHECK_*). */
#define P_SET_RESUME(label) .set noat; la $k1, label; lui $at, %hi(rt_resume); sw $k1, %lo(rt_resume)($at); .set at
#define P_TO_KERNEL()       .set noat; li $k1, 1; lui $at, %hi(rt_to_kernel); sw $k1, %lo(rt_to_kernel)($at); .set at
/* rt_handler = label (0 to remove) */
#define P_SET_HANDLER(label) .set noat; la $k1, label; lui $at, %hi(rt_handler); sw $k1, %lo(rt_handler)($at); .set at
#define P_CLEAR_HANDLER()   .set noat; lui $at, %hi(rt_handler); sw $zero, %lo(rt_handler)($at); .set at
/* harness.h's CLEAR_EXC() does not clear rt_handler: rt_clear_exc's last
 * store (`sw $zero, rt_handler`) sits in a delay slot and expands to lui+sw,
 * so only the lui runs. This one also removes the handler. */
#define P_CLEAR_EXC()       CLEAR_EXC(); P_CLEAR_HANDLER()

/* An EntryLo value: physical address, cache attribute, D|V|G flags. */
#define P_LO(pa, c, f) (((((pa) >> 12) << 6)) | ((c) << 3) | (f))
#define P_DVG (ENTRYLO_D | ENTRYLO_V | ENTRYLO_G)

/* Write TLB entry idx from constants (EntryHi, PageMask, EntryLo0, EntryLo1).
 * EntryHi (the current ASID) and PageMask are restored afterwards.
 * Clobbers $t0, $t1, $t2. */
	.macro p_tlbwi idx, hi, mask, lo0, lo1
	mfc0 $t1, C0_ENTRYHI
	mfc0 $t2, C0_PAGEMASK
	li $t0, \idx
	mtc0 $t0, C0_INDEX
	li $t0, \hi
	mtc0 $t0, C0_ENTRYHI
	li $t0, \mask
	mtc0 $t0, C0_PAGEMASK
	li $t0, \lo0
	mtc0 $t0, C0_ENTRYLO0
	li $t0, \lo1
	mtc0 $t0, C0_ENTRYLO1
	ehb
	tlbwi
	ehb
	mtc0 $t1, C0_ENTRYHI
	mtc0 $t2, C0_PAGEMASK
	ehb
	.endm

/* Invalidate TLB entry idx (a constant): unique kseg0 VPN2, V = 0. */
	.macro p_tlbinval idx
	p_tlbwi \idx, (P_FLUSH_BASE + ((\idx) << 13)), 0, 0, 0
	.endm

/* Invalidate entries 2..N-1 (the firmware's wired entries 0 and 1 stay):
 * each gets a unique VPN2 in kseg0 (never translated) and V = 0, so no
 * lookup or probe can ever match two entries. Clobbers $t0..$t3. */
	.macro p_tlb_flush
	mfc0 $t2, C0_ENTRYHI
	mtc0 $zero, C0_PAGEMASK
	mtc0 $zero, C0_ENTRYLO0
	mtc0 $zero, C0_ENTRYLO1
	li $t0, 2
.Lp_flush\@:
	sll $t1, $t0, 13
	li $t3, P_FLUSH_BASE
	or $t1, $t1, $t3
	mtc0 $t1, C0_ENTRYHI
	mtc0 $t0, C0_INDEX
	ehb
	tlbwi
	addiu $t0, $t0, 1
	slti $t3, $t0, P_NTLB
	bnez $t3, .Lp_flush\@
	nop
	mtc0 $t2, C0_ENTRYHI
	ehb
	.endm

/* Map useg 0x00000000..0x007FFFFF to PA 0..8 MiB (two 4 MiB pages, G, D, V)
 * in TLB entry idx: kseg0 code at K runs in user mode at K & 0x1FFFFFFF. */
	.macro p_map_useg idx
	p_tlbwi \idx, 0x00000000, PAGEMASK_4M, P_LO(0, CACHE_CACHEABLE, P_DVG), P_LO(0x400000, CACHE_CACHEABLE, P_DVG)
	.endm

/* kseg0 address in reg -> the same physical address seen through useg
 * (identity map above) or through the firmware's sseg window (PA + 0xC0000000).
 * p_to_sseg clobbers tmp. */
	.macro p_to_useg reg
	ins \reg, $zero, 29, 3
	.endm
	.macro p_to_sseg reg, tmp
	ins \reg, $zero, 29, 3
	lui \tmp, 0xC000
	or \reg, \reg, \tmp
	.endm

/* Run kseg0 `label` in user mode through its useg alias (needs p_map_useg),
 * or in supervisor mode through its sseg alias (firmware entry 0). Code run
 * this way may only use PC-relative branches, j/jal, and addresses passed in
 * registers ($a0, $a1, $ra, $k0, $k1 are clobbered on the way in). */
#define P_ENTER_USER_ALIAS(label)  la $a0, label; p_to_useg $a0; jal rt_enter_user; nop
#define P_ENTER_SUPER_ALIAS(label) la $a0, label; p_to_sseg $a0, $a1; jal rt_enter_super; nop

/* Range check lo <= reg <= hi (unsigned constants; hi < 0xFFFFFFFF).
 * Uses $t9 (reg must not be $t9). */
#define P_CHECK_RANGE(reg, lo, hi) \
	li $t9, (lo); sltu $t9, reg, $t9; CHECK_EQ($t9, 0); \
	li $t9, (hi) + 1; sltu $t9, reg, $t9; CHECK_EQ($t9, 1)

#endif
