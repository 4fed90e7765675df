// LINK: both
/*
 * i_reserved: words that are not implemented instructions raise Reserved
 * Instruction (EXC_RI) with EPC = the word, in kernel mode, and have no other
 * effect; the runtime resumes at the next word.
 *   - encodings reserved in MIPS32 Release 2 (Vol. II, tables A.2-A.6):
 *     opcodes 0x18, 0x27, 0x2c, 0x34, 0x3b, 0x3c, 0x3f; SPECIAL funct 0x05,
 *     0x0e, 0x28, 0x2c, 0x38; SPECIAL2 funct 0x03, 0x10; SPECIAL3 funct 0x01
 *     and BSHFL sa 0; REGIMM rt 0x04, 0x0d; MFC0/MTC0 with nonzero bits 10..3.
 *   - DESIGN.md 2: "anything not implemented raises Reserved Instruction".
 *     There is no FPU, so COP1 instructions (ADD.S, MFC1) and MOVCI (SPECIAL
 *     funct 0x01) are tested to raise RI, as Trapeze defines. (On a real
 *     MIPS32 CPU without an FPU these raise Coprocessor Unusable, CE = 1.)
 *   - RI in a delay slot: Cause.BD = 1, EPC = the branch.
 */
#include "harness.h"
	.set noreorder
	.text

#define RSV(insn_word) \
	li $t0, 0x11111111; li $t1, 0x22222222; li $t2, 0x33333333; CLEAR_EXC(); \
	9990: .word insn_word; \
	CHECK_NEXC(1); CHECK_EXC(EXC_RI); CHECK_WORD_ADDR(rt_exc_epc, 9990b); \
	CHECK_EQ($t0, 0x11111111); CHECK_EQ($t1, 0x22222222); CHECK_EQ($t2, 0x33333333)

	.globl test_main
test_main:
	/* ---- reserved major opcodes ---- */
	RSV(0x60000000)             /* opcode 0x18 */
	RSV(0x9d095000)             /* opcode 0x27 */
	RSV(0xb1095000)             /* opcode 0x2c */
	RSV(0xd1095000)             /* opcode 0x34 */
	RSV(0xec000000)             /* opcode 0x3b */
	RSV(0xed0a0004)             /* opcode 0x3b, other fields set */
	RSV(0xf0000000)             /* opcode 0x3c */
	RSV(0xfc000000)             /* opcode 0x3f */
	RSV(0xffffffff)             /* opcode 0x3f, all ones */
	/* ---- SPECIAL reserved functions ---- */
	RSV(0x00000005)             /* funct 0x05 */
	RSV(0x01095005)             /* funct 0x05 with operands */
	RSV(0x0000000e)             /* funct 0x0e */
	RSV(0x00000028)             /* funct 0x28 */
	RSV(0x01095028)             /* funct 0x28 with operands */
	RSV(0x0109502c)             /* funct 0x2c (MIPS64 DADD) */
	RSV(0x00095038)             /* funct 0x38 (MIPS64 DSLL) */
	RSV(0x00000001)             /* funct 0x01 MOVCI: needs an FPU */
	RSV(0x01014001)             /* movt $t0, $t0, $fcc0 */
	/* ---- SPECIAL2 / SPECIAL3 reserved functions ---- */
	RSV(0x71095003)             /* SPECIAL2 funct 0x03 */
	RSV(0x71095010)             /* SPECIAL2 funct 0x10 */
	RSV(0x7c000001)             /* SPECIAL3 funct 0x01 */
	RSV(0x7d095001)             /* SPECIAL3 funct 0x01 with operands */
	RSV(0x7c095020)             /* SPECIAL3 BSHFL, sa = 0 */
	RSV(0x7c0951a0)             /* SPECIAL3 BSHFL, sa = 6 */
	/* ---- REGIMM reserved rt ---- */
	RSV(0x05040001)             /* rt = 0x04 */
	RSV(0x050d0001)             /* rt = 0x0d */
	/* ---- COP1 (no FPU) ---- */
	RSV(0x46020800)             /* add.s $f0, $f1, $f2 */
	RSV(0x44080000)             /* mfc1 $t0, $f0 */
	/* ---- MFC0 / MTC0 with nonzero bits 10..3 ---- */
	RSV(0x40086008)             /* mfc0 $t0, $12 + bit 3 */
	RSV(0x40086400)             /* mfc0 $t0, $12 + bit 10 */
	RSV(0x400a4880)             /* mfc0 $t2, $9 + bit 7 */
	/* mtc0 $t0, $12 (Status) + bit 4: $t0 = the current Status, so that an
	 * encoding wrongly executed as MTC0 changes nothing */
	mfc0 $t4, C0_STATUS
	move $t0, $t4
	CLEAR_EXC()
rsv_mtc0:
	.word 0x40886010
	CHECK_NEXC(1)
	CHECK_EXC(EXC_RI)
	CHECK_WORD_ADDR(rt_exc_epc, rsv_mtc0)

	/* ---- resumes at the next word; several in a row ---- */
	li $t3, 0
	CLEAR_EXC()
	.word 0x00000005
	addiu $t3, $t3, 1
	.word 0xec000000
rsv_last:
	.word 0x00000028
	addiu $t3, $t3, 1
	CHECK_EQ($t3, 2)
	CHECK_NEXC(3)
	CHECK_EXC(EXC_RI)
	CHECK_WORD_ADDR(rt_exc_epc, rsv_last)

	/* ---- in a delay slot: BD = 1, EPC = the branch ---- */
	CLEAR_EXC()
rsv_br:
	b 1f
	.word 0xec000000
	nop
1:	CHECK_NEXC(1)
	CHECK_EXC(EXC_RI)
	CHECK_WORD_ADDR(rt_exc_epc, rsv_br)
	lw $t9, rt_exc_cause
	srl $t9, $t9, 31
	CHECK_EQ($t9, 1)

	TEST_END()
