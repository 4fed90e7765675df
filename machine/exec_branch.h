/*
 * exec_branch.c - branches and jumps (MIPS32 Vol. II). Every one of them has
 * a delay slot: the semantics only decide where execution goes after the
 * slot (c->ds_target) and return X_BRANCH; the run loop executes the slot.
 * The "likely" forms that are not taken skip (nullify) the slot instead.
 *
 * Branch targets are predecoded relative to the page: IMM = offset of the
 * branch in its page + 4 + (offset16 << 2), so target = page_va + IMM.
 * Link registers hold the address after the delay slot: branch + 8.
 */
#include "exec.h"

static inline int branch(struct cpu *c, const struct dinst *d, bool taken)
{
	c->ds_target = taken ? c->page_va + IMM : pc_of(c, d) + 8;
	return X_BRANCH;
}

static inline int branch_likely(struct cpu *c, const struct dinst *d, bool taken)
{
	if (taken) {
		c->ds_target = c->page_va + IMM;
		return X_BRANCH;
	}
	c->pc = pc_of(c, d) + 8;            /* delay slot nullified */
	return X_JUMP;
}

static inline void set_link(struct cpu *c, const struct dinst *d)
{
	GPR_DST = pc_of(c, d) + 8;
}

#define SRS ((int32_t)GPR_RS)

EXEC(BEQ)     { return branch(c, d, GPR_RS == GPR_RT); }
EXEC(BNE)     { return branch(c, d, GPR_RS != GPR_RT); }
EXEC(BLEZ)    { return branch(c, d, SRS <= 0); }
EXEC(BGTZ)    { return branch(c, d, SRS > 0); }
EXEC(BLTZ)    { return branch(c, d, SRS < 0); }
EXEC(BGEZ)    { return branch(c, d, SRS >= 0); }
EXEC(BEQL)    { return branch_likely(c, d, GPR_RS == GPR_RT); }
EXEC(BNEL)    { return branch_likely(c, d, GPR_RS != GPR_RT); }
EXEC(BLEZL)   { return branch_likely(c, d, SRS <= 0); }
EXEC(BGTZL)   { return branch_likely(c, d, SRS > 0); }
EXEC(BLTZL)   { return branch_likely(c, d, SRS < 0); }
EXEC(BGEZL)   { return branch_likely(c, d, SRS >= 0); }

/* The and-link forms evaluate the condition first, then write $31, taken
 * or not (rs = 31 is UNPREDICTABLE in the manual; this order is Trapeze's). */
EXEC(BLTZAL)  { bool t = SRS < 0;  set_link(c, d); return branch(c, d, t); }
EXEC(BGEZAL)  { bool t = SRS >= 0; set_link(c, d); return branch(c, d, t); }
EXEC(BLTZALL) { bool t = SRS < 0;  set_link(c, d); return branch_likely(c, d, t); }
EXEC(BGEZALL) { bool t = SRS >= 0; set_link(c, d); return branch_likely(c, d, t); }

/* J and JAL: the target's top four bits come from the delay slot's address. */
static inline uint32_t jump_target(const struct cpu *c, const struct dinst *d)
{
	return ((pc_of(c, d) + 4) & 0xf0000000u) | IMM;
}
EXEC(J)       { c->ds_target = jump_target(c, d); return X_BRANCH; }
EXEC(JAL)     { c->ds_target = jump_target(c, d); set_link(c, d); return X_BRANCH; }

/* JR/JALR: a misaligned target raises AdEL when it is fetched, after the slot.
 * The .HB forms also clear instruction hazards, which Trapeze never has. */
EXEC(JR)      { c->ds_target = GPR_RS; return X_BRANCH; }
EXEC(JR_HB)   { c->ds_target = GPR_RS; return X_BRANCH; }
EXEC(JALR)    { uint32_t t = GPR_RS; set_link(c, d); c->ds_target = t; return X_BRANCH; }
EXEC(JALR_HB) { uint32_t t = GPR_RS; set_link(c, d); c->ds_target = t; return X_BRANCH; }

/* The sentinel after the last word of a predecoded page: not an instruction,
 * just "continue on the next page". */
EXEC(PAGE_END)
{
	c->pc = c->page_va + d->off;
	return X_REFETCH;
}
