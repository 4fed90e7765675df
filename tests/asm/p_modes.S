// LINK: both
/* p_modes: the segment x mode access matrix (DESIGN.md section 3).
 * Loads and stores from kernel, supervisor and user mode to useg (mapped),
 * kseg0, kseg1, sseg (firmware window) and kseg3 (mapped); all five targets
 * are the same physical word 0x00100000. Disallowed accesses raise AdEL /
 * AdES with BadVAddr and change nothing. Instruction fetches from a
 * disallowed segment raise AdEL with EPC = BadVAddr = the target. With
 * Status.ERL = 1, useg is unmapped. User code runs at the useg alias of its
 * kseg0 address, supervisor code at the sseg alias. */
#include "harness.h"
#include "p_common.h"
	.set noreorder

#define PA_T     0x00100000
#define T_USEG   0x00100000
#define T_K0     0x80100000
#define T_K1     0xA0100000
#define T_SSEG   0xC0100000
#define T_K3     0xE0000000
/* the test's own code seen through kseg0 / kseg1 / sseg, whichever segment
 * it is linked in (LINK: both): label + K0OFF is its kseg0 alias */
#ifdef TEST_SSEG
#define K0OFF    (-0x40000000)
#else
#define K0OFF    0
#endif
#define MARK     0x600dc0de
#define NEWV     0x5a5a1234
#define SENT     0xdeadbeef

#define K_ENTER(label) j label; nop
#define U_ENTER(label) P_ENTER_USER_ALIAS(label)
#define S_ENTER(label) P_ENTER_SUPER_ALIAS(label)
#define FIX_U p_to_useg $s5
#define FIX_S p_to_sseg $s5, $t3

/* PA_T = MARK, $t1 = sentinel, $t2 = the value a store writes */
#define RESET_MARK li $t0, MARK; li $t3, T_K0; sw $t0, 0($t3); li $t1, SENT; li $t2, NEWV

/* run `probe` in a mode with $s0 = address; back in kernel mode at 9: */
#define RUN(ENTER, probe, A) \
	RESET_MARK; li $s0, A; P_CLEAR_EXC(); P_SET_RESUME(9f); P_TO_KERNEL(); ENTER(probe); 9:

#define LOAD_OK(ENTER, A) \
	RUN(ENTER, probe_lw, A); CHECK_EXC(EXC_SYS); CHECK_NEXC(1); CHECK_EQ($t1, MARK)
#define STORE_OK(ENTER, A) \
	RUN(ENTER, probe_sw, A); CHECK_EXC(EXC_SYS); CHECK_NEXC(1); \
	li $t3, T_K0; lw $t0, 0($t3); CHECK_EQ($t0, NEWV)
#define LOAD_BAD(ENTER, FIX, A) \
	RUN(ENTER, probe_lw, A); CHECK_EXC(EXC_ADEL); CHECK_NEXC(1); \
	CHECK_WORD(rt_exc_badvaddr, A); la $s5, probe_lw; FIX; \
	lw $t0, rt_exc_epc; CHECK_REG($t0, $s5); CHECK_EQ($t1, SENT)
#define STORE_BAD(ENTER, FIX, A) \
	RUN(ENTER, probe_sw, A); CHECK_EXC(EXC_ADES); CHECK_NEXC(1); \
	CHECK_WORD(rt_exc_badvaddr, A); la $s5, probe_sw; FIX; \
	lw $t0, rt_exc_epc; CHECK_REG($t0, $s5); \
	li $t3, T_K0; lw $t0, 0($t3); CHECK_EQ($t0, MARK)

/* fetch: the probe jumps to $s1 */
#define FETCH_BAD(ENTER, T) \
	la $s1, T; P_CLEAR_EXC(); P_SET_RESUME(9f); P_TO_KERNEL(); ENTER(probe_jr); 9: \
	CHECK_EXC(EXC_ADEL); CHECK_NEXC(1); CHECK_WORD_ADDR(rt_exc_badvaddr, T); \
	CHECK_WORD_ADDR(rt_exc_epc, T); \
	lw $t0, rt_exc_cause; srl $t0, $t0, 31; CHECK_EQ($t0, 0)

	.text
/* ---- probes: run in any mode through an alias; only PC-relative code ---- */
	.balign 16
probe_lw:
	lw $t1, 0($s0)
	syscall
	nop
probe_sw:
	sw $t2, 0($s0)
	syscall
	nop
probe_jr:
	jr $s1
	nop
	syscall
	nop
fetch_target:
	syscall
	nop

	.globl test_main
test_main:
	p_tlb_flush
	p_map_useg 2
	/* kseg3: 0xE0000000 -> PA_T (even), 0xE0001000 -> PA_T + 4K (odd) */
	p_tlbwi 3, T_K3, PAGEMASK_4K, P_LO(PA_T, CACHE_CACHEABLE, P_DVG), P_LO(PA_T + 0x1000, CACHE_CACHEABLE, P_DVG)
	/* for the ERL test: 0x01000000 -> PA 0x00200000 */
	p_tlbwi 4, 0x01000000, PAGEMASK_4K, P_LO(0x00200000, CACHE_CACHEABLE, P_DVG), P_LO(0x00201000, CACHE_CACHEABLE, P_DVG)

	/* ---- kernel: everything ---- */
	LOAD_OK(K_ENTER, T_USEG)
	STORE_OK(K_ENTER, T_USEG)
	LOAD_OK(K_ENTER, T_K0)
	STORE_OK(K_ENTER, T_K0)
	LOAD_OK(K_ENTER, T_K1)
	STORE_OK(K_ENTER, T_K1)
	LOAD_OK(K_ENTER, T_SSEG)
	STORE_OK(K_ENTER, T_SSEG)
	LOAD_OK(K_ENTER, T_K3)
	STORE_OK(K_ENTER, T_K3)

	/* ---- supervisor: useg and sseg ---- */
	LOAD_OK(S_ENTER, T_USEG)
	STORE_OK(S_ENTER, T_USEG)
	LOAD_BAD(S_ENTER, FIX_S, T_K0)
	STORE_BAD(S_ENTER, FIX_S, T_K0)
	LOAD_BAD(S_ENTER, FIX_S, T_K1)
	STORE_BAD(S_ENTER, FIX_S, T_K1)
	LOAD_OK(S_ENTER, T_SSEG)
	STORE_OK(S_ENTER, T_SSEG)
	LOAD_BAD(S_ENTER, FIX_S, T_K3)
	STORE_BAD(S_ENTER, FIX_S, T_K3)

	/* ---- user: useg only ---- */
	LOAD_OK(U_ENTER, T_USEG)
	STORE_OK(U_ENTER, T_USEG)
	LOAD_BAD(U_ENTER, FIX_U, T_K0)
	STORE_BAD(U_ENTER, FIX_U, T_K0)
	LOAD_BAD(U_ENTER, FIX_U, T_K1)
	STORE_BAD(U_ENTER, FIX_U, T_K1)
	LOAD_BAD(U_ENTER, FIX_U, T_SSEG)
	STORE_BAD(U_ENTER, FIX_U, T_SSEG)
	LOAD_BAD(U_ENTER, FIX_U, T_K3)
	STORE_BAD(U_ENTER, FIX_U, T_K3)

	/* ---- segment edges ---- */
	LOAD_BAD(U_ENTER, FIX_U, 0x80000000)    /* first kseg0 word */
	LOAD_BAD(U_ENTER, FIX_U, 0xFFFFFFFC)
	LOAD_BAD(S_ENTER, FIX_S, 0xBFFFFFFC)
	LOAD_BAD(S_ENTER, FIX_S, 0xE0000000)    /* first kseg3 word */
	/* last useg word from user mode: allowed, so a TLB refill (not AdEL) */
	RUN(U_ENTER, probe_lw, 0x7FFFFFFC)
	CHECK_EXC(EXC_TLBL)
	CHECK_WORD(rt_exc_badvaddr, 0x7FFFFFFC)
	CHECK_WORD(rt_exc_vector, VEC_REFILL)
	/* last sseg word from supervisor mode: a TLB refill too */
	RUN(S_ENTER, probe_lw, 0xDFFFFFFC)
	CHECK_EXC(EXC_TLBL)
	CHECK_WORD(rt_exc_badvaddr, 0xDFFFFFFC)
	CHECK_WORD(rt_exc_vector, VEC_REFILL)

	/* ---- instruction fetch from a disallowed segment ---- */
	FETCH_BAD(U_ENTER, fetch_target + K0OFF)                /* kseg0 */
	FETCH_BAD(U_ENTER, fetch_target + K0OFF + 0x20000000)   /* kseg1 */
	FETCH_BAD(U_ENTER, fetch_target + K0OFF + 0x40000000)   /* sseg */
	FETCH_BAD(S_ENTER, fetch_target + K0OFF)                /* kseg0 */
	FETCH_BAD(S_ENTER, fetch_target + K0OFF + 0x20000000)   /* kseg1 */
	FETCH_BAD(S_ENTER, T_K3)                                /* kseg3 */
	FETCH_BAD(U_ENTER, fetch_target + K0OFF - 0x80000000 + 2) /* misaligned */
	/* allowed fetches: user -> useg alias, supervisor -> sseg alias */
	la $s1, fetch_target
	p_to_useg $s1
	P_CLEAR_EXC()
	P_SET_RESUME(1f)
	P_TO_KERNEL()
	U_ENTER(probe_jr)
1:	CHECK_EXC(EXC_SYS)
	CHECK_NEXC(1)
	lw $t0, rt_exc_epc
	CHECK_REG($t0, $s1)
	la $s1, fetch_target
	p_to_sseg $s1, $t0
	P_CLEAR_EXC()
	P_SET_RESUME(1f)
	P_TO_KERNEL()
	S_ENTER(probe_jr)
1:	CHECK_EXC(EXC_SYS)
	CHECK_NEXC(1)
	lw $t0, rt_exc_epc
	CHECK_REG($t0, $s1)
	/* user mode really is user mode after the round trips */
	mfc0 $t0, C0_STATUS
	andi $t0, $t0, ST_KSU | ST_EXL | ST_ERL
	CHECK_EQ($t0, 0)

	/* ---- Status.ERL = 1: useg is unmapped (PA = VA) in kernel mode ---- */
	li $t0, 0x11111111
	li $t3, 0x81000000              /* PA 0x01000000 */
	sw $t0, 0($t3)
	li $t0, 0x22222222
	li $t3, 0x80200000              /* PA 0x00200000 */
	sw $t0, 0($t3)
	li $s0, 0x01000000
	P_CLEAR_EXC()
	lw $t1, 0($s0)                  /* mapped: entry 4 */
	CHECK_EQ($t1, 0x22222222)
	mfc0 $s2, C0_STATUS
	ori $t0, $s2, ST_ERL
	mtc0 $t0, C0_STATUS
	ehb
	lw $t1, 0($s0)                  /* unmapped */
	li $t4, 0x33333333
	sw $t4, 4($s0)                  /* PA 0x01000004 */
	mtc0 $s2, C0_STATUS
	ehb
	CHECK_NEXC(0)
	CHECK_EQ($t1, 0x11111111)
	li $t3, 0x81000004
	lw $t0, 0($t3)
	CHECK_EQ($t0, 0x33333333)
	lw $t1, 0($s0)                  /* mapped again */
	CHECK_EQ($t1, 0x22222222)
	TEST_END()
