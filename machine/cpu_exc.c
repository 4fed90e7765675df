/*
 * cpu_exc.c - exception entry (MIPS32 Vol. III section 6.2) and interrupts.
 *
 * On an exception, native mode does what the hardware does: charges the
 * entry (cost.h), updates CP0 as cp0_exception_entry (cp0.h) spells out,
 * and continues at the vector in kernel mode. The entry itself, cpu_enter(),
 * is in exec.h, so that SYSCALL and BREAK can inline it.
 * With c->exit_to_host, none of that happens: the CPU records c->exit, leaves
 * pc at the faulting instruction, charges nothing (the host decides what the
 * exception cost) and stops.
 */
#include <stdio.h>
#include "exec.h"

/* Exit to the host instead of vectoring (DESIGN.md section 6). */
int cpu_exit_to_host(struct cpu *c, unsigned code, uint32_t pc, uint32_t word,
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
 * line, the debugger's log, and noticing a vector that cannot be fetched. */
void cpu_after_entry(struct cpu *c, unsigned code, uint32_t pc, uint32_t word, bool bd,
		     uint32_t badvaddr, bool refill, bool fetch, enum cpu_mode from)
{
	if (c->dbg) {
		struct cpu_debug *g = c->dbg;
		g->log[g->nlog % CPU_EXC_LOG] = (struct cpu_exc_rec){
			.seq = g->nlog, .cycle = c->cycles, .pc = pc, .word = word,
			.badvaddr = badvaddr, .vector = c->pc, .code = (uint8_t)code,
			.mode = (uint8_t)from, .bd = bd, .refill = refill };
		g->nlog++;
	}
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

int cpu_exception(struct cpu *c, const struct dinst *d, unsigned code,
		  uint32_t badvaddr, bool refill)
{
	/* The faulting instruction used its cycle; entry costs more on top. */
	uint64_t cost = COST_INSN + COST_EXC_ENTRY;
	if (d)
		return cpu_enter(c, code, pc_of(c, d), d->word, false, badvaddr, refill, cost);
	return cpu_enter(c, code, c->pc, 0, true, badvaddr, refill, cost);
}

void cpu_take_interrupt(struct cpu *c)
{
	if (unlikely(c->trace & TRACE_IRQ))
		trace_interrupt(c);
	c->waiting = false;
	cpu_enter(c, EXC_INT, c->pc, 0, false, 0, false, COST_EXC_ENTRY);
}

void cpu_set_irq_lines(struct cpu *c, uint32_t ip_bits)
{
	if ((c->irq_lines ^ ip_bits) & CAUSE_IP) {
		c->irq_lines = ip_bits & CAUSE_IP;
		c->event_at = 0;                /* re-check at the next boundary */
	}
}


void cpu_deliver_exit(struct cpu *c)
{
	const struct cpu_exit x = c->exit;
	bool eth = c->exit_to_host;
	/* cpu_enter counts it again */
	c->stats.exceptions[x.code]--;
	c->stats.refills -= x.refill;
	c->exited = false;
	c->stop_req = false;
	c->exit_to_host = false;
	c->resume_ld = 0;          /* the vector's first word owes no stall */
	/* An interrupt is taken between instructions; any other exception
	 * ends the instruction that raised it, which used its cycle. */
	uint64_t cost = x.code == EXC_INT ? COST_EXC_ENTRY : COST_INSN + COST_EXC_ENTRY;
	cpu_enter(c, x.code, x.pc, x.word, x.fetch, x.badvaddr, x.refill, cost);
	c->exit_to_host = eth;
}
