/*
 * disasm.c - the disassembler: one instruction word to one line of text.
 *
 * Contract (isa.h): for every word that isa_decode() maps to a row of isa.def,
 * isa_disasm() prints exactly the mnemonic-and-operands text that
 *   llvm-objdump --triple=mipsel-unknown-elf --mcpu=mips32r5 --mattr=+virt -d
 * (LLVM 14) prints after the address and the four bytes, with two deliberate
 * exceptions, both documented in tests/isa/NOTES.md and tolerated by
 * tests/isa/test_disasm.sh:
 *   - objdump annotates ANY instruction whose last operand is an immediate
 *     with a " <sym+0x..>" as if it were a jump target; we annotate only real
 *     branch and jump targets;
 *   - objdump wraps "rdhwr rt, $29" in ".set push/.set mips32r2/.../.set pop"
 *     lines; we print the single line "rdhwr\trt, $29".
 * Words that decode to ISA_OP_RESERVED print "<unknown>", as llvm-objdump
 * prints for words it cannot decode.
 *
 * How a line is built: the row of isa.def gives mnemonic and operand format;
 * then the first matching rule of the alias table below may replace both.
 * Aliases (nop, move, b, beqz, ...) are only presentation: they are never
 * rows of isa.def. Operand formats are a switch over enum isa_format, plus the
 * few alias-only formats declared here.
 */
#include <stdarg.h>
#include <stdio.h>

#include "isa.h"

const char *const isa_gpr_names[32] = {
	"$zero", "$1",  "$2",  "$3",  "$4",  "$5",  "$6",  "$7",
	"$8",    "$9",  "$10", "$11", "$12", "$13", "$14", "$15",
	"$16",   "$17", "$18", "$19", "$20", "$21", "$22", "$23",
	"$24",   "$25", "$26", "$27", "$gp", "$sp", "$fp", "$ra",
};

/* Operand formats that only the alias table uses, after enum isa_format. */
enum {
	A_OFF = ISA_NFORMATS,  /* b      offset   (beq $0, $0, ...; bgezal $0) */
	A_RDRT_RS,             /* clz    rd|rt, rs  (see the case below)       */
	A_ZERO_RS_RT,          /* div    $zero, rs, rt                        */
	A_UNKNOWN,             /* a word LLVM 14 refuses: "<unknown>"         */
};

/* Field masks for the alias conditions. */
#define M_RS   0x03e00000u
#define M_RT   0x001f0000u
#define M_RD   0x0000f800u
#define M_ALL  0xffffffffu
#define RD_RA  (31u << 11)      /* rd = $31 */

/*
 * Alias rules: a word of row `op` with (word & mask) == match prints as
 * `mnemonic` (NULL: the row's own) with operand format `format`. The first
 * matching rule wins, so a catch-all (mask 0) after a specific rule means
 * "every other word". Besides true aliases, the table holds LLVM's own ways
 * of printing a few rows (div, clz) and the rows it refuses to decode.
 */
static const struct alias {
	enum isa_op op;
	uint32_t mask, match;
	const char *mnemonic;
	int format;
} aliases[] = {
	{ ISA_OP_SLL,     M_ALL,       0x00000000, "nop",     F_NONE },
	{ ISA_OP_SLL,     M_ALL,       0x00000040, "ssnop",   F_NONE },
	{ ISA_OP_SLL,     M_ALL,       0x000000c0, "ehb",     F_NONE },
	{ ISA_OP_SLL,     M_ALL,       0x00000140, "pause",   F_NONE },
	{ ISA_OP_ADDU,    M_RT,        0,          "move",    F_RD_RS },
	{ ISA_OP_OR,      M_RT,        0,          "move",    F_RD_RS },
	{ ISA_OP_SUB,     M_RS,        0,          "neg",     F_RD_RT },
	{ ISA_OP_SUBU,    M_RS,        0,          "negu",    F_RD_RT },
	{ ISA_OP_NOR,     M_RT,        0,          "not",     F_RD_RS },
	{ ISA_OP_JALR,    M_RD,        RD_RA,      "jalr",    F_RS },
	{ ISA_OP_JALR,    M_RD,        0,          "jr",      F_RS },
	{ ISA_OP_JALR_HB, M_RD,        RD_RA,      "jalr.hb", F_RS },
	{ ISA_OP_BEQ,     M_RS | M_RT, 0,          "b",       A_OFF },
	{ ISA_OP_BEQ,     M_RT,        0,          "beqz",    F_RS_OFF },
	{ ISA_OP_BNE,     M_RT,        0,          "bnez",    F_RS_OFF },
	{ ISA_OP_BEQL,    M_RT,        0,          "beqzl",   F_RS_OFF },
	{ ISA_OP_BNEL,    M_RT,        0,          "bnezl",   F_RS_OFF },
	{ ISA_OP_BGEZAL,  M_RS,        0,          "bal",     A_OFF },
	{ ISA_OP_DIV,     0,           0,          NULL,      A_ZERO_RS_RT },
	{ ISA_OP_DIVU,    0,           0,          NULL,      A_ZERO_RS_RT },
	{ ISA_OP_CLZ,     0,           0,          NULL,      A_RDRT_RS },
	{ ISA_OP_CLO,     0,           0,          NULL,      A_RDRT_RS },
	/* LLVM 14 decodes WAIT only with code 0 and RDHWR only for $29. */
	{ ISA_OP_WAIT,    0x01ffffc0,  0,          NULL,      F_WAITCODE },
	{ ISA_OP_WAIT,    0,           0,          NULL,      A_UNKNOWN },
	{ ISA_OP_RDHWR,   M_RD,        29u << 11,  "rdhwr",   F_RT_HWR },
	{ ISA_OP_RDHWR,   0,           0,          NULL,      A_UNKNOWN },
};

/* A bounded appender: output is silently truncated to the buffer. */
struct out {
	char *buf;
	size_t size, len;
};

static void put(struct out *o, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	if (o->len < o->size) {
		int n = vsnprintf(o->buf + o->len, o->size - o->len, fmt, ap);
		if (n > 0)
			o->len += (size_t)n;
	}
	va_end(ap);
}

/* " <sym>" or " <sym+0xoff>" for a branch or jump target, when known. */
static void annotate(struct out *o, uint32_t target, isa_symbolizer *sym,
		     void *ctx)
{
	uint32_t off = 0;
	const char *name = sym ? sym(ctx, target, &off) : NULL;
	if (!name)
		return;
	if (off)
		put(o, " <%s+0x%x>", name, (unsigned)off);
	else
		put(o, " <%s>", name);
}

char *isa_disasm(uint32_t w, uint32_t pc, char *buf, size_t size,
		 isa_symbolizer *sym, void *symctx)
{
	struct out o = { buf, size, 0 };
	const char *const *r = isa_gpr_names;
	enum isa_op op = isa_decode(w);
	const char *mn = isa_table[op].mnemonic;
	int fmt = isa_table[op].format;
	/* Branches print target - pc, LLVM's (offset << 2) + 4. */
	int32_t boff = (int32_t)((uint32_t)SIMM16(w) << 2) + 4;

	if (size)
		buf[0] = '\0';
	if (op == ISA_OP_RESERVED)
		fmt = A_UNKNOWN;
	for (size_t k = 0; k < sizeof aliases / sizeof aliases[0]; k++) {
		const struct alias *a = &aliases[k];
		if (a->op == op && (w & a->mask) == a->match) {
			if (a->mnemonic)
				mn = a->mnemonic;
			fmt = a->format;
			break;
		}
	}
	if (fmt == A_UNKNOWN) {
		put(&o, "<unknown>");
		return buf;
	}

	put(&o, "%s", mn);
	switch (fmt) {
	case F_NONE:
		break;
	case F_RD_RS_RT:
		put(&o, "\t%s, %s, %s", r[RD(w)], r[RS(w)], r[RT(w)]);
		break;
	case F_RD_RT_RS:
		put(&o, "\t%s, %s, %s", r[RD(w)], r[RT(w)], r[RS(w)]);
		break;
	case F_RD_RT_SA:
		put(&o, "\t%s, %s, %u", r[RD(w)], r[RT(w)], SA(w));
		break;
	case F_RD_RS:
		put(&o, "\t%s, %s", r[RD(w)], r[RS(w)]);
		break;
	case A_RDRT_RS:
		/* MIPS32 requires rt == rd for CLZ/CLO; LLVM's decoder reads the
		 * destination from both fields and ORs them. */
		put(&o, "\t%s, %s", r[RD(w) | RT(w)], r[RS(w)]);
		break;
	case A_ZERO_RS_RT:
		put(&o, "\t$zero, %s, %s", r[RS(w)], r[RT(w)]);
		break;
	case F_RD_RT:
		put(&o, "\t%s, %s", r[RD(w)], r[RT(w)]);
		break;
	case F_RS_RT:
		put(&o, "\t%s, %s", r[RS(w)], r[RT(w)]);
		break;
	case F_RD:
		put(&o, "\t%s", r[RD(w)]);
		break;
	case F_RS:
		put(&o, "\t%s", r[RS(w)]);
		break;
	case F_RT_RS_SIMM:
		put(&o, "\t%s, %s, %d", r[RT(w)], r[RS(w)], SIMM16(w));
		break;
	case F_RT_RS_UIMM:
		put(&o, "\t%s, %s, %u", r[RT(w)], r[RS(w)], IMM16(w));
		break;
	case F_RT_UIMM:
		put(&o, "\t%s, %u", r[RT(w)], IMM16(w));
		break;
	case F_RS_RT_OFF:
		put(&o, "\t%s, %s, %d", r[RS(w)], r[RT(w)], boff);
		annotate(&o, pc + (uint32_t)boff, sym, symctx);
		break;
	case F_RS_OFF:
		put(&o, "\t%s, %d", r[RS(w)], boff);
		annotate(&o, pc + (uint32_t)boff, sym, symctx);
		break;
	case A_OFF:
		put(&o, "\t%d", boff);
		annotate(&o, pc + (uint32_t)boff, sym, symctx);
		break;
	case F_RS_SIMM:
		put(&o, "\t%s, %d", r[RS(w)], SIMM16(w));
		break;
	case F_TARGET:
		/* LLVM takes the 256 MB region from the jump's own address. */
		put(&o, "\t%u", TARGET26(w) << 2);
		annotate(&o, (pc & 0xf0000000u) | TARGET26(w) << 2, sym, symctx);
		break;
	case F_RT_MEM:
		put(&o, "\t%s, %d(%s)", r[RT(w)], SIMM16(w), r[RS(w)]);
		break;
	case F_OP_MEM:
		put(&o, "\t%u, %d(%s)", RT(w), SIMM16(w), r[RS(w)]);
		break;
	case F_CODE20:
		if (CODE20(w))
			put(&o, "\t%u", CODE20(w));
		break;
	case F_CODE10_10:
		if (CODE20(w) >> 10)    /* first code: bits 25..16 */
			put(&o, "\t%u", CODE20(w) >> 10);
		if (CODE20(w) & 0x3ff)  /* second code: bits 15..6 */
			put(&o, "%s%u", CODE20(w) >> 10 ? ", " : "\t0, ",
			    CODE20(w) & 0x3ff);
		break;
	case F_CODE10_11:
		if (HYPCODE(w))
			put(&o, "\t%u", HYPCODE(w));
		break;
	case F_RS_RT_CODE:
		put(&o, "\t%s, %s", r[RS(w)], r[RT(w)]);
		if (CODE10(w))
			put(&o, ", %u", CODE10(w));
		break;
	case F_STYPE:
		if (SYNC_STYPE(w))
			put(&o, " %u", SYNC_STYPE(w));  /* a space: LLVM's own */
		break;
	case F_RT_C0_SEL:
		put(&o, "\t%s, $%u, %u", r[RT(w)], RD(w), SEL(w));
		break;
	case F_OPT_RT:
		if (RT(w))
			put(&o, "\t%s", r[RT(w)]);
		break;
	case F_WAITCODE:  /* LLVM 14 refuses nonzero codes: see aliases[] */
		if (CODE20(w) & 0x7ffff)
			put(&o, "\t%u", CODE20(w) & 0x7ffff);
		break;
	case F_EXT:
		put(&o, "\t%s, %s, %u, %u", r[RT(w)], r[RS(w)], EXT_LSB(w),
		    EXT_MSBD(w) + 1);
		break;
	case F_INS:
		/* size = msb - pos + 1; LLVM prints it modulo 64 when msb < pos */
		put(&o, "\t%s, %s, %u, %u", r[RT(w)], r[RS(w)], EXT_LSB(w),
		    (INS_MSB(w) + 1u - EXT_LSB(w)) & 63u);
		break;
	case F_RT_HWR:
		put(&o, "\t%s, $%u", r[RT(w)], RD(w));
		break;
	}
	return buf;
}
