// LINK: sseg
/* p_sseg_ebase: a program linked in sseg (0xC0000000) booted by the firmware
 * protocol (DESIGN.md section 5): $a0 = RAM size, $sp = 0xC0800000, kernel
 * mode with EXL = ERL = IE = BEV = 0; Wired = 2 and the two wired TLB entries
 * exactly as specified; devices through 0xDF000000. EBase in sseg (the
 * Trapeze deviation): the refill, general and interrupt vectors really run
 * at the sseg addresses (each stub records its own PC). Supervisor mode runs
 * sseg code and reaches the devices; user mode cannot fetch from sseg. */
#include "harness.h"
#include "p_common.h"
	.set noreorder

/* ---- vectors in sseg that record the PC they run at ---- */
	.section .text.myvec, "ax"
	.balign 4096
my_vectors:
	la $k0, vec000_ret
	jalr $k1, $k0                   /* $k1 = the address we really run at + 8 */
	nop
vec000_ret:
	lui $k0, %hi(vec_pc)
	sw $k1, %lo(vec_pc)($k0)
	li $k1, VEC_REFILL
	j rt_exc
	nop
	.org 0x180
	la $k0, vec180_ret
	jalr $k1, $k0
	nop
vec180_ret:
	lui $k0, %hi(vec_pc)
	sw $k1, %lo(vec_pc)($k0)
	li $k1, VEC_GENERAL
	j rt_exc
	nop
	.org 0x200
	la $k0, vec200_ret
	jalr $k1, $k0
	nop
vec200_ret:
	lui $k0, %hi(vec_pc)
	sw $k1, %lo(vec_pc)($k0)
	li $k1, VEC_INTERRUPT
	j rt_exc
	nop

	.text
/* clear the software interrupts and return to EPC */
soft_handler:
	mfc0 $k0, C0_CAUSE
	ins $k0, $zero, 8, 2
	mtc0 $k0, C0_CAUSE
	ehb
	eret

super_io:                               /* supervisor: devices via sseg */
	li $t0, IO(HW_SYSCTL_BASE)
	lw $t1, HW_SYSCTL_RAMSIZE($t0)
	syscall
	nop
super_bad:                              /* supervisor: kseg0 is off limits */
	lw $t2, 0($s0)
	syscall
	nop
user_code:                              /* user mode cannot even fetch this */
	syscall
	nop

	.globl test_main
test_main:
	/* ---- the boot protocol ---- */
	CHECK_EQ($a0, HW_RAM_DEFAULT)
	CHECK_EQ($sp, HW_SSEG_BASE + HW_FW_STACK_MAX)
	mfc0 $t0, C0_STATUS
	andi $t0, $t0, ST_KSU | ST_EXL | ST_ERL | ST_IE
	CHECK_EQ($t0, 0)
	mfc0 $t0, C0_STATUS
	li $t1, ST_BEV
	and $t0, $t0, $t1
	CHECK_EQ($t0, 0)
	mfc0 $t0, C0_EBASE              /* rt set it to its own vectors */
	CHECK_EQ($t0, 0xC0000000)
	mfc0 $t0, C0_WIRED
	CHECK_EQ($t0, HW_FW_WIRED)
	li $t0, IO(HW_SYSCTL_BASE)
	lw $t1, HW_SYSCTL_RAMSIZE($t0)
	CHECK_EQ($t1, HW_RAM_DEFAULT)
	CHECK_EQ($t0, 0xDF000000)

	/* ---- the firmware's TLB entries ---- */
	mtc0 $zero, C0_INDEX
	ehb
	tlbr
	ehb
	mfc0 $t0, C0_ENTRYHI
	li $t1, ~ENTRYHI_ASID
	and $t0, $t0, $t1
	CHECK_EQ($t0, 0xC0000000)
	mfc0 $t0, C0_PAGEMASK
	CHECK_EQ($t0, PAGEMASK_4M)
	mfc0 $t0, C0_ENTRYLO0
	CHECK_EQ($t0, P_LO(0x00000000, CACHE_CACHEABLE, P_DVG))
	mfc0 $t0, C0_ENTRYLO1
	CHECK_EQ($t0, P_LO(0x00400000, CACHE_CACHEABLE, P_DVG))
	li $t0, 1
	mtc0 $t0, C0_INDEX
	ehb
	tlbr
	ehb
	mfc0 $t0, C0_ENTRYHI
	li $t1, ~ENTRYHI_ASID
	and $t0, $t0, $t1
	CHECK_EQ($t0, 0xDF000000)
	mfc0 $t0, C0_PAGEMASK
	CHECK_EQ($t0, PAGEMASK_64K)
	mfc0 $t0, C0_ENTRYLO0
	CHECK_EQ($t0, P_LO(0x1F000000, CACHE_UNCACHED, P_DVG))
	mfc0 $t0, C0_ENTRYLO1
	andi $t0, $t0, ENTRYLO_V | ENTRYLO_G
	CHECK_EQ($t0, ENTRYLO_G)        /* odd half invalid; G (entry is global) */
	mtc0 $zero, C0_ENTRYHI
	mtc0 $zero, C0_PAGEMASK
	ehb
	p_tlb_flush

	/* ---- exceptions at rt's sseg vectors ---- */
	P_CLEAR_EXC()
1:	syscall
	CHECK_EXC(EXC_SYS)
	CHECK_WORD(rt_exc_vector, VEC_GENERAL)
	CHECK_WORD_ADDR(rt_exc_epc, 1b)

	/* ---- our own vectors on another sseg page: they run in sseg ---- */
	la $t0, my_vectors
	mtc0 $t0, C0_EBASE
	ehb
	mfc0 $t1, C0_EBASE
	CHECK_REG($t1, $t0)
	P_CLEAR_EXC()
1:	syscall
	CHECK_EXC(EXC_SYS)
	CHECK_WORD(rt_exc_vector, VEC_GENERAL)
	CHECK_WORD_ADDR(rt_exc_epc, 1b)
	CHECK_WORD_ADDR(vec_pc, vec180_ret)
	P_CLEAR_EXC()
	li $t0, 0x00001000              /* TLB refill */
	lw $t1, 0($t0)
	CHECK_EXC(EXC_TLBL)
	CHECK_WORD(rt_exc_vector, VEC_REFILL)
	CHECK_WORD_ADDR(vec_pc, vec000_ret)
	P_CLEAR_EXC()                     /* interrupt, IV = 0: general vector */
	P_SET_HANDLER(soft_handler)
	li $t0, ST_IM_SW0 | ST_IE
	mtc0 $t0, C0_STATUS
	li $t0, 0x100
	mtc0 $t0, C0_CAUSE
	ehb
	nop
	nop
	mtc0 $zero, C0_STATUS
	ehb
	CHECK_EXC(EXC_INT)
	CHECK_WORD(rt_exc_vector, VEC_GENERAL)
	CHECK_WORD_ADDR(vec_pc, vec180_ret)
	P_CLEAR_EXC()                     /* interrupt, IV = 1: +0x200 */
	P_SET_HANDLER(soft_handler)
	li $t0, ST_IM_SW0 | ST_IE
	mtc0 $t0, C0_STATUS
	li $t0, CAUSE_IV | 0x100
	mtc0 $t0, C0_CAUSE
	ehb
	nop
	nop
	mtc0 $zero, C0_STATUS
	mtc0 $zero, C0_CAUSE
	ehb
	CHECK_EXC(EXC_INT)
	CHECK_WORD(rt_exc_vector, VEC_INTERRUPT)
	CHECK_WORD_ADDR(vec_pc, vec200_ret)
	P_CLEAR_EXC()
	la $t0, rt_vectors
	mtc0 $t0, C0_EBASE
	ehb

	/* ---- supervisor mode runs sseg code and reaches the devices ---- */
	P_CLEAR_EXC()
	P_SET_RESUME(1f)
	P_TO_KERNEL()
	li $t1, 0
	ENTER_SUPER(super_io)
1:	CHECK_EXC(EXC_SYS)
	CHECK_NEXC(1)
	CHECK_EQ($t1, HW_RAM_DEFAULT)
	P_CLEAR_EXC()
	P_SET_RESUME(1f)
	P_TO_KERNEL()
	li $s0, 0x80001000
	ENTER_SUPER(super_bad)
1:	CHECK_EXC(EXC_ADEL)
	CHECK_WORD(rt_exc_badvaddr, 0x80001000)
	CHECK_WORD_ADDR(rt_exc_epc, super_bad)
	/* ---- user mode cannot fetch sseg ---- */
	P_CLEAR_EXC()
	P_SET_RESUME(1f)
	P_TO_KERNEL()
	ENTER_USER(user_code)
1:	CHECK_EXC(EXC_ADEL)
	CHECK_NEXC(1)
	CHECK_WORD_ADDR(rt_exc_badvaddr, user_code)
	CHECK_WORD_ADDR(rt_exc_epc, user_code)
	mfc0 $t0, C0_STATUS
	andi $t0, $t0, ST_KSU | ST_EXL
	CHECK_EQ($t0, 0)
	TEST_END()

	.data
	.align 2
vec_pc: .word 0
