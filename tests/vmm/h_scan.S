// LINK: sseg
// VMM: --ram 1M --console-dir @dir @sentinel @self @sentinel
// EXPECT-EXIT: 0
// EXPECT-FILE: vm0.out sentinel.expect
// EXPECT-FILE: vm1.out h_scan.expect
// EXPECT-FILE: vm2.out sentinel.expect
// EXPECT-STDOUT-EMPTY
// EXPECT-STDERR-LINES: 0
// NATIVE-EQUIV: --ram 1M
// LOCKSTEP: --ram 1M
/*
 * h_scan (hostile): a guest that scans and writes its whole guest-physical
 * address space, and beyond.
 *   - maps all of guest-physical memory with its own 16 MiB TLB pages and
 *     reads and writes every word of its RAM (above its image: write ~v,
 *     read back, restore; its image: write back what it read);
 *   - touches one word of every page through kseg0 and kseg1 (loads and
 *     stores the VMM emulates) and sees it through the TLB mapping;
 *   - probes past its RAM: through the 16 MiB pages (up to 32 MiB), through
 *     4 KiB pages it points at high physical addresses (the I/O hole, empty
 *     device slots, 0x20000000 .. 0xFFFFF000), through kseg0, kseg1 and the
 *     firmware's sseg window: every load and store raises DBE in its own
 *     handler and changes nothing; a fetch there raises IBE;
 *   - reaches the system controller and console through a mapping of its
 *     own (not the firmware's window), and reads memory with Status.ERL = 1
 *     (useg unmapped).
 * Natively and under the VMM the same output ("PASS h_scan"); next to two
 * sentinels, they must not notice anything.
 */
#include "guest.h"
	.set noreorder

#define MAP16   0x10000000      /* entry 2: 16M pages, PA 0 / PA 16M  */
#define MAP4K   0x20000000      /* entry 3: 4K pages at chosen PAs    */
#define IMAGE   0x10000         /* the image and data live below this */

/* probe lw and sw at address in reg: two DBEs expected, $t1 unchanged;
 * $s3 counts probes, $s4 counts a changed $t1 */
#define PROBE(reg) \
	li $t1, 0x0bad0bad; lw $t1, 0(reg); sw $t1, 0(reg); \
	li $t2, 0x0bad0bad; xor $t2, $t2, $t1; sltu $t2, $zero, $t2; addu $s4, $s4, $t2; \
	addiu $s3, $s3, 2
#define PROBE_CONST(addr) li $t0, addr; PROBE($t0)

	.text
	.globl test_main
test_main:
	move $s6, $a0                   /* RAM size */
	p_tlb_flush
	p_tlbwi 2, MAP16, PAGEMASK_16M, P_LO(0, CACHE_CACHEABLE, P_DVG), P_LO(0x01000000, CACHE_CACHEABLE, P_DVG)

	/* ---- every word of RAM through the 16M mapping ---- */
	P_CLEAR_EXC()
	li $s0, MAP16
	addu $s1, $s0, $s6              /* end of RAM */
	li $s2, MAP16 + IMAGE
	li $t8, 0                       /* words that misbehaved */
	move $t0, $s0
1:	lw $t1, 0($t0)
	sltu $t2, $t0, $s2
	bnez $t2, 2f                    /* the image: write back only */
	nor $t3, $t1, $zero
	sw $t3, 0($t0)
	lw $t4, 0($t0)
	xor $t4, $t4, $t3
	sltu $t4, $zero, $t4
	addu $t8, $t8, $t4
2:	sw $t1, 0($t0)
	lw $t4, 0($t0)
	xor $t4, $t4, $t1
	sltu $t4, $zero, $t4
	addu $t8, $t8, $t4
	addiu $t0, $t0, 4
	bne $t0, $s1, 1b
	nop
	CHECK_EQ($t8, 0)
	CHECK_NEXC(0)

	/* ---- one word per page through kseg0 and kseg1 ---- */
	li $t8, 0
	li $s0, 0                       /* PA of the page */
1:	srl $t0, $s0, 10
	andi $t0, $t0, 0xffc
	addu $t0, $t0, $s0              /* PA of the word */
	li $t1, 0x80000000
	or $t1, $t1, $t0                /* kseg0 */
	li $t2, 0xA0000000
	or $t2, $t2, $t0                /* kseg1 */
	li $t3, MAP16
	or $t3, $t3, $t0                /* the TLB mapping */
	lw $t4, 0($t1)
	lw $t5, 0($t2)
	lw $t6, 0($t3)
	xor $t5, $t5, $t4
	xor $t6, $t6, $t4
	or $t5, $t5, $t6
	sltu $t5, $zero, $t5
	addu $t8, $t8, $t5
	srl $t7, $s0, 16                /* below IMAGE (64K)? */
	sltiu $t7, $t7, 1
	bnez $t7, 2f
	nop
	li $t4, 0xc0de0000
	xor $t4, $t4, $t0
	sw $t4, 0($t1)                  /* store through kseg0 */
	lw $t5, 0($t2)
	lw $t6, 0($t3)
	xor $t5, $t5, $t4
	xor $t6, $t6, $t4
	or $t5, $t5, $t6
	sltu $t5, $zero, $t5
	addu $t8, $t8, $t5
	nor $t4, $t4, $zero
	sh $t4, 0($t2)                  /* halfword through kseg1 */
	lw $t5, 0($t3)
	xor $t5, $t5, $t4
	andi $t5, $t5, 0xffff
	sltu $t5, $zero, $t5
	addu $t8, $t8, $t5
2:	li $t0, 0x1000
	addu $s0, $s0, $t0
	bne $s0, $s6, 1b
	nop
	CHECK_EQ($t8, 0)
	CHECK_NEXC(0)

	/* ---- past RAM: every probe is two DBEs ---- */
	P_CLEAR_EXC()
	li $s3, 0
	li $s4, 0
	/* through the even 16M page: RAM .. 16M, odd steps */
	li $s0, MAP16
	addu $s0, $s0, $s6
	li $s1, MAP16 + 0x01000000
1:	PROBE($s0)
	li $t0, 0x3f004
	addu $s0, $s0, $t0
	sltu $t0, $s0, $s1
	bnez $t0, 1b
	nop
	PROBE_CONST(MAP16 + 0x00fffffc)
	/* the odd 16M page: PA 16M .. 32M */
	li $s0, MAP16 + 0x01000000
	li $s1, MAP16 + 0x02000000
1:	PROBE($s0)
	li $t0, 0x000ff000
	addu $s0, $s0, $t0
	sltu $t0, $s0, $s1
	bnez $t0, 1b
	nop
	PROBE_CONST(MAP16 + 0x01fffffc)
	/* the first word past RAM, and sub-word accesses */
	li $s0, MAP16
	addu $s0, $s0, $s6
	li $t1, 0x0bad0bad
	lb $t1, 1($s0)
	sh $t1, 2($s0)
	lhu $t1, 2($s0)
	sb $t1, 3($s0)
	li $t2, 0x0bad0bad
	CHECK_REG($t1, $t2)
	addiu $s3, $s3, 4
	/* kseg0 and kseg1 past RAM, and holes of the I/O window */
	li $s0, 0x80000000
	addu $s0, $s0, $s6
	PROBE($s0)
	li $s0, 0xA0000000
	addu $s0, $s0, $s6
	PROBE($s0)
	PROBE_CONST(0x9C000000)
	PROBE_CONST(0x9FFFFFFC)
	PROBE_CONST(0xBF003000)
	PROBE_CONST(0xBF00FFFC)
	PROBE_CONST(0xBF010000)
	PROBE_CONST(0xBFFFFFFC)
	PROBE_CONST(0xBF000008)         /* sysctl: offset not decoded */
	/* the firmware's sseg window past RAM (RAM < 8M) */
	li $t0, 0x800000
	sltu $t0, $s6, $t0
	beqz $t0, 1f
	nop
	li $s0, 0xC0000000
	addu $s0, $s0, $s6
	PROBE($s0)
	PROBE_CONST(0xC07FFFFC)
1:	PROBE_CONST(0xDF003000)         /* empty device slots */
	PROBE_CONST(0xDF00F000)
	CHECK_EQ($s4, 0)                /* no load completed */
	lw $t0, rt_exc_count
	CHECK_REG($t0, $s3)             /* one DBE per access */
	CHECK_EXC(EXC_DBE)

	/* ---- 4K pages at high physical addresses ---- */
	P_CLEAR_EXC()
	li $s3, 0
	li $s4, 0
	la $s5, high_pas
1:	lw $s0, 0($s5)
	beqz $s0, 2f
	nop
	srl $t0, $s0, 12
	sll $t0, $t0, 6
	ori $t0, $t0, (CACHE_UNCACHED << 3) | P_DVG
	mtc0 $t0, C0_ENTRYLO0
	mtc0 $t0, C0_ENTRYLO1
	li $t0, MAP4K
	mtc0 $t0, C0_ENTRYHI
	mtc0 $zero, C0_PAGEMASK
	li $t0, 3
	mtc0 $t0, C0_INDEX
	ehb
	tlbwi
	ehb
	mtc0 $zero, C0_ENTRYHI
	ehb
	PROBE_CONST(MAP4K)
	PROBE_CONST(MAP4K + 0x1ffc)
	b 1b
	addiu $s5, $s5, 4
2:	CHECK_EQ($s4, 0)
	lw $t0, rt_exc_count
	CHECK_REG($t0, $s3)
	CHECK_EXC(EXC_DBE)

	/* ---- an instruction fetch past RAM: IBE at the target ---- */
	P_CLEAR_EXC()
	P_SET_RESUME(1f)
	li $t9, MAP16
	addu $t9, $t9, $s6
	jr $t9
	nop
1:	CHECK_EXC(EXC_IBE)
	CHECK_NEXC(1)
	lw $t0, rt_exc_epc
	CHECK_REG($t0, $t9)

	/* ---- the devices through a mapping of our own ---- */
	P_CLEAR_EXC()
	p_tlbwi 3, MAP4K, PAGEMASK_4K, P_LO(0x1F000000, CACHE_UNCACHED, P_DVG), P_LO(0x1F001000, CACHE_UNCACHED, P_DVG)
	li $t0, MAP4K
	lw $t1, HW_SYSCTL_RAMSIZE($t0)
	CHECK_REG($t1, $s6)
	lw $t1, 0x1000 + HW_CONSOLE_STATUS($t0)
	andi $t1, $t1, HW_CONSOLE_TX_READY
	CHECK_EQ($t1, HW_CONSOLE_TX_READY)
	li $t1, 'S'
	sb $t1, 0x1000 + HW_CONSOLE_DATA($t0)
	li $t1, '\n'
	sb $t1, 0x1000 + HW_CONSOLE_DATA($t0)
	li $t0, 0xBF000000 + HW_SYSCTL_RAMSIZE  /* and through kseg1 */
	lw $t1, 0($t0)
	CHECK_REG($t1, $s6)
	CHECK_NEXC(0)

	/* ---- Status.ERL = 1: useg unmapped, PA = VA ---- */
	li $t3, 0xC0001000
	lw $t4, 0($t3)
	lw $t5, 0x100($t3)
	li $t0, 0x00001000
	mfc0 $s2, C0_STATUS
	ori $t1, $s2, ST_ERL
	mtc0 $t1, C0_STATUS
	ehb
	lw $t1, 0($t0)
	lw $t2, 0x100($t0)
	mtc0 $s2, C0_STATUS
	ehb
	CHECK_REG($t1, $t4)
	CHECK_REG($t2, $t5)
	CHECK_NEXC(0)

	p_tlbinval 2
	p_tlbinval 3
	TEST_END()

	.section .rodata
	.align 2
high_pas:
	.word 0x1C000000, 0x1EFFE000, 0x1F004000, 0x1F00E000, 0x1F010000
	.word 0x1F100000, 0x20000000, 0x3FFFE000, 0x40000000, 0x7FFFE000
	.word 0x80000000, 0xA0000000, 0xC0000000, 0xFFFFE000, 0
