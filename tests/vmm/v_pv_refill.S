// LINK: sseg
// VMM: --ram 1M --stats @self
// EXPECT-EXIT: 0
// EXPECT-STDOUT: v_pv_refill.expect
// EXPECT-STDERR-MATCH: ^vm0 reflected +TLBS=32$
// EXPECT-STDERR-MATCH: ^vm0 hypercalls +pv-page=2$
// EXPECT-STDERR-MATCH: ^vm0 hcx calls +tlbwr\+eret=16$
// EXPECT-STDERR-MATCH: ^vm0   tlbwr +16$
/*
 * v_pv_refill (VMM only): a TLB refill handler written both ways, as in
 * docs/vmm.md ("The paravirtual interface"). Each maps useg page pairs
 * one to one onto guest-physical memory (EntryLo from BadVAddr):
 *   native:  mfc0 BadVAddr; ...; mtc0 EntryLo0; mtc0 EntryLo1; tlbwr; eret
 *   PV:      lw BadVAddr from the PV page; ...; hypcall HCX_TLBWR_ERET
 * Under each handler 16 useg page pairs get one store per page: the first
 * store to a pair is a refill (16 per handler, TLBS 32 in all), the second
 * finds the pair mapped. The words are then read back through sseg.
 * --stats shows 16 TLBWRs emulated (the native handler's) and 16
 * HCX_TLBWR_ERETs (the PV one's).
 */
#include "guest.h"
	.set noreorder

#define NPAIRS 16
#define ASID 3
#define LOFLAGS ((CACHE_CACHEABLE << 3) | ENTRYLO_D | ENTRYLO_V)

/* ---- the native handler's vectors ---- */
	.section .text.vecn, "ax"
	.balign 4096
vec_native:
	mfc0 $k1, C0_BADVADDR
	srl $k1, $k1, 13
	sll $k1, $k1, 7                     /* the even page's PFN: PA = VA */
	ori $k0, $k1, LOFLAGS
	addiu $k1, $k0, 1 << 6
	mtc0 $k0, C0_ENTRYLO0
	mtc0 $k1, C0_ENTRYLO1
	ehb
	tlbwr
	eret
	.org VEC_GENERAL
	li $k1, VEC_GENERAL
	j rt_exc
	nop

/* ---- the PV handler's vectors ---- */
	.section .text.vecp, "ax"
	.balign 4096
vec_pv:
	lui $k0, %hi(pvpage)
	lw $k1, %lo(pvpage + PV_BADVADDR)($k0)
	srl $k1, $k1, 13
	sll $k1, $k1, 7
	ori $k0, $k1, LOFLAGS
	addiu $k1, $k0, 1 << 6
	hypcall HCX_TLBWR_ERET
	.org VEC_GENERAL
	li $k1, VEC_GENERAL
	j rt_exc
	nop

	.text
/* touch(a0 = sseg address of the area, a1 = marker): one store to each of
 * its 2 * NPAIRS pages through useg (VA = PA), word i = marker + i */
touch:
	ins $a0, $zero, 29, 3
	li $t0, 0
1:	addu $t1, $a1, $t0
	sw $t1, 0($a0)
	addiu $a0, $a0, 0x1000
	addiu $t0, $t0, 1
	slti $t1, $t0, 2 * NPAIRS
	bnez $t1, 1b
	nop
	jr $ra
	nop

/* $v0 = how many pages of the area at a0 (sseg) do not start with marker + i */
verify:
	li $t0, 0
	li $v0, 0
1:	lw $t1, 0($a0)
	addu $t2, $a1, $t0
	beq $t1, $t2, 2f
	nop
	addiu $v0, $v0, 1
2:	addiu $a0, $a0, 0x1000
	addiu $t0, $t0, 1
	slti $t1, $t0, 2 * NPAIRS
	bnez $t1, 1b
	nop
	jr $ra
	nop

/* one phase: fresh TLB, EBase = a2, ASID, touch, back to rt's vectors */
phase:
	move $s0, $ra
	p_tlb_flush
	mtc0 $a2, C0_EBASE
	li $t0, ASID
	mtc0 $t0, C0_ENTRYHI
	ehb
	jal touch
	nop
	la $t0, rt_vectors
	mtc0 $t0, C0_EBASE
	mtc0 $zero, C0_ENTRYHI
	ehb
	jr $s0
	nop

	.globl test_main
test_main:
	P_CLEAR_EXC()
	la $a0, area1
	li $a1, 0x11110000
	la $a2, vec_native
	jal phase
	nop
	CHECK_NEXC(0)                       /* (the refills never reach rt_exc) */
	la $a0, area1
	li $a1, 0x11110000
	jal verify
	nop
	CHECK_EQ($v0, 0)
	PUTS("native refill handler: ok\n")

	la $a0, pvpage
	li $v0, HC_PV_PAGE
	hypcall
	CHECK_EQ($v0, 0)
	P_CLEAR_EXC()
	la $a0, area2
	li $a1, 0x22220000
	la $a2, vec_pv
	jal phase
	nop
	CHECK_NEXC(0)                       /* (the refills never reach rt_exc) */
	la $a0, area2
	li $a1, 0x22220000
	jal verify
	nop
	CHECK_EQ($v0, 0)
	li $a0, 0
	li $v0, HC_PV_PAGE
	hypcall
	PUTS("PV refill handler: ok\n")
	TEST_END()

	.data
	.balign 4096
pvpage:	.space 4096
	.balign 8192
area1:	.space 0x1000 * 2 * NPAIRS
area2:	.space 0x1000 * 2 * NPAIRS
