/*
 * cpu.c - the CPU's life cycle: creation, reset, release.
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
