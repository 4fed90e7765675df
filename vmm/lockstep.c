/*
 * lockstep.c - the equivalence check of DESIGN.md section 6: one program
 * run on the bare machine and under the VMM side by side, one guest
 * instruction (or exception, or interrupt) at a time, comparing everything
 * the guest can see after each step.
 *
 * A step is "run until the clock has advanced by at least one cycle": on
 * the bare machine machine_run(now + 1), under the VMM vmm_run_vm(now + 1).
 * Every instruction and every exception entry costs at least one cycle, so
 * a step is exactly one of them on both sides.
 *
 * What is compared, and when (nothing is sampled or skipped):
 *
 *  After EVERY step, the native CPU against the VM (the real CPU's registers,
 *  which are the VM's while it runs, plus its virtual CP0 and virtual TLB):
 *   - the clock (cycles), PC, in_ds, and ds_target when both are in a delay
 *     slot; GPRs $1..$31, HI, LO, the LL bit;
 *   - every CP0 register as MFC0 would read it. This goes through the state
 *     that defines the readings: the stored registers cp0[] (all of them),
 *     the timer state (count_cycle, random_cycle, timer_at, ti), the
 *     hardware interrupt lines and the TLB size. cp0_read() is a pure
 *     function of exactly those and the clock (already compared), so when
 *     they are all equal every MFC0 reading is equal, Count, Random and
 *     Cause.IP/TI included. When any of them differs, every register is
 *     read with cpu_cp0_read() and vm_cp0_read() and compared, and only a
 *     difference in a reading is a divergence: a stored difference that no
 *     MFC0 can see yet (a timer deadline not reached, say) is reported at
 *     the first step where a reading shows it (until then every step takes
 *     this slower path);
 *   - every TLB entry 0..N-1 (EntryHi, PageMask, EntryLo0, EntryLo1): one
 *     memcmp of the real TLB against the virtual TLB;
 *   - whether and how each side stopped (running, power-off value,
 *     deadlock, guest error): both must stop at the same step, the same way.
 *  Every LOCKSTEP_MEM_EVERY steps, and after the last step: all of RAM
 *  (native RAM against guest-physical RAM), one memcmp.
 *  At the end (cli/lockstep.c): the console output of both sides.
 *
 * The first step at which any of these differs is reported, with what
 * differs on both sides (the full comparison, compare(), runs then).
 *
 * Speed: the per-step check is three memcmp()s over ~720 bytes that stay in
 * the L1 cache, and a few scalar compares; the step itself is one
 * machine_run() and one vmm_run_vm() with a one-cycle limit, which is most
 * of the time. Nothing here changes the state of either side.
 *
 * For testing lockstep itself, a lockstep_inject (lockstep.h) corrupts one
 * piece of the VM's state right after a chosen step, before that step's
 * comparison: the divergence must be reported at exactly that step (RAM at
 * the next RAM comparison).
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
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

/* One row "what native vmm" if a != b. */
static void row(struct diff *d, const char *what, uint64_t a, uint64_t b)
{
	if (a == b)
		return;
	header(d, "the guest-visible state differs");
	fprintf(d->out, "  %-12s %-12" PRIx64 " %-12" PRIx64 "\n", what, a, b);
}

/* The same for a CP0 register and a TLB field (the name is made only when
 * there is something to print). */
static void row_cp0(struct diff *d, int reg, uint64_t a, uint64_t b)
{
	char name[32];
	if (a == b)
		return;
	snprintf(name, sizeof name, "c0.%s", cp0_table[reg].name);
	row(d, name, a, b);
}

static void row_tlb(struct diff *d, int i, const char *field, uint64_t a, uint64_t b)
{
	char name[32];
	if (a == b)
		return;
	snprintf(name, sizeof name, "tlb[%d].%s", i, field);
	row(d, name, a, b);
}

/* The state that defines every MFC0 reading, besides the clock (see the
 * top of the file): equal here means every reading is equal. */
static inline bool cp0_state_equal(const struct cpu *c, const struct vm *vm)
{
	return !memcmp(c->cp0, vm->cp0, sizeof c->cp0) &&
	       !((c->tm.count_cycle ^ vm->tm.count_cycle) |
		 (c->tm.random_cycle ^ vm->tm.random_cycle) |
		 (c->tm.timer_at ^ vm->tm.timer_at) | (uint64_t)(c->tm.ti ^ vm->tm.ti) |
		 (c->irq_lines ^ vm->irq_lines) | (uint64_t)(c->tlb.n ^ vm->tlb.n));
}

/* The TLB entries 0..n-1 (EntryHi, PageMask, EntryLo0, EntryLo1 each). */
static inline bool tlb_equal(const struct tlb *a, const struct tlb *b)
{
	return !memcmp(a->e, b->e, (size_t)a->n * sizeof a->e[0]);
}

/* The per-step check on the fast path: true if everything compared after
 * every step is equal. v is the VM's real CPU, vm must be current. Any
 * false answer is re-examined by compare(), which reports. */
static inline bool same_state(const struct cpu *c, const struct cpu *v, const struct vm *vm)
{
	if ((c->cycles ^ v->cycles) | (c->pc ^ v->pc) | (c->hi ^ v->hi) | (c->lo ^ v->lo) |
	    (uint32_t)(c->in_ds ^ v->in_ds) | (uint32_t)(c->llbit ^ v->llbit) |
	    (c->in_ds ? c->ds_target ^ v->ds_target : 0) |
	    memcmp(&c->gpr[1], &v->gpr[1], 31 * sizeof c->gpr[0]))
		return false;
	return cp0_state_equal(c, vm) && tlb_equal(&c->tlb, &vm->tlb);
}

static bool ram_equal(const struct machine *m, const struct vm *vm)
{
	return m->bus.ram_size == vm->ram_size && !memcmp(m->bus.ram, vm->bus.ram, m->bus.ram_size);
}

/* The full comparison, printing what differs; returns the number of
 * differences found (0: the fast check's difference is not guest-visible). */
static int compare(struct machine *m, struct vm *vm, struct diff *d, bool mem)
{
	const struct cpu *c = &m->cpu;
	struct vm_regs buf;
	const struct vm_regs *r = vm_regs(vm, &buf);

	row(d, "cycle", c->cycles, r->cycles);
	row(d, "pc", c->pc, r->pc);
	row(d, "in_ds", c->in_ds, r->in_ds);
	if (c->in_ds && r->in_ds)
		row(d, "ds_target", c->ds_target, r->ds_target);
	for (int i = 1; i < 32; i++)
		row(d, isa_gpr_names[i], c->gpr[i], r->gpr[i]);
	row(d, "hi", c->hi, r->hi);
	row(d, "lo", c->lo, r->lo);
	row(d, "llbit", c->llbit, r->llbit);
	for (int i = 0; i < CP0_NREGS; i++)
		row_cp0(d, i, cpu_cp0_read(c, (enum cp0_reg)i), vm_cp0_read(vm, (enum cp0_reg)i));
	for (int i = 0; i < c->tlb.n; i++) {
		const struct tlb_entry *a = &c->tlb.e[i], *b = &vm->tlb.e[i];
		if (memcmp(a, b, sizeof *a)) {
			row_tlb(d, i, "hi", a->entryhi, b->entryhi);
			row_tlb(d, i, "pm", a->pagemask, b->pagemask);
			row_tlb(d, i, "lo0", a->entrylo0, b->entrylo0);
			row_tlb(d, i, "lo1", a->entrylo1, b->entrylo1);
		}
	}
	if (mem && !ram_equal(m, vm)) {
		header(d, "RAM differs");
		uint32_t n = m->bus.ram_size < vm->ram_size ? m->bus.ram_size : vm->ram_size, a = 0;
		while (a < n && m->bus.ram[a] == vm->bus.ram[a])
			a++;
		fprintf(d->out, "  %-12s %016" PRIx64 " %016" PRIx64 "\n", "ram digest",
			digest(m->bus.ram, m->bus.ram_size), digest(vm->bus.ram, vm->ram_size));
		if (a < n)
			fprintf(d->out, "  first difference at physical 0x%08x: %02x %02x\n", a,
				m->bus.ram[a], vm->bus.ram[a]);
		else
			fprintf(d->out, "  RAM sizes differ: 0x%x 0x%x\n", m->bus.ram_size,
				vm->ram_size);
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

static const char *end_name(int e, char *buf, size_t size)
{
	if (e < 0)
		return "running";
	if (e == 0x10000)
		return "deadlock";
	if (e == 0x20000)
		return "guest-error";
	snprintf(buf, size, "poweroff:%u", (unsigned)e);
	return buf;
}

/* ---- corrupting the VM on purpose (tests of lockstep itself) ---------------------- */

int lockstep_parse_inject(const char *spec, struct lockstep_inject *in, char *err,
			  size_t errsize)
{
	char what[64], *end;
	const char *colon = strchr(spec, ':'), *caret;
	*in = (struct lockstep_inject){ .mask = 1 };
	in->step = strtoull(spec, &end, 10);
	if (!colon || end != colon || in->step == 0 || *spec == '-') {
		snprintf(err, errsize, "--inject %s: give STEP:WHAT[^MASK], STEP > 0", spec);
		return -1;
	}
	caret = strchr(colon + 1, '^');
	size_t len = caret ? (size_t)(caret - colon - 1) : strlen(colon + 1);
	if (len >= sizeof what) {
		snprintf(err, errsize, "--inject %s: what to corrupt is too long", spec);
		return -1;
	}
	memcpy(what, colon + 1, len);
	what[len] = 0;
	if (caret) {
		in->mask = strtoull(caret + 1, &end, 0);
		if (end == caret + 1 || *end || in->mask == 0) {
			snprintf(err, errsize, "--inject %s: the mask must be a non-zero number", spec);
			return -1;
		}
	}
	static const char *const plain[] = {
		[LI_CYCLE] = "cycle", [LI_PC] = "pc", [LI_IN_DS] = "in_ds", [LI_HI] = "hi",
		[LI_LO] = "lo", [LI_LLBIT] = "llbit", [LI_COUNT_CYCLE] = "count_cycle",
		[LI_RANDOM_CYCLE] = "random_cycle", [LI_TIMER_AT] = "timer_at", [LI_TI] = "ti",
		[LI_IRQ] = "irq", [LI_STOP] = "stop",
	};
	for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++)
		if (plain[i] && !strcmp(what, plain[i])) {
			in->what = (enum lockstep_what)i;
			return 0;
		}
	static const char *const abi[32] = {
		"zero", "at", "v0", "v1", "a0", "a1", "a2", "a3", "t0", "t1", "t2", "t3", "t4",
		"t5", "t6", "t7", "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "t8", "t9",
		"k0", "k1", "gp", "sp", "fp", "ra",
	};
	for (int i = 1; i < 32; i++) {
		char num[16];
		snprintf(num, sizeof num, "r%d", i);
		if (!strcmp(what, isa_gpr_names[i]) || !strcmp(what, abi[i]) || !strcmp(what, num)) {
			in->what = LI_GPR;
			in->index = (uint32_t)i;
			return 0;
		}
	}
	if (!strncmp(what, "c0.", 3)) {
		for (int i = 0; i < CP0_NREGS; i++)
			if (!strcasecmp(what + 3, cp0_table[i].name)) {
				in->what = LI_CP0;
				in->index = (uint32_t)i;
				return 0;
			}
	} else if (!strncmp(what, "tlb.", 4)) {
		static const char *const field[] = { "hi", "pm", "lo0", "lo1" };
		unsigned long e = strtoul(what + 4, &end, 10);
		if (end != what + 4 && *end == '.' && e < TLB_MAX_ENTRIES)
			for (int f = 0; f < 4; f++)
				if (!strcmp(end + 1, field[f])) {
					in->what = LI_TLB;
					in->index = (uint32_t)(e * 4 + (unsigned)f);
					return 0;
				}
	} else if (!strncmp(what, "ram.", 4)) {
		unsigned long a = strtoul(what + 4, &end, 16);
		if (end != what + 4 && !*end && a <= UINT32_MAX) {
			in->what = LI_RAM;
			in->index = (uint32_t)a;
			return 0;
		}
	}
	snprintf(err, errsize, "--inject %s: cannot corrupt '%s' (cycle, pc, in_ds, hi, lo, llbit, "
		 "a GPR name, c0.NAME, count_cycle, random_cycle, timer_at, ti, irq, "
		 "tlb.N.hi|pm|lo0|lo1, ram.HEXADDR, stop)", spec, what);
	return -1;
}

/* Apply in to the VM (the current one, right after a step). */
static void inject(struct vm *vm, const struct lockstep_inject *in)
{
	struct cpu *c = &vm->vmm->cpu;
	uint64_t k = in->mask;
	switch (in->what) {
	case LI_CYCLE: c->cycles ^= k; break;
	case LI_PC: c->pc ^= (uint32_t)k; break;
	case LI_IN_DS: c->in_ds = !c->in_ds; break;
	case LI_HI: c->hi ^= (uint32_t)k; break;
	case LI_LO: c->lo ^= (uint32_t)k; break;
	case LI_LLBIT: c->llbit = !c->llbit; break;
	case LI_GPR: c->gpr[in->index] ^= (uint32_t)k; break;
	case LI_CP0: vm->cp0[in->index] ^= (uint32_t)k; break;
	case LI_COUNT_CYCLE: vm->tm.count_cycle ^= k; break;
	case LI_RANDOM_CYCLE: vm->tm.random_cycle ^= k; break;
	case LI_TIMER_AT: vm->tm.timer_at ^= k; break;
	case LI_TI: vm->tm.ti = !vm->tm.ti; break;
	case LI_IRQ: vm->irq_lines ^= (uint32_t)k; break;
	case LI_TLB: {
		struct tlb_entry *e = &vm->tlb.e[(in->index / 4) % (unsigned)vm->tlb.n];
		uint32_t *f[] = { &e->entryhi, &e->pagemask, &e->entrylo0, &e->entrylo1 };
		*f[in->index % 4] ^= (uint32_t)k;
		break;
	}
	case LI_RAM:
		if (in->index < vm->ram_size)
			vm->bus.ram[in->index] ^= (uint8_t)k;
		break;
	case LI_STOP:
		if (vm->state == VM_RUNNING) {
			vm->state = VM_ERROR;
			snprintf(vm->error, sizeof vm->error, "stopped by --inject");
		}
		break;
	}
}

/* ---- the loop ---------------------------------------------------------------------- */

int lockstep_run(struct machine *m, struct vmm *v, struct vm *vm, uint64_t max_cycles,
		 const struct lockstep_inject *inj, FILE *out, uint64_t *insns)
{
	struct diff d = { .out = out };
	const struct cpu *c = &m->cpu;
	uint32_t prev_pc;
	for (;;) {
		d.step++;
		prev_pc = c->pc;
		enum machine_stop s = machine_run(m, c->cycles + 1);
		vmm_run_vm(v, vm, vm_clock(vm) + 1);
		if (__builtin_expect(inj != NULL, 0) && d.step == inj->step)
			inject(vm, inj);
		int ne = native_end(s, m), ve = vm_end(vm);
		bool end = ne >= 0 || ve >= 0 || c->cycles >= max_cycles;
		bool mem = end || d.step % LOCKSTEP_MEM_EVERY == 0;
		bool same = v->cur == vm && same_state(c, &v->cpu, vm);
		if (__builtin_expect(same && ne == ve && !mem, 1))
			continue;
		if (!same || (mem && !ram_equal(m, vm)) || ne != ve) {
			if (compare(m, vm, &d, mem) || ne != ve) {
				if (ne != ve) {
					char a[24], b[24];
					header(&d, "the two machines stopped differently");
					fprintf(out, "  %-12s %-12s %-12s\n", "stop", end_name(ne, a, sizeof a),
						end_name(ve, b, sizeof b));
					if (vm->state == VM_ERROR)
						fprintf(out, "  vmm: %s\n", vm->error);
				}
				uint32_t w = 0;
				char text[96] = "?";
				if (cpu_peek32(c, prev_pc, &w) == 0)
					isa_disasm(w, prev_pc, text, sizeof text, NULL, NULL);
				fprintf(out, "  after the step at pc 0x%08x: %s (native instructions: %" PRIu64 ")\n",
					prev_pc, text, cpu_insns(c));
				return 1;
			}
		}
		if (end)
			break;
	}
	*insns = cpu_insns(c);
	return 0;
}
