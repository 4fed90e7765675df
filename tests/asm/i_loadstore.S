// LINK: both
/*
 * i_loadstore: LB LBU LH LHU LW SB SH SW LWL LWR SWL SWR (MIPS32 Release 2
 * Vol. II), little-endian.
 *   - sign/zero extension of byte and halfword loads, positive and negative
 *     offsets, offsets at the 16-bit limits, no load delay slot.
 *   - misaligned LH/LHU/LW raise AdEL, SH/SW raise AdES, with BadVAddr = the
 *     effective address, EPC = the instruction; the load's rt is not written,
 *     the store writes nothing. Alignment is of base + offset (not of base).
 *   - LWL/LWR/SWL/SWR at byte offsets 0..3 (little-endian: LWL fills the most
 *     significant bytes of rt from the aligned word's bytes 0..n; LWR fills the
 *     least significant bytes from bytes n..3), the unaligned pairs
 *     `lwr rt, 0(a); lwl rt, 3(a)` and `swr rt, 0(a); swl rt, 3(a)`.
 *   - SYNC does nothing visible; PREF never raises an exception (any address).
 */
#include "harness.h"
	.set noreorder
	.text

/* $t2 = load at label+off via $s0 = label */
#define LD(op, label, off, want) \
	la $s0, label; li $t2, 0x5a5a5a5a; op $t2, off($s0); CHECK_EQ($t2, want)
/* misaligned access at label+off: exception code, EPC, BadVAddr, rt unchanged */
#define ADDR_EXC(op, code, label, off) \
	la $s0, label; li $t2, 0x5a5a5a5a; CLEAR_EXC(); \
	9990: op $t2, off($s0); \
	CHECK_NEXC(1); CHECK_EXC(code); CHECK_WORD_ADDR(rt_exc_epc, 9990b); \
	CHECK_WORD_ADDR(rt_exc_badvaddr, label + off); CHECK_EQ($t2, 0x5a5a5a5a)
/* partial-word load: rt starts as init */
#define LP(op, off, init, want) \
	la $s0, ls_w; li $t2, init; CLEAR_EXC(); op $t2, off($s0); CHECK_EQ($t2, want); CHECK_NEXC(0)
/* partial-word store of 0x11223344 at ls_st+off; ls_st = 0xa3a2a1a0, ls_st+4 = 0xb3b2b1b0 */
#define SP(op, off, want0, want1) \
	la $s0, ls_st; li $t0, 0xa3a2a1a0; sw $t0, 0($s0); li $t0, 0xb3b2b1b0; sw $t0, 4($s0); \
	li $t1, 0x11223344; CLEAR_EXC(); op $t1, off($s0); CHECK_NEXC(0); CHECK_EQ($t1, 0x11223344); \
	lw $t2, 0($s0); CHECK_EQ($t2, want0); lw $t2, 4($s0); CHECK_EQ($t2, want1)
/* unaligned word load at ls_w+k with the lwr/lwl pair (both orders) */
#define ULW(k, want) \
	la $s0, ls_w + k; li $t2, 0x5a5a5a5a; CLEAR_EXC(); lwr $t2, 0($s0); lwl $t2, 3($s0); \
	CHECK_EQ($t2, want); li $t3, 0; lwl $t3, 3($s0); lwr $t3, 0($s0); CHECK_EQ($t3, want); CHECK_NEXC(0)
/* unaligned word store of 0x11223344 at ls_st+k with the swr/swl pair */
#define USW(k, want0, want1) \
	la $s0, ls_st; li $t0, 0xa3a2a1a0; sw $t0, 0($s0); li $t0, 0xb3b2b1b0; sw $t0, 4($s0); \
	la $s1, ls_st + k; li $t1, 0x11223344; CLEAR_EXC(); swr $t1, 0($s1); swl $t1, 3($s1); CHECK_NEXC(0); \
	lw $t2, 0($s0); CHECK_EQ($t2, want0); lw $t2, 4($s0); CHECK_EQ($t2, want1)

	.globl test_main
test_main:
	/* ---- LB / LBU ---- */
	LD(lb, ls_bytes, 0, 0x00000001)
	LD(lb, ls_bytes, 1, 0x0000007f)
	LD(lb, ls_bytes, 2, 0xffffff80)
	LD(lb, ls_bytes, 3, 0xffffffff)
	LD(lb, ls_bytes, 4, 0x00000000)
	LD(lb, ls_bytes, 5, 0xffffff80)
	LD(lbu, ls_bytes, 0, 0x00000001)
	LD(lbu, ls_bytes, 1, 0x0000007f)
	LD(lbu, ls_bytes, 2, 0x00000080)
	LD(lbu, ls_bytes, 3, 0x000000ff)
	LD(lbu, ls_bytes, 6, 0x000000ff)
	/* ---- LH / LHU ---- */
	LD(lh, ls_bytes, 0, 0x00007f01)
	LD(lh, ls_bytes, 2, 0xffffff80)
	LD(lh, ls_bytes, 4, 0xffff8000)
	LD(lh, ls_bytes, 6, 0x00007fff)
	LD(lhu, ls_bytes, 0, 0x00007f01)
	LD(lhu, ls_bytes, 2, 0x0000ff80)
	LD(lhu, ls_bytes, 4, 0x00008000)
	LD(lhu, ls_bytes, 6, 0x00007fff)
	/* ---- LW ---- */
	LD(lw, ls_bytes, 0, 0xff807f01)
	LD(lw, ls_bytes, 4, 0x7fff8000)
	/* negative offsets */
	LD(lw, ls_bytes + 8, -8, 0xff807f01)
	LD(lb, ls_bytes + 8, -5, 0xffffffff)
	LD(lhu, ls_bytes + 8, -6, 0x0000ff80)
	/* 16-bit offset limits */
	LD(lw, ls_bytes + 0x8000, -32768, 0xff807f01)
	LD(lw, ls_bytes - 0x7ffc, 0x7ffc, 0xff807f01)
	LD(lbu, ls_bytes - 0x7fff, 0x7fff, 0x00000001)
	/* misaligned base, aligned effective address: no exception */
	la $s0, ls_bytes + 1
	CLEAR_EXC()
	lw $t2, -1($s0)
	lh $t3, 1($s0)
	CHECK_NEXC(0)
	CHECK_EQ($t2, 0xff807f01)
	CHECK_EQ($t3, 0xffffff80)
	/* no load delay slot: the next instruction sees the loaded value */
	la $s0, ls_bytes
	li $t0, 0
	lw $t0, 4($s0)
	addu $t1, $t0, $zero
	CHECK_EQ($t1, 0x7fff8000)
	/* loads to $zero are discarded */
	lw $zero, 0($s0)
	CHECK_EQ($zero, 0)
	lb $zero, 3($s0)
	CHECK_EQ($zero, 0)
	/* load into the base register */
	la $s1, ls_bytes
	lw $s1, 4($s1)
	CHECK_EQ($s1, 0x7fff8000)

	/* ---- SW / SH / SB: little-endian byte placement ---- */
	la $s0, ls_scratch
	li $t0, 0x11223344
	sw $t0, 0($s0)
	lw $t2, 0($s0)
	CHECK_EQ($t2, 0x11223344)
	lbu $t2, 0($s0)
	CHECK_EQ($t2, 0x44)
	lbu $t2, 3($s0)
	CHECK_EQ($t2, 0x11)
	lhu $t2, 2($s0)
	CHECK_EQ($t2, 0x1122)
	sw $zero, 0($s0)
	sw $zero, 4($s0)
	sw $zero, 8($s0)
	li $t0, 0x123456ab
	sb $t0, 1($s0)                  /* stores the low byte only */
	lw $t2, 0($s0)
	CHECK_EQ($t2, 0x0000ab00)
	li $t0, 0x80
	sb $t0, 3($s0)
	lw $t2, 0($s0)
	CHECK_EQ($t2, 0x8000ab00)
	li $t0, 0xff
	sb $t0, 0($s0)
	sb $t0, 2($s0)
	lw $t2, 0($s0)
	CHECK_EQ($t2, 0x80ffabff)
	lw $t2, 4($s0)                  /* neighbour untouched */
	CHECK_EQ($t2, 0)
	li $t0, 0xffff1234
	sh $t0, 6($s0)                  /* stores the low halfword only */
	lw $t2, 4($s0)
	CHECK_EQ($t2, 0x12340000)
	li $t0, 0x5678
	sh $t0, 4($s0)
	lw $t2, 4($s0)
	CHECK_EQ($t2, 0x12345678)
	lw $t2, 8($s0)
	CHECK_EQ($t2, 0)
	lw $t2, 0($s0)
	CHECK_EQ($t2, 0x80ffabff)
	/* stores with negative offset */
	la $s1, ls_scratch + 12
	li $t0, 0xcafef00d
	sw $t0, -4($s1)
	lw $t2, 8($s0)
	CHECK_EQ($t2, 0xcafef00d)
	li $t0, 0xee
	sb $t0, -1($s1)
	lw $t2, 8($s0)
	CHECK_EQ($t2, 0xeefef00d)
	/* sw of $zero */
	sw $zero, 8($s0)
	lw $t2, 8($s0)
	CHECK_EQ($t2, 0)
	/* the same RAM through kseg1 (PA = VA - 0xA0000000) */
	la $s0, ls_scratch
	li $t0, 0x5ca1ab1e
	sw $t0, 0($s0)
	move $s1, $s0                   /* kseg1 alias, whatever the link segment */
	ins $s1, $zero, 29, 3
	lui $t1, 0xA000
	or $s1, $s1, $t1
	lw $t2, 0($s1)
	CHECK_EQ($t2, 0x5ca1ab1e)
	li $t0, 0x0badcafe
	sw $t0, 0($s1)
	lw $t2, 0($s0)
	CHECK_EQ($t2, 0x0badcafe)

	/* ---- misaligned loads: AdEL, BadVAddr = address, rt unchanged ---- */
	ADDR_EXC(lh, EXC_ADEL, ls_bytes, 1)
	ADDR_EXC(lh, EXC_ADEL, ls_bytes, 3)
	ADDR_EXC(lhu, EXC_ADEL, ls_bytes, 1)
	ADDR_EXC(lhu, EXC_ADEL, ls_bytes, 7)
	ADDR_EXC(lw, EXC_ADEL, ls_bytes, 1)
	ADDR_EXC(lw, EXC_ADEL, ls_bytes, 2)
	ADDR_EXC(lw, EXC_ADEL, ls_bytes, 3)
	ADDR_EXC(lw, EXC_ADEL, ls_bytes, 6)
	ADDR_EXC(lw, EXC_ADEL, ls_bytes + 4, -3)
	/* ---- misaligned stores: AdES, memory unchanged ---- */
	la $s1, ls_scratch
	li $t0, 0x01020304
	sw $t0, 0($s1)
	sw $t0, 4($s1)
	ADDR_EXC(sh, EXC_ADES, ls_scratch, 1)
	ADDR_EXC(sh, EXC_ADES, ls_scratch, 3)
	ADDR_EXC(sw, EXC_ADES, ls_scratch, 1)
	ADDR_EXC(sw, EXC_ADES, ls_scratch, 2)
	ADDR_EXC(sw, EXC_ADES, ls_scratch, 3)
	ADDR_EXC(sw, EXC_ADES, ls_scratch + 8, -6)
	la $s1, ls_scratch
	lw $t2, 0($s1)
	CHECK_EQ($t2, 0x01020304)
	lw $t2, 4($s1)
	CHECK_EQ($t2, 0x01020304)
	/* the runtime resumed after the faulting instruction */
	la $s0, ls_bytes
	li $t3, 0
	CLEAR_EXC()
	lw $t2, 1($s0)
	addiu $t3, $t3, 1
	CHECK_EQ($t3, 1)
	CHECK_NEXC(1)
	/* byte accesses are never misaligned */
	CLEAR_EXC()
	lb $t2, 1($s0)
	lbu $t2, 3($s0)
	la $s1, ls_scratch
	sb $t2, 1($s1)
	sb $t2, 3($s1)
	CHECK_NEXC(0)

	/* ---- LWL (memory ls_w: bytes 11 22 33 44 55 66 77 88) ---- */
	LP(lwl, 0, 0xaabbccdd, 0x11bbccdd)
	LP(lwl, 1, 0xaabbccdd, 0x2211ccdd)
	LP(lwl, 2, 0xaabbccdd, 0x332211dd)
	LP(lwl, 3, 0xaabbccdd, 0x44332211)
	LP(lwl, 4, 0xaabbccdd, 0x55bbccdd)
	LP(lwl, 7, 0xaabbccdd, 0x88776655)
	/* ---- LWR ---- */
	LP(lwr, 0, 0xaabbccdd, 0x44332211)
	LP(lwr, 1, 0xaabbccdd, 0xaa443322)
	LP(lwr, 2, 0xaabbccdd, 0xaabb4433)
	LP(lwr, 3, 0xaabbccdd, 0xaabbcc44)
	LP(lwr, 5, 0xaabbccdd, 0xaa887766)
	LP(lwr, 7, 0xaabbccdd, 0xaabbcc88)
	/* negative offset reaching the same bytes */
	la $s0, ls_w + 8
	li $t2, 0
	lwl $t2, -7($s0)
	CHECK_EQ($t2, 0x22110000)
	li $t2, 0
	lwr $t2, -6($s0)
	CHECK_EQ($t2, 0x00004433)
	/* ---- the unaligned-load pair lwr 0(a) / lwl 3(a) ---- */
	ULW(0, 0x44332211)
	ULW(1, 0x55443322)
	ULW(2, 0x66554433)
	ULW(3, 0x77665544)
	ULW(4, 0x88776655)

	/* ---- SWL (rt = 0x11223344 into a word 0xa3a2a1a0) ---- */
	SP(swl, 0, 0xa3a2a111, 0xb3b2b1b0)
	SP(swl, 1, 0xa3a21122, 0xb3b2b1b0)
	SP(swl, 2, 0xa3112233, 0xb3b2b1b0)
	SP(swl, 3, 0x11223344, 0xb3b2b1b0)
	SP(swl, 4, 0xa3a2a1a0, 0xb3b2b111)
	SP(swl, 6, 0xa3a2a1a0, 0xb3112233)
	/* ---- SWR ---- */
	SP(swr, 0, 0x11223344, 0xb3b2b1b0)
	SP(swr, 1, 0x223344a0, 0xb3b2b1b0)
	SP(swr, 2, 0x3344a1a0, 0xb3b2b1b0)
	SP(swr, 3, 0x44a2a1a0, 0xb3b2b1b0)
	SP(swr, 5, 0xa3a2a1a0, 0x223344b0)
	SP(swr, 7, 0xa3a2a1a0, 0x44b2b1b0)
	/* ---- the unaligned-store pair swr 0(a) / swl 3(a) ---- */
	USW(0, 0x11223344, 0xb3b2b1b0)
	USW(1, 0x223344a0, 0xb3b2b111)
	USW(2, 0x3344a1a0, 0xb3b21122)
	USW(3, 0x44a2a1a0, 0xb3112233)
	USW(4, 0xa3a2a1a0, 0x11223344)
	/* and read back with the load pair */
	la $s1, ls_st + 3
	li $t1, 0xdeadbeef
	swr $t1, 0($s1)
	swl $t1, 3($s1)
	lwr $t2, 0($s1)
	lwl $t2, 3($s1)
	CHECK_EQ($t2, 0xdeadbeef)

	/* ---- SYNC and PREF: no effect, no exception ---- */
	/* PREF never raises address-related or TLB exceptions (Vol. II PREF):
	 * misaligned, unmapped useg (VA 0 has no TLB entry) and kseg1 addresses */
	la $s0, ls_bytes
	li $t0, 0x11111111
	li $t1, 0x22222222
	CLEAR_EXC()
	sync
	sync 0x10
	pref 0, 0($s0)
	pref 1, 3($s0)
	pref 4, -1($s0)
	pref 0, 0($zero)
	pref 1, 0x7ff0($zero)
	li $t2, 0x80000000
	pref 0, -4($t2)             /* 0x7ffffffc: useg, unmapped */
	CHECK_NEXC(0)
	CHECK_EQ($t0, 0x11111111)
	CHECK_EQ($t1, 0x22222222)
	lw $t2, 0($s0)
	CHECK_EQ($t2, 0xff807f01)

	TEST_END()

	.data
	.align 4
ls_bytes:   .byte 0x01, 0x7f, 0x80, 0xff, 0x00, 0x80, 0xff, 0x7f
	.align 4
ls_w:       .byte 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88
	.align 4
ls_st:      .word 0, 0, 0, 0
ls_scratch: .word 0, 0, 0, 0
