// LINK: sseg
// VMM: --ram 1M --stats --trace=exits @self
// EXPECT-EXIT: 0
// EXPECT-STDOUT: v_pv_page.expect
// EXPECT-STDERR-MATCH: ^exit [0-9]+ vm0 [0-9]+ hypercall pc=[0-9a-f]{8} 42000028 hypcall \(v0=6 pv-page\) guest\+1 vmm\+37$
// EXPECT-STDERR-MATCH: ^vm0 hypercalls +pv-page=18$
// EXPECT-STDERR-MATCH: ^vm0 reflected +Int=1 TLBL=1 TLBS=1 AdEL=1 Sys=8 RI=1$
/*
 * v_pv_page (VMM only): HC_PV_PAGE and the PV page (vmm/hypercall.h).
 *   - registration: a page of sseg (the firmware's wired window), its kseg0
 *     alias, a useg page through our own TLB entry (translated once: the
 *     page keeps being written after the entry is gone); $a0 = 0 turns it
 *     off (then nothing is written); errors leave the registration as it
 *     was and change no other register: misaligned (HC_EINVAL, checked
 *     before the mapping), useg unmapped or invalid, past RAM through the
 *     sseg window, the device window, kseg1 devices, kseg3 (HC_EFAULT);
 *   - contents, each compared word by word with what the runtime's handler
 *     read with MFC0 right after the same delivery, and with the values
 *     MIPS32 prescribes: after SYSCALL (also in a delay slot: EPC = the
 *     branch, Cause.BD), after a TLB refill (load) and a TLB refill
 *     (store) in useg (BadVAddr, EntryHi = VPN2 | ASID, Context = PTEBase
 *     | BadVPN2), after an address error (BadVAddr only), after a timer
 *     interrupt (Cause.ExcCode = Int, IP7, TI; EPC in the spin loop), and
 *     after an RI.
 * The --stats and --trace=exits lines of the hypercall are checked too.
 */
#include "guest.h"
	.set noreorder

#define PAT 0x5eed0000
#define USEG 0x00400000             /* our TLB entry 5 maps it (ASID 5) */
#define IP7 0x8000

/* $v0 = HC_PV_PAGE(reg) */
#define PVREG(reg) move $a0, reg; li $v0, HC_PV_PAGE; hypcall
/* the PV word at off equals the word rt_exc read with MFC0 */
#define PV_EQ(base, off, sym) lw $t0, base + off; lw $t1, sym; CHECK_REG($t0, $t1)
#define PV_IS_RT(base) PV_EQ(base, PV_EPC, rt_exc_epc); PV_EQ(base, PV_CAUSE, rt_exc_cause); \
	PV_EQ(base, PV_STATUS, rt_exc_status); PV_EQ(base, PV_BADVADDR, rt_exc_badvaddr); \
	PV_EQ(base, PV_ENTRYHI, rt_exc_entryhi); PV_EQ(base, PV_CONTEXT, rt_exc_context)
/* the PV word at off, masked, equals val / equals the address of label */
#define PV_IS(base, off, mask, val) lw $t0, base + off; li $t1, mask; and $t0, $t0, $t1; CHECK_EQ($t0, val)
#define PV_AT(base, off, label) lw $t0, base + off; la $t1, label; CHECK_REG($t0, $t1)

	.text
/* fill the six PV words of the page at $a0 with PAT + offset */
fill:
	li $t0, 0
1:	addu $t1, $a0, $t0
	li $t2, PAT
	addu $t2, $t2, $t0
	sw $t2, 0($t1)
	addiu $t0, $t0, 4
	slti $t2, $t0, PV_SIZE
	bnez $t2, 1b
	nop
	jr $ra
	nop

/* $v0 = 1 if the page at $a0 still holds fill's pattern, else 0 */
unchanged:
	li $t0, 0
	li $v0, 1
1:	addu $t1, $a0, $t0
	lw $t1, 0($t1)
	li $t2, PAT
	addu $t2, $t2, $t0
	beq $t1, $t2, 2f
	nop
	li $v0, 0
2:	addiu $t0, $t0, 4
	slti $t2, $t0, PV_SIZE
	bnez $t2, 1b
	nop
	jr $ra
	nop

/* rt_handler for the timer: count it, acknowledge it (Compare rewritten:
 * TI cleared, the next match 2^32 counts away), Status.IE = 0, back to EPC. */
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

	.globl test_main
test_main:
	P_CLEAR_EXC()
	p_tlb_flush
	la $s0, pvpage
	la $s1, pvpage2

	/* ---- off at boot: a SYSCALL writes nothing ---- */
	move $a0, $s0
	jal fill
	nop
	syscall
	move $a0, $s0
	jal unchanged
	nop
	CHECK_EQ($v0, 1)
	CHECK_NEXC(1)

	/* ---- errors: $v0 only; $a0 and the rest kept ---- */
	li $s2, 0x12345678
	addiu $a0, $s0, 4
	li $v0, HC_PV_PAGE
	hypcall
	CHECK_EQ($v0, HC_EINVAL)
	addiu $t0, $s0, 4
	CHECK_REG($a0, $t0)
	CHECK_EQ($s2, 0x12345678)
	addiu $t0, $s0, 0x800
	PVREG($t0)
	CHECK_EQ($v0, HC_EINVAL)
	li $t0, USEG + 0x10                 /* misaligned and unmapped: EINVAL first */
	PVREG($t0)
	CHECK_EQ($v0, HC_EINVAL)
	li $t0, 0xffffffff
	PVREG($t0)
	CHECK_EQ($v0, HC_EINVAL)
	li $t0, USEG                        /* useg, no TLB entry */
	PVREG($t0)
	CHECK_EQ($v0, HC_EFAULT)
	li $t0, 0xC0100000                  /* the sseg window past our 1M of RAM */
	PVREG($t0)
	CHECK_EQ($v0, HC_EFAULT)
	li $t0, 0xDF000000                  /* the device window (system controller) */
	PVREG($t0)
	CHECK_EQ($v0, HC_EFAULT)
	li $t0, 0xBF001000                  /* kseg1: the console */
	PVREG($t0)
	CHECK_EQ($v0, HC_EFAULT)
	li $t0, 0xE0000000                  /* kseg3, unmapped */
	PVREG($t0)
	CHECK_EQ($v0, HC_EFAULT)
	syscall                             /* still off */
	move $a0, $s0
	jal unchanged
	nop
	CHECK_EQ($v0, 1)
	CHECK_NEXC(2)
	PUTS("pv page: errors\n")

	/* ---- registered in sseg: SYSCALL ---- */
	PVREG($s0)
	CHECK_EQ($v0, 0)
	CHECK_REG($a0, $s0)
	P_CLEAR_EXC()
sys1:	syscall
	CHECK_NEXC(1)
	PV_IS_RT(pvpage)
	PV_AT(pvpage, PV_EPC, sys1)
	PV_IS(pvpage, PV_CAUSE, CAUSE_EXC | CAUSE_BD, EXC_SYS << CAUSE_EXC_SHIFT)
	PV_IS(pvpage, PV_STATUS, ST_EXL | ST_ERL | ST_KSU | ST_IE, ST_EXL)
	/* in a delay slot: EPC = the branch, BD (rt resumes after the slot) */
	P_CLEAR_EXC()
br1:	b 1f
	syscall
1:	CHECK_NEXC(1)
	PV_IS_RT(pvpage)
	PV_AT(pvpage, PV_EPC, br1)
	PV_IS(pvpage, PV_CAUSE, CAUSE_EXC | CAUSE_BD, CAUSE_BD | (EXC_SYS << CAUSE_EXC_SHIFT))
	PUTS("pv page: syscall\n")

	/* ---- TLB refills: BadVAddr, EntryHi (VPN2 | ASID), Context ---- */
	li $t0, 0x12800000                  /* Context.PTEBase */
	mtc0 $t0, C0_CONTEXT
	li $t0, 0x17                        /* ASID 0x17 */
	mtc0 $t0, C0_ENTRYHI
	ehb
	P_CLEAR_EXC()
	li $t2, 0x00602abc
ref1:	lw $t3, 0($t2)                      /* refill (load), rt resumes after it */
	CHECK_NEXC(1)
	CHECK_EXC(EXC_TLBL)
	CHECK_WORD(rt_exc_vector, VEC_REFILL)
	PV_IS_RT(pvpage)
	PV_AT(pvpage, PV_EPC, ref1)
	PV_IS(pvpage, PV_CAUSE, CAUSE_EXC | CAUSE_BD, EXC_TLBL << CAUSE_EXC_SHIFT)
	PV_IS(pvpage, PV_BADVADDR, 0xffffffff, 0x00602abc)
	PV_IS(pvpage, PV_ENTRYHI, 0xffffffff, 0x00602000 | 0x17)
	PV_IS(pvpage, PV_CONTEXT, 0xffffffff, 0x12800000 | (0x00602000 >> 13 << 4))
	P_CLEAR_EXC()
	li $t2, 0x7fff5ff8
ref2:	sw $t3, 0($t2)                      /* refill (store) */
	CHECK_NEXC(1)
	CHECK_EXC(EXC_TLBS)
	PV_IS_RT(pvpage)
	PV_AT(pvpage, PV_EPC, ref2)
	PV_IS(pvpage, PV_BADVADDR, 0xffffffff, 0x7fff5ff8)
	PV_IS(pvpage, PV_ENTRYHI, 0xffffffff, 0x7fff4000 | 0x17)
	PV_IS(pvpage, PV_CONTEXT, 0xffffffff, 0x12800000 | (0x7fff4000 >> 13 << 4))
	/* an address error: BadVAddr; EntryHi and Context stay */
	P_CLEAR_EXC()
	addiu $t2, $s0, 0x101
ade1:	lw $t3, 0($t2)
	CHECK_NEXC(1)
	CHECK_EXC(EXC_ADEL)
	PV_IS_RT(pvpage)
	PV_AT(pvpage, PV_EPC, ade1)
	addiu $t2, $s0, 0x101
	lw $t0, pvpage + PV_BADVADDR
	CHECK_REG($t0, $t2)
	PV_IS(pvpage, PV_ENTRYHI, 0xffffffff, 0x7fff4000 | 0x17)
	mtc0 $zero, C0_ENTRYHI
	mtc0 $zero, C0_CONTEXT
	ehb
	PUTS("pv page: tlb refill\n")

	/* ---- the timer: Int, IP7, TI, EPC in the loop ---- */
	P_CLEAR_EXC()
	P_SET_HANDLER(int_handler)
	sw $zero, int_n
	mfc0 $t0, C0_COUNT
	addiu $t0, $t0, 100
	mtc0 $t0, C0_COMPARE
	li $t0, ST_IM_TIMER | ST_IE
	mtc0 $t0, C0_STATUS
	ehb
	li $t1, 100000
spin:	lw $t8, int_n
	bnez $t8, spin_end
	nop
	addiu $t1, $t1, -1
	bnez $t1, spin
	nop
spin_end:
	P_CLEAR_HANDLER()
	mtc0 $zero, C0_STATUS
	ehb
	lw $t8, int_n
	CHECK_EQ($t8, 1)
	CHECK_NEXC(1)
	CHECK_EXC(EXC_INT)
	PV_IS_RT(pvpage)
	PV_IS(pvpage, PV_CAUSE, CAUSE_EXC | CAUSE_BD | IP7 | CAUSE_TI, IP7 | CAUSE_TI)
	PV_IS(pvpage, PV_STATUS, 0xffffffff, ST_IM_TIMER | ST_IE | ST_EXL)
	lw $t0, pvpage + PV_EPC             /* in the loop: spin .. spin_end */
	la $t1, spin
	subu $t0, $t0, $t1
	la $t2, spin_end
	subu $t2, $t2, $t1
	sltu $t0, $t0, $t2
	CHECK_EQ($t0, 1)
	PUTS("pv page: timer\n")

	/* ---- RI ---- */
	P_CLEAR_EXC()
ri1:	.word 0x0000003f                    /* a reserved SPECIAL function */
	CHECK_NEXC(1)
	CHECK_EXC(EXC_RI)
	PV_IS_RT(pvpage)
	PV_AT(pvpage, PV_EPC, ri1)

	/* ---- errors keep the registration ---- */
	li $t0, USEG
	PVREG($t0)
	CHECK_EQ($v0, HC_EFAULT)
	addiu $t0, $s1, 8
	PVREG($t0)
	CHECK_EQ($v0, HC_EINVAL)
	move $a0, $s0
	jal fill
	nop
	syscall
	move $a0, $s0
	jal unchanged
	nop
	CHECK_EQ($v0, 0)                    /* written */
	PV_IS_RT(pvpage)

	/* ---- off: nothing written ---- */
	PVREG($zero)
	CHECK_EQ($v0, 0)
	PVREG($zero)                        /* off twice: fine */
	CHECK_EQ($v0, 0)
	move $a0, $s0
	jal fill
	nop
	syscall
	move $a0, $s0
	jal unchanged
	nop
	CHECK_EQ($v0, 1)
	PUTS("pv page: off\n")

	/* ---- the kseg0 alias of pvpage2: the same physical page ---- */
	move $t0, $s1
	to_kseg0 $t0, $t1
	PVREG($t0)
	CHECK_EQ($v0, 0)
	move $a0, $s1
	jal fill
	nop
	P_CLEAR_EXC()
sys2:	syscall
	PV_IS_RT(pvpage2)
	PV_AT(pvpage2, PV_EPC, sys2)
	PUTS("pv page: kseg0\n")

	/* ---- useg through our entry 5 (ASID 5), then the entry goes ---- */
	la $t0, pvpage
	ins $t0, $zero, 29, 3               /* PA */
	srl $t0, $t0, 12
	sll $t0, $t0, 6
	ori $t0, $t0, (CACHE_CACHEABLE << 3) | ENTRYLO_D | ENTRYLO_V
	mtc0 $t0, C0_ENTRYLO0               /* USEG -> pvpage */
	mtc0 $zero, C0_ENTRYLO1             /* USEG + 4K: invalid */
	li $t0, USEG | 5
	mtc0 $t0, C0_ENTRYHI
	mtc0 $zero, C0_PAGEMASK
	li $t0, 5
	mtc0 $t0, C0_INDEX
	ehb
	tlbwi
	ehb
	li $t0, USEG + 0x1000               /* the invalid half */
	PVREG($t0)
	CHECK_EQ($v0, HC_EFAULT)
	li $t0, USEG
	PVREG($t0)
	CHECK_EQ($v0, 0)
	mtc0 $zero, C0_ENTRYHI              /* ASID 0: USEG is not mapped any more */
	ehb
	p_tlbinval 5                        /* nor is it under ASID 5 */
	move $a0, $s0
	jal fill
	nop
	P_CLEAR_EXC()
sys3:	syscall
	PV_IS_RT(pvpage)                    /* written all the same: translated once */
	PV_AT(pvpage, PV_EPC, sys3)
	PVREG($zero)
	CHECK_EQ($v0, 0)
	PUTS("pv page: useg, translated once\n")
	TEST_END()

	.data
	.align 2
int_n:	.word 0
	.balign 4096
pvpage:	.space 4096
pvpage2: .space 4096
