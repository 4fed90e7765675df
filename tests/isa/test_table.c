/*
 * test_table.c - unit test of isa/isa.def and the decoder built from it.
 *
 * Checks, each reported as "PASS name (N passed, 0 failed)" or
 * "FAIL name: N passed, M failed" followed by the first few failures:
 *   match-within-mask  every row's match has no bit outside its mask
 *   mask-fixes-opcode  every mask covers bits 31..26 (decode.c relies on it)
 *   no-overlap         no word matches two rows:
 *                      ((m1 ^ m2) & mask1 & mask2) != 0 for every pair
 *   names-unique       NAME and mnemonic are unique, NAME is the mnemonic
 *                      in upper case with '.' as '_'
 *   decode-match       isa_decode(match) is the row, and so is the match
 *                      with random bits in the don't-care positions
 *   decode-vs-scan     over opcode x rs x rt x funct (every value) with
 *                      rd/sa zero, random and mixed: isa_decode agrees
 *                      with a linear scan of the table, ISA_OP_RESERVED
 *                      where no row matches (16.7 million words)
 *   class-vs-uses      BRANCH is exactly the rows with a branch format or
 *                      a j... mnemonic (each has a delay slot); LIKELY
 *                      exactly on the BRANCH rows named ...l (not ...al);
 *                      W_RA exactly on the BRANCH rows named ...al... other
 *                      than jalr; F_RT_MEM <=> MEM; COP0 rows are PRIV;
 *                      TRAPS rows touch no GPR
 *   uses-vs-format     a GPR field is read or written (U_/W_ flags) iff
 *                      the operand format shows it as a register
 * Exit status: 0 if every check passed, 1 otherwise.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "isa.h"

#define NROWS ((int)ISA_OP_RESERVED)
#define MAX_SHOWN 5

static int checks_failed;
static const char *cur_name;
static unsigned long cur_pass, cur_fail;
static char cur_note[64];       /* extra text for the PASS/FAIL line */

static void begin(const char *name)
{
	cur_name = name;
	cur_pass = cur_fail = 0;
	cur_note[0] = '\0';
}

static void ok(void)
{
	cur_pass++;
}

/* Record a failure; the first MAX_SHOWN are printed after the FAIL line. */
static char shown[MAX_SHOWN][160];
static void bad(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void bad(const char *fmt, ...)
{
	if (cur_fail < MAX_SHOWN) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(shown[cur_fail], sizeof shown[0], fmt, ap);
		va_end(ap);
	}
	cur_fail++;
}

static void end(void)
{
	if (!cur_fail) {
		printf("PASS %s (%lu passed, 0 failed%s)\n", cur_name, cur_pass,
		       cur_note);
		return;
	}
	printf("FAIL %s: %lu passed, %lu failed%s\n", cur_name, cur_pass,
	       cur_fail, cur_note);
	for (unsigned long i = 0; i < cur_fail && i < MAX_SHOWN; i++)
		printf("    %s\n", shown[i]);
	checks_failed = 1;
}

static uint64_t rng = 0x9e3779b97f4a7c15ull;
static uint32_t rnd(void)   /* xorshift64*: the same on every host */
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return (uint32_t)((rng * 0x2545f4914f6cdd1dull) >> 32);
}

/* The reference decoder: scan every row. */
static enum isa_op scan(uint32_t w, int *nmatch)
{
	enum isa_op found = ISA_OP_RESERVED;
	*nmatch = 0;
	for (int op = 0; op < NROWS; op++)
		if ((w & isa_table[op].mask) == isa_table[op].match) {
			found = (enum isa_op)op;
			++*nmatch;
		}
	return found;
}

/* GPR fields an operand format prints as registers. */
enum { FLD_RS = 1, FLD_RT = 2, FLD_RD = 4 };
static unsigned gpr_fields(enum isa_format f)
{
	switch (f) {
	case F_RD_RS_RT: case F_RD_RT_RS:       return FLD_RD | FLD_RS | FLD_RT;
	case F_RD_RT_SA: case F_RD_RT:          return FLD_RD | FLD_RT;
	case F_RD_RS:                           return FLD_RD | FLD_RS;
	case F_RS_RT: case F_RS_RT_OFF: case F_RS_RT_CODE:
	case F_RT_RS_SIMM: case F_RT_RS_UIMM: case F_RT_MEM:
	case F_EXT: case F_INS:                 return FLD_RS | FLD_RT;
	case F_RD:                              return FLD_RD;
	case F_RS: case F_RS_OFF: case F_RS_SIMM: case F_OP_MEM:
						return FLD_RS;
	case F_RT_UIMM: case F_RT_C0_SEL: case F_OPT_RT: case F_RT_HWR:
						return FLD_RT;
	default:                                return 0;
	}
}

static int is_branch_format(enum isa_format f)
{
	return f == F_RS_RT_OFF || f == F_RS_OFF || f == F_TARGET;
}

static void check_rows(void)
{
	begin("match-within-mask");
	for (int op = 0; op < NROWS; op++) {
		const struct isa_insn *r = &isa_table[op];
		if (r->match & ~r->mask)
			bad("%s: match 0x%08x has bits 0x%08x outside mask 0x%08x",
			    r->name, r->match, r->match & ~r->mask, r->mask);
		else
			ok();
	}
	end();

	begin("mask-fixes-opcode");
	for (int op = 0; op < NROWS; op++) {
		if ((isa_table[op].mask & 0xfc000000u) != 0xfc000000u)
			bad("%s: mask 0x%08x", isa_table[op].name, isa_table[op].mask);
		else
			ok();
	}
	end();

	begin("no-overlap");
	for (int a = 0; a < NROWS; a++)
		for (int b = a + 1; b < NROWS; b++) {
			const struct isa_insn *x = &isa_table[a], *y = &isa_table[b];
			if (((x->match ^ y->match) & x->mask & y->mask) == 0)
				bad("%s and %s overlap, e.g. 0x%08x", x->name, y->name,
				    x->match | y->match);
			else
				ok();
		}
	end();

	begin("names-unique");
	for (int a = 0; a < NROWS; a++) {
		const struct isa_insn *x = &isa_table[a];
		int good = 1;
		for (int b = a + 1; b < NROWS; b++)
			if (!strcmp(x->name, isa_table[b].name)
			    || !strcmp(x->mnemonic, isa_table[b].mnemonic)) {
				bad("%s and %s share a name or mnemonic", x->name,
				    isa_table[b].name);
				good = 0;
			}
		size_t n = strlen(x->mnemonic);
		int same = strlen(x->name) == n;
		for (size_t i = 0; same && i < n; i++) {
			char c = x->mnemonic[i];
			char u = c == '.' ? '_' : (c >= 'a' && c <= 'z') ? (char)(c - 32) : c;
			same = x->name[i] == u;
		}
		if (!same) {
			bad("%s: NAME is not the mnemonic \"%s\" in upper case",
			    x->name, x->mnemonic);
			good = 0;
		}
		if (good)
			ok();
	}
	end();
}

static void check_decode(void)
{
	begin("decode-match");
	for (int op = 0; op < NROWS; op++) {
		const struct isa_insn *r = &isa_table[op];
		for (int k = 0; k < 4096; k++) {
			uint32_t w = r->match | (k ? rnd() & ~r->mask : 0);
			enum isa_op got = isa_decode(w);
			if (got != (enum isa_op)op)
				bad("0x%08x (a %s) decodes as %s", w, r->name,
				    isa_table[got].name);
			else
				ok();
		}
	}
	end();

	/* Every opcode x rs x rt x funct; rd and sa four ways. */
	unsigned long reserved = 0;
	begin("decode-vs-scan");
	for (uint32_t top = 0; top < (1u << 16); top++)   /* opcode|rs|rt */
		for (uint32_t funct = 0; funct < 64; funct++)
			for (int v = 0; v < 4; v++) {
				uint32_t r = rnd(), rd = 0, sa = 0;
				if (v & 1)
					rd = r >> 27;
				if (v & 2)
					sa = (r >> 22) & 31;
				uint32_t w = top << 16 | rd << 11 | sa << 6 | funct;
				int n;
				enum isa_op want = scan(w, &n), got = isa_decode(w);
				if (n > 1)
					bad("0x%08x matches %d rows", w, n);
				else if (got != want)
					bad("0x%08x: isa_decode says %s, the table %s",
					    w, isa_table[got].name, isa_table[want].name);
				else
					ok();
				reserved += want == ISA_OP_RESERVED;
			}
	snprintf(cur_note, sizeof cur_note, "; %lu words reserved", reserved);
	end();
}

static void check_semantics(void)
{
	begin("class-vs-uses");
	for (int op = 0; op < NROWS; op++) {
		const struct isa_insn *r = &isa_table[op];
		size_t n = strlen(r->mnemonic);
		unsigned long before = cur_fail;
		/* a likely form is a branch named ...l, but not ...al */
		int likely_name = r->cls == BRANCH && r->mnemonic[n - 1] == 'l'
			&& !(n >= 2 && r->mnemonic[n - 2] == 'a');
		/* linking to $31: the branches and jumps named ...al..., not jalr */
		int link_name = r->cls == BRANCH && r->format != F_RD_RS
			&& strstr(r->mnemonic, "al") != NULL;
		if (!!(r->uses & LIKELY) != likely_name)
			bad("%s: LIKELY should be set exactly on the ...l branches",
			    r->name);
		if (!!(r->uses & W_RA) != link_name)
			bad("%s: W_RA should be set exactly on b..al.. and jal",
			    r->name);
		if ((r->cls == BRANCH) != (is_branch_format(r->format)
					   || r->mnemonic[0] == 'j'))
			bad("%s: BRANCH should be exactly the branches and jumps",
			    r->name);
		if ((r->format == F_RT_MEM) != (r->cls == MEM))
			bad("%s: F_RT_MEM and MEM class disagree", r->name);
		if (OPCODE(r->match) == 0x10 && r->cls != PRIV)
			bad("%s: a COP0 instruction that is not PRIV", r->name);
		if ((r->uses & TRAPS) && (r->uses & (U_RS | U_RT | W_RD | W_RT | W_RA)))
			bad("%s: TRAPS with GPR operands", r->name);
		if (cur_fail == before)
			ok();
	}
	end();

	begin("uses-vs-format");
	for (int op = 0; op < NROWS; op++) {
		const struct isa_insn *r = &isa_table[op];
		unsigned f = gpr_fields(r->format), u = r->uses;
		unsigned long before = cur_fail;
		if (!!(f & FLD_RS) != !!(u & U_RS))
			bad("%s: rs is %sa register operand but U_RS is %s", r->name,
			    f & FLD_RS ? "" : "not ", u & U_RS ? "set" : "clear");
		if (!!(f & FLD_RT) != !!(u & (U_RT | W_RT)))
			bad("%s: rt is %sa register operand but U_RT|W_RT is %s",
			    r->name, f & FLD_RT ? "" : "not ",
			    u & (U_RT | W_RT) ? "set" : "clear");
		if (!!(f & FLD_RD) != !!(u & W_RD))
			bad("%s: rd is %sa register operand but W_RD is %s", r->name,
			    f & FLD_RD ? "" : "not ", u & W_RD ? "set" : "clear");
		if (cur_fail == before)
			ok();
	}
	end();
}

int main(void)
{
	check_rows();
	check_decode();
	check_semantics();
	return checks_failed;
}
