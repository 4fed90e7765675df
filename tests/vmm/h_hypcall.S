// LINK: sseg
// VMM: --ram 1M --console-dir @dir @sentinel @self @sentinel
// EXPECT-EXIT: 0
// EXPECT-FILE: vm0.out sentinel.expect
// EXPECT-FILE: vm1.out h_hypcall.expect
// EXPECT-FILE: vm2.out sentinel.expect
// EXPECT-STDOUT-EMPTY
// EXPECT-STDERR-LINES: 0
/*
 * h_hypcall (hostile, VMM only): the hypercall interface (vmm/hypercall.h)
 * with good and bad arguments, as VM 1 of 3.
 *   - HC_VM_ID = 1, HC_NVMS = 3, HC_YIELD = 0;
 *   - unknown function numbers (0, 7, 8, 63, 256, 0x7fffffff, 0x80000000,
 *     -1, -2) return HC_ENOSYS and change no other register;
 *   - HC_CONSOLE_WRITE from sseg, from kseg0 (a guest-virtual address in
 *     kernel mode), from useg through the guest's own TLB entry under its
 *     ASID, across a page boundary; length 0 writes nothing; an address
 *     under another ASID, a range reaching an invalid page, past RAM, or
 *     wrapping around 4 GiB, or an absurd length return HC_EFAULT and write
 *     nothing;
 *   - HYPCALL in the delay slot of taken, not-taken, likely and linking
 *     branches completes the branch (a not-taken likely branch nullifies
 *     it); with EXL = 1 or ERL = 1 (kernel mode whatever KSU says) it works;
 *   - in supervisor and user mode it raises CpU in the guest ($v0 kept).
 */
#include "guest.h"
	.set noreorder

#define S0 0x50505050
#define BUFVA 0x00400000        /* our TLB entry 5: the page pair at bufpage */

/* $v0 = fn, hypcall; every argument register and $t0-$t3 keep their value */
#define BAD(fn) \
	li $a0, S0 + 1; li $a1, S0 + 2; li $a2, S0 + 3; li $a3, S0 + 4; \
	li $t0, S0 + 5; li $t3, S0 + 8; li $v1, S0 + 9; \
	li $v0, fn; hypcall; \
	CHECK_EQ($v0, HC_ENOSYS); CHECK_EQ($a0, S0 + 1); CHECK_EQ($a1, S0 + 2); \
	CHECK_EQ($a2, S0 + 3); CHECK_EQ($a3, S0 + 4); CHECK_EQ($t0, S0 + 5); \
	CHECK_EQ($t3, S0 + 8); CHECK_EQ($v1, S0 + 9)

/* HC_CONSOLE_WRITE(a0 = address in reg, a1 = len) -> $v0 checked */
#define WRITE(reg, len, want) \
	move $a0, reg; li $a1, len; li $v0, HC_CONSOLE_WRITE; hypcall; CHECK_EQ($v0, want)

	.text
super_hc:
	li $v0, HC_VM_ID
	hypcall
	syscall
	nop

	.globl test_main
test_main:
	move $s6, $a0
	P_CLEAR_EXC()
	HCALL(HC_VM_ID)
	CHECK_EQ($v0, 1)
	HCALL(HC_NVMS)
	CHECK_EQ($v0, 3)
	HCALL(HC_YIELD)
	CHECK_EQ($v0, 0)
	CHECK_NEXC(0)

	/* ---- unknown functions ---- */
	BAD(0)
	BAD(8)
	BAD(7)
	BAD(63)
	BAD(256)
	BAD(0x7fffffff)
	BAD(0x80000000)
	BAD(0xffffffff)
	BAD(0xfffffffe)
	CHECK_NEXC(0)
	PUTS("unknown functions: ENOSYS\n")

	/* ---- HC_CONSOLE_WRITE ---- */
	la $s0, msg_sseg
	WRITE($s0, 9, 9)
	WRITE($s0, 0, 0)
	la $s0, msg_kseg0
	to_kseg0 $s0, $t0
	WRITE($s0, 10, 10)
	/* useg: entry 5 maps BUFVA (ASID 5, not global) -> bufpage, both halves */
	p_tlb_flush
	la $t0, bufpage
	ins $t0, $zero, 29, 3           /* PA */
	srl $t0, $t0, 12
	sll $t0, $t0, 6
	ori $t0, $t0, (CACHE_CACHEABLE << 3) | ENTRYLO_D | ENTRYLO_V
	mtc0 $t0, C0_ENTRYLO0
	addiu $t0, $t0, 1 << 6
	mtc0 $t0, C0_ENTRYLO1
	li $t0, BUFVA | 5
	mtc0 $t0, C0_ENTRYHI
	mtc0 $zero, C0_PAGEMASK
	li $t0, 5
	mtc0 $t0, C0_INDEX
	ehb
	tlbwi
	ehb
	li $s0, BUFVA
	WRITE($s0, 9, 9)                /* "hc: useg\n" */
	li $s0, BUFVA + 0x1000 - 7
	WRITE($s0, 14, 14)              /* "hc: across pg\n" over the two pages */
	li $t0, BUFVA | 6               /* another ASID: not mapped */
	mtc0 $t0, C0_ENTRYHI
	ehb
	li $s0, BUFVA
	WRITE($s0, 9, HC_EFAULT)
	li $t0, BUFVA | 5
	mtc0 $t0, C0_ENTRYHI
	ehb
	/* the odd half invalid: a buffer reaching into it faults as a whole */
	mfc0 $t0, C0_ENTRYLO1
	ins $t0, $zero, 1, 1            /* V = 0 */
	mtc0 $t0, C0_ENTRYLO1
	li $t0, 5
	mtc0 $t0, C0_INDEX
	ehb
	tlbwi
	ehb
	li $s0, BUFVA + 0x1000 - 7
	WRITE($s0, 14, HC_EFAULT)
	WRITE($s0, 7, 7)                /* the part in the even page: "hc: acr" */
	PUTS("\n")
	li $s0, 0x00800000              /* useg, no entry at all */
	WRITE($s0, 4, HC_EFAULT)
	li $s0, 0xC0000000 - 4          /* the last word of RAM and past it */
	addu $s0, $s0, $s6
	WRITE($s0, 8, HC_EFAULT)
	li $s0, 0xFFFFFFF0              /* kseg3, wrapping */
	WRITE($s0, 32, HC_EFAULT)
	li $s0, 0xC0000000 - 16         /* an absurd length near the end of RAM */
	addu $s0, $s0, $s6
	WRITE($s0, 0x7fffffff, HC_EFAULT)
	mtc0 $zero, C0_ENTRYHI
	ehb
	CHECK_NEXC(0)

	/* ---- in delay slots ---- */
	li $v0, HC_VM_ID
	b 1f
	hypcall
	FAIL_HERE()
1:	CHECK_EQ($v0, 1)
	li $v0, HC_NVMS
	bne $zero, $zero, 2f
	hypcall
	CHECK_EQ($v0, 3)
	b 1f
	nop
2:	FAIL_HERE()
1:	li $v0, HC_VM_ID
	beql $zero, $zero, 1f
	hypcall
	FAIL_HERE()
1:	CHECK_EQ($v0, 1)
	li $v0, HC_NVMS
	bnel $zero, $zero, 2f
	hypcall                         /* nullified */
	CHECK_EQ($v0, HC_NVMS)
	b 1f
	nop
2:	FAIL_HERE()
1:	li $v0, HC_NVMS
	jal 1f
	hypcall
link_here:
	FAIL_HERE()
1:	CHECK_EQ($v0, 3)
	la $t0, link_here
	CHECK_REG($ra, $t0)
	CHECK_NEXC(0)
	PUTS("delay slots: ok\n")

	/* ---- kernel mode by EXL or ERL, whatever KSU says ---- */
	li $t0, ST_KSU_USER | ST_EXL
	mtc0 $t0, C0_STATUS
	ehb
	HCALL(HC_VM_ID)
	mtc0 $zero, C0_STATUS
	ehb
	CHECK_EQ($v0, 1)
	li $t0, ST_KSU_SUPER | ST_ERL
	mtc0 $t0, C0_STATUS
	ehb
	HCALL(HC_NVMS)
	mtc0 $zero, C0_STATUS
	ehb
	CHECK_EQ($v0, 3)
	CHECK_NEXC(0)

	/* ---- supervisor and user: CpU ---- */
	p_map_useg 2
	li $s1, 0                       /* 0: supervisor, 1: user */
7:	P_CLEAR_EXC()
	P_SET_HANDLER(cpu_check)
	sw $zero, cpu_seen
	la $t0, 1f
	sw $t0, ret_to
	li $v0, 0
	bnez $s1, 2f
	nop
	P_ENTER_SUPER_ALIAS(super_hc)
2:	P_ENTER_USER_ALIAS(super_hc)
1:	P_CLEAR_HANDLER()
	CHECK_NEXC(2)
	CHECK_EXC(EXC_SYS)
	CHECK_EQ($v0, HC_VM_ID)         /* untouched: the HYPCALL raised CpU */
	lw $t0, cpu_seen
	CHECK_EQ($t0, 1)                /* CpU with CE = 0, EPC = the HYPCALL */
	beqz $s1, 7b
	li $s1, 1
	p_tlbinval 2
	PUTS("user/supervisor: CpU\n")
	TEST_END()

/* rt_handler for the supervisor/user runs: CpU (CE = 0) at super_hc + 4 is
 * counted and skipped; SYSCALL returns to kernel mode at ret_to; anything
 * else is skipped uncounted (and the count check fails). */
cpu_check:
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
1:	mfc0 $k0, C0_CAUSE
	li $k1, CAUSE_EXC | CAUSE_CE
	and $k0, $k0, $k1
	xori $k0, $k0, EXC_CPU << CAUSE_EXC_SHIFT
	bnez $k0, 2f
	nop
	mfc0 $k0, C0_EPC
	andi $k0, $k0, 0xfff
	la $k1, super_hc + 4
	andi $k1, $k1, 0xfff
	bne $k0, $k1, 2f
	nop
	lui $k1, %hi(cpu_seen)
	lw $k0, %lo(cpu_seen)($k1)
	addiu $k0, $k0, 1
	sw $k0, %lo(cpu_seen)($k1)
2:	mfc0 $k0, C0_EPC
	addiu $k0, $k0, 4
	mtc0 $k0, C0_EPC
	ehb
	eret

	.data
	.align 2
cpu_seen:  .word 0
ret_to:    .word 0
msg_sseg:  .ascii "hc: sseg\n"
msg_kseg0: .ascii "hc: kseg0\n"
	.balign 4096
bufpage:
	.ascii "hc: useg\n"
	.space 0x1000 - 7 - 9
	.ascii "hc: across pg\n"
	.space 32
