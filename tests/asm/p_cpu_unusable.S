// LINK: both
/* p_cpu_unusable: in supervisor and in user mode with Status.CU0 = 0 every
 * CP0 instruction (MFC0 MTC0 ERET TLBR TLBWI TLBWR TLBP DI EI CACHE HYPCALL
 * WAIT) raises CpU with Cause.CE = 0 and EPC = the instruction, and has no
 * effect. With CU0 = 1 they work in user mode (address checks still apply).
 * HYPCALL in kernel mode raises RI (kseg0 build only: the sseg build also runs
 * under the VMM, where it is a hypercall). RDHWR outside kernel mode raises RI
 * unless the register's HWREna bit is set. */
#include "harness.h"
#include "p_common.h"
#include "cost.h"
	.set noreorder

#define SENT1 0x11111111
#define SENT2 0x22222222
#define SENT3 0x33333333
#define SENT4 0x44444444
#define LOG_MAX 64
#define NPRIV 12

	.text
/* ---- the log handler: records (Cause, EPC, BadVAddr) of every exception;
 * Sys returns to kernel mode at log_resume, anything else resumes at EPC+4 ---- */
log_handler:
	lui $k1, %hi(log_n)
	lw $k0, %lo(log_n)($k1)
	sltiu $k1, $k0, LOG_MAX
	beqz $k1, 3f
	addiu $k0, $k0, 1
	lui $k1, %hi(log_n)
	sw $k0, %lo(log_n)($k1)
	sll $k0, $k0, 4                 /* 16 bytes per entry */
	lui $k1, %hi(log_buf - 16)
	addu $k1, $k1, $k0
	mfc0 $k0, C0_EPC
	sw $k0, %lo(log_buf - 16 + 4)($k1)
	mfc0 $k0, C0_BADVADDR
	sw $k0, %lo(log_buf - 16 + 8)($k1)
	mfc0 $k0, C0_CAUSE
	sw $k0, %lo(log_buf - 16)($k1)
3:	mfc0 $k0, C0_CAUSE
	srl $k0, $k0, CAUSE_EXC_SHIFT
	andi $k0, $k0, 0x1f
	xori $k0, $k0, EXC_SYS
	bnez $k0, 1f
	nop
	mfc0 $k0, C0_STATUS             /* Sys: back to kernel mode */
	li $k1, ~ST_KSU
	and $k0, $k0, $k1
	mtc0 $k0, C0_STATUS
	lui $k1, %hi(log_resume)
	lw $k0, %lo(log_resume)($k1)
	b 2f
	nop
1:	mfc0 $k0, C0_EPC
	addiu $k0, $k0, 4
2:	mtc0 $k0, C0_EPC
	ehb
	eret

/* log_n = 0, log_resume = label, rt_handler = log_handler */
#define LOG_START(label) \
	.set noat; lui $at, %hi(log_n); sw $zero, %lo(log_n)($at); \
	la $k1, label; lui $at, %hi(log_resume); sw $k1, %lo(log_resume)($at); .set at; \
	P_SET_HANDLER(log_handler)

/* the privileged instructions, run through the useg/sseg alias */
	.balign 16
priv_seq:
	mfc0 $t1, C0_EPC
	mtc0 $zero, C0_ENTRYLO0
	eret
	tlbr
	tlbwi
	tlbwr
	tlbp
	di $t2
	ei $t3
	cache 0x14, 0($s0)
	hypcall
	wait
	syscall
	nop

/* with CU0 = 1 in user mode */
cu0_seq:
	mfc0 $t1, C0_EBASE
	mtc0 $t4, C0_ENTRYLO1
	di $t2
	lw $t5, 0($s0)                  /* kseg0 address: still AdEL */
	syscall
	nop

rdhwr_seq:
	rdhwr $t1, $2
	rdhwr $t2, $3
	rdhwr $t3, $0
	rdhwr $t4, $1
	syscall
	nop

/* Check the log after priv_seq: $s1 = address of priv_seq as executed. */
check_priv_log:
	move $s7, $ra
	lw $t0, log_n
	CHECK_EQ($t0, NPRIV + 1)
	la $s2, log_buf
	li $s3, 0
1:	lw $t0, 0($s2)                  /* Cause: BD = 0, CE = 0, ExcCode = CpU */
	li $t5, CAUSE_BD | CAUSE_CE | CAUSE_EXC
	and $t0, $t0, $t5
	CHECK_EQ($t0, EXC_CPU << CAUSE_EXC_SHIFT)
	lw $t0, 4($s2)                  /* EPC = the instruction */
	sll $t5, $s3, 2
	addu $t5, $t5, $s1
	CHECK_REG($t0, $t5)
	addiu $s3, $s3, 1
	slti $t0, $s3, NPRIV
	bnez $t0, 1b
	addiu $s2, $s2, 16
	lw $t0, 0($s2)                  /* then the syscall */
	andi $t0, $t0, CAUSE_EXC
	CHECK_EQ($t0, EXC_SYS << CAUSE_EXC_SHIFT)
	lw $t0, 4($s2)
	addiu $t5, $s1, 4 * NPRIV
	CHECK_REG($t0, $t5)
	/* nothing happened */
	CHECK_EQ($t1, SENT1)
	CHECK_EQ($t2, SENT2)
	CHECK_EQ($t3, SENT3)
	mfc0 $t0, C0_ENTRYLO0
	CHECK_EQ($t0, 0x1234)
	mfc0 $t0, C0_INDEX
	CHECK_EQ($t0, 20)
	mfc0 $t0, C0_ENTRYHI
	CHECK_EQ($t0, 0x00ABC000)
	mfc0 $t0, C0_STATUS
	andi $t0, $t0, ST_IE
	CHECK_EQ($t0, 0)
	/* entry 20 still holds what setup wrote */
	tlbr
	ehb
	mfc0 $t0, C0_ENTRYHI
	CHECK_EQ($t0, P_FLUSH_BASE + (20 << 13))
	mfc0 $t0, C0_ENTRYLO0
	CHECK_EQ($t0, 0)
	jr $s7
	nop

/* state that priv_seq must not change */
setup_priv:
	li $t1, SENT1
	li $t2, SENT2
	li $t3, SENT3
	li $t0, 0x1234
	mtc0 $t0, C0_ENTRYLO0
	mtc0 $zero, C0_ENTRYLO1
	li $t0, 20
	mtc0 $t0, C0_INDEX
	li $t0, 0x00ABC000              /* matches nothing */
	mtc0 $t0, C0_ENTRYHI
	li $s0, 0x00100000
	jr $ra
	ehb

	.globl test_main
test_main:
	p_tlb_flush
	p_map_useg 2
	mfc0 $t0, C0_STATUS
	li $t1, ~(ST_IE | ST_IM)
	and $t0, $t0, $t1
	mtc0 $t0, C0_STATUS
	ehb

	/* ---- supervisor mode, CU0 = 0 ---- */
	P_CLEAR_EXC()
	LOG_START(1f)
	jal setup_priv
	nop
	P_ENTER_SUPER_ALIAS(priv_seq)
1:	P_CLEAR_EXC()
	la $s1, priv_seq
	p_to_sseg $s1, $t0
	jal check_priv_log
	nop

	/* ---- user mode, CU0 = 0 ---- */
	LOG_START(1f)
	jal setup_priv
	nop
	P_ENTER_USER_ALIAS(priv_seq)
1:	P_CLEAR_EXC()
	la $s1, priv_seq
	p_to_useg $s1
	jal check_priv_log
	nop

	/* ---- user mode, CU0 = 1: CP0 instructions work ---- */
	mfc0 $s4, C0_STATUS
	li $t0, ST_CU0
	or $t0, $s4, $t0
	mtc0 $t0, C0_STATUS
	ehb
	LOG_START(1f)
	li $t1, SENT1
	li $t2, SENT2
	li $t4, 0x00abcd5f
	li $t5, SENT4
	la $s0, log_n                   /* a kseg0 address */
	P_ENTER_USER_ALIAS(cu0_seq)
1:	P_CLEAR_EXC()
	mtc0 $s4, C0_STATUS             /* CU0 = 0 again */
	ehb
	lw $t0, log_n
	CHECK_EQ($t0, 2)
	lw $t0, log_buf                 /* the kseg0 load */
	andi $t0, $t0, CAUSE_EXC
	CHECK_EQ($t0, EXC_ADEL << CAUSE_EXC_SHIFT)
	lw $t0, log_buf + 8
	CHECK_REG($t0, $s0)
	lw $t0, log_buf + 16
	andi $t0, $t0, CAUSE_EXC
	CHECK_EQ($t0, EXC_SYS << CAUSE_EXC_SHIFT)
	CHECK_EQ($t1, RT_EBASE)         /* MFC0 EBase */
	mfc0 $t0, C0_ENTRYLO1
	CHECK_EQ($t0, 0x00abcd5f)       /* MTC0 EntryLo1 */
	li $t0, ST_CU0 | ST_KSU | ST_EXL | ST_ERL | ST_IE
	and $t2, $t2, $t0               /* DI returned the user-mode Status */
	CHECK_EQ($t2, ST_CU0 | ST_KSU_USER)
	CHECK_EQ($t5, SENT4)
	mtc0 $zero, C0_ENTRYLO1
	ehb

	/* ---- HYPCALL in kernel mode: RI; CACHE in kernel mode: no exception ---- */
	P_CLEAR_EXC()
	li $s0, 0x80100000
	cache 0x14, 0($s0)
	CHECK_NEXC(0)
#ifndef TEST_SSEG
	/* (not in the sseg build, which also runs under the VMM: there a
	 * kernel-mode HYPCALL is a hypercall, by design) */
1:	hypcall
	CHECK_EXC(EXC_RI)
	CHECK_NEXC(1)
	CHECK_WORD_ADDR(rt_exc_epc, 1b)
#endif

	/* ---- RDHWR ---- */
	/* kernel mode: allowed whatever HWREna says */
	mtc0 $zero, C0_HWRENA
	ehb
	P_CLEAR_EXC()
	mfc0 $s6, C0_COUNT
	rdhwr $t1, $2
	rdhwr $t2, $3
	rdhwr $t3, $0
	rdhwr $t4, $1
	CHECK_NEXC(0)
	subu $t1, $t1, $s6
	P_CHECK_RANGE($t1, 0, 4)        /* CC = Count */
	CHECK_EQ($t2, COUNT_DIVISOR)    /* CCRes: cycles per Count step */
	CHECK_EQ($t3, 0)                /* CPUNum = EBase.CPUNum */
	CHECK_EQ($t4, 0)                /* SYNCI_Step: no caches */
1:	rdhwr $t1, $29                  /* ULR: not implemented */
	CHECK_EXC(EXC_RI)
	CHECK_WORD_ADDR(rt_exc_epc, 1b)

	/* user mode, HWREna = 0: all four raise RI */
	LOG_START(1f)
	li $t1, SENT1
	P_ENTER_USER_ALIAS(rdhwr_seq)
1:	P_CLEAR_EXC()
	lw $t0, log_n
	CHECK_EQ($t0, 5)
	la $s1, rdhwr_seq
	p_to_useg $s1
	la $s2, log_buf
	li $s3, 4
2:	lw $t0, 0($s2)
	andi $t0, $t0, CAUSE_EXC
	CHECK_EQ($t0, EXC_RI << CAUSE_EXC_SHIFT)
	lw $t0, 4($s2)
	CHECK_REG($t0, $s1)
	addiu $s1, $s1, 4
	addiu $s3, $s3, -1
	bnez $s3, 2b
	addiu $s2, $s2, 16
	CHECK_EQ($t1, SENT1)

	/* supervisor mode, HWREna = 0: RI too */
	LOG_START(1f)
	P_ENTER_SUPER_ALIAS(rdhwr_seq)
1:	P_CLEAR_EXC()
	lw $t0, log_n
	CHECK_EQ($t0, 5)
	lw $t0, log_buf
	andi $t0, $t0, CAUSE_EXC
	CHECK_EQ($t0, EXC_RI << CAUSE_EXC_SHIFT)

	/* user mode, HWREna = CC only: $2 works, $3 $0 $1 raise RI */
	li $t0, 1 << HWR_CC
	mtc0 $t0, C0_HWRENA
	ehb
	LOG_START(1f)
	mfc0 $s6, C0_COUNT
	P_ENTER_USER_ALIAS(rdhwr_seq)
1:	P_CLEAR_EXC()
	lw $t0, log_n
	CHECK_EQ($t0, 4)
	la $s1, rdhwr_seq + 4
	p_to_useg $s1
	lw $t0, log_buf + 4
	CHECK_REG($t0, $s1)
	subu $t1, $t1, $s6
	P_CHECK_RANGE($t1, 0, 40)

	/* user mode, HWREna = 0xf: all four work */
	li $t0, 0xf
	mtc0 $t0, C0_HWRENA
	ehb
	LOG_START(1f)
	mfc0 $s6, C0_COUNT
	P_ENTER_USER_ALIAS(rdhwr_seq)
1:	P_CLEAR_EXC()
	lw $t0, log_n
	CHECK_EQ($t0, 1)                /* just the syscall */
	subu $t1, $t1, $s6
	P_CHECK_RANGE($t1, 0, 40)
	CHECK_EQ($t2, COUNT_DIVISOR)
	CHECK_EQ($t3, 0)
	CHECK_EQ($t4, 0)
	mtc0 $zero, C0_HWRENA
	ehb
	TEST_END()

	.data
	.align 2
log_n:      .word 0
log_resume: .word 0
log_buf:    .space 16 * LOG_MAX
