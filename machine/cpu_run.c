/*
 * cpu_run.c - the CPU's life cycle and its run loop.
 *
 * The loop runs predecoded instructions straight through a page (d++),
 * asking the fetch cache only when control leaves the page. Time is checked
 * once per instruction against one number, c->event_at: the earliest of the
 * caller's limit and the timer. Anything that may change what should happen
 * next (MTC0 to Status, an interrupt line, a stop request, an exit to the
 * host) sets event_at = 0, and the "boundary" code at the top sorts it out:
 * stop, take an interrupt, or compute the next event_at.
 *
 * Delay slots: a branch returns X_BRANCH with c->ds_target set; the slot runs
 * next with c->in_ds = true, so an exception in it reports BD = 1 and
 * EPC = the branch. A branch or ERET in a delay slot is UNPREDICTABLE in
 * MIPS32; Trapeze raises Reserved Instruction for it. Interrupts are taken
 * only at boundaries that are not delay slots.
 */
#include <stdlib.h>
#include <string.h>
#include "bus.h"
#include "exec.h"

int cpu_init(struct cpu *c, struct bus *bus, int tlb_entries)
{
	memset(c, 0, sizeof *c);
	c->bus = bus;
	c->code_pages = bus->ram_size >> 12;
	c->code = calloc(c->code_pages ? c->code_pages : 1, sizeof *c->code);
	if (!c->code)
		return -1;
	tlb_init(&c->tlb, tlb_entries);
	cpu_reset(c);
	return 0;
}

void cpu_free(struct cpu *c)
{
	for (uint32_t i = 0; i < c->code_pages; i++)
		free(c->code[i]);
	free(c->code);
	c->code = NULL;
}

void cpu_reset(struct cpu *c)
{
	memset(c->gpr, 0, sizeof c->gpr);
	c->hi = c->lo = 0;
	c->pc = 0xbfc00000u;
	c->in_ds = false;
	c->llbit = false;
	c->waiting = false;
	memset(c->hcache, 0xff, sizeof c->hcache);
	memset(c->fcache, 0xff, sizeof c->fcache);
	c->gen = 4;
	cpu_cp0_reset(c);
	cpu_mode_changed(c);
	c->event_at = 0;
}

/* Run the delay-slot instruction ds (c->in_ds is set, c->pc is its address)
 * after an instruction that loaded GPR ld. When it completes, control goes
 * to c->ds_target. */
static int run_delay_slot(struct cpu *c, const struct dinst *ds, unsigned ld)
{
	if (ds->flags & DI_CTI)
		return cpu_exception(c, ds, EXC_RI, 0, false);
	c->cycles += cpu_load_use(ds, ld);
	int r = ds->fn(c, ds);
	if (r == X_NEXT || r == X_SYNC || r == X_STOP) {
		c->cycles += COST_INSN;
		c->stats.insns++;
		c->in_ds = false;
		c->pc = c->ds_target;
	}
	return r == X_SYNC ? X_NEXT : r;
}

/* The fast path: runs predecoded instructions from c->pc (which is not a
 * delay slot) until an event is due or something needs the outer loop: a
 * delay slot that must run alone (it is on the next page, or an event falls
 * between it and its branch), or WAIT. It follows branches, exceptions,
 * ERET and page ends itself, asking the fetch cache for the new page.
 *
 * The clock (cyc) and the count of completed instructions (n) stay in
 * registers; c->cycles is stored before every exec function, which may read
 * it (and returns X_SYNC if it charged more). The load-use stall of an
 * instruction reached from the word before it is predecoded (d->stall);
 * elsewhere it is computed from ld, the GPR the last completed instruction
 * loaded. Returns X_STOP after WAIT, else X_NEXT; c->pc, c->cycles and *ldp
 * are up to date either way. */
static int run_fast(struct cpu *c, unsigned *ldp)
{
	uint64_t cyc = c->cycles, n = 0;
	unsigned ld = *ldp;
	const struct dinst *d, *base;
	int r, ret = X_NEXT;

fetch:  /* c->cycles == cyc here */
	d = cpu_fetch(c, c->pc);
	if (unlikely(!d)) {                         /* a fetch exception was taken */
		cyc = c->cycles;
		ld = 0;
		if (cyc >= c->event_at)
			goto out;
		goto fetch;
	}
	base = d - (d->off >> 2);                   /* the page's first word */
	cyc += cpu_load_use(d, ld);
	ld = 0;
	for (;;) {
		c->cycles = cyc;
		r = d->fn(c, d);
		if (likely(r == X_NEXT)) {
			cyc += COST_INSN;
		} else if (r == X_SYNC) {
			cyc = c->cycles + COST_INSN;
		} else if (r == X_BRANCH) {
			cyc += COST_INSN;
			n++;
			const struct dinst *ds = d + 1;
			if (likely((ds->flags & DI_SIMPLE) && cyc < c->event_at)) {
				/* the common case: nothing can go wrong in the slot */
				ds->fn(c, ds);
				cyc += COST_INSN;
				n++;
			} else if (cyc >= c->event_at || (ds->flags & DI_CTI)) {
				/* the slot runs alone, from the outer loop */
				c->pc = c->page_va + ds->off;
				c->in_ds = true;
				break;
			} else {
				c->in_ds = true;
				c->cycles = cyc;
				r = ds->fn(c, ds);
				if (likely(r == X_NEXT))
					cyc += COST_INSN;
				else if (r == X_SYNC)
					cyc = c->cycles + COST_INSN;
				else if (r == X_EXC) {
					cyc = c->cycles;
					if (cyc >= c->event_at)
						goto out;
					goto fetch;
				} else {                  /* X_STOP: WAIT in a delay slot */
					cyc = c->cycles + COST_INSN;
					n++;
					c->in_ds = false;
					c->pc = c->ds_target;
					ret = X_STOP;
					break;
				}
				n++;
				c->in_ds = false;
				ld = ds->ldreg;
			}
			/* follow the branch: in this page and aligned is one test (a
			 * misaligned target must be fetched, to raise AdEL) */
			uint32_t rel = c->ds_target - c->page_va;
			if (likely(!(rel & ~0xffcu) && cyc < c->event_at)) {
				d = base + (rel >> 2);
				cyc += cpu_load_use(d, ld);
				ld = 0;
				continue;
			}
			c->pc = c->ds_target;
			c->cycles = cyc;
			if (cyc >= c->event_at)
				goto out;
			goto fetch;
		} else {
			switch (r) {
			case X_JUMP:        /* completed; c->pc set (ERET, likely not taken) */
				n++;
				cyc = c->cycles + COST_INSN;
				break;
			case X_EXC:         /* taken; c->pc is the vector (or we exited) */
				cyc = c->cycles;
				break;
			case X_REFETCH:     /* the page's end, reached from its last word */
				ld = d[-1].ldreg;
				break;
			case X_STOP:        /* WAIT completed */
				n++;
				cyc = c->cycles + COST_INSN;
				c->pc = pc_of(c, d) + 4;
				ret = X_STOP;
				goto out_store;
			}
			c->cycles = cyc;
			if (cyc >= c->event_at)
				goto out;
			goto fetch;
		}
		n++;
		d++;
		cyc += d->stall;
		if (unlikely(cyc >= c->event_at)) {
			c->pc = c->page_va + d->off;   /* d's stall is paid: ld = 0 */
			break;
		}
	}
out_store:
	c->cycles = cyc;
out:
	c->stats.insns += n;
	*ldp = ld;
	return ret;
}

int cpu_run(struct cpu *c, uint64_t until)
{
	unsigned ld = 0;            /* GPR written by the previous load, if any */

	c->until = until;
	c->event_at = 0;
	for (;;) {
		/* ---- boundary: stop, interrupt, or the next event ---------------------- */
		if (c->cycles >= c->event_at) {
			if (c->exited)
				return X_EXC;
			if (c->stop_req) {
				c->stop_req = false;
				return X_STOP;
			}
			if (!c->in_ds && cpu_interrupt_pending(c)) {
				cpu_take_interrupt(c);
				ld = 0;
				if (c->exited)
					return X_EXC;
			}
			if (c->cycles >= until)
				return X_NEXT;
			uint64_t t = cpu_timer_deadline(c);
			c->event_at = t < until ? t : until;
			continue;
		}

		/* ---- a delay slot that runs alone ----------------------------------------- */
		if (c->in_ds) {
			const struct dinst *d = cpu_fetch(c, c->pc);
			unsigned prev = ld;
			int r;
			ld = 0;
			if (d && (r = run_delay_slot(c, d, prev)) != X_EXC) {
				if (r == X_STOP)
					return X_STOP;
				ld = d->ldreg;
			}
			/* An interrupt deferred for the slot is taken now. */
			c->event_at = 0;
			continue;
		}

		if (run_fast(c, &ld) == X_STOP)
			return X_STOP;
	}
}

int cpu_step(struct cpu *c)
{
	return cpu_run(c, c->cycles + 1);
}
