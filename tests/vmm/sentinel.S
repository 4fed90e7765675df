// LINK: sseg
// VMM: --ram 1M --console-dir @dir @self @self @self
// EXPECT-EXIT: 0
// EXPECT-FILE: vm0.out sentinel.expect
// EXPECT-FILE: vm1.out sentinel.expect
// EXPECT-FILE: vm2.out sentinel.expect
// EXPECT-STDOUT-EMPTY
// EXPECT-STDERR-LINES: 0
/*
 * sentinel: the witness guest. It runs next to a hostile guest (VM 0 and
 * VM 2 around it, so that both neighbours of the hostile VM's memory are
 * watched) and proves that nothing the other VMs do reaches its memory or
 * its virtual CPU:
 *   - fills its RAM from 64 KiB up to 16 KiB below the top (its own image
 *     and its stack stay out) with a pattern derived from its VM number and
 *     the round, gives the CPU away (HC_YIELD), re-verifies every word;
 *     ROUNDS rounds, a new pattern each round;
 *   - owns TLB entries 2..31 (kseg3 pages, non-global, a different ASID
 *     each) mapping into that area: every round it reads them back with
 *     TLBR, and loads and stores through them under their ASIDs (the VMM's
 *     shadow entries must keep the VMs' ASIDs apart);
 *   - keeps distinctive values in its CP0 registers (EPC, ErrorEPC, Context,
 *     HWREna, Compare, Status.IM, Cause.IV, EntryHi, EntryLo0/1, PageMask,
 *     Index, Config.K0) and checks them after every yield; Wired and EBase
 *     must not move;
 *   - takes no exception at all.
 * Prints "PASS sentinel" and powers off with 0, or prints the failed checks
 * and powers off with their number. Run alone on the bare machine (where
 * HYPCALL raises RI) it is "VM 0" and never yields.
 * Standalone test (the directives above): three sentinels side by side.
 */
#include "guest.h"
	.set noreorder

#define LO_OFF   0x10000        /* first byte checked: above the image */
#define TOP_KEEP 0x4000         /* the top 16 KiB (the stack) are left alone */
#define ROUNDS   12
#define VA_K3    0xE0000000     /* entry i maps VA_K3 + i * 0x2000 ...       */
#define PA_OF(i) (LO_OFF + (i) * 0x2000)   /* ... to PA_OF(i) and +0x1000    */

	.text
	.globl test_main
test_main:
	move $s6, $a0                   /* RAM size */
	li $t0, 0x800000                /* the firmware's sseg window covers 8 MiB */
	sltu $t1, $t0, $s6
	movn $s6, $t0, $t1
	/* who am I? */
	P_CLEAR_EXC()
	li $s4, 0                       /* 1: bare machine */
	HCALL(HC_VM_ID)
	move $s7, $v0
	lw $t0, rt_exc_count
	beqz $t0, 1f
	nop
	li $s7, 0
	li $s4, 1
1:	sw $s4, native
	sw $s7, vmid
	addiu $t0, $s7, 1
	li $t1, 0x9E3779B1
	mul $s5, $t0, $t1               /* per-VM key */
	li $s0, 0xC0000000 + LO_OFF     /* [s0, s1): the watched area */
	li $t0, 0xC0000000 - TOP_KEEP
	addu $s1, $s6, $t0
	jal setup_tlb
	nop
	jal set_cp0
	nop
	P_CLEAR_EXC()

	li $s2, 0                       /* round */
round:
	li $t0, 0x01000193
	mul $t0, $t0, $s2
	xor $s3, $s5, $t0               /* this round's key */
	/* fill: word at address a = a ^ key (unrolled by 4: a is 16-aligned) */
	move $t0, $s0
2:	xor $t4, $t0, $s3
	xori $t5, $t4, 4
	xori $t6, $t4, 8
	xori $t7, $t4, 12
	sw $t4, 0($t0)
	sw $t5, 4($t0)
	sw $t6, 8($t0)
	sw $t7, 12($t0)
	addiu $t0, $t0, 16
	bne $t0, $s1, 2b
	nop
	jal yield
	nop
	jal check_cp0
	nop
	jal yield
	nop
	/* verify; $t8 = bad 16-byte groups, $t9 = the first one */
	move $t0, $s0
	li $t8, 0
	li $t9, 0
3:	lw $t1, 0($t0)
	lw $t2, 4($t0)
	lw $t3, 8($t0)
	lw $a0, 12($t0)
	xor $t4, $t0, $s3
	xor $t1, $t1, $t4
	xori $t5, $t4, 4
	xor $t2, $t2, $t5
	xori $t6, $t4, 8
	xor $t3, $t3, $t6
	xori $t7, $t4, 12
	xor $a0, $a0, $t7
	or $t1, $t1, $t2
	or $t3, $t3, $a0
	or $t1, $t1, $t3
	bnez $t1, 5f
	addiu $t0, $t0, 16
4:	bne $t0, $s1, 3b
	nop
	b 6f
	nop
5:	bnez $t9, 4b
	addiu $t8, $t8, 1
	b 4b
	addiu $t9, $t0, -16
6:	CHECK_EQ($t8, 0)                /* bad 16-byte groups this round */
	CHECK_EQ($t9, 0)                /* the first one */
	jal check_tlb
	nop
	jal check_kseg3
	nop
	jal set_cp0
	nop
	addiu $s2, $s2, 1
	li $t0, ROUNDS
	bne $s2, $t0, round
	nop
	/* no exception at all (on the bare machine, HYPCALL's RIs) */
	bnez $s4, 7f
	nop
	CHECK_NEXC(0)
7:	TEST_END()

/* HC_YIELD; under the VMM it returns 0 */
yield:
	HCALL(HC_YIELD)
	bnez $s4, 1f
	nop
	CHECK_EQ($v0, 0)
1:	jr $ra
	nop

/* ASID of entry i ($a0) in $v0: (vmid * 37 + i * 5) & 0xff, never 0 */
asid_of:
	li $v0, 37
	mul $v0, $v0, $s7
	sll $v1, $a0, 2
	addu $v1, $v1, $a0
	addu $v0, $v0, $v1
	andi $v0, $v0, 0xff
	bnez $v0, 1f
	nop
	li $v0, 0x99
1:	jr $ra
	nop

/* the four words of entry i ($a0): a0..a3 -> t0 hi, t1 mask, t2 lo0, t3 lo1 */
entry_of:
	move $t9, $ra
	jal asid_of
	nop
	sll $t0, $a0, 13
	li $t1, VA_K3
	or $t0, $t0, $t1
	or $t0, $t0, $v0                /* EntryHi: VPN2 | ASID */
	li $t1, PAGEMASK_4K
	sll $t2, $a0, 13
	lui $t3, LO_OFF >> 16
	addu $t2, $t2, $t3              /* PA of the even page */
	srl $t2, $t2, 12
	sll $t2, $t2, 6
	ori $t2, $t2, (CACHE_CACHEABLE << 3) | ENTRYLO_D | ENTRYLO_V
	addiu $t3, $t2, 1 << 6          /* odd page: the next 4 KiB */
	jr $t9
	nop

setup_tlb:
	move $a2, $ra
	li $a0, 2
1:	jal entry_of
	nop
	mtc0 $a0, C0_INDEX
	mtc0 $t0, C0_ENTRYHI
	mtc0 $t1, C0_PAGEMASK
	mtc0 $t2, C0_ENTRYLO0
	mtc0 $t3, C0_ENTRYLO1
	ehb
	tlbwi
	addiu $a0, $a0, 1
	li $t4, P_NTLB
	bne $a0, $t4, 1b
	nop
	mtc0 $zero, C0_ENTRYHI
	ehb
	jr $a2
	nop

/* TLBR of entries 0..31: the firmware's two and ours; $a1 = mismatches */
check_tlb:
	move $a2, $ra
	li $a1, 0
	li $a0, 0                       /* entry 0: sseg 8 MiB */
	mtc0 $a0, C0_INDEX
	ehb
	tlbr
	ehb
	mfc0 $t4, C0_ENTRYHI
	li $t0, 0xC0000000
	xor $t4, $t4, $t0
	mfc0 $t5, C0_PAGEMASK
	li $t0, PAGEMASK_4M
	xor $t5, $t5, $t0
	or $t4, $t4, $t5
	mfc0 $t5, C0_ENTRYLO0
	li $t0, P_LO(0, CACHE_CACHEABLE, P_DVG)
	xor $t5, $t5, $t0
	or $t4, $t4, $t5
	mfc0 $t5, C0_ENTRYLO1
	li $t0, P_LO(0x400000, CACHE_CACHEABLE, P_DVG)
	xor $t5, $t5, $t0
	or $t4, $t4, $t5
	CHECK_EQ($t4, 0)                /* firmware entry 0 intact */
	li $a0, 1
	mtc0 $a0, C0_INDEX
	ehb
	tlbr
	ehb
	mfc0 $t4, C0_ENTRYHI
	li $t0, 0xDF000000
	xor $t4, $t4, $t0
	mfc0 $t5, C0_ENTRYLO0
	li $t0, P_LO(0x1F000000, CACHE_UNCACHED, P_DVG)
	xor $t5, $t5, $t0
	or $t4, $t4, $t5
	CHECK_EQ($t4, 0)                /* firmware entry 1 intact */
	li $a0, 2
1:	jal entry_of
	nop
	mtc0 $a0, C0_INDEX
	ehb
	tlbr
	ehb
	mfc0 $t4, C0_ENTRYHI
	xor $t4, $t4, $t0
	mfc0 $t5, C0_PAGEMASK
	xor $t5, $t5, $t1
	or $t4, $t4, $t5
	mfc0 $t5, C0_ENTRYLO0
	xor $t5, $t5, $t2
	or $t4, $t4, $t5
	mfc0 $t5, C0_ENTRYLO1
	xor $t5, $t5, $t3
	or $t4, $t4, $t5
	sltu $t4, $zero, $t4
	addu $a1, $a1, $t4
	addiu $a0, $a0, 1
	li $t4, P_NTLB
	bne $a0, $t4, 1b
	nop
	CHECK_EQ($a1, 0)                /* our entries 2..31 intact */
	mtc0 $zero, C0_ENTRYHI
	ehb
	jr $a2
	nop

/* through every entry i (under its ASID): load a word of each half, expect
 * the pattern; in one entry per round store through the mapping, see it
 * through sseg, put the pattern back through sseg, see that through the
 * mapping. $a1 = mismatches. */
check_kseg3:
	move $a3, $ra
	li $a1, 0
	li $a0, 2
1:	jal asid_of
	nop
	mtc0 $v0, C0_ENTRYHI
	ehb
	sll $t0, $a0, 13
	li $t1, VA_K3
	or $t0, $t0, $t1                /* VA of the pair */
	sll $t2, $a0, 6
	andi $t2, $t2, 0xffc            /* an offset inside the page */
	addu $t0, $t0, $t2
	li $t3, PA_OF(0) + 0xC0000000
	sll $t1, $a0, 13
	addu $t3, $t3, $t1
	addu $t3, $t3, $t2              /* the same word through sseg */
	lw $t4, 0($t0)
	xor $t5, $t3, $s3
	xor $t4, $t4, $t5
	sltu $t4, $zero, $t4
	addu $a1, $a1, $t4
	lw $t4, 0x1000($t0)             /* odd half */
	addiu $t6, $t3, 0x1000
	xor $t5, $t6, $s3
	xor $t4, $t4, $t5
	sltu $t4, $zero, $t4
	addu $a1, $a1, $t4
	/* the store round trip in entry 2 + round % 30 */
	li $t4, 30
	divu $zero, $s2, $t4
	mfhi $t4
	addiu $t4, $t4, 2
	bne $t4, $a0, 2f
	nop
	li $t5, 0x5e5e0000
	or $t5, $t5, $s7
	sw $t5, 0($t0)                  /* through the mapping */
	lw $t6, 0($t3)                  /* through sseg */
	xor $t6, $t6, $t5
	sltu $t6, $zero, $t6
	addu $a1, $a1, $t6
	xor $t5, $t3, $s3
	sw $t5, 0($t3)                  /* the pattern back, through sseg */
	lw $t6, 0($t0)                  /* through the mapping */
	xor $t6, $t6, $t5
	sltu $t6, $zero, $t6
	addu $a1, $a1, $t6
2:	addiu $a0, $a0, 1
	li $t4, P_NTLB
	bne $a0, $t4, 1b
	nop
	mtc0 $zero, C0_ENTRYHI
	ehb
	CHECK_EQ($a1, 0)                /* loads/stores through our kseg3 entries */
	jr $a3
	nop

/* distinctive CP0 values (a function of the VM number), kept in cp0_want */
set_cp0:
	la $t9, cp0_want
	li $t0, 0x13570000
	or $t0, $t0, $s7
	sll $t0, $t0, 2
	mtc0 $t0, C0_EPC
	sw $t0, 0($t9)
	li $t0, 0x24680004
	sll $t1, $s7, 4
	addu $t0, $t0, $t1
	mtc0 $t0, C0_ERROREPC
	sw $t0, 4($t9)
	addiu $t0, $s7, 3
	sll $t0, $t0, 23                /* Context.PTEBase */
	mtc0 $t0, C0_CONTEXT
	sw $t0, 8($t9)
	addiu $t0, $s7, 5
	andi $t0, $t0, 0xf
	mtc0 $t0, C0_HWRENA
	sw $t0, 12($t9)
	li $t0, 0x7ABC0000
	addu $t0, $t0, $s7
	mtc0 $t0, C0_COMPARE
	sw $t0, 16($t9)
	addiu $t0, $s7, 0x51            /* Status: IM only (IE = 0) */
	sll $t0, $t0, 8
	andi $t0, $t0, 0xff00
	mtc0 $t0, C0_STATUS
	sw $t0, 20($t9)
	li $t0, CAUSE_IV
	mtc0 $t0, C0_CAUSE
	sw $t0, 24($t9)
	li $t0, 0x12344000
	addiu $t1, $s7, 0x40
	or $t0, $t0, $t1
	mtc0 $t0, C0_ENTRYHI
	sw $t0, 28($t9)
	li $t0, 0x00123400
	sll $t1, $s7, 6
	addu $t0, $t0, $t1
	ori $t0, $t0, 0x1f
	mtc0 $t0, C0_ENTRYLO0
	sw $t0, 32($t9)
	li $t0, 0x02fedc00
	sll $t1, $s7, 6
	subu $t0, $t0, $t1
	ori $t0, $t0, 0x2e
	mtc0 $t0, C0_ENTRYLO1
	sw $t0, 36($t9)
	li $t0, PAGEMASK_16K
	mtc0 $t0, C0_PAGEMASK
	sw $t0, 40($t9)
	addiu $t0, $s7, 7
	andi $t0, $t0, 0x1f
	mtc0 $t0, C0_INDEX
	sw $t0, 44($t9)
	mfc0 $t0, C0_CONFIG
	ins $t0, $s7, 0, 3
	mtc0 $t0, C0_CONFIG
	sw $t0, 48($t9)
	ehb
	jr $ra
	nop

check_cp0:
	la $t9, cp0_want
	bnez $s4, 1f                    /* bare machine: HYPCALL's RI wrote EPC */
	nop
	mfc0 $t0, C0_EPC
	lw $t1, 0($t9)
	CHECK_REG($t0, $t1)             /* EPC */
1:
	mfc0 $t0, C0_ERROREPC
	lw $t1, 4($t9)
	CHECK_REG($t0, $t1)             /* ErrorEPC */
	mfc0 $t0, C0_CONTEXT
	lw $t1, 8($t9)
	CHECK_REG($t0, $t1)             /* Context */
	mfc0 $t0, C0_HWRENA
	lw $t1, 12($t9)
	CHECK_REG($t0, $t1)             /* HWREna */
	mfc0 $t0, C0_COMPARE
	lw $t1, 16($t9)
	CHECK_REG($t0, $t1)             /* Compare */
	mfc0 $t0, C0_STATUS
	lw $t1, 20($t9)
	CHECK_REG($t0, $t1)             /* Status */
	mfc0 $t0, C0_CAUSE
	li $t1, CAUSE_IV | CAUSE_DC | CAUSE_IP_SW
	and $t0, $t0, $t1
	lw $t1, 24($t9)
	CHECK_REG($t0, $t1)             /* Cause */
	mfc0 $t0, C0_ENTRYHI
	lw $t1, 28($t9)
	CHECK_REG($t0, $t1)             /* EntryHi */
	mfc0 $t0, C0_ENTRYLO0
	lw $t1, 32($t9)
	CHECK_REG($t0, $t1)             /* EntryLo0 */
	mfc0 $t0, C0_ENTRYLO1
	lw $t1, 36($t9)
	CHECK_REG($t0, $t1)             /* EntryLo1 */
	mfc0 $t0, C0_PAGEMASK
	lw $t1, 40($t9)
	CHECK_REG($t0, $t1)             /* PageMask */
	mfc0 $t0, C0_INDEX
	lw $t1, 44($t9)
	CHECK_REG($t0, $t1)             /* Index */
	mfc0 $t0, C0_CONFIG
	lw $t1, 48($t9)
	CHECK_REG($t0, $t1)             /* Config */
	mfc0 $t0, C0_WIRED
	CHECK_EQ($t0, 2)                /* Wired */
	mfc0 $t0, C0_EBASE
	CHECK_EQ($t0, RT_EBASE)         /* EBase */
	mfc0 $t0, C0_PRID
	CHECK_EQ($t0, 0x00005401)       /* PRId */
	jr $ra
	nop

	.data
	.align 2
native:   .word 0
vmid:     .word 0
cp0_want: .space 64
