/*
 * decode.c - the decoder: isa.def expanded into a table and searched.
 *
 * Decoding is a pure function of the instruction word. Rows are grouped by
 * primary opcode once, at first use, so a lookup scans only the handful of
 * rows that share the word's opcode; the result is the single row whose
 * (word & mask) == match, or ISA_OP_RESERVED.
 */
#include "isa.h"

const struct isa_insn isa_table[ISA_NOPS] = {
#define ISA_INSN(nm, mn, mt, mk, fmt, cl, us) \
	[ISA_OP_##nm] = { #nm, mn, mt, mk, fmt, cl, us },
#include "isa.def"
#undef ISA_INSN
	[ISA_OP_RESERVED] = { "RESERVED", "<unknown>", 0, 0, F_NONE, ORD, TRAPS },
};

/* by_opcode[op] lists the rows whose mask fixes the opcode field to op,
 * terminated by ISA_OP_RESERVED. Every row's mask covers bits 31..26. */
#define MAX_PER_OPCODE 48
static uint8_t by_opcode[64][MAX_PER_OPCODE + 1];
static int index_built;

static void build_index(void)
{
	int fill[64] = { 0 };
	for (int op = 0; op < ISA_OP_RESERVED; op++) {
		unsigned opc = OPCODE(isa_table[op].match);
		by_opcode[opc][fill[opc]++] = (uint8_t)op;
	}
	for (int opc = 0; opc < 64; opc++)
		by_opcode[opc][fill[opc]] = ISA_OP_RESERVED;
	index_built = 1;
}

enum isa_op isa_decode(uint32_t word)
{
	if (!index_built)
		build_index();
	for (const uint8_t *p = by_opcode[OPCODE(word)]; *p != ISA_OP_RESERVED; p++) {
		const struct isa_insn *in = &isa_table[*p];
		if ((word & in->mask) == in->match)
			return (enum isa_op)*p;
	}
	return ISA_OP_RESERVED;
}
