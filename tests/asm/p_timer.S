// LINK: both
/* p_timer: Count advances one per two cycles; Count == Compare raises IP7 and
 * Cause.TI (level, until Compare is written); the interrupt is taken when
 * IE = 1, EXL = ERL = 0 and IM7 = 1, at EBase+0x180 or +0x200 with Cause.IV;
 * software interrupts IP1..0; DI/EI return the old Status; WAIT sleeps until
 * the interrupt (EPC = the instruction after WAIT); Cause.DC freezes Count;
 * interrupts are never taken between a branch and its delay slot.
 * No CHECK_* runs while interrupts are enabled: the handler owns $k0/$k1,
 * which the checks use. */
#include "harness.h"
#include "p_common.h"
	.set noreorder

#define IP7 0x8000
#define STATUS_OFF(reg) mfc0 reg, C0_STATUS; ins reg, $zero, 0, 1; mtc0 reg, C0_STATUS; ehb
/* int_n = 0 */
#define INT_CLEAR .set noat; lui $at, %hi(int_n); sw $zero, %lo(int_n)($at); .set at
/* spin until int_n != 0, at most ~n iterations (reg is clobbered) */
#define SPIN_INT(reg, n) li reg, n; 8: lw $t8, int_n; bnez $t8, 9f; nop; addiu reg, reg, -1; bnez reg, 8b; nop; 9:

	.text
/* The test's interrupt handler (via rt_handler; rt_exc has recorded the
 * exception): counts, acknowledges the timer by rewriting Compare, clears
 * IP1..0, and returns to EPC (EPC + 4 for anything but an interrupt). */
int_handler:
	lui $k1, %hi(int_n)
	lw $k0, %lo(int_n)($k1)
	addiu $k0, $k0, 1
	sw $k0, %lo(int_n)($k1)
	mfc0 $k0, C0_CAUSE
	andi $k0, $k0, CAUSE_EXC
	beqz $k0, 1f
	nop
	mfc0 $k0, C0_EPC                /* not an interrupt: skip it */
	addiu $k0, $k0, 4
	mtc0 $k0, C0_EPC
	b 3f
	nop
1:	mfc0 $k0, C0_CAUSE
	andi $k0, $k0, IP7
	beqz $k0, 2f
	nop
	mfc0 $k0, C0_COMPARE            /* acknowledge the timer */
	mtc0 $k0, C0_COMPARE
2:	mfc0 $k0, C0_CAUSE              /* clear the software interrupts */
	ins $k0, $zero, 8, 2
	mtc0 $k0, C0_CAUSE
3:	ehb
	eret

/* one-shot variant for the user-mode test: records Status and EPC at the
 * interrupt, acknowledges the timer, removes itself from rt_handler. */
int_once_handler:
	mfc0 $k0, C0_STATUS
	lui $k1, %hi(once_status)
	sw $k0, %lo(once_status)($k1)
	mfc0 $k0, C0_EPC
	lui $k1, %hi(once_epc)
	sw $k0, %lo(once_epc)($k1)
	lui $k1, %hi(rt_handler)
	sw $zero, %lo(rt_handler)($k1)
	b int_handler
	nop

/* user mode, through the useg alias: spin until the handler ran ($s0 =
 * useg alias of int_n), then syscall */
user_spin:
	lw $t8, 0($s0)
	beqz $t8, user_spin
	nop
	syscall
	nop
user_spin_end:

	.globl test_main
test_main:
	mfc0 $t0, C0_STATUS
	li $t1, ~(ST_IE | ST_IM | ST_EXL | ST_ERL)
	and $t0, $t0, $t1
	mtc0 $t0, C0_STATUS
	mtc0 $zero, C0_CAUSE
	li $t0, 0x7fffffff
	mtc0 $t0, C0_COMPARE
	mtc0 $zero, C0_COUNT
	ehb

	/* ---- Count: +1 every 2 cycles ---- */
	mfc0 $t0, C0_COUNT
	.rept 1000
	nop
	.endr
	mfc0 $t1, C0_COUNT              /* 1001 cycles later */
	subu $t1, $t1, $t0
	P_CHECK_RANGE($t1, 500, 501)

	/* ---- Compare match with interrupts off: TI and IP7, level ---- */
	mfc0 $t0, C0_COUNT
	addiu $s0, $t0, 100
	mtc0 $s0, C0_COMPARE
	ehb
	mfc0 $t0, C0_CAUSE
	li $t1, CAUSE_TI | IP7
	and $t0, $t0, $t1
	CHECK_EQ($t0, 0)
	li $s1, 10000
1:	mfc0 $t0, C0_CAUSE
	sll $t1, $t0, 1                 /* TI is bit 30 */
	bltz $t1, 2f
	nop
	addiu $s1, $s1, -1
	bnez $s1, 1b
	nop
2:	mfc0 $t2, C0_COUNT
	subu $t2, $t2, $s0
	P_CHECK_RANGE($t2, 0, 6)        /* it became pending as Count reached Compare */
	li $t1, CAUSE_TI | IP7
	and $t0, $t0, $t1
	CHECK_EQ($t0, CAUSE_TI | IP7)
	.rept 100
	nop
	.endr
	mtc0 $zero, C0_COUNT            /* writing Count does not acknowledge */
	ehb
	mfc0 $t0, C0_CAUSE
	and $t0, $t0, $t1
	CHECK_EQ($t0, CAUSE_TI | IP7)   /* still pending: level */
	mtc0 $s0, C0_COMPARE            /* writing Compare does */
	ehb
	mfc0 $t0, C0_CAUSE
	and $t0, $t0, $t1
	CHECK_EQ($t0, 0)

	/* ---- the interrupt, general vector (IV = 0) ---- */
	P_CLEAR_EXC()
	P_SET_HANDLER(int_handler)
	INT_CLEAR
	mfc0 $t0, C0_COUNT
	addiu $t0, $t0, 100
	mtc0 $t0, C0_COMPARE
	li $t0, ST_IM_TIMER | ST_IE
	mtc0 $t0, C0_STATUS
	ehb
	SPIN_INT($s0, 100000)
	STATUS_OFF($t0)
	lw $t0, int_n
	CHECK_EQ($t0, 1)
	CHECK_NEXC(1)
	CHECK_EXC(EXC_INT)
	CHECK_WORD(rt_exc_vector, VEC_GENERAL)
	lw $t0, rt_exc_cause
	li $t1, CAUSE_TI | IP7 | CAUSE_BD
	and $t0, $t0, $t1
	CHECK_EQ($t0, CAUSE_TI | IP7)
	mfc0 $t0, C0_CAUSE              /* the handler acknowledged it */
	and $t0, $t0, $t1
	CHECK_EQ($t0, 0)
	lw $t0, rt_exc_status           /* EXL set on entry, IE left alone */
	andi $t0, $t0, ST_EXL | ST_IE
	CHECK_EQ($t0, ST_EXL | ST_IE)

	/* ---- Cause.IV = 1: EBase + 0x200 ---- */
	P_CLEAR_EXC()
	P_SET_HANDLER(int_handler)
	INT_CLEAR
	li $t0, CAUSE_IV
	mtc0 $t0, C0_CAUSE
	mfc0 $t0, C0_COUNT
	addiu $t0, $t0, 100
	mtc0 $t0, C0_COMPARE
	li $t0, ST_IM_TIMER | ST_IE
	mtc0 $t0, C0_STATUS
	ehb
	SPIN_INT($s0, 100000)
	STATUS_OFF($t0)
	mtc0 $zero, C0_CAUSE
	ehb
	lw $t0, int_n
	CHECK_EQ($t0, 1)
	CHECK_EXC(EXC_INT)
	CHECK_WORD(rt_exc_vector, VEC_INTERRUPT)
	/* IV does not move other exceptions */
	li $t0, CAUSE_IV
	mtc0 $t0, C0_CAUSE
	P_CLEAR_EXC()
	syscall
	CHECK_EXC(EXC_SYS)
	CHECK_WORD(rt_exc_vector, VEC_GENERAL)
	mtc0 $zero, C0_CAUSE
	ehb

	/* ---- masking: pending but blocked by IM, IE, EXL, ERL; taken as soon
	 * as the block goes (EPC = right after the enabling MTC0 + EHB) ---- */
#define MASKED(blocked_status) \
	P_CLEAR_EXC(); P_SET_HANDLER(int_handler); INT_CLEAR; \
	mfc0 $t0, C0_COUNT; addiu $t0, $t0, 20; mtc0 $t0, C0_COMPARE; \
	li $t0, blocked_status; mtc0 $t0, C0_STATUS; ehb; \
	li $s0, 1000; 1: mfc0 $t0, C0_CAUSE; sll $t0, $t0, 1; bltz $t0, 2f; nop; \
	addiu $s0, $s0, -1; bnez $s0, 1b; nop; 2: \
	.rept 20; nop; .endr; \
	lw $s1, int_n; li $t0, ST_IM_TIMER | ST_IE; \
	3: mtc0 $t0, C0_STATUS; ehb; nop; nop; \
	STATUS_OFF($t0); CHECK_EQ($s1, 0); lw $t0, int_n; CHECK_EQ($t0, 1); \
	CHECK_EXC(EXC_INT); lw $t0, rt_exc_epc; la $t1, 3b + 4; subu $t0, $t0, $t1; \
	P_CHECK_RANGE($t0, 0, 4)
	MASKED(ST_IE)                           /* IM7 = 0 */
	MASKED(ST_IM_TIMER)                     /* IE = 0 */
	MASKED(ST_IM_TIMER | ST_IE | ST_EXL)    /* EXL = 1 */
	MASKED(ST_IM_TIMER | ST_IE | ST_ERL)    /* ERL = 1 */
	MASKED(ST_IM_SW0 | ST_IM_CONS | ST_IM_DISK | ST_IE)  /* other lines only */

	/* ---- software interrupts IP0, IP1 ---- */
	P_CLEAR_EXC()
	P_SET_HANDLER(int_handler)
	INT_CLEAR
	li $t0, 0x7fffffff
	mtc0 $t0, C0_COMPARE
	li $t0, ST_IM_SW0 | ST_IM_SW1 | ST_IE
	mtc0 $t0, C0_STATUS
	ehb
	li $t0, 0x100                   /* IP0 */
1:	mtc0 $t0, C0_CAUSE
	ehb
	nop
	nop
	STATUS_OFF($t0)
	lw $t0, int_n
	CHECK_EQ($t0, 1)
	CHECK_EXC(EXC_INT)
	lw $t0, rt_exc_cause
	andi $t0, $t0, 0xff00
	CHECK_EQ($t0, 0x100)
	lw $t0, rt_exc_epc
	la $t1, 1b + 4
	subu $t0, $t0, $t1
	P_CHECK_RANGE($t0, 0, 4)
	P_CLEAR_EXC()
	P_SET_HANDLER(int_handler)
	INT_CLEAR
	li $t0, ST_IM_SW1 | ST_IE
	mtc0 $t0, C0_STATUS
	li $t0, 0x100                   /* IP0 while only IM1: nothing */
	mtc0 $t0, C0_CAUSE
	ehb
	nop
	lw $s1, int_n
	li $t0, 0x200                   /* IP1 */
	mtc0 $t0, C0_CAUSE
	ehb
	nop
	nop
	STATUS_OFF($t0)
	CHECK_EQ($s1, 0)
	lw $t0, int_n
	CHECK_EQ($t0, 1)
	lw $t0, rt_exc_cause
	andi $t0, $t0, 0xff00
	CHECK_EQ($t0, 0x200)
	mtc0 $zero, C0_CAUSE
	ehb

	/* ---- DI / EI ---- */
	P_CLEAR_EXC()
	li $s0, ST_IM_DISK | ST_IM_SW1  /* nothing pending on these */
	mtc0 $s0, C0_STATUS
	ehb
	ei $t1
	ehb
	mfc0 $t2, C0_STATUS
	di $t3
	ehb
	mfc0 $t4, C0_STATUS
	ei
	ehb
	mfc0 $t5, C0_STATUS
	di
	ehb
	mfc0 $t6, C0_STATUS
	CHECK_REG($t1, $s0)             /* EI returns the old Status */
	ori $t0, $s0, ST_IE
	CHECK_REG($t2, $t0)             /* and sets IE */
	CHECK_REG($t3, $t0)             /* DI returns the old Status */
	CHECK_REG($t4, $s0)             /* and clears IE */
	ori $t0, $s0, ST_IE
	CHECK_REG($t5, $t0)
	CHECK_REG($t6, $s0)
	CHECK_NEXC(0)

	/* ---- WAIT: sleeps until the timer; EPC = the instruction after ---- */
	P_CLEAR_EXC()
	P_SET_HANDLER(int_handler)
	INT_CLEAR
	mfc0 $s1, C0_COUNT
	addiu $t0, $s1, 500
	mtc0 $t0, C0_COMPARE
	li $t0, ST_IM_TIMER | ST_IE
	mtc0 $t0, C0_STATUS
	ehb
	wait
1:	nop
	STATUS_OFF($t0)
	mfc0 $s2, C0_COUNT
	lw $t0, int_n
	CHECK_EQ($t0, 1)
	CHECK_EXC(EXC_INT)
	CHECK_WORD_ADDR(rt_exc_epc, 1b)
	subu $s2, $s2, $s1              /* the wait really lasted until Count = Compare */
	P_CHECK_RANGE($s2, 500, 600)

	/* ---- Cause.DC freezes Count ---- */
	li $t0, CAUSE_DC
	mtc0 $t0, C0_CAUSE
	ehb
	mfc0 $t1, C0_COUNT
	.rept 100
	nop
	.endr
	mfc0 $t2, C0_COUNT
	CHECK_REG($t2, $t1)
	li $t0, 0x1000                  /* still writable while frozen */
	mtc0 $t0, C0_COUNT
	.rept 10
	nop
	.endr
	mfc0 $t2, C0_COUNT
	CHECK_EQ($t2, 0x1000)
	mtc0 $zero, C0_CAUSE
	ehb
	.rept 100
	nop
	.endr
	mfc0 $t2, C0_COUNT
	addiu $t2, $t2, -0x1000
	P_CHECK_RANGE($t2, 48, 55)

	/* ---- never between a branch and its delay slot ---- */
	li $s3, 2                       /* Compare = k */
	li $s4, 0                       /* interrupts that hit the block */
bd_loop:
	P_CLEAR_EXC()
	P_SET_HANDLER(int_handler)
	INT_CLEAR
	li $t0, ST_IM_TIMER | ST_IE
	mtc0 $zero, C0_COUNT
	mtc0 $s3, C0_COMPARE
	andi $t1, $s3, 1
	beqz $t1, 1f                    /* odd k: one more cycle, other phase */
	nop
	nop
1:	mtc0 $t0, C0_STATUS
bd_block:
	.rept 64
	beq $zero, $zero, 1f
	addiu $t5, $t5, 1
1:
	.endr
bd_end:
	SPIN_INT($s0, 10000)
	STATUS_OFF($t0)
	lw $t0, int_n
	CHECK_EQ($t0, 1)
	lw $t0, rt_exc_cause
	srl $t0, $t0, 31
	CHECK_EQ($t0, 0)                /* never BD */
	lw $t0, rt_exc_epc
	la $t1, bd_block
	subu $t0, $t0, $t1
	sltiu $t2, $t0, 64 * 8           /* bd_end - bd_block */
	beqz $t2, 2f
	nop
	addiu $s4, $s4, 1
	andi $t0, $t0, 7
	CHECK_EQ($t0, 0)                /* EPC is a branch, never a delay slot */
2:	addiu $s3, $s3, 1
	slti $t0, $s3, 80
	bnez $t0, bd_loop
	nop
	sltiu $t0, $s4, 40              /* most of them landed in the block */
	CHECK_EQ($t0, 0)

	/* ---- a timer interrupt in user mode: EXL and KSU = user in Status,
	 * EPC in the user code, ERET goes back to user mode ---- */
	p_tlb_flush
	p_map_useg 2
	P_CLEAR_EXC()
	P_SET_HANDLER(int_once_handler)
	INT_CLEAR
	P_SET_RESUME(1f)
	P_TO_KERNEL()
	la $s0, int_n
	p_to_useg $s0
	li $t0, ST_IM_TIMER | ST_IE
	mtc0 $t0, C0_STATUS
	mfc0 $t0, C0_COUNT
	addiu $t0, $t0, 200
	mtc0 $t0, C0_COMPARE
	P_ENTER_USER_ALIAS(user_spin)
1:	STATUS_OFF($t0)
	CHECK_EXC(EXC_SYS)              /* the user code got back and made the call */
	lw $t0, int_n
	CHECK_EQ($t0, 1)
	lw $t0, once_status
	andi $t0, $t0, ST_KSU | ST_EXL | ST_IE
	CHECK_EQ($t0, ST_KSU_USER | ST_EXL | ST_IE)
	lw $t0, once_epc
	la $t1, user_spin
	p_to_useg $t1
	subu $t0, $t0, $t1
	P_CHECK_RANGE($t0, 0, user_spin_end - user_spin - 4)
	lw $t0, rt_exc_epc
	la $t1, user_spin + 12          /* the syscall */
	p_to_useg $t1
	CHECK_REG($t0, $t1)
	p_tlbinval 2

	P_CLEAR_EXC()
	mtc0 $zero, C0_CAUSE
	li $t0, 0x7fffffff
	mtc0 $t0, C0_COMPARE
	ehb
	TEST_END()

	.data
	.align 2
int_n: .word 0
once_status: .word 0
once_epc: .word 0
