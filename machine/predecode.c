/*
 * predecode.c - turning an instruction word into a struct dinst, once per
 * word of an executed page, from the single instruction table (isa/isa.def):
 * the row gives the semantics (a label of the dispatcher), the register roles
 * (USES column) give
 * the source and destination registers, and the operand format says how the
 * immediate is extended. Nothing here knows any particular instruction.
 */
#include "exec.h"

/* The immediate as the semantics want it, by operand format. */
static uint32_t immediate(const struct isa_insn *in, uint32_t w, uint32_t off)
{
	switch (in->format) {
	case F_RT_RS_SIMM: case F_RS_SIMM: case F_RT_MEM: case F_OP_MEM:
		return (uint32_t)SIMM16(w);
	case F_RT_RS_UIMM:
		return IMM16(w);
	case F_RT_UIMM:
		return IMM16(w) << 16;
	case F_RS_RT_OFF: case F_RS_OFF:
		/* branch target relative to the page: off + 4 + (offset << 2) */
		return off + 4 + ((uint32_t)SIMM16(w) << 2);
	case F_TARGET:
		return TARGET26(w) << 2;
	case F_RT_C0_SEL: {
		int r = cp0_find(RD(w), SEL(w));
		return r < 0 ? UINT32_MAX : (uint32_t)r;
	}
	case F_EXT:
		return EXT_MSBD(w);
	case F_INS:
		return INS_MSB(w);
	case F_RT_HWR:
		return RD(w);
	default:
		return 0;
	}
}

void cpu_decode_into(struct dinst *d, uint32_t w, uint32_t off)
{
	enum isa_op op = isa_decode(w);
	const struct isa_insn *in = &isa_table[op];
	unsigned u = in->uses;

	d->label = cpu_label(op);
	d->word = w;
	d->op = (uint8_t)op;
	d->off = (uint16_t)off;
	d->sa = (uint8_t)SA(w);
	d->imm = immediate(in, w, off);
	d->rs = (u & U_RS) ? (uint8_t)RS(w) : 0;
	d->rt = (u & U_RT) ? (uint8_t)RT(w) : 0;
	unsigned dst = (u & W_RD) ? RD(w) : (u & W_RT) ? RT(w) : (u & W_RA) ? 31 : 0;
	d->dst = dst ? (uint8_t)dst : CPU_SINK;
	d->ldreg = (in->cls == MEM && (u & W_RT)) ? (uint8_t)dst : 0;
	d->flags = (in->cls == BRANCH || op == ISA_OP_ERET) ? DI_CTI : 0;
	if (in->cls == ORD && op != ISA_OP_RESERVED && !(u & (TRAPS | EXC | MDU)))
		d->flags |= DI_SIMPLE;
	if (in->format == F_RT_C0_SEL && d->imm < CP0_NREGS && cp0_table[d->imm].kind == PLAIN)
		d->flags |= DI_CP0_PLAIN;
}

unsigned cpu_load_use_of(uint32_t word, unsigned prev_ldreg)
{
	struct dinst d;
	cpu_decode_into(&d, word, 0);
	return cpu_load_use(&d, prev_ldreg);
}
