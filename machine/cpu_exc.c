/*
 * cpu_exc.c - exception entry (MIPS32 Vol. III section 6.2) and interrupts.
 *
 * On an exception, native mode does what the hardware does: charges the
 * entry (cost.h), updates CP0 as cp0_exception_entry (cp0.h) spells out,
 * and continues at the vector in kernel mode.
 * With c->exit_to_host, none of that happens: the CPU records c->exit, leaves
 * pc at the faulting instruction, charges nothing (the host decides what the
 * exception cost) and stops.
 */
#include <stdio.h>
#include "exec.h"

/* Exit to the host instead of vectoring (DESIGN.md section 6). */
static int exit_to_host(struct cpu *c, unsigned code, uint32_t pc, uint32_t word,
			bool fetch, uint32_t badvaddr, bool refill)
{
	c->exit = (struct cpu_exit){ .code = code, .pc = pc, .bd = c->in_ds,
		.refill = refill, .fetch = fetch, .badvaddr = badvaddr,
		.word = word, .ce = 0, .cycle = c->cycles };
	c->pc = pc;                     /* in_ds is kept: the host sees it */
	c->exited = true;
	cpu_request_stop(c);
	return X_EXC;
}

/* The rare things after an entry, kept out of the common path: the trace
 * line, and noticing a vector that cannot be fetched. */
static __attribute__((noinline, cold)) void after_entry(struct cpu *c, unsigned code,
		uint32_t pc, bool bd, uint32_t badvaddr, bool fetch)
{
	if (c->trace & TRACE_EXC)
		trace_exception(c, code, c->cp0[CP0_EPC], bd, badvaddr, c->pc);
	if (fetch && c->pc == pc) {
		/* The vector itself cannot be fetched: every exception from now
		 * on would come straight back here. The guest's fault. */
		snprintf(c->guest_error_buf, sizeof c->guest_error_buf,
			 "the exception vector at 0x%08x cannot be fetched (%s)%s", pc,
			 exc_name(code), (c->cp0[CP0_STATUS] & ST_BEV) ? "; Status.BEV is set" : "");
		c->guest_error = c->guest_error_buf;
		cpu_request_stop(c);
	}
}

/* Common entry. pc = the instruction the exception belongs to. Inlined into
 * its two callers: it is on the path of every system call and TLB miss. */
static inline __attribute__((always_inline)) int enter(struct cpu *c, unsigned code, uint32_t pc, uint32_t word,
		 bool fetch, uint32_t badvaddr, bool refill, uint64_t cost)
{
	c->stats.exceptions[code]++;
	c->stats.refills += refill;
	if (unlikely(c->exit_to_host))     /* the host charges what it decides */
		return exit_to_host(c, code, pc, word, fetch, badvaddr, refill);
	cpu_charge(c, cost, false);

	bool bd = c->in_ds;
	c->pc = cp0_exception_entry(c->cp0, code, 0, pc, bd, badvaddr, refill);
	c->in_ds = false;
	c->mode = MODE_KERNEL;                 /* EXL = 1: what cpu_mode_changed gives */
	c->hc = c->hcache[MODE_KERNEL];
	c->fc = c->fcache[MODE_KERNEL];
	if (unlikely((c->trace & TRACE_EXC) || fetch))
		after_entry(c, code, pc, bd, badvaddr, fetch);
	return X_EXC;
}

int cpu_exception(struct cpu *c, const struct dinst *d, unsigned code,
		  uint32_t badvaddr, bool refill)
{
	/* The faulting instruction used its cycle; entry costs more on top. */
	uint64_t cost = COST_INSN + COST_EXC_ENTRY;
	if (d)
		return enter(c, code, pc_of(c, d), d->word, false, badvaddr, refill, cost);
	return enter(c, code, c->pc, 0, true, badvaddr, refill, cost);
}

void cpu_take_interrupt(struct cpu *c)
{
	if (unlikely(c->trace & TRACE_IRQ))
		trace_interrupt(c);
	c->waiting = false;
	enter(c, EXC_INT, c->pc, 0, false, 0, false, COST_EXC_ENTRY);
}

void cpu_set_irq_lines(struct cpu *c, uint32_t ip_bits)
{
	if ((c->irq_lines ^ ip_bits) & CAUSE_IP) {
		c->irq_lines = ip_bits & CAUSE_IP;
		c->event_at = 0;                /* re-check at the next boundary */
	}
}

void cpu_skip_insn(struct cpu *c)
{
	if (c->in_ds) {
		c->pc = c->ds_target;
		c->in_ds = false;
	} else {
		c->pc += 4;
	}
}
