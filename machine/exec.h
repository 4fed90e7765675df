/*
 * exec.h - private to the CPU core: what the instruction semantics in
 * exec_*.h see. One exec_NAME function per isa.def row (the dispatcher in
 * cpu_run.c expands the table to find them), written like the manual's
 * pseudo-code:
 *
 *     EXEC(ADDU) { GPR_DST = GPR_RS + GPR_RT; return X_NEXT; }
 *
 * GPR_RS / GPR_RT are the source registers and GPR_DST the destination as
 * predecoded (machine/predecode.c): a destination of $0 is redirected to a
 * sink register so no instruction needs to test for it.
 */
#ifndef TRAPEZE_EXEC_H
#define TRAPEZE_EXEC_H

#include <string.h>
#include "../isa/isa.h"
#include "cost.h"
#include "cpu.h"

/* The semantics files (exec_*.h) are included by one translation unit, the
 * dispatcher in cpu_run.c, which inlines every one of them. c->cycles is
 * correct on entry to an exec function; one that charges extra cycles
 * (cpu_charge) returns X_SYNC instead of X_NEXT. */
#define EXEC(name) static inline int exec_##name(struct cpu *c, const struct dinst *d)

#define GPR_RS   (c->gpr[d->rs])
#define GPR_RT   (c->gpr[d->rt])
#define GPR_DST  (c->gpr[d->dst])
#define IMM      (d->imm)
#define SIMM     ((int32_t)d->imm)

#define likely(x)   __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

/* Address of the instruction d (its page is the one being executed). */
static inline uint32_t pc_of(const struct cpu *c, const struct dinst *d)
{
	return c->page_va + d->off;
}

/* ---- exception entry (cpu_exc.c has the rest) -------------------------------------
 * The entry for the instruction at pc (word: its encoding, 0 if it could not
 * be fetched): MIPS32 Vol. III 6.2.1 as cp0_exception_entry() spells it out,
 * charging `cost` cycles, then kernel mode at the vector (c->pc). With
 * c->exit_to_host it records c->exit instead, charges nothing and stops.
 * Always inlined: into cpu_exception() and cpu_take_interrupt(), and into
 * SYSCALL and BREAK, where the constant arguments leave a few stores. */
int cpu_exit_to_host(struct cpu *c, unsigned code, uint32_t pc, uint32_t word,
		     bool fetch, uint32_t badvaddr, bool refill)
	__attribute__((cold));
void cpu_after_entry(struct cpu *c, unsigned code, uint32_t pc, uint32_t word, bool bd,
		     uint32_t badvaddr, bool refill, bool fetch, enum cpu_mode from)
	__attribute__((cold));

static inline __attribute__((always_inline)) int
cpu_enter(struct cpu *c, unsigned code, uint32_t pc, uint32_t word, bool fetch,
	  uint32_t badvaddr, bool refill, uint64_t cost)
{
	c->stats.exceptions[code]++;
	c->stats.refills += refill;
	if (__builtin_expect(c->exit_to_host, 0))     /* the host charges what it decides */
		return cpu_exit_to_host(c, code, pc, word, fetch, badvaddr, refill);
	cpu_charge(c, cost, false);

	bool bd = c->in_ds;
	enum cpu_mode from = c->mode;
	c->pc = cp0_exception_entry(c->cp0, code, 0, pc, bd, badvaddr, refill);
	c->in_ds = false;
	c->mode = MODE_KERNEL;                 /* EXL = 1: what cpu_mode_changed gives */
	c->hc = c->hcache[MODE_KERNEL];
	c->fc = c->fcache[MODE_KERNEL];
	/* a trace line, the debugger's log, or an unfetchable vector */
	if (__builtin_expect((c->trace & (TRACE_EXC | TRACE_LOG)) || fetch, 0))
		cpu_after_entry(c, code, pc, word, bd, badvaddr, refill, fetch, from);
	return X_EXC;
}

/* Coprocessor 0 is usable in kernel mode, or anywhere when Status.CU0 = 1
 * (MIPS32 Vol. III 9.36: IsCoprocessorEnabled(0)). */
static inline bool cp0_usable(const struct cpu *c)
{
	return c->mode == MODE_KERNEL || (c->cp0[CP0_STATUS] & ST_CU0);
}
#define REQUIRE_CP0() \
	do { if (!cp0_usable(c)) return cpu_exception(c, d, EXC_CPU, 0, false); } while (0)

/* Status, Cause, Count or Compare changed: if an interrupt can now be taken,
 * stop at the next boundary; otherwise just move the next timer event. */
static inline void recheck_interrupts(struct cpu *c)
{
	if (c->stop_req || c->exited || cpu_interrupt_pending(c)) {
		c->event_at = 0;
	} else {
		uint64_t t = cpu_timer_deadline(c);
		c->event_at = t < c->until ? t : c->until;
	}
}

/* ---- memory access (mmu.c) --------------------------------------------------------
 * Fast path: the host cache of the current mode. The key folds the access's
 * misalignment into the tag, so a misaligned address always misses and the
 * slow path raises the address error. */
int cpu_load_slow(struct cpu *c, const struct dinst *d, uint32_t va, unsigned size,
		  uint32_t *out);
int cpu_store_slow(struct cpu *c, const struct dinst *d, uint32_t va, unsigned size,
		   uint32_t val);

/* Translate va for acc and raise its fault (reporting BadVAddr = report_va);
 * X_NEXT if the access would succeed. Fills no cache. */
int cpu_access_check(struct cpu *c, const struct dinst *d, uint32_t va,
		     enum cpu_access acc, uint32_t report_va);

static inline uint32_t hc_key(const struct cpu *c, uint32_t va, unsigned size)
{
	return (va & ~(0xfffu & ~(size - 1))) | c->gen;
}

static inline int mem_load(struct cpu *c, const struct dinst *d, uint32_t va,
			   unsigned size, uint32_t *out)
{
	const struct hc_entry *e = &c->hc[(va >> 12) & (HC_SIZE - 1)];
	if (likely(e->rtag == hc_key(c, va, size))) {
		const uint8_t *p = (const uint8_t *)(e->addend + va);
		if (size == 4) { uint32_t v; memcpy(&v, p, 4); *out = v; }
		else if (size == 2) { uint16_t v; memcpy(&v, p, 2); *out = v; }
		else *out = *p;
		return X_NEXT;
	}
	return cpu_load_slow(c, d, va, size, out);
}

static inline int mem_store(struct cpu *c, const struct dinst *d, uint32_t va,
			    unsigned size, uint32_t val)
{
	const struct hc_entry *e = &c->hc[(va >> 12) & (HC_SIZE - 1)];
	if (likely(e->wtag == hc_key(c, va, size))) {
		uint8_t *p = (uint8_t *)(e->addend + va);
		if (size == 4) { uint32_t v = val; memcpy(p, &v, 4); }
		else if (size == 2) { uint16_t v = (uint16_t)val; memcpy(p, &v, 2); }
		else *p = (uint8_t)val;
		return X_NEXT;
	}
	return cpu_store_slow(c, d, va, size, val);
}

struct dpage {
	struct dinst d[CPU_PAGE_WORDS + 1];   /* + the PAGE_END sentinel */
};

/* Instruction fetch (mmu.c): the dinst for pc, or NULL after a fetch
 * exception was taken. Sets c->page_va. The fast path is one entry of the
 * current mode's fetch cache. */
const struct dinst *cpu_fetch_slow(struct cpu *c, uint32_t pc);
static inline const struct dinst *cpu_fetch(struct cpu *c, uint32_t pc)
{
	const struct fc_entry *f = &c->fc[(pc >> 12) & (HC_SIZE - 1)];
	if (likely(f->tag == hc_key(c, pc, 4))) {
		c->page_va = pc & ~0xfffu;
		return &f->page->d[(pc & 0xfff) >> 2];
	}
	return cpu_fetch_slow(c, pc);
}
/* The same, for the dispatcher, which wants the page: its first word. */
static inline const struct dinst *cpu_fetch_page(struct cpu *c, uint32_t pc)
{
	const struct fc_entry *f = &c->fc[(pc >> 12) & (HC_SIZE - 1)];
	if (likely(f->tag == hc_key(c, pc, 4))) {
		if (!f->page)
			__builtin_unreachable();  /* a valid entry has a page */
		c->page_va = pc & ~0xfffu;
		return f->page->d;
	}
	const struct dinst *d = cpu_fetch_slow(c, pc);
	return d ? d - (d->off >> 2) : NULL;
}

/* Load-use stall of d when prev ran just before it (cost.h). */
static inline unsigned cpu_load_use(const struct dinst *d, unsigned prev_ldreg)
{
	return (prev_ldreg && (d->rs == prev_ldreg || d->rt == prev_ldreg)) ? COST_LOAD_USE : 0;
}
static inline void cpu_set_stall(struct dinst *d, const struct dinst *prev)
{
	d->stall = (uint8_t)cpu_load_use(d, prev->ldreg);
}

/* predecode.c */
void cpu_decode_into(struct dinst *d, uint32_t word, uint32_t off);
/* cpu_run.c: the dispatcher's label for an op, and the semantics as a
 * function (for the paths that run one instruction on its own). */
const void *cpu_label(unsigned op);
int cpu_exec_one(struct cpu *c, const struct dinst *d);
struct dpage *cpu_dpage_get(struct cpu *c, uint32_t pa);


/* The debugger's hooks (cpu_debug.c; used only when c->dbg is set). */
void cpu_debug_patch(struct cpu *c, struct dpage *dp, uint32_t page_va);
void cpu_debug_patch_word(struct dinst *d);
/* A patched word at pc is about to run: stop before it if it is a
 * breakpoint (returns true, hit recorded, stop requested). */
bool cpu_debug_break(struct cpu *c, uint32_t pc, uint64_t insns);
/* Which host-cache entries the page at page_va must not have. */
void cpu_debug_uncached(const struct cpu *c, uint32_t page_va, bool *no_read, bool *no_write);

/* Trace hooks (trace.c); called only when the matching c->trace bit is set. */
void trace_exception(const struct cpu *c, unsigned code, uint32_t epc, bool bd,
		     uint32_t badvaddr, uint32_t vector);
void trace_tlb_write(const struct cpu *c, const char *how, int index);
void trace_interrupt(const struct cpu *c);

#endif
