/*
 * cp0.h - names for the CP0 table (machine/cp0.def) and the exception codes
 * (machine/excode.def).
 */
#ifndef TRAPEZE_CP0_H
#define TRAPEZE_CP0_H

#include <stdint.h>
#include "cp0bits.h"

/* One enumerator per implemented CP0 register, in table order. */
enum cp0_reg {
#define CP0_REG(name, num, sel, wmask, kind, desc) CP0_##name,
#include "cp0.def"
#undef CP0_REG
	CP0_NREGS
};

enum cp0_kind { PLAIN, SPECIAL };

struct cp0_info {
	const char *name;       /* the table's NAME column, "STATUS" */
	uint8_t num, sel;
	uint32_t writable;
	enum cp0_kind kind;
	const char *desc;
};


extern const struct cp0_info cp0_table[CP0_NREGS];

/* The table row for (number, select), or -1 if not implemented. */
int cp0_find(unsigned num, unsigned sel);

/* Exception codes, Cause.ExcCode values. */
enum exc_code {
#define EXC(name, code, shortname, desc) EXC_##name = code,
#include "excode.def"
#undef EXC
};
#define EXC_NCODES 32
/* Short name ("TLBL") and description of a code; "?" for an unused code. */
const char *exc_name(unsigned code);
const char *exc_desc(unsigned code);

#endif
