/*
 * trace.c - the --trace lines of the CPU. One stable format per kind, so
 * that scripts and tests can read them (docs/machine.md lists them):
 *
 *   exc  <cycle> <Name> epc=<hex8> bd=<0|1> badvaddr=<hex8> vector=<hex8>
 *   tlb  <cycle> <TLBWI|TLBWR> index=<n> hi=<hex8> mask=<hex8> lo0=<hex8> lo1=<hex8>
 *   irq  <cycle> take ip=<hex2> im=<hex2> epc=<hex8>    (an interrupt is taken;
 *        ip and im are Cause.IP7..0 and Status.IM7..0, epc where it resumes)
 *
 * The machine prints the others (machine.c: insn lines, and "irq <cycle>
 * lines=<hex2>" when a device interrupt line changes; bus.c: dev lines).
 */
#include <inttypes.h>
#include <stdio.h>
#include "exec.h"

FILE *trace_file;

void trace_exception(const struct cpu *c, unsigned code, uint32_t epc, bool bd,
		     uint32_t badvaddr, uint32_t vector)
{
	fprintf(trace_file ? trace_file : stderr,
		"exc  %" PRIu64 " %s epc=%08x bd=%d badvaddr=%08x vector=%08x\n",
		c->cycles, exc_name(code), epc, bd, badvaddr, vector);
}

void trace_tlb_write(const struct cpu *c, const char *how, int index)
{
	const struct tlb_entry *e = &c->tlb.e[index];
	fprintf(trace_file ? trace_file : stderr,
		"tlb  %" PRIu64 " %s index=%d hi=%08x mask=%08x lo0=%08x lo1=%08x\n",
		c->cycles, how, index, e->entryhi, e->pagemask, e->entrylo0, e->entrylo1);
}

void trace_interrupt(const struct cpu *c)
{
	fprintf(trace_file ? trace_file : stderr, "irq  %" PRIu64 " take ip=%02x im=%02x epc=%08x\n",
		c->cycles, cpu_cause_ip(c) >> CAUSE_IP_SHIFT,
		(c->cp0[CP0_STATUS] & ST_IM) >> ST_IM_SHIFT, c->pc);
}
