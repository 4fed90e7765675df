/*
 * lockstep.c - the equivalence check of DESIGN.md section 6: one program
 * run on the bare machine and under the VMM side by side, one guest
 * instruction (or exception, or interrupt) at a time, comparing everything
 * the guest can see after each step.
 *
 * A step is "run until the clock has advanced by at least one cycle": on
 * the bare machine machine_run(now + 1), under the VMM vmm_run_vm(now + 1).
 * Every instruction and every exception entry costs at least one cycle, so
 * a step is exactly one of them on both sides. After each step the two
 * must agree on: the clock, PC and delay-slot state, the GPRs, HI/LO, the
 * LL link, every CP0 register (real against virtual, read as MFC0 reads
 * them), every TLB entry (real against virtual), and whether and how the
 * machine stopped; every LOCKSTEP_MEM_EVERY steps and at the end, all of
 * RAM (native RAM against guest-physical RAM). The console output is
 * compared at the end (cli/lockstep.c).
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include "lockstep.h"
#include "vmm_int.h"
#include "../machine/machine.h"

#define LOCKSTEP_MEM_EVERY 65536

/* 64-bit FNV-1a: the memory digest printed when RAM differs. */
static uint64_t digest(const uint8_t *p, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ull;
	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * 0x100000001b3ull;
	return h;
}

struct diff {
	FILE *out;
	int n;
	uint64_t step;
};

static void header(struct diff *d, const char *why)
{
	if (d->n++ == 0) {
		fprintf(d->out, "divergence at step %" PRIu64 ": %s\n", d->step, why);
		fprintf(d->out, "  %-12s %-12s %-12s\n", "what", "native", "vmm");
	}
}

static void row(struct diff *d, const char *what, uint64_t a, uint64_t b)
{
	if (a == b)
		return;
	header(d, "the guest-visible state differs");
	fprintf(d->out, "  %-12s %-12" PRIx64 " %-12" PRIx64 "\n", what, a, b);
}

/* Compare after one step; returns the number of differences found. */
static int compare(struct machine *m, struct vm *vm, struct diff *d, bool mem)
{
	const struct cpu *c = &m->cpu;
	struct vm_regs buf;
	const struct vm_regs *r = vm_regs(vm, &buf);
	char name[32];

	row(d, "cycle", c->cycles, r->cycles);
	row(d, "pc", c->pc, r->pc);
	row(d, "in_ds", c->in_ds, r->in_ds);
	if (c->in_ds && r->in_ds)
		row(d, "ds_target", c->ds_target, r->ds_target);
	for (int i = 1; i < 32; i++) {
		snprintf(name, sizeof name, "%s", isa_gpr_names[i]);
		row(d, name, c->gpr[i], r->gpr[i]);
	}
	row(d, "hi", c->hi, r->hi);
	row(d, "lo", c->lo, r->lo);
	row(d, "llbit", c->llbit, r->llbit);
	for (int i = 0; i < CP0_NREGS; i++) {
		snprintf(name, sizeof name, "c0.%s", cp0_table[i].name);
		row(d, name, cpu_cp0_read(c, (enum cp0_reg)i), vm_cp0_read(vm, (enum cp0_reg)i));
	}
	for (int i = 0; i < c->tlb.n; i++) {
		const struct tlb_entry *a = &c->tlb.e[i], *b = &vm->tlb.e[i];
		if (memcmp(a, b, sizeof *a)) {
			snprintf(name, sizeof name, "tlb[%d].hi", i);
			row(d, name, a->entryhi, b->entryhi);
			snprintf(name, sizeof name, "tlb[%d].pm", i);
			row(d, name, a->pagemask, b->pagemask);
			snprintf(name, sizeof name, "tlb[%d].lo0", i);
			row(d, name, a->entrylo0, b->entrylo0);
			snprintf(name, sizeof name, "tlb[%d].lo1", i);
			row(d, name, a->entrylo1, b->entrylo1);
		}
	}
	if (mem && memcmp(m->bus.ram, vm->bus.ram, m->bus.ram_size)) {
		header(d, "RAM differs");
		uint32_t a = 0;
		while (m->bus.ram[a] == vm->bus.ram[a])
			a++;
		fprintf(d->out, "  %-12s %016" PRIx64 " %016" PRIx64 "\n", "ram digest",
			digest(m->bus.ram, m->bus.ram_size), digest(vm->bus.ram, vm->ram_size));
		fprintf(d->out, "  first difference at physical 0x%08x: %02x %02x\n", a,
			m->bus.ram[a], vm->bus.ram[a]);
	}
	return d->n;
}

/* How each side stopped, in one comparable value (-1: still running). */
static int native_end(enum machine_stop s, const struct machine *m)
{
	switch (s) {
	case STOP_POWEROFF: return (int)(m->exit_status & 0xffff);
	case STOP_DEADLOCK: return 0x10000;
	case STOP_GUEST_ERROR: return 0x20000;
	default: return -1;
	}
}

static int vm_end(const struct vm *vm)
{
	switch (vm->state) {
	case VM_POWEROFF: return (int)(vm->exit_status & 0xffff);
	case VM_DEADLOCK: return 0x10000;
	case VM_ERROR: return 0x20000;
	default: return -1;
	}
}

int lockstep_run(struct machine *m, struct vmm *v, struct vm *vm, uint64_t max_cycles,
		 FILE *out, uint64_t *insns)
{
	struct diff d = { .out = out };
	uint32_t prev_pc = m->cpu.pc;
	for (;;) {
		d.step++;
		prev_pc = m->cpu.pc;
		enum machine_stop s = machine_run(m, m->cpu.cycles + 1);
		vmm_run_vm(v, vm, vm_clock(vm) + 1);
		int ne = native_end(s, m), ve = vm_end(vm);
		bool end = ne >= 0 || ve >= 0 || m->cpu.cycles >= max_cycles;
		if (compare(m, vm, &d, end || d.step % LOCKSTEP_MEM_EVERY == 0) || ne != ve) {
			if (ne != ve) {
				header(&d, "the two machines stopped differently");
				fprintf(out, "  %-12s %-12x %-12x\n", "stop", (unsigned)ne, (unsigned)ve);
				if (vm->state == VM_ERROR)
					fprintf(out, "  vmm: %s\n", vm->error);
			}
			uint32_t w = 0;
			char text[96] = "?";
			if (cpu_peek32(&m->cpu, prev_pc, &w) == 0)
				isa_disasm(w, prev_pc, text, sizeof text, NULL, NULL);
			fprintf(out, "  after the step at pc 0x%08x: %s (native instructions: %" PRIu64 ")\n",
				prev_pc, text, cpu_insns(&m->cpu));
			return 1;
		}
		if (end)
			break;
	}
	*insns = cpu_insns(&m->cpu);
	return 0;
}
