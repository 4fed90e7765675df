// LINK: sseg
// VMM: --ram 1M --console-dir @dir @sentinel @self @sentinel
// EXPECT-EXIT: 0
// EXPECT-FILE: vm0.out sentinel.expect
// EXPECT-FILE: vm1.out h_priv.expect
// EXPECT-FILE: vm2.out sentinel.expect
// EXPECT-STDOUT-EMPTY
// EXPECT-STDERR-LINES: 0
// NATIVE-EQUIV: --ram 1M
// LOCKSTEP: --ram 1M
/*
 * h_priv (hostile): a guest that executes every privileged instruction.
 *   kernel mode:
 *   - MFC0 of all 32 x 8 (register, select) pairs, implemented or not
 *     (printed: Count, Random and the timer included, they follow the guest
 *     clock exactly);
 *   - MTC0 of ~0, 0 and 0xA5A5A5A5 to every pair, each read back (printed),
 *     then the old value restored: Status with ERL/EXL/BEV/CU0/KSU = 11,
 *     Cause.DC, Count wrapping onto Compare, EBase, Wired, EntryHi's ASID...;
 *   - TLBR of every entry, TLBWR eight times (the entries Random picked are
 *     printed), TLBP hits and misses, two matching entries (machine check on
 *     TLBP and on a load, Status.TS), TLBWI over the firmware's entries
 *     0 and 1 (the mapping this code runs from) with their own contents;
 *   - ERET with ERL, with EXL, with neither; ERET clears LL;
 *   - WAIT with a timer set: with IE = 0 it just returns, with IE = 1 the
 *     interrupt is taken with EPC after the WAIT (the ticks are printed);
 *   - DI, EI; CACHE on mapped, unmapped and odd addresses (never faults);
 *   supervisor and user mode (Status.CU0 = 0): the same 512 MFC0/MTC0 and
 *   every other CP0 instruction, HYPCALL included, raise CpU and change
 *   nothing; user mode with CU0 = 1: they work (an ERET in user mode too),
 *   HYPCALL raises RI.
 * No HYPCALL in kernel mode (on the bare machine it is RI, under the VMM a
 * call), so the output is the same natively, under the VMM and in lockstep.
 */
#include "guest.h"
	.set noreorder

#define SENT 0x5e575e57

	.macro mfc0_sel r, base
	.irp s, 0,1,2,3,4,5,6,7
	mfc0 $t0, $\r, \s
	sw $t0, ((\r*8+\s)*4)(\base)
	.endr
	.endm
/* all 256 MFC0 into base[0..255]; clobbers $t0 */
	.macro mfc0_all base
	.irp r, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	mfc0_sel \r, \base
	.endr
	.endm

/* for one pair: save, write ~0, 0, 0xA5A5A5A5 (each read back into
 * base[3i..3i+2]), restore. Clobbers $t0, $t1 */
	.macro mtc0_sel r
	.irp s, 0,1,2,3,4,5,6,7
	mfc0 $t1, $\r, \s
	li $t0, -1
	mtc0 $t0, $\r, \s
	ehb
	mfc0 $t0, $\r, \s
	sw $t0, ((\r*8+\s)*12)($s0)
	mtc0 $zero, $\r, \s
	ehb
	mfc0 $t0, $\r, \s
	sw $t0, ((\r*8+\s)*12+4)($s0)
	li $t0, 0xA5A5A5A5
	mtc0 $t0, $\r, \s
	ehb
	mfc0 $t0, $\r, \s
	sw $t0, ((\r*8+\s)*12+8)($s0)
	mtc0 $t1, $\r, \s
	ehb
	.endr
	.endm

/* every CP0 instruction once, for CpU: $t0, $t2, $t3 must survive */
	.macro mfc0_only r
	.irp s, 0,1,2,3,4,5,6,7
	mfc0 $t0, $\r, \s
	.endr
	.endm
	.macro mtc0_only r
	.irp s, 0,1,2,3,4,5,6,7
	mtc0 $t1, $\r, \s
	.endr
	.endm
#define ALL_REGS 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31

	.text
/* print_words(a0 = address, a1 = count): 8 per line, hex */
print_words:
	move $t5, $ra
	move $t3, $a0
	move $t4, $a1
	li $t2, 0
1:	lw $a0, 0($t3)
	jal rt_puthex
	nop
	addiu $t2, $t2, 1
	andi $t0, $t2, 7
	li $a0, ' '
	bnez $t0, 2f
	nop
	li $a0, '\n'
2:	jal rt_putc
	nop
	addiu $t3, $t3, 4
	bne $t2, $t4, 1b
	nop
	andi $t0, $t2, 7
	beqz $t0, 3f
	nop
	li $a0, '\n'
	jal rt_putc
	nop
3:	jr $t5
	nop

/* the block run in supervisor and user mode (through its alias): all CpU */
	.balign 16
priv_block:
	.irp r, ALL_REGS
	mfc0_only \r
	.endr
	.irp r, ALL_REGS
	mtc0_only \r
	.endr
	tlbr
	tlbwi
	tlbwr
	tlbp
	eret
	wait
	di $t2
	ei $t3
	cache 0x15, 0($zero)
	hypcall
	.word 0x40084808                /* mfc0 with bits 10..3 != 0: RI */
	.word 0x40884808                /* mtc0 likewise */
	.word 0x4200001f                /* deret: RI */
	.word 0x7c08103b                /* rdhwr $8, $2: RI without HWREna */
	syscall
	nop

/* user mode with CU0 = 1: $s0 = useg alias of a buffer */
	.balign 16
cu0_block:
	mfc0_all $s0
	tlbp
	mfc0 $t4, C0_INDEX
	sw $t4, 1024($s0)
	li $t4, 7
	mtc0 $t4, C0_INDEX
	tlbr
	mfc0 $t4, C0_ENTRYHI
	sw $t4, 1028($s0)
	mtc0 $zero, C0_ENTRYHI
	di $t4
	sw $t4, 1032($s0)
	ei $t4
	sw $t4, 1036($s0)
	cache 0x15, 0($s0)
	bal 1f                          /* $ra = the useg alias of 1: */
	nop
1:	addiu $t4, $ra, 20             /* = 2f (five instructions on) */
	mtc0 $t4, C0_EPC
	ehb
	eret                            /* EXL = ERL = 0: to EPC, still user */
	li $t4, 0xbad                   /* skipped */
2:	mfc0 $t4, C0_STATUS
	sw $t4, 1040($s0)
	li $v0, 0x1234
	hypcall                         /* RI with CU0 = 1 */
	sw $v0, 1044($s0)
	syscall
	nop

/* rt_handler for sections 7 and 8: SYSCALL returns to kernel mode at
 * ret_to; every other exception skips the instruction (no delay slots) */
skip_or_return:
	mfc0 $k0, C0_CAUSE
	andi $k0, $k0, CAUSE_EXC
	xori $k0, $k0, EXC_SYS << CAUSE_EXC_SHIFT
	bnez $k0, 1f
	nop
	mfc0 $k0, C0_STATUS
	ins $k0, $zero, ST_KSU_SHIFT, 2
	mtc0 $k0, C0_STATUS
	lui $k1, %hi(ret_to)
	lw $k0, %lo(ret_to)($k1)
	mtc0 $k0, C0_EPC
	ehb
	eret
1:	mfc0 $k0, C0_EPC
	addiu $k0, $k0, 4
	mtc0 $k0, C0_EPC
	ehb
	eret

timer_handler:                          /* ack the timer, note EPC */
	mfc0 $k0, C0_EPC
	lui $k1, %hi(int_epc)
	sw $k0, %lo(int_epc)($k1)
	li $k0, 0x7fffffff
	mtc0 $k0, C0_COMPARE
	eret

	.globl test_main
test_main:
	move $s6, $a0
	/* ---- 1. MFC0 of everything ---- */
	PUTS("mfc0, kernel:\n")
	la $s0, dump
	mfc0_all $s0
	la $a0, dump
	jal print_words
	li $a1, 256

	/* ---- 2. MTC0 of everything ---- */
	PUTS("mtc0 ~0 / 0 / a5, kernel:\n")
	P_CLEAR_EXC()
	la $s0, big
	.irp r, ALL_REGS
	mtc0_sel \r
	.endr
	CHECK_NEXC(0)
	la $a0, big
	jal print_words
	li $a1, 768

	/* ---- 3. the TLB ---- */
	PUTS("tlbr:\n")
	jal tlb_dump
	nop
	/* eight TLBWRs */
	li $s1, 0
1:	sll $t0, $s1, 13
	li $t1, 0xE0100000
	addu $t0, $t0, $t1
	addiu $t1, $s1, 0x30
	or $t0, $t0, $t1                /* ASID 0x30 + k */
	mtc0 $t0, C0_ENTRYHI
	mtc0 $zero, C0_PAGEMASK
	sll $t0, $s1, 7                 /* PFN 0x40 + 2k */
	addiu $t0, $t0, (0x40 << 6) | (3 << 3) | ENTRYLO_D | ENTRYLO_V
	mtc0 $t0, C0_ENTRYLO0
	addiu $t0, $t0, 1 << 6
	mtc0 $t0, C0_ENTRYLO1
	ehb
	tlbwr
	addiu $s1, $s1, 1
	slti $t0, $s1, 8
	bnez $t0, 1b
	nop
	PUTS("after tlbwr:\n")
	jal tlb_dump
	nop
	/* TLBP: hit (entry of k = 3 under ASID 0x33), miss (other ASID), miss */
	li $t0, 0xE0106000 | 0x33
	mtc0 $t0, C0_ENTRYHI
	ehb
	tlbp
	ehb
	mfc0 $s1, C0_INDEX
	li $t0, 0xE0106000 | 0x34
	mtc0 $t0, C0_ENTRYHI
	ehb
	tlbp
	ehb
	mfc0 $s2, C0_INDEX
	li $t0, 0xC0000000 | 0x77       /* the firmware's global entry 0 */
	mtc0 $t0, C0_ENTRYHI
	ehb
	tlbp
	ehb
	mfc0 $s3, C0_INDEX
	CHECK_EQ($s3, 0)
	srl $t0, $s2, 31
	CHECK_EQ($t0, 1)                /* P */
	PUTS("tlbp: ")
	PUTHEX($s1)
	PUTC(' ')
	PUTHEX($s2)
	PUTC('\n')
	/* a machine check: entries 20 and 21 both map 0xE0200000 (global) */
	p_tlbwi 20, 0xE0200000, PAGEMASK_4K, P_LO(0x50000, 3, P_DVG), P_LO(0x51000, 3, P_DVG)
	p_tlbwi 21, 0xE0200000, PAGEMASK_4K, P_LO(0x52000, 3, P_DVG), P_LO(0x53000, 3, P_DVG)
	P_CLEAR_EXC()
	li $t0, 0xE0200000
	mtc0 $t0, C0_ENTRYHI
	ehb
	tlbp
	ehb
	CHECK_EXC(EXC_MCHECK)
	CHECK_NEXC(1)
	mfc0 $t0, C0_STATUS
	li $t1, ST_TS
	and $t0, $t0, $t1
	CHECK_EQ($t0, ST_TS)
	mtc0 $zero, C0_STATUS           /* clear TS */
	mtc0 $zero, C0_ENTRYHI
	ehb
	P_CLEAR_EXC()
	li $t0, 0xE0200000
	lw $t1, 0($t0)
	CHECK_EXC(EXC_MCHECK)
	CHECK_NEXC(1)
	mtc0 $zero, C0_STATUS
	ehb
	p_tlbinval 21
	P_CLEAR_EXC()
	li $t0, 0xE0200000
	li $t1, 0x600d
	sw $t1, 0($t0)
	li $t0, 0xC0050000
	lw $t2, 0($t0)
	CHECK_EQ($t2, 0x600d)
	CHECK_NEXC(0)
	/* rewrite entries 0 and 1 with their own contents, from under them */
	li $s1, 0
1:	mtc0 $s1, C0_INDEX
	ehb
	tlbr
	ehb
	tlbwi
	ehb
	addiu $s1, $s1, 1
	slti $t0, $s1, 2
	bnez $t0, 1b
	nop
	mtc0 $zero, C0_ENTRYHI
	mtc0 $zero, C0_PAGEMASK
	ehb
	li $t0, IO(HW_SYSCTL_BASE)
	lw $t1, HW_SYSCTL_RAMSIZE($t0)
	CHECK_REG($t1, $s6)
	CHECK_NEXC(0)

	/* ---- 4. ERET ---- */
	mfc0 $s1, C0_STATUS
	la $t0, 1f
	mtc0 $t0, C0_ERROREPC
	la $t0, 9f
	mtc0 $t0, C0_EPC
	ori $t0, $s1, ST_ERL | ST_EXL
	mtc0 $t0, C0_STATUS
	ehb
	eret                            /* ERL: to ErrorEPC, clears ERL only */
9:	FAIL_HERE()
1:	mfc0 $t0, C0_STATUS
	andi $t0, $t0, ST_ERL | ST_EXL
	CHECK_EQ($t0, ST_EXL)
	la $t0, 1f
	mtc0 $t0, C0_EPC
	ehb
	eret                            /* EXL: to EPC */
	FAIL_HERE()
1:	mfc0 $t0, C0_STATUS
	andi $t0, $t0, ST_ERL | ST_EXL
	CHECK_EQ($t0, 0)
	la $t0, 1f
	mtc0 $t0, C0_EPC
	ehb
	eret                            /* neither: to EPC */
	FAIL_HERE()
1:	la $t0, llsc_word
	ll $t1, 0($t0)
	la $t2, 1f
	mtc0 $t2, C0_EPC
	ori $t2, $s1, ST_EXL
	mtc0 $t2, C0_STATUS
	ehb
	eret
1:	li $t1, 77
	sc $t1, 0($t0)
	CHECK_EQ($t1, 0)                /* ERET cleared the link */
	mtc0 $s1, C0_STATUS
	ehb

	/* ---- 5. WAIT with the timer ---- */
	P_CLEAR_EXC()
	mfc0 $s1, C0_COUNT
	addiu $t0, $s1, 300
	mtc0 $t0, C0_COMPARE
	li $t0, ST_IM_TIMER
	mtc0 $t0, C0_STATUS
	ehb
	wait
	mfc0 $s2, C0_COUNT
	mfc0 $s3, C0_CAUSE
	li $t0, 0x7fffffff
	mtc0 $t0, C0_COMPARE            /* ack */
	CHECK_NEXC(0)
	srl $t0, $s3, 30
	CHECK_EQ($t0, 1)                /* TI was set */
	PUTS("wait ie=0: ")
	subu $t0, $s2, $s1
	PUTDEC($t0)
	PUTC('\n')
	P_SET_HANDLER(timer_handler)
	mfc0 $s1, C0_COUNT
	addiu $t0, $s1, 500
	mtc0 $t0, C0_COMPARE
	li $t0, ST_IM_TIMER | ST_IE
	mtc0 $t0, C0_STATUS
	ehb
	wait
after_wait:
	mfc0 $s2, C0_COUNT
	mtc0 $zero, C0_STATUS
	ehb
	P_CLEAR_HANDLER()
	CHECK_EXC(EXC_INT)
	CHECK_NEXC(1)
	CHECK_WORD_ADDR(int_epc, after_wait)
	PUTS("wait ie=1: ")
	subu $t0, $s2, $s1
	PUTDEC($t0)
	PUTC('\n')

	/* ---- 6. DI / EI, CACHE ---- */
	P_CLEAR_EXC()
	li $t0, ST_IE | 0x5500
	mtc0 $t0, C0_STATUS
	ehb
	di $t1
	mfc0 $t2, C0_STATUS
	ei $t3
	mfc0 $t4, C0_STATUS
	mtc0 $zero, C0_STATUS
	ehb
	CHECK_EQ($t1, ST_IE | 0x5500)
	CHECK_EQ($t2, 0x5500)
	CHECK_EQ($t3, 0x5500)
	CHECK_EQ($t4, ST_IE | 0x5500)
	li $t0, 0x00000000
	cache 0x00, 0($t0)
	cache 0x15, 4($t0)
	li $t0, 0x80000000
	cache 0x01, 0($t0)
	li $t0, 0xFFFFFFFF
	cache 0x1f, 0($t0)
	cache 0x19, -1($t0)
	li $t0, 0xDF00F000
	cache 0x14, 0($t0)
	CHECK_NEXC(0)

	/* ---- 7. supervisor and user mode: CpU for everything ---- */
	p_tlb_flush
	p_map_useg 2
	jal save_cp0
	nop
	li $s4, 0                       /* 0: supervisor, 1: user */
7:	P_CLEAR_EXC()
	P_SET_HANDLER(skip_or_return)
	la $t0, 1f
	sw $t0, ret_to
	li $t0, SENT
	li $t1, -1
	li $t2, SENT + 2
	li $t3, SENT + 3
	bnez $s4, 2f
	nop
	P_ENTER_SUPER_ALIAS(priv_block)
2:	P_ENTER_USER_ALIAS(priv_block)
1:	P_CLEAR_HANDLER()
	CHECK_EQ($t0, SENT)
	CHECK_EQ($t2, SENT + 2)
	CHECK_EQ($t3, SENT + 3)
	CHECK_EXC(EXC_SYS)
	lw $s5, rt_exc_count
	CHECK_EQ($s5, 256 + 256 + 10 + 4 + 1)
	jal cmp_cp0
	nop
	CHECK_EQ($v0, 0)                /* no CP0 register changed */
	PUTS("exceptions: ")
	PUTDEC($s5)
	PUTC('\n')
	beqz $s4, 7b
	li $s4, 1

	/* ---- 8. user mode with CU0 = 1 ---- */
	P_CLEAR_EXC()
	P_SET_HANDLER(skip_or_return)
	la $t0, 1f
	sw $t0, ret_to
	li $t0, ST_CU0
	mtc0 $t0, C0_STATUS
	ehb
	la $s0, dump
	p_to_useg $s0
	P_ENTER_USER_ALIAS(cu0_block)
1:	P_CLEAR_HANDLER()
	mtc0 $zero, C0_STATUS
	ehb
	CHECK_NEXC(2)                   /* HYPCALL's RI and the SYSCALL */
	CHECK_EXC(EXC_SYS)
	la $s0, dump
	lw $t0, 1044($s0)
	CHECK_EQ($t0, 0x1234)           /* $v0 unchanged by the RI */
	PUTS("mfc0, user with cu0:\n")
	la $a0, dump
	jal print_words
	li $a1, 256 + 6
	p_tlbinval 2
	TEST_END()

/* TLBR of all 32 entries, printed */
tlb_dump:
	move $s7, $ra
	la $s2, big
	li $s1, 0
1:	mtc0 $s1, C0_INDEX
	ehb
	tlbr
	ehb
	mfc0 $t0, C0_ENTRYHI
	sw $t0, 0($s2)
	mfc0 $t0, C0_PAGEMASK
	sw $t0, 4($s2)
	mfc0 $t0, C0_ENTRYLO0
	sw $t0, 8($s2)
	mfc0 $t0, C0_ENTRYLO1
	sw $t0, 12($s2)
	addiu $s2, $s2, 16
	addiu $s1, $s1, 1
	slti $t0, $s1, P_NTLB
	bnez $t0, 1b
	nop
	mtc0 $zero, C0_ENTRYHI
	ehb
	la $a0, big
	jal print_words
	li $a1, 4 * P_NTLB
	jr $s7
	nop

/* the CP0 registers user code must not be able to change */
#define SAVED(X) X(C0_INDEX, 0) X(C0_ENTRYLO0, 4) X(C0_ENTRYLO1, 8) X(C0_CONTEXT, 12) \
	X(C0_PAGEMASK, 16) X(C0_WIRED, 20) X(C0_HWRENA, 24) X(C0_ENTRYHI, 28) X(C0_COMPARE, 32) \
	X(C0_EBASE, 36) X(C0_CONFIG, 40) X(C0_ERROREPC, 44)
#define SAVE1(reg, off) mfc0 $t0, reg; sw $t0, off($t1);
#define CMP1(reg, off) mfc0 $t0, reg; lw $t2, off($t1); xor $t0, $t0, $t2; or $v0, $v0, $t0;
save_cp0:
	la $t1, saved
	SAVED(SAVE1)
	jr $ra
	nop
cmp_cp0:
	la $t1, saved
	li $v0, 0
	SAVED(CMP1)
	jr $ra
	nop

	.data
	.align 4
int_epc:   .word 0
ret_to:    .word 0
llsc_word: .word 0
saved:     .space 64
dump:      .space 1024 + 64
big:       .space 768 * 4
