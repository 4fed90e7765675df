// LINK: both
/* p_busError: physical addresses with no RAM and no device. Loads and stores
 * raise DBE, instruction fetches IBE (EPC = the instruction / the fetch
 * address), through kseg1, kseg0 and the TLB alike. The last word of RAM, and
 * the devices, still work. Running off the end of RAM gives IBE at the first
 * address past it. The sseg build (LINK: both) leaves out the kernel-mode
 * fetches through kseg0/kseg1, which the VMM does not support. */
#include "harness.h"
#include "p_common.h"
	.set noreorder

#define BUSCHK(code, label) CHECK_EXC(code); CHECK_NEXC(1); CHECK_WORD_ADDR(rt_exc_epc, label)

	.text
	.globl test_main
test_main:
	p_tlb_flush
	/* useg 0x00400000 -> PA 0x10000000 (nothing there) / PA 0x01fff000 (RAM) */
	p_tlbwi 2, 0x00400000, PAGEMASK_4K, P_LO(0x10000000, CACHE_UNCACHED, P_DVG), P_LO(0x01fff000, CACHE_UNCACHED, P_DVG)

	/* ---- loads and stores ---- */
	P_CLEAR_EXC()
	li $s0, 0xB0000000              /* PA 0x10000000: beyond 32 MiB of RAM */
	li $t1, 0x1234
1:	lw $t1, 0($s0)
	BUSCHK(EXC_DBE, 1b)
	CHECK_EQ($t1, 0x1234)           /* the load did not complete */
	P_CLEAR_EXC()
1:	sw $zero, 0($s0)
	BUSCHK(EXC_DBE, 1b)
	P_CLEAR_EXC()
1:	lbu $t1, 3($s0)
	BUSCHK(EXC_DBE, 1b)
	P_CLEAR_EXC()
1:	sh $zero, 2($s0)
	BUSCHK(EXC_DBE, 1b)
	P_CLEAR_EXC()
	li $s1, 0x90000000              /* the same through kseg0 */
1:	lw $t1, 0($s1)
	BUSCHK(EXC_DBE, 1b)
	P_CLEAR_EXC()
	li $s1, 0xA2000000              /* first byte after RAM */
1:	lb $t1, 0($s1)
	BUSCHK(EXC_DBE, 1b)
	P_CLEAR_EXC()
	li $s1, 0xA1FFFFFC              /* last word of RAM */
	li $t0, 0x5a5a5a5a
	sw $t0, 0($s1)
	lw $t1, 0($s1)
	CHECK_NEXC(0)
	CHECK_EQ($t1, 0x5a5a5a5a)
	P_CLEAR_EXC()
	li $s1, 0xBF003000              /* a free device slot */
1:	lw $t1, 0($s1)
	BUSCHK(EXC_DBE, 1b)
	P_CLEAR_EXC()
1:	sw $zero, 0($s1)
	BUSCHK(EXC_DBE, 1b)
	P_CLEAR_EXC()
	li $s1, 0xBF00F000              /* the last slot */
1:	lw $t1, 0($s1)
	BUSCHK(EXC_DBE, 1b)
	P_CLEAR_EXC()
	li $s1, 0xBF010000              /* past the I/O window */
1:	lw $t1, 0($s1)
	BUSCHK(EXC_DBE, 1b)
	P_CLEAR_EXC()
	li $s1, 0xBFFFFFFC              /* top of kseg1 */
1:	lw $t1, 0($s1)
	BUSCHK(EXC_DBE, 1b)
	P_CLEAR_EXC()
	li $s1, 0x00400000              /* mapped by the TLB to nothing */
1:	lw $t1, 0($s1)
	BUSCHK(EXC_DBE, 1b)
	P_CLEAR_EXC()
1:	sw $t1, 0($s1)
	BUSCHK(EXC_DBE, 1b)
	P_CLEAR_EXC()
	lw $t1, 0x1ffc($s1)             /* odd half: RAM's last word */
	CHECK_NEXC(0)
	CHECK_EQ($t1, 0x5a5a5a5a)
	/* a bus error in a delay slot: EPC = the branch, BD */
	P_CLEAR_EXC()
1:	b 2f
	lw $t1, 0($s0)
2:	BUSCHK(EXC_DBE, 1b)
	lw $t0, rt_exc_cause
	srl $t0, $t0, 31
	CHECK_EQ($t0, 1)
	/* the console still works (this test prints through it) */
	li $t0, IO(HW_CONSOLE_BASE)
	lw $t1, HW_CONSOLE_STATUS($t0)
	andi $t1, $t1, HW_CONSOLE_TX_READY
	CHECK_EQ($t1, HW_CONSOLE_TX_READY)

	/* ---- instruction fetch: IBE, EPC = the target ---- */
#ifndef TEST_SSEG
	/* kernel-mode fetches through kseg0/kseg1 (the sseg build skips them:
	 * it also runs under the VMM, where fetching from kseg0/kseg1 is the
	 * documented limitation that stops the VM; the kseg0 build covers them) */
	P_CLEAR_EXC()
	P_SET_RESUME(1f)
	li $t9, 0xB0000000
	jalr $t9
	nop
1:	CHECK_EXC(EXC_IBE)
	CHECK_NEXC(1)
	CHECK_WORD(rt_exc_epc, 0xB0000000)
	lw $t0, rt_exc_cause
	srl $t0, $t0, 31
	CHECK_EQ($t0, 0)
	P_CLEAR_EXC()
	P_SET_RESUME(1f)
	li $t9, 0x82000000              /* kseg0, just past RAM */
	jr $t9
	nop
1:	CHECK_EXC(EXC_IBE)
	CHECK_WORD(rt_exc_epc, 0x82000000)
#endif
	P_CLEAR_EXC()
	P_SET_RESUME(1f)
	li $t9, 0x00400000              /* through the TLB */
	jr $t9
	nop
1:	CHECK_EXC(EXC_IBE)
	CHECK_WORD(rt_exc_epc, 0x00400000)
#ifndef TEST_SSEG
	/* running off the end of RAM: the fetch of 0xA2000000 faults */
	li $t0, 0xA1FFFFFC
	li $t1, 0x00000000              /* nop at the last word of RAM */
	sw $t1, 0($t0)
	P_CLEAR_EXC()
	P_SET_RESUME(1f)
	jr $t0
	nop
1:	CHECK_EXC(EXC_IBE)
	CHECK_NEXC(1)
	CHECK_WORD(rt_exc_epc, 0xA2000000)
#endif
	/* running off the end of RAM through the TLB: useg 0x00600000 -> the
	 * last RAM page, 0x00601000 -> PA 0x02000000 (nothing): IBE there */
	p_tlbwi 3, 0x00600000, PAGEMASK_4K, P_LO(0x01fff000, CACHE_CACHEABLE, P_DVG), P_LO(0x02000000, CACHE_CACHEABLE, P_DVG)
	li $t0, 0x00600ffc
	sw $zero, 0($t0)                /* nop at the last word of RAM */
	P_CLEAR_EXC()
	P_SET_RESUME(1f)
	jr $t0
	nop
1:	CHECK_EXC(EXC_IBE)
	CHECK_NEXC(1)
	CHECK_WORD(rt_exc_epc, 0x00601000)
	lw $t0, rt_exc_cause
	srl $t0, $t0, 31
	CHECK_EQ($t0, 0)
	p_tlbinval 2
	p_tlbinval 3
	TEST_END()
