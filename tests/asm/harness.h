/*
 * harness.h - conventions for the self-checking machine tests (tests/asm).
 *
 * A test is one .S file. It is preprocessed by cpp (so C-style comments and
 * these macros work), assembled by llvm-mc and linked with tests/asm/rt.S:
 *   - kseg0 tests (default) are linked at 0x80000000; devices via kseg1.
 *   - sseg tests (first line "// LINK: sseg") at 0xC0000000; devices via the
 *     firmware's window at 0xDF000000; rt sets EBase = 0xC0000000.
 *   - "// LINK: both": built and run twice, as NAME (kseg0) and as NAME.sseg
 *     (sseg, -DTEST_SSEG defined). The sseg builds also run under the VMM
 *     (tests/run_vmm.sh). RT_EBASE is where rt.S leaves EBase in each case.
 * Optional first-lines directives read by tests/run_asm.sh:
 *   // RUN: --ram 4M --disk @tmpdisk      extra `trapeze run` options
 *   // STDIN: file.txt                    console input (tests/asm/data/...)
 *   // EXPECT-EXIT: 3                     expected exit status (default 0)
 *   // EXPECT-STDOUT                      compare stdout with NAME.expect
 *
 * The test defines `test_main` (called in kernel mode with $sp set; return
 * with `jr $ra` or just use TEST_END). The runtime prints "PASS NAME" or the
 * failures, and powers off with the number of failed checks as the status.
 *
 * Registers: tests must not use $k0/$k1 (the exception handler owns them),
 * and the handler also overwrites $at. The CHECK_* macros keep the expected
 * value in $k1, so run checks with interrupts disabled.
 * The runtime's exception handler records every exception in rt_exc_* words
 * and then, in order of precedence:
 *   1. jumps to the word at rt_handler if non-zero (the test's own handler,
 *      entered with the exception state untouched; it must ERET itself);
 *   2. resumes at the word at rt_resume if non-zero (one-shot: cleared);
 *   3. otherwise resumes at EPC + 4 (EPC + 8 when Cause.BD: skips branch and slot).
 * If rt_to_kernel is non-zero when an exception arrives, it is cleared and
 * Status.KSU is set to kernel before the ERET (how user/supervisor code gets
 * back: SET_RESUME(label); TO_KERNEL; syscall).
 */
#ifndef TRAPEZE_TEST_HARNESS_H
#define TRAPEZE_TEST_HARNESS_H

#include "hw.h"
#include "cp0bits.h"
#include "cp0regs.h"

#ifdef TEST_SSEG
#define IO(pa) SSEG_IO(pa)
#define RT_EBASE 0xC0000000     /* rt.S moves EBase to its sseg vectors */
#else
#define IO(pa) KSEG1_IO(pa)
#define RT_EBASE 0x80000000     /* the reset value, where rt's vectors are */
#endif

/* ---- checks: each failing check prints "FAIL file:line ..." and counts ---- */
/* reg == 32-bit constant */
#define CHECK_EQ(reg, val)     .set noat; move $at, reg; li $k1, val; rt_check_eq __LINE__; .set at
/* reg == other register */
#define CHECK_REG(reg, reg2)   .set noat; move $at, reg; move $k1, reg2; rt_check_eq __LINE__; .set at
/* the last exception had this ExcCode (and there was one since CLEAR_EXC) */
#define CHECK_EXC(code)        .set noat; lw $at, rt_exc_code; li $k1, code; rt_check_eq __LINE__; .set at
/* number of exceptions since CLEAR_EXC */
#define CHECK_NEXC(n)          .set noat; lw $at, rt_exc_count; li $k1, n; rt_check_eq __LINE__; .set at
/* a recorded word (rt_exc_epc, rt_exc_badvaddr, rt_exc_cause, rt_exc_status,
 * rt_exc_vector, rt_exc_context, rt_exc_entryhi) equals a constant/label */
#define CHECK_WORD(sym, val)   .set noat; lw $at, sym; li $k1, val; rt_check_eq __LINE__; .set at
#define CHECK_WORD_ADDR(sym, label) .set noat; lw $at, sym; la $k1, label; rt_check_eq __LINE__; .set at
/* unconditional failure / note */
#define FAIL_HERE()            rt_fail __LINE__
/* reset the exception record (count = 0, code = -1) */
#define CLEAR_EXC()            jal rt_clear_exc; nop
/* resume at label after the next exception */
#define SET_RESUME(label)      la $k1, label; lui $k0, %hi(rt_resume); sw $k1, %lo(rt_resume)($k0)
/* go back to kernel mode at the next exception */
#define TO_KERNEL()            li $k1, 1; lui $k0, %hi(rt_to_kernel); sw $k1, %lo(rt_to_kernel)($k0)
/* run `label` in user (KSU=10) or supervisor (KSU=01) mode via ERET */
#define ENTER_USER(label)      la $a0, label; jal rt_enter_user; nop
#define ENTER_SUPER(label)     la $a0, label; jal rt_enter_super; nop
/* print a string literal */
#define PUTS(str)              .pushsection .rodata; 9999: .asciz str; .popsection; la $a0, 9999b; jal rt_puts; nop
/* end of test: report and power off */
#define TEST_END()             j rt_finish; nop


/* The check primitive: $at = actual, $k1 = expected. Equal: falls through.
 * Otherwise records line and expected value and calls rt_check_common with
 * the return address in $k0 (so $ra and all other registers survive). */
	.macro rt_check_eq line
	beq $at, $k1, 8801f
	nop
	lui $k0, %hi(rt_save_ra)
	addiu $k0, $k0, %lo(rt_save_ra)
	sw $k1, 16($k0)
	li $k1, \line
	sw $k1, 12($k0)
	lui $k1, %hi(rt_check_common)
	addiu $k1, $k1, %lo(rt_check_common)
	jalr $k0, $k1
	nop
8801:
	.endm

	.macro rt_fail line
	.set noat
	li $at, 1
	li $k1, 0
	rt_check_eq \line
	.set at
	.endm

#ifndef RT_SELF
/* every test gets its name from the runner: -DTEST_NAME_STR='"name"' */
	.pushsection .rodata
	.globl test_name
test_name: .asciz TEST_NAME_STR
	.popsection
#endif

#endif
