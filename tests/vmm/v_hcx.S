// LINK: sseg
// VMM: --ram 1M --stats --trace=exits @self
// EXPECT-EXIT: 0
// EXPECT-STDOUT: v_hcx.expect
// EXPECT-STDERR-MATCH: ^exit [0-9]+ vm0 [0-9]+ hypercall pc=[0-9a-f]{8} 42000828 hypcall.1 \(eret\) guest\+3 vmm\+37$
// EXPECT-STDERR-MATCH: ^exit [0-9]+ vm0 [0-9]+ hypercall pc=[0-9a-f]{8} 42001028 hypcall.2 \(tlbwr\+eret\) guest\+3 vmm\+37$
// EXPECT-STDERR-MATCH: ^exit [0-9]+ vm0 [0-9]+ hypercall pc=[0-9a-f]{8} 42001828 hypcall.3 \(idle\) guest\+1 vmm\+37$
// EXPECT-STDERR-MATCH: ^exit [0-9]+ vm0 [0-9]+ reflect pc=[0-9a-f]{8} 42002028 hypcall.4 -> RI guest\+5 vmm\+37$
// EXPECT-STDERR-MATCH: ^vm0 hcx calls +eret=3 tlbwr\+eret=3 idle=3$
// EXPECT-STDERR-MATCH: ^vm0 hypercalls +enosys=1$
/*
 * v_hcx (VMM only): the exception-path hypercalls, `hypcall CODE` with
 * arguments in $k0/$k1 (vmm/hypercall.h), in virtual kernel mode:
 *   - HCX_ERET (Status := $k1, EPC := $k0, ERET): back to kernel mode at
 *     $k0 with EXL cleared, EPC and Status as given, the LL link cleared,
 *     no GPR changed; to user mode at a useg address with the given Status
 *     (the SYSCALL there sees KSU = user and that EPC); with ERL in $k1 it
 *     returns to ErrorEPC, clearing ERL, as ERET does;
 *   - HCX_TLBWR_ERET (EntryLo0/1 := $k0/$k1, TLBWR, ERET): with Wired = 31
 *     Random always names entry 31: a mapping made this way works (TLBP
 *     finds it); replacing entry 31 by another mapping makes the old address
 *     fault (its shadow entry was invalidated: a stale one would have
 *     loaded the old page silently); remapping it gives the new page;
 *   - HCX_IDLE (Status := $k0, WAIT): with IE = 1 the timer wakes it and the
 *     interrupt is taken at the instruction after it; with IE = 0 it wakes
 *     without one, Count past Compare; in a delay slot it completes the
 *     branch;
 *   - the two ERET forms in a delay slot raise RI (as ERET does), nothing
 *     done; unknown codes (4, 7, 1023) raise RI, nothing done, no register
 *     changed; code 0 with an unknown $v0 is still HC_ENOSYS.
 * The mode rules (CpU in user and supervisor mode, RI with CU0) are in
 * v_hcx_native, which also runs natively.
 */
#include "guest.h"
	.set noreorder

#define S0 0x50505050
#define VA_X 0x00600000
#define VA_Y 0x00800000
#define ASID 0x21
#define LO(reg) ins reg, $zero, 29, 3; srl reg, reg, 12; sll reg, reg, 6; ori reg, reg, (CACHE_CACHEABLE << 3) | ENTRYLO_D | ENTRYLO_V
/* $k0 = the EntryLo0 of page `label`, $k1 = the next page's */
#define LO_PAIR(label) la $k0, label; LO($k0); addiu $k1, $k0, 1 << 6
#define SET_EPC(label) la $t0, label; mtc0 $t0, C0_EPC
#define EXL_ON li $t0, ST_EXL; mtc0 $t0, C0_STATUS; ehb
/* every GPR the tests care about, set / checked */
#define MARK li $v0, S0; li $v1, S0 + 1; li $a0, S0 + 2; li $a1, S0 + 3; li $t4, S0 + 4; li $s7, S0 + 5
#define MARKED CHECK_EQ($v0, S0); CHECK_EQ($v1, S0 + 1); CHECK_EQ($a0, S0 + 2); CHECK_EQ($a1, S0 + 3); \
	CHECK_EQ($t4, S0 + 4); CHECK_EQ($s7, S0 + 5)

	.text
/* rt_handler for the timer: count, acknowledge (Compare rewritten), IE = 0,
 * back to EPC. */
int_handler:
	lui $k1, %hi(int_n)
	lw $k0, %lo(int_n)($k1)
	addiu $k0, $k0, 1
	sw $k0, %lo(int_n)($k1)
	mfc0 $k0, C0_COMPARE
	mtc0 $k0, C0_COMPARE
	mfc0 $k0, C0_STATUS
	ins $k0, $zero, 0, 1
	mtc0 $k0, C0_STATUS
	ehb
	eret

/* where an ERET form that should not have happened would go */
hcx_bad:
	FAIL_HERE()
	TEST_END()

/* run in user mode (useg alias) by HCX_ERET */
usr_sys:
	syscall
	nop

	.globl test_main
test_main:
	P_CLEAR_EXC()
	p_tlb_flush

	/* ---- HCX_ERET to kernel mode ---- */
	EXL_ON
	la $k0, 1f
	li $k1, ST_EXL | ST_IM_SW0
	MARK
	la $t5, llword
	ll $t6, 0($t5)
	hypcall 1
	FAIL_HERE()
1:	move $s5, $k0
	move $s6, $k1                   /* (the checks use $k1) */
	li $t6, 77
	sc $t6, 0($t5)                  /* the link is gone */
	CHECK_EQ($t6, 0)
	lw $t6, llword
	CHECK_EQ($t6, 0x11111111)
	MARKED
	la $t0, 1b
	CHECK_REG($s5, $t0)             /* $k0/$k1 unchanged too */
	CHECK_EQ($s6, ST_EXL | ST_IM_SW0)
	mfc0 $t0, C0_STATUS
	CHECK_EQ($t0, ST_IM_SW0)        /* as given, EXL cleared by the ERET */
	mfc0 $t0, C0_EPC
	la $t1, 1b
	CHECK_REG($t0, $t1)
	mtc0 $zero, C0_STATUS
	ehb
	CHECK_NEXC(0)

	/* ---- HCX_ERET with ERL: to ErrorEPC, clearing ERL (EPC still written) ---- */
	la $t0, 2f
	mtc0 $t0, C0_ERROREPC
	la $k0, 3f
	li $k1, ST_ERL
	hypcall 1
	FAIL_HERE()
3:	FAIL_HERE()
	b 4f
	nop
2:	mfc0 $t0, C0_STATUS
	CHECK_EQ($t0, 0)
	mfc0 $t0, C0_EPC
	la $t1, 3b
	CHECK_REG($t0, $t1)
4:	CHECK_NEXC(0)

	/* ---- HCX_ERET to user mode ---- */
	p_map_useg 2
	P_CLEAR_EXC()
	P_TO_KERNEL()
	P_SET_RESUME(5f)
	EXL_ON
	la $k0, usr_sys
	ins $k0, $zero, 29, 3           /* its useg alias */
	li $k1, ST_KSU_USER | ST_EXL | ST_IM_SW1
	MARK
	hypcall 1
	FAIL_HERE()
5:	CHECK_NEXC(1)
	CHECK_EXC(EXC_SYS)
	MARKED
	CHECK_WORD(rt_exc_status, ST_KSU_USER | ST_EXL | ST_IM_SW1)
	la $t0, usr_sys
	ins $t0, $zero, 29, 3
	lw $t1, rt_exc_epc
	CHECK_REG($t1, $t0)
	mtc0 $zero, C0_STATUS
	ehb
	p_tlbinval 2
	PUTS("hcx eret: ok\n")

	/* ---- HCX_TLBWR_ERET: Wired = 31, so Random = 31 ---- */
	P_CLEAR_EXC()
	li $t0, 31
	mtc0 $t0, C0_WIRED
	mtc0 $zero, C0_PAGEMASK
	li $t0, VA_X | ASID
	mtc0 $t0, C0_ENTRYHI
	EXL_ON
	SET_EPC(1f)
	LO_PAIR(page_a)
	MARK
	hypcall 2
	FAIL_HERE()
1:	move $s5, $k0
	move $s6, $k1
	MARKED
	mfc0 $t0, C0_STATUS
	CHECK_EQ($t0, 0)
	mfc0 $t0, C0_ENTRYLO0
	CHECK_REG($t0, $s5)
	mfc0 $t0, C0_ENTRYLO1
	CHECK_REG($t0, $s6)
	la $t0, page_a
	LO($t0)
	CHECK_REG($s5, $t0)             /* $k0, $k1 unchanged */
	addiu $t0, $t0, 1 << 6
	CHECK_REG($s6, $t0)
	li $t1, VA_X
	lw $t2, 0($t1)
	CHECK_EQ($t2, 0xAAAA0000)
	lw $t2, 0x1000($t1)
	CHECK_EQ($t2, 0xAAAA1111)
	tlbp
	ehb
	mfc0 $t0, C0_INDEX
	CHECK_EQ($t0, 31)
	CHECK_NEXC(0)
	/* replace entry 31: VA_Y -> page_a; VA_X is no longer mapped */
	li $t0, VA_Y | ASID
	mtc0 $t0, C0_ENTRYHI
	EXL_ON
	SET_EPC(1f)
	LO_PAIR(page_a)
	hypcall 2
	FAIL_HERE()
1:	li $t1, VA_X
	li $t2, 0x600df00d
	lw $t2, 0($t1)                  /* a stale shadow would load 0xAAAA0000 */
	CHECK_NEXC(1)
	CHECK_EXC(EXC_TLBL)
	CHECK_WORD(rt_exc_vector, VEC_REFILL)
	CHECK_WORD(rt_exc_badvaddr, VA_X)
	CHECK_EQ($t2, 0x600df00d)
	li $t1, VA_Y
	lw $t2, 4($t1)
	CHECK_EQ($t2, 0xAAAA0004)
	/* VA_X -> page_b: the new page, not the old one */
	li $t0, VA_X | ASID
	mtc0 $t0, C0_ENTRYHI
	EXL_ON
	SET_EPC(1f)
	LO_PAIR(page_b)
	hypcall 2
	FAIL_HERE()
1:	P_CLEAR_EXC()
	li $t1, VA_X
	lw $t2, 0($t1)
	CHECK_EQ($t2, 0xBBBB0000)
	lw $t2, 0x1000($t1)
	CHECK_EQ($t2, 0xBBBB1111)
	li $t1, VA_Y                    /* entry 31 was replaced again */
	li $t2, 0x600df00d
	lw $t2, 0($t1)
	CHECK_NEXC(1)
	CHECK_EXC(EXC_TLBL)
	CHECK_EQ($t2, 0x600df00d)
	li $t0, 2
	mtc0 $t0, C0_WIRED
	mtc0 $zero, C0_ENTRYHI
	ehb
	p_tlbinval 31
	P_CLEAR_EXC()
	PUTS("hcx tlbwr+eret: ok\n")

	/* ---- HCX_IDLE with IE = 1: the timer wakes it, the interrupt at the next ---- */
	P_SET_HANDLER(int_handler)
	sw $zero, int_n
	mfc0 $s0, C0_COUNT
	addiu $t0, $s0, 500
	mtc0 $t0, C0_COMPARE
	li $k0, ST_IM_TIMER | ST_IE
	MARK
	hypcall 3
idle_next:
	nop
	P_CLEAR_HANDLER()
	MARKED
	lw $t0, int_n
	CHECK_EQ($t0, 1)
	CHECK_NEXC(1)
	CHECK_EXC(EXC_INT)
	CHECK_WORD_ADDR(rt_exc_epc, idle_next)
	CHECK_WORD(rt_exc_status, ST_IM_TIMER | ST_IE | ST_EXL)
	mfc0 $t0, C0_COUNT
	subu $t0, $t0, $s0
	sltiu $t0, $t0, 500
	CHECK_EQ($t0, 0)                /* Count went past Compare */
	mfc0 $t0, C0_STATUS
	CHECK_EQ($t0, ST_IM_TIMER)      /* IE = 0 (the handler) */
	/* with IE = 0: woken, no interrupt */
	P_CLEAR_EXC()
	mfc0 $s0, C0_COUNT
	addiu $t0, $s0, 300
	mtc0 $t0, C0_COMPARE
	li $k0, ST_IM_TIMER
	li $k1, S0 + 9
	hypcall 3
	move $s5, $k0
	move $s6, $k1
	CHECK_EQ($s5, ST_IM_TIMER)
	CHECK_EQ($s6, S0 + 9)
	CHECK_NEXC(0)
	mfc0 $t0, C0_COUNT
	subu $t0, $t0, $s0
	sltiu $t0, $t0, 300
	CHECK_EQ($t0, 0)
	mfc0 $t0, C0_CAUSE
	li $t1, CAUSE_TI | 0x8000
	and $t0, $t0, $t1
	CHECK_REG($t0, $t1)
	/* in a delay slot: the branch completes after the wait */
	mfc0 $s0, C0_COUNT
	addiu $t0, $s0, 50
	mtc0 $t0, C0_COMPARE            /* (also acknowledges the last match) */
	li $k0, ST_IM_TIMER
	b 1f
	hypcall 3
	FAIL_HERE()
1:	CHECK_NEXC(0)
	mfc0 $t0, C0_COUNT
	subu $t0, $t0, $s0
	sltiu $t0, $t0, 50
	CHECK_EQ($t0, 0)
	mtc0 $zero, C0_STATUS
	mtc0 $zero, C0_COMPARE
	ehb
	PUTS("hcx idle: ok\n")

	/* ---- the ERET forms in a delay slot: RI, nothing done ---- */
	P_CLEAR_EXC()
	la $k0, hcx_bad
	li $k1, ST_KSU_USER | ST_EXL
br1:	b 1f                            /* (rt resumes after the slot) */
	hypcall 1
1:	CHECK_NEXC(1)
	CHECK_EXC(EXC_RI)
	CHECK_WORD_ADDR(rt_exc_epc, br1)
	CHECK_WORD(rt_exc_cause, CAUSE_BD | (EXC_RI << CAUSE_EXC_SHIFT))
	CHECK_WORD(rt_exc_status, ST_EXL)  /* not $k1 */
	mfc0 $t0, C0_STATUS
	CHECK_EQ($t0, 0)
	P_CLEAR_EXC()
	li $t0, VA_X | ASID
	mtc0 $t0, C0_ENTRYHI
	mtc0 $zero, C0_ENTRYLO0
	ehb
	LO_PAIR(page_a)
br2:	beq $zero, $zero, 1f
	hypcall 2
1:	CHECK_NEXC(1)
	CHECK_EXC(EXC_RI)
	CHECK_WORD_ADDR(rt_exc_epc, br2)
	mfc0 $t0, C0_ENTRYLO0
	CHECK_EQ($t0, 0)                /* not written */
	li $t0, VA_X | ASID
	mtc0 $t0, C0_ENTRYHI
	ehb
	tlbp
	ehb
	mfc0 $t0, C0_INDEX
	srl $t0, $t0, 31
	CHECK_EQ($t0, 1)                /* Index.P: no TLBWR either */
	mtc0 $zero, C0_ENTRYHI
	mtc0 $zero, C0_STATUS
	ehb

	/* ---- unknown codes: RI at the HYPCALL, nothing done, no GPR changed ---- */
	.irp code, 4, 7, 1023
	P_CLEAR_EXC()
	li $k0, 0
	li $k1, ST_KSU_USER
	MARK
1:	hypcall \code
	MARKED
	CHECK_NEXC(1)
	CHECK_EXC(EXC_RI)
	CHECK_WORD_ADDR(rt_exc_epc, 1b)
	CHECK_WORD(rt_exc_status, ST_EXL)
	mfc0 $t0, C0_STATUS
	CHECK_EQ($t0, 0)
	.endr
	/* code 0, unknown $v0: HC_ENOSYS, no exception */
	P_CLEAR_EXC()
	li $v0, 7
	hypcall
	CHECK_EQ($v0, HC_ENOSYS)
	CHECK_NEXC(0)
	PUTS("hcx delay slots, unknown codes: RI\n")
	TEST_END()

	.data
	.align 2
int_n:	.word 0
llword:	.word 0x11111111
	.balign 8192
page_a:	.word 0xAAAA0000, 0xAAAA0004
	.balign 4096
	.word 0xAAAA1111
	.balign 4096
page_b:	.word 0xBBBB0000
	.balign 4096
	.word 0xBBBB1111
	.balign 4096
