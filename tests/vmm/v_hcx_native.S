// LINK: sseg
// VMM: --ram 1M @self
// EXPECT-EXIT: 0
// EXPECT-STDOUT: v_hcx_native.expect
// NATIVE-EQUIV: --ram 1M
/*
 * v_hcx_native: `hypcall CODE` where the VMM must behave as the bare
 * machine, run natively and under the VMM (same output both ways):
 *   - natively (told apart by `hypcall` with $v0 = HC_VM_ID: RI natively,
 *     0 under the VMM), `hypcall 1`, `2`, `3`, `1023` in kernel mode raise
 *     RI (there is nobody to call), also in a delay slot (EPC = the branch,
 *     BD), and change nothing: no GPR, not Status;
 *   - both ways: unknown codes (4, 1023) in kernel mode raise RI;
 *   - both ways: in supervisor and user mode every form (codes 1, 2, 3,
 *     1023 and 0) raises CpU (CE = 0), and in user mode with Status.CU0 = 1
 *     RI: the mode rule of code-0 HYPCALL, the bare machine's.
 */
#include "guest.h"
	.set noreorder

#define S0 0x50505050
#define MARK li $v0, S0; li $v1, S0 + 1; li $a0, S0 + 2; li $a1, S0 + 3; li $t4, S0 + 4; li $s7, S0 + 5
#define MARKED CHECK_EQ($v0, S0); CHECK_EQ($v1, S0 + 1); CHECK_EQ($a0, S0 + 2); CHECK_EQ($a1, S0 + 3); \
	CHECK_EQ($t4, S0 + 4); CHECK_EQ($s7, S0 + 5)
#define NREC 6

	.text
/* run in supervisor or user mode: five HYPCALLs, then back to the kernel */
hcx_all:
	hypcall 1
	hypcall 2
	hypcall 3
	hypcall 1023
	hypcall
	syscall
	nop

/* rt_handler: rec[n-1] = Cause.ExcCode|CE of exception n; SYSCALL returns
 * to kernel mode at ret_to, anything else resumes after the instruction. */
rec_handler:
	lui $k1, %hi(rt_exc_count)
	lw $k0, %lo(rt_exc_count)($k1)
	sll $k0, $k0, 2
	la $k1, rec - 4
	addu $k1, $k1, $k0
	lw $k0, rt_exc_cause
	.set noat
	li $at, CAUSE_EXC | CAUSE_CE
	and $k0, $k0, $at
	.set at
	sw $k0, 0($k1)
	xori $k0, $k0, EXC_SYS << CAUSE_EXC_SHIFT
	bnez $k0, 1f
	nop
	mfc0 $k0, C0_STATUS
	ins $k0, $zero, ST_KSU_SHIFT, 2
	mtc0 $k0, C0_STATUS
	lw $k0, ret_to
	b 2f
	nop
1:	mfc0 $k0, C0_EPC
	addiu $k0, $k0, 4
2:	mtc0 $k0, C0_EPC
	ehb
	eret

/* $v0 = the number of rec[0..NREC-2] different from $a0, plus 1 if
 * rec[NREC-1] is not Sys; rec cleared afterwards */
check_rec:
	la $t0, rec
	li $v0, 0
	li $t1, 0
1:	lw $t2, 0($t0)
	sw $zero, 0($t0)
	li $t3, EXC_SYS << CAUSE_EXC_SHIFT
	slti $t5, $t1, NREC - 1
	movn $t3, $a0, $t5
	beq $t2, $t3, 2f
	nop
	addiu $v0, $v0, 1
2:	addiu $t0, $t0, 4
	addiu $t1, $t1, 1
	slti $t5, $t1, NREC
	bnez $t5, 1b
	nop
	jr $ra
	nop

	.globl test_main
test_main:
	P_CLEAR_EXC()
	/* ---- native or VMM? ---- */
	li $v0, HC_VM_ID
	hypcall
	lw $t0, rt_exc_count
	li $s6, 1                           /* $s6 = 1: native */
	beqz $t0, 1f
	nop
	CHECK_EXC(EXC_RI)
	CHECK_EQ($v0, HC_VM_ID)
	b 2f
	nop
1:	CHECK_EQ($v0, 0)                    /* VM 0 */
	li $s6, 0
2:	beqz $s6, vmm_only_skip
	nop

	/* ---- natively: every code is RI in kernel mode, nothing done ---- */
	.irp code, 1, 2, 3, 1023
	P_CLEAR_EXC()
	la $k0, hcx_bad
	li $k1, ST_KSU_USER | ST_EXL | ST_IE
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
	P_CLEAR_EXC()
	la $k0, hcx_bad
br1:	b 1f                                /* (rt resumes after the slot) */
	hypcall 1
1:	CHECK_NEXC(1)
	CHECK_EXC(EXC_RI)
	CHECK_WORD_ADDR(rt_exc_epc, br1)
	CHECK_WORD(rt_exc_cause, CAUSE_BD | (EXC_RI << CAUSE_EXC_SHIFT))
vmm_only_skip:

	/* ---- both ways: unknown codes in kernel mode ---- */
	.irp code, 4, 1023
	P_CLEAR_EXC()
	MARK
1:	hypcall \code
	MARKED
	CHECK_NEXC(1)
	CHECK_EXC(EXC_RI)
	CHECK_WORD_ADDR(rt_exc_epc, 1b)
	.endr
	PUTS("hcx in kernel mode: ok\n")

	/* ---- both ways: supervisor, user: CpU; user with CU0: RI ---- */
	p_map_useg 2
	P_CLEAR_EXC()
	P_SET_HANDLER(rec_handler)
	la $t0, 1f
	sw $t0, ret_to
	P_ENTER_SUPER_ALIAS(hcx_all)
1:	P_CLEAR_HANDLER()
	CHECK_NEXC(NREC)
	li $a0, EXC_CPU << CAUSE_EXC_SHIFT
	jal check_rec
	nop
	CHECK_EQ($v0, 0)

	P_CLEAR_EXC()
	P_SET_HANDLER(rec_handler)
	la $t0, 1f
	sw $t0, ret_to
	P_ENTER_USER_ALIAS(hcx_all)
1:	P_CLEAR_HANDLER()
	CHECK_NEXC(NREC)
	li $a0, EXC_CPU << CAUSE_EXC_SHIFT
	jal check_rec
	nop
	CHECK_EQ($v0, 0)

	P_CLEAR_EXC()
	P_SET_HANDLER(rec_handler)
	la $t0, 1f
	sw $t0, ret_to
	li $t0, ST_CU0
	mtc0 $t0, C0_STATUS
	ehb
	P_ENTER_USER_ALIAS(hcx_all)
1:	P_CLEAR_HANDLER()
	mtc0 $zero, C0_STATUS
	ehb
	CHECK_NEXC(NREC)
	li $a0, EXC_RI << CAUSE_EXC_SHIFT
	jal check_rec
	nop
	CHECK_EQ($v0, 0)
	p_tlbinval 2
	PUTS("hcx in supervisor and user mode: CpU, with CU0: RI\n")
	TEST_END()

/* where an ERET form that should not have happened would go */
hcx_bad:
	FAIL_HERE()
	TEST_END()

	.data
	.align 2
ret_to:	.word 0
rec:	.space 4 * NREC
