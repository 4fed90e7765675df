/*
 * cpu_run.c - the dispatcher: where instructions are executed.
 *
 * This is a threaded interpreter, the way Lua's lvm.c is one: the semantics
 * of every instruction (the small EXEC functions in exec_*.h) are included
 * here and inlined into one label each, generated from isa/isa.def, and
 * every label ends by jumping straight to the label of the next predecoded
 * instruction (d->label). There is no call and no return per instruction,
 * and each instruction's own indirect jump learns what usually follows it.
 *
 * Time is checked after each instruction against one number, c->event_at:
 * the earliest of the caller's limit and the timer. Anything that may change
 * what should happen next (MTC0 to Status, an interrupt line, a stop request,
 * an exit to the host) sets event_at = 0, and the "boundary" code in
 * cpu_run() sorts it out: stop, take an interrupt, or compute the next
 * event_at.
 *
 * The clock (cyc) and the count of completed instructions (n) stay in
 * registers; c->cycles is stored before every instruction, which may read it
 * (and returns X_SYNC if it charged more). The load-use stall of an
 * instruction reached from the word before it is predecoded (d->stall);
 * after a branch or on entry it is computed from ld, the GPR the last
 * completed instruction loaded.
 *
 * Delay slots: a branch returns X_BRANCH with c->ds_target set, and the slot
 * runs next, through the slot's own label in ds_label[], with c->in_ds set
 * so an exception there reports BD = 1 and EPC = the branch. A branch or
 * ERET in a delay slot is UNPREDICTABLE in MIPS32; Trapeze raises Reserved
 * Instruction. Interrupts are taken only at boundaries that are not slots.
 */
#include "bus.h"
#include "exec.h"
#include "exec_alu.h"
#include "exec_branch.h"
#include "exec_mem.h"
#include "exec_muldiv.h"
#include "exec_priv.h"

/* The semantics as functions, for the paths that run one instruction alone. */
static cpu_exec_fn *const exec_fn[CPU_OP_PAGE_END + 1] = {
#define ISA_INSN(name, mn, match, mask, fmt, cls, uses) [ISA_OP_##name] = exec_##name,
#include "../isa/isa.def"
#undef ISA_INSN
	[ISA_OP_RESERVED] = exec_RESERVED,
	[CPU_OP_PAGE_END] = exec_PAGE_END,
};

int cpu_exec_one(struct cpu *c, const struct dinst *d)
{
	return exec_fn[d->op](c, d);
}

static const void *const *label_table;     /* set by the dispatcher itself */
static int dispatch(struct cpu *c, unsigned *ldp);

const void *cpu_label(unsigned op)
{
	if (!label_table)
		dispatch(NULL, NULL);           /* asks it for its labels */
	return label_table[op];
}

/* Run the delay-slot instruction ds alone (c->in_ds is set, c->pc is its
 * address) after an instruction that loaded GPR ld. When it completes,
 * control goes to c->ds_target. */
static int run_delay_slot(struct cpu *c, const struct dinst *ds, unsigned ld)
{
	if (ds->flags & DI_CTI)
		return cpu_exception(c, ds, EXC_RI, 0, false);
	c->cycles += cpu_load_use(ds, ld);
	int r = cpu_exec_one(c, ds);
	if (r == X_NEXT || r == X_SYNC || r == X_STOP) {
		c->cycles += COST_INSN;
		c->stats.insns++;
		c->in_ds = false;
		c->pc = c->ds_target;
	}
	return r == X_SYNC ? X_NEXT : r;
}

/* The fast path: runs predecoded instructions from c->pc (not a delay slot)
 * until an event is due or something needs cpu_run: a delay slot that must
 * run alone (on the next page, or an event falls between it and its
 * branch), or WAIT. It follows branches, exceptions, ERET and page ends
 * itself. Returns X_STOP after WAIT, else X_NEXT; c->pc, c->cycles and *ldp
 * are up to date either way. dispatch(NULL, NULL) only publishes its labels. */
static int dispatch(struct cpu *c, unsigned *ldp)
{
	static const void *const label[CPU_OP_PAGE_END + 1] = {
#define ISA_INSN(name, mn, match, mask, fmt, cls, uses) [ISA_OP_##name] = &&L_##name,
#include "../isa/isa.def"
#undef ISA_INSN
		[ISA_OP_RESERVED] = &&L_RESERVED,
		[CPU_LABEL_BREAK] = &&L_DEBUG_BREAK,
		[CPU_OP_PAGE_END] = &&L_PAGE_END,
	};
	static const void *const ds_label[CPU_OP_PAGE_END + 1] = {
#define ISA_INSN(name, mn, match, mask, fmt, cls, uses) [ISA_OP_##name] = &&S_##name,
#include "../isa/isa.def"
#undef ISA_INSN
		[ISA_OP_RESERVED] = &&S_RESERVED,
	};
	/* Where an instruction goes when it did not just complete (X_NEXT):
	 * one indirect jump per label, which the compiler folds to a plain
	 * jump when the exec function's result is a constant (ERET). */
	static const void *const after[] = {
		[X_NEXT] = &&synced, [X_SYNC] = &&synced, [X_BRANCH] = &&branch_taken,
		[X_JUMP] = &&jumped, [X_EXC] = &&exc_taken, [X_REFETCH] = &&refetch,
		[X_STOP] = &&stopped,
	};
	if (!c) {
		label_table = label;
		return X_NEXT;
	}

	uint64_t cyc = c->cycles, n = 0;
	unsigned ld = *ldp;
	const struct dinst *d, *base;
	int r, ret = X_NEXT;

fetch:  /* c->cycles == cyc here */
	base = cpu_fetch_page(c, c->pc);            /* the page's first word */
	if (unlikely(!base)) {    /* a fetch exception was taken, or it exited:
				     then the stall stays owed to the retry */
		cyc = c->cycles;
		if (!c->exited)
			ld = 0;
		if (cyc >= c->event_at)
			goto out;
		goto fetch;
	}
	d = base + ((c->pc & 0xfff) >> 2);
	cyc += cpu_load_use(d, ld);
	ld = 0;
	c->cycles = cyc;
	goto *d->label;

	/* ---- one label per instruction: run it, then go straight to the next ---- */
#define NEXT()                                                          \
	do {                                                            \
		n++;                                                    \
		d++;                                                    \
		cyc += COST_INSN + d->stall;                            \
		if (unlikely(cyc >= c->event_at))                       \
			goto at_event;                                  \
		c->cycles = cyc;                                        \
		goto *d->label;                                         \
	} while (0)
#define ISA_INSN(name, mn, match, mask, fmt, cls, uses)                 \
L_##name:                                                               \
	r = exec_##name(c, d);                                          \
	if (likely(r == X_NEXT))                                        \
		NEXT();                                                 \
	if (r == X_BRANCH)      /* the common cases, tested first */    \
		goto branch_taken;                                      \
	if (r == X_EXC)                                                 \
		goto exc_taken;                                         \
	goto *after[r];
#include "../isa/isa.def"
#undef ISA_INSN
L_RESERVED:
	r = exec_RESERVED(c, d);
	goto exc_taken;
L_PAGE_END:
	r = exec_PAGE_END(c, d);
	goto refetch;
L_DEBUG_BREAK: /* a word patched for a debugger breakpoint (cpu_debug.c): stop
	       before it, as at an event (its stall is paid), or run it */
	if (cpu_debug_break(c, c->page_va + d->off, c->stats.insns + n))
		goto at_event;
	goto *label[d->op];

	/* ---- the same, as a delay slot (c->in_ds is set: see branch_taken) ------ */
#define ISA_INSN(name, mn, match, mask, fmt, cls, uses)                 \
S_##name:                                                               \
	r = exec_##name(c, d);                                          \
	goto slot_done;
#include "../isa/isa.def"
#undef ISA_INSN
S_RESERVED:
	r = exec_RESERVED(c, d);
	goto slot_done;

	/* ---- after an instruction that did not just complete (after[]) ---------- */
synced:     /* completed, and charged extra cycles: take the clock back from
	       c->cycles; NEXT() adds the instruction's own cycle and the next
	       word's stall */
	cyc = c->cycles;
	NEXT();

exc_taken:  /* an exception was taken: c->pc is the vector, in kernel mode,
	       and c->cycles includes the entry. The vector is fetched like
	       any other address. (Or the CPU exited to the host, which set
	       event_at = 0.) */
	cyc = c->cycles;
	if (cyc >= c->event_at)
		goto out;
	goto fetch;

jumped:     /* completed, and c->pc is set: ERET, a likely branch not taken */
	n++;
	cyc = c->cycles + COST_INSN;
	c->cycles = cyc;
	if (cyc >= c->event_at)
		goto out;
	goto fetch;

stopped:    /* WAIT completed */
	n++;
	cyc = c->cycles + COST_INSN;
	c->pc = pc_of(c, d) + 4;
	ret = X_STOP;
	goto out_store;

refetch:    /* the page's end, reached from its last word */
	ld = d[-1].ldreg;
	c->cycles = cyc;
	if (cyc >= c->event_at)
		goto out;
	goto fetch;

branch_taken: {
	cyc += COST_INSN;
	n++;
	const struct dinst *ds = d + 1;
	if (unlikely(cyc >= c->event_at || (ds->flags & (DI_CTI | DI_BP)))) {
		/* the slot runs alone, from cpu_run (which also checks a
		   breakpoint there) */
		c->pc = c->page_va + ds->off;
		c->in_ds = true;
		goto out_store;
	}
	d = ds;
	c->in_ds = true;
	c->cycles = cyc;
	goto *ds_label[ds->op];
}

slot_done:
	if (likely(r == X_NEXT)) {
		cyc += COST_INSN;
	} else if (r == X_SYNC) {
		cyc = c->cycles + COST_INSN;
	} else if (r == X_EXC) {
		goto exc_taken;
	} else {                                    /* X_STOP: WAIT in a delay slot */
		cyc = c->cycles + COST_INSN;
		n++;
		c->in_ds = false;
		c->pc = c->ds_target;
		ret = X_STOP;
		goto out_store;
	}
	n++;
	c->in_ds = false;
	ld = d->ldreg;
	{
		/* follow the branch: in this page and aligned is one test (a
		 * misaligned target must be fetched, to raise AdEL) */
		uint32_t rel = c->ds_target - c->page_va;
		if (likely(!(rel & ~0xffcu) && cyc < c->event_at)) {
			d = base + (rel >> 2);
			cyc += cpu_load_use(d, ld);
			ld = 0;
			c->cycles = cyc;
			goto *d->label;
		}
	}
	c->pc = c->ds_target;
	c->cycles = cyc;
	if (cyc >= c->event_at)
		goto out;
	goto fetch;

at_event:   /* d is the next instruction; its stall is paid, so ld = 0 -- unless
	       d is the page's end, where the stall is owed to the next page's
	       first word */
	if (d->op == CPU_OP_PAGE_END)
		ld = d[-1].ldreg;
	c->pc = c->page_va + d->off;
out_store:
	c->cycles = cyc;
out:
	c->stats.insns += n;
	*ldp = ld;
	return ret;
#undef NEXT
}

int cpu_run(struct cpu *c, uint64_t until)
{
	unsigned ld = c->resume_ld; /* GPR written by the previous load, if any */
	int r;

	c->until = until;
	c->event_at = 0;
	for (;;) {
		/* ---- boundary: stop, interrupt, or the next event ---------------------- */
		if (c->cycles >= c->event_at) {
			if (c->exited) {
				c->stop_req = false;       /* the exit's own request */
				r = X_EXC;
				break;
			}
			if (c->stop_req) {
				c->stop_req = false;
				r = X_STOP;
				break;
			}
			if (!c->in_ds && cpu_interrupt_pending(c)) {
				cpu_take_interrupt(c);
				ld = 0;
				if (c->exited) {
					c->stop_req = false;
					r = X_EXC;
					break;
				}
			}
			if (c->cycles >= until) {
				r = X_NEXT;
				break;
			}
			uint64_t t = cpu_timer_deadline(c);
			c->event_at = t < until ? t : until;
			continue;
		}

		/* ---- a delay slot that runs alone ----------------------------------------- */
		if (c->in_ds) {
			const struct dinst *d = cpu_fetch(c, c->pc);
			if (d && (d->flags & DI_BP) && cpu_debug_break(c, c->pc, c->stats.insns))
				continue;          /* stops at the boundary; ld still owed */
			unsigned prev = ld;
			ld = 0;
			if (d && (r = run_delay_slot(c, d, prev)) != X_EXC) {
				if (r == X_STOP)
					break;
				ld = d->ldreg;
			}
			/* An interrupt deferred for the slot is taken now. */
			c->event_at = 0;
			continue;
		}

		if (dispatch(c, &ld) == X_STOP) {
			r = X_STOP;
			break;
		}
	}
	/* A stall still owed to the next instruction is kept for the next run,
	 * so where the host splits the run never changes the cycle count. */
	c->resume_ld = (uint8_t)ld;
	return r;
}
