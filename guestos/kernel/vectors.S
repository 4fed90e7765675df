/*
 * vectors.S - the two exception vectors (MIPS32 Vol. III, 6.2):
 *
 *   EBase + 0x000  TLB refill: a user access missed in the TLB while
 *                  Status.EXL = 0. Refilled from the process's page tables.
 *   EBase + 0x180  everything else: interrupts, system calls, TLB invalid
 *                  and modified faults, errors. Saves the registers and
 *                  calls trap() (trap.S).
 *
 * On entry the CPU has set Status.EXL (kernel mode, interrupts masked),
 * EPC (the faulting instruction, or the branch if Cause.BD), Cause; for
 * address errors BadVAddr; for TLB faults also EntryHi.VPN2 and
 * Context.BadVPN2. Only $k0 and
 * $k1 may be used before the interrupted registers are saved: by the MIPS
 * convention user programs never keep anything in them.
 */
#include "kernel.h"

	.set noreorder
	.set noat

/* ---- TLB refill -------------------------------------------------------------
 * The page the access wants is VPN = BadVAddr >> 12. The directory entry
 * for its 4 MiB region (BadVAddr >> 22) gives the page table; the PTE pair
 * for the even/odd page couple (EntryLo0 maps the even page, EntryLo1 the
 * odd one; EntryHi.VPN2 was set by the CPU) is copied into EntryLo0/1 and
 * TLBWR writes a random non-wired entry. If there is no page table, both
 * EntryLo are written 0: the entry is invalid, the access faults again as
 * "TLB invalid" on the general vector, and the kernel decides there
 * (demand-zero heap page or segmentation fault, mem.S). Under the VMM every
 * MFC0, MTC0, TLBWR and ERET here traps; the paravirtual build reads
 * BadVAddr from the PV page and ends in one hypercall. */
	.section .vectors.refill, "ax"
	.globl refill_vector
refill_vector:
	EXC_REG($k0, BADVADDR)
	lui $k1, %hi(cur_pgdir)
	lw $k1, %lo(cur_pgdir)($k1)     /* the running process's directory */
	srl $k0, $k0, PDX_SHIFT
	sll $k0, $k0, 2
	addu $k1, $k1, $k0
	lw $k1, 0($k1)                  /* its page table, or 0 */
	beqz $k1, 1f
	nop
	EXC_REG($k0, BADVADDR)
	srl $k0, $k0, PTX_PAIR_SHIFT
	andi $k0, $k0, PTX_PAIR_MASK    /* byte offset of the even PTE */
	addu $k1, $k1, $k0
	lw $k0, 0($k1)                  /* EntryLo0: the even page */
	lw $k1, 4($k1)                  /* EntryLo1: the odd page */
#ifdef PARAVIRT
	hypcall HCX_TLBWR_ERET          /* EntryLo0/1 := $k0/$k1; TLBWR; ERET */
#else
	mtc0 $k0, C0_ENTRYLO0
	mtc0 $k1, C0_ENTRYLO1
	tlbwr
	eret
#endif
1:	move $k0, $zero                 /* no page table: an invalid entry */
#ifdef PARAVIRT
	hypcall HCX_TLBWR_ERET
#else
	mtc0 $zero, C0_ENTRYLO0
	mtc0 $zero, C0_ENTRYLO1
	tlbwr
	eret
#endif

/* ---- general exception ---------------------------------------------------------
 * Save every register into the frame `trap_frame` points at: the running
 * process's trap frame, or while the kernel idles a scratch frame (trap.S).
 * Then switch to the empty kernel stack and call trap(frame). trap() never
 * returns here: it ends by resuming some process (trap_return) or idling. */
	.section .vectors.general, "ax"
	.globl general_vector
general_vector:
	lui $k0, %hi(trap_frame)
	lw $k0, %lo(trap_frame)($k0)
	sw $at, TF_REG(1)($k0)
	sw $v0, TF_REG(2)($k0)
	sw $v1, TF_REG(3)($k0)
	sw $a0, TF_REG(4)($k0)
	sw $a1, TF_REG(5)($k0)
	sw $a2, TF_REG(6)($k0)
	sw $a3, TF_REG(7)($k0)
	sw $t0, TF_REG(8)($k0)
	sw $t1, TF_REG(9)($k0)
	sw $t2, TF_REG(10)($k0)
	sw $t3, TF_REG(11)($k0)
	sw $t4, TF_REG(12)($k0)
	sw $t5, TF_REG(13)($k0)
	sw $t6, TF_REG(14)($k0)
	sw $t7, TF_REG(15)($k0)
	sw $s0, TF_REG(16)($k0)
	sw $s1, TF_REG(17)($k0)
	sw $s2, TF_REG(18)($k0)
	sw $s3, TF_REG(19)($k0)
	sw $s4, TF_REG(20)($k0)
	sw $s5, TF_REG(21)($k0)
	sw $s6, TF_REG(22)($k0)
	sw $s7, TF_REG(23)($k0)
	sw $t8, TF_REG(24)($k0)
	sw $t9, TF_REG(25)($k0)
	sw $gp, TF_REG(28)($k0)
	sw $sp, TF_REG(29)($k0)
	sw $fp, TF_REG(30)($k0)
	sw $ra, TF_REG(31)($k0)
	mfhi $k1
	sw $k1, TF_HI($k0)
	mflo $k1
	sw $k1, TF_LO($k0)
	EXC_REG($k1, EPC)
	sw $k1, TF_EPC($k0)
	EXC_REG($k1, STATUS)
	sw $k1, TF_STATUS($k0)
	EXC_REG($k1, CAUSE)
	sw $k1, TF_CAUSE($k0)
	EXC_REG($k1, BADVADDR)
	sw $k1, TF_BADVADDR($k0)
	lui $sp, %hi(kstack_top)
	addiu $sp, $sp, %lo(kstack_top)
	j trap
	move $a0, $k0                   /* trap(frame) */
