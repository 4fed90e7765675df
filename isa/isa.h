/*
 * isa.h - the instruction set as data: field extractors, the operand formats,
 * instruction classes and register roles that isa.def refers to, and the
 * decoder and disassembler built from that one table.
 *
 * This header includes nothing of the project (DESIGN.md section 1).
 */
#ifndef TRAPEZE_ISA_H
#define TRAPEZE_ISA_H

#include <stddef.h>
#include <stdint.h>

/* ---- instruction fields (MIPS32 Vol. II, "Instruction Formats") ------------
 *  31    26 25  21 20  16 15  11 10   6 5    0
 * | opcode |  rs  |  rt  |  rd  |  sa  | funct |   R-type
 * | opcode |  rs  |  rt  |      imm16          |   I-type
 * | opcode |          target26                 |   J-type
 */
#define OPCODE(i)   (((uint32_t)(i) >> 26) & 0x3f)
#define RS(i)       (((uint32_t)(i) >> 21) & 0x1f)
#define RT(i)       (((uint32_t)(i) >> 16) & 0x1f)
#define RD(i)       (((uint32_t)(i) >> 11) & 0x1f)
#define SA(i)       (((uint32_t)(i) >> 6) & 0x1f)
#define FUNCT(i)    ((uint32_t)(i) & 0x3f)
#define IMM16(i)    ((uint32_t)(i) & 0xffff)                 /* zero-extended */
#define SIMM16(i)   ((int32_t)(int16_t)((uint32_t)(i) & 0xffff)) /* sign-extended */
#define TARGET26(i) ((uint32_t)(i) & 0x03ffffff)
#define SEL(i)      ((uint32_t)(i) & 0x7)                    /* MFC0/MTC0 select */
#define CODE20(i)   (((uint32_t)(i) >> 6) & 0xfffff)         /* SYSCALL, BREAK */
#define CODE10(i)   (((uint32_t)(i) >> 6) & 0x3ff)           /* TEQ and friends */
#define HYPCODE(i)  (((uint32_t)(i) >> 11) & 0x3ff)          /* HYPCALL code */
#define SYNC_STYPE(i) SA(i)
#define EXT_LSB(i)  SA(i)                                    /* EXT/INS: pos */
#define EXT_MSBD(i) RD(i)                                    /* EXT: size - 1 */
#define INS_MSB(i)  RD(i)                                    /* INS: pos + size - 1 */

/* Operand syntax of an instruction, as llvm-objdump prints it. */
enum isa_format {
	F_NONE,        /* eret                          */
	F_RD_RS_RT,    /* addu   rd, rs, rt             */
	F_RD_RT_RS,    /* sllv   rd, rt, rs             */
	F_RD_RT_SA,    /* sll    rd, rt, sa             */
	F_RD_RS,       /* jalr   rd, rs ; clz rd, rs    */
	F_RD_RT,       /* seb    rd, rt                 */
	F_RS_RT,       /* mult   rs, rt                 */
	F_RD,          /* mfhi   rd                     */
	F_RS,          /* jr     rs                     */
	F_RT_RS_SIMM,  /* addiu  rt, rs, simm16         */
	F_RT_RS_UIMM,  /* andi   rt, rs, imm16          */
	F_RT_UIMM,     /* lui    rt, imm16              */
	F_RS_RT_OFF,   /* beq    rs, rt, offset         */
	F_RS_OFF,      /* bgez   rs, offset             */
	F_RS_SIMM,     /* tgei   rs, simm16             */
	F_TARGET,      /* j      target                 */
	F_RT_MEM,      /* lw     rt, simm16(rs)         */
	F_OP_MEM,      /* cache  op, simm16(rs)         */
	F_CODE20,      /* syscall [code]                */
	F_CODE10_10,   /* break  [code[, code2]]        */
	F_CODE10_11,   /* hypcall [code]                */
	F_RS_RT_CODE,  /* teq    rs, rt[, code]         */
	F_STYPE,       /* sync   [stype]                */
	F_RT_C0_SEL,   /* mfc0   rt, rd, sel            */
	F_OPT_RT,      /* di     [rt]                   */
	F_WAITCODE,    /* wait   [code]                 */
	F_EXT,         /* ext    rt, rs, pos, size      */
	F_INS,         /* ins    rt, rs, pos, size      */
	F_RT_HWR,      /* rdhwr  rt, hwr                */
	ISA_NFORMATS
};

/* Instruction classes (DESIGN.md section 2). */
enum isa_class {
	ORD,     /* ordinary: same effect in every mode                      */
	PRIV,    /* privileged: Coprocessor Unusable outside kernel mode      */
	SENS,    /* sensitive: reveals or depends on privileged state         */
	BRANCH,  /* control transfer with a delay slot                        */
	MEM,     /* load or store through the MMU                             */
	ISA_NCLASSES
};

/* Register roles (the USES column of isa.def). */
enum {
	U_RS   = 1 << 0,   /* reads GPR rs                              */
	U_RT   = 1 << 1,   /* reads GPR rt                              */
	W_RD   = 1 << 2,   /* writes GPR rd                             */
	W_RT   = 1 << 3,   /* writes GPR rt                             */
	W_RA   = 1 << 4,   /* writes $31 (branch-and-link)              */
	LIKELY = 1 << 5,   /* branch likely: delay slot nullified if not taken */
	U_HILO = 1 << 6,   /* reads HI/LO                               */
	W_HILO = 1 << 7,   /* writes HI/LO                              */
	TRAPS  = 1 << 8,   /* always raises an exception (SYSCALL, ...) */
	EXC    = 1 << 9,   /* may raise one: overflow, a trap condition  */
	MDU    = 1 << 10,  /* uses the multiply/divide unit              */
};

/* One enumerator per table row, in table order; ISA_OP_RESERVED last. */
enum isa_op {
#define ISA_INSN(name, mn, match, mask, fmt, cls, uses) ISA_OP_##name,
#include "isa.def"
#undef ISA_INSN
	ISA_OP_RESERVED,
	ISA_NOPS
};

struct isa_insn {
	const char *name;      /* "ADDU": the table's NAME column */
	const char *mnemonic;  /* "addu" */
	uint32_t match, mask;
	enum isa_format format;
	enum isa_class cls;
	unsigned uses;
};

/* The table itself, indexed by enum isa_op; isa_table[ISA_OP_RESERVED] is the
 * pseudo-entry for words that match no row. */
extern const struct isa_insn isa_table[ISA_NOPS];

/* Decode one word. Pure function of the word: never fails, returns
 * ISA_OP_RESERVED for anything not in the table. */
enum isa_op isa_decode(uint32_t word);

/* A symbol lookup the disassembler may use to annotate branch targets:
 * returns the name of the symbol containing addr and its offset, or NULL. */
typedef const char *isa_symbolizer(void *ctx, uint32_t addr, uint32_t *offset);

/* Disassemble the word found at address pc into buf, exactly as
 * llvm-objdump --triple=mipsel-unknown-elf --mcpu=mips32r5 --mattr=+virt -d
 * prints the mnemonic and operands (without address and bytes): for example
 * "addiu\t$sp, $sp, -32" or "<unknown>". sym may be NULL. Returns buf. */
char *isa_disasm(uint32_t word, uint32_t pc, char *buf, size_t size,
		 isa_symbolizer *sym, void *symctx);

/* Register names as the disassembler prints them ("$2", "$sp", ...). */
extern const char *const isa_gpr_names[32];

#endif
