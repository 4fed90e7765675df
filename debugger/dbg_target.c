/*
 * dbg_target.c - the target: one interface over the bare machine and the
 * VMM, so that no other file of the debugger asks which one it has.
 *
 * Reading is side-effect free (DESIGN.md rule 5): registers come from the
 * real CPU or the VM's saved copy (vm_regs), CP0 through the MFC0 rule
 * without its effects (cpu_cp0_read, vm_cp0_read), memory through
 * translations that fill nothing (cpu_translate_peek, vm_peek_virt).
 *
 * Running has one primitive, dbg_run_target: run until a clock value or a
 * stop, optionally stopping before the next exit. Natively "exit" means an
 * exception: the CPU runs with exit_to_host set, so that it records the
 * exception and stops instead of vectoring (cpu_deliver_exit takes it
 * later); under the VMM it is vmm.pause_exits.
 */
#include <string.h>
#include <time.h>
#include "../isa/isa.h"
#include "dbg_int.h"

struct cpu *dbg_cpu(const struct dbg *d)
{
	return d->is_vmm ? &d->v->cpu : &d->m->cpu;
}

struct vm *dbg_vm(const struct dbg *d)
{
	return d->is_vmm ? d->v->vm[d->cur] : NULL;
}

/* ---- consoles: the guest's output kept, its input queued ------------------------- */

static void con_sink(void *ctx, const uint8_t *buf, size_t n)
{
	struct dbg_console_ctx *cc = ctx;
	struct dbg_console *k = &cc->d->con[cc->vm];
	if (n >= DBG_CONSOLE_KEEP) {
		buf += n - DBG_CONSOLE_KEEP;
		k->total += n - DBG_CONSOLE_KEEP;
		n = DBG_CONSOLE_KEEP;
	}
	if (k->len + n > DBG_CONSOLE_KEEP) {           /* drop the oldest */
		size_t drop = k->len + n - DBG_CONSOLE_KEEP;
		memmove(k->buf, k->buf + drop, k->len - drop);
		k->len -= drop;
	}
	memcpy(k->buf + k->len, buf, n);
	k->len += n;
	k->total += n;
	cc->d->changed = true;
}

static int con_source(void *ctx, uint8_t *buf, size_t max, int timeout_ms)
{
	struct dbg_console_ctx *cc = ctx;
	struct dbg_console *k = &cc->d->con[cc->vm];
	size_t n = k->in_len - k->in_pos;
	if (n) {
		if (n > max)
			n = max;
		memcpy(buf, k->in + k->in_pos, n);
		k->in_pos += n;
		if (k->in_pos == k->in_len)
			k->in_pos = k->in_len = 0;
		k->hungry = k->since_valid = false;
		return (int)n;
	}
	k->hungry = true;
	if (!cc->d->poll)
		return -1;         /* batch: nobody can type; the run stops (DS_INPUT) */
	if (timeout_ms > 0 && cc->d->long_run) {
		/* the TUI, continuing: a person may type; idle a little rather
		 * than spin (a step must not: it runs a cycle at a time) */
		struct timespec t = { 0, (timeout_ms < 10 ? timeout_ms : 10) * 1000000L };
		nanosleep(&t, NULL);
	}
	return 0;
}

void dbg_console_input(struct dbg *d, const char *bytes, size_t n)
{
	struct dbg_console *k = &d->con[d->cur];
	if (k->in_pos && k->in_len + n > sizeof k->in) {
		memmove(k->in, k->in + k->in_pos, k->in_len - k->in_pos);
		k->in_len -= k->in_pos;
		k->in_pos = 0;
	}
	if (n > sizeof k->in - k->in_len)
		n = sizeof k->in - k->in_len;       /* more than 4 KiB ahead: cut */
	memcpy(k->in + k->in_len, bytes, n);
	k->in_len += n;
	k->hungry = k->since_valid = false;
	/* A VM that stopped waiting for input that could not come can go on. */
	struct vm *vm = dbg_vm(d);
	if (vm && vm->state == VM_DEADLOCK && n)
		vm->state = VM_RUNNING;
	d->changed = true;
}

int dbg_vm_count(const struct dbg *d) { return d->nvm; }
int dbg_current_vm(const struct dbg *d) { return d->cur; }

const char *dbg_console_text(const struct dbg *d, int vm, size_t *len, uint64_t *total)
{
	size_t dummy;
	if (!len)
		len = &dummy;
	if (vm < 0 || vm >= d->nvm) {
		*len = 0;
		if (total)
			*total = 0;
		return "";
	}
	*len = d->con[vm].len;
	if (total)
		*total = d->con[vm].total;
	return d->con[vm].buf;
}

/* ---- sessions ---------------------------------------------------------------------- */

static struct dbg *session(void)
{
	struct dbg *d = calloc(1, sizeof *d);
	if (!d)
		abort();                                   /* host memory: ours */
	for (int i = 0; i < VMM_MAX_VMS; i++) {
		d->con[i].buf = malloc(DBG_CONSOLE_KEEP);
		if (!d->con[i].buf)
			abort();
		d->con_ctx[i] = (struct dbg_console_ctx){ d, i };
	}
	d->ring_buf = malloc(sizeof *d->ring_buf * VMM_RING);
	if (!d->ring_buf)
		abort();
	d->next_bp_id = 1;
	d->focus = -1;
	d->changed = true;
	return d;
}

static void attach_console(struct dbg *d, int i, void *st)
{
	dev_console_set_sink(st, con_sink, &d->con_ctx[i]);
	dev_console_set_source(st, con_source, &d->con_ctx[i]);
}

struct dbg *dbg_new_native(struct machine *m, const struct elf_image *img)
{
	struct dbg *d = session();
	d->m = m;
	d->nvm = 1;
	d->img[0] = img;
	attach_console(d, 0, m->dev_console.st);
	cpu_debug_attach(&m->cpu, &d->cd);
	dbg_snapshot(d, &d->before);
	return d;
}

struct dbg *dbg_new_vmm(struct vmm *v, const struct elf_image *const *img, int nimg)
{
	struct dbg *d = session();
	d->is_vmm = true;
	d->v = v;
	d->nvm = v->nvms;
	for (int i = 0; i < v->nvms; i++) {
		d->img[i] = i < nimg ? img[i] : NULL;
		attach_console(d, i, v->vm[i]->dev_console.st);
	}
	cpu_debug_attach(&v->cpu, &d->cd);
	if (v->nvms)
		vm_switch_to(v, v->vm[0]);
	dbg_snapshot(d, &d->before);
	return d;
}

void dbg_free(struct dbg *d)
{
	if (!d)
		return;
	cpu_debug_attach(dbg_cpu(d), NULL);
	for (int i = 0; i < VMM_MAX_VMS; i++)
		free(d->con[i].buf);
	free(d->ring_buf);
	free(d);
}

bool dbg_is_vmm(const struct dbg *d) { return d->is_vmm; }

/* ---- reading ------------------------------------------------------------------------- */

void dbg_regs(const struct dbg *d, struct dbg_regs *r)
{
	const struct cpu *c = dbg_cpu(d);
	if (d->is_vmm) {
		struct vm_regs buf;
		const struct vm_regs *s = vm_regs(dbg_vm(d), &buf);
		memcpy(r->gpr, s->gpr, sizeof r->gpr);
		r->hi = s->hi;
		r->lo = s->lo;
		r->pc = s->pc;
		r->in_ds = s->in_ds;
		r->cycles = s->cycles;
		r->insns = s->stats.insns;
		return;
	}
	memcpy(r->gpr, c->gpr, sizeof r->gpr);
	r->hi = c->hi;
	r->lo = c->lo;
	r->pc = c->pc;
	r->in_ds = c->in_ds;
	r->cycles = c->cycles;
	r->insns = cpu_insns(c);
}

uint64_t dbg_clock(const struct dbg *d)
{
	return d->is_vmm ? vm_clock(dbg_vm(d)) : d->m->cpu.cycles;
}

uint64_t dbg_insns(const struct dbg *d)
{
	return d->is_vmm ? vm_insns(dbg_vm(d)) : cpu_insns(&d->m->cpu);
}

uint32_t dbg_cp0(const struct dbg *d, enum cp0_reg r)
{
	return d->is_vmm ? vm_cp0_read(dbg_vm(d), r) : cpu_cp0_read(&d->m->cpu, r);
}

enum cpu_mode dbg_mode(const struct dbg *d)
{
	return d->is_vmm ? vm_mode(dbg_vm(d)) : d->m->cpu.mode;
}

const struct tlb *dbg_tlb(const struct dbg *d)
{
	return d->is_vmm ? &dbg_vm(d)->tlb : &d->m->cpu.tlb;
}

int dbg_peek(const struct dbg *d, uint32_t va, uint32_t *w, uint32_t *pa)
{
	if (d->is_vmm) {
		gpa_t g;
		if (vm_peek_virt(dbg_vm(d), GVA(va), w, &g))
			return -1;
		if (pa)
			*pa = g.v;
		return 0;
	}
	const struct cpu *c = dbg_cpu(d);
	uint32_t p;
	if ((va & 3) || cpu_translate_peek(c, va, ACC_LOAD, &p))
		return -1;
	if (pa)
		*pa = p;
	return dbg_peek_phys(d, p, w);
}

int dbg_peek_phys(const struct dbg *d, uint32_t pa, uint32_t *w)
{
	if (d->is_vmm)
		return vm_peek_phys(dbg_vm(d), GPA(pa), w);
	const struct bus *b = &d->m->bus;
	if ((pa & 3) || !bus_is_ram(b, pa, 4))
		return -1;
	memcpy(w, b->ram + pa, 4);
	return 0;
}

int dbg_peek_insn(const struct dbg *d, uint32_t pc, uint32_t *w)
{
	if (d->is_vmm)
		return vm_peek32(dbg_vm(d), GVA(pc), w);
	uint32_t pa;
	if ((pc & 3) || cpu_translate_peek(&d->m->cpu, pc, ACC_FETCH, &pa))
		return -1;
	return dbg_peek_phys(d, pa, w);
}

const char *dbg_symbol(const struct dbg *d, uint32_t addr, char *buf, size_t size)
{
	const struct elf_image *img = d->img[d->cur];
	uint32_t off;
	const struct elf_symbol *s = img ? elf_symbol_at(img, addr, &off) : NULL;
	if (!s)
		snprintf(buf, size, "%s", "");
	else if (off)
		snprintf(buf, size, "%s+0x%x", s->name, off);
	else
		snprintf(buf, size, "%s", s->name);
	return buf;
}

int dbg_symbol_addr(const struct dbg *d, const char *name, uint32_t *addr)
{
	const struct elf_image *img = d->img[d->cur];
	const struct elf_symbol *s = img ? elf_symbol_named(img, name) : NULL;
	if (!s)
		return -1;
	*addr = s->addr;
	return 0;
}

/* The exception a load or store at pc would raise now on the real CPU (the
 * guest's under the VMM is the real CPU's when it is the loaded VM). */
static unsigned mem_fault(const struct dbg *d, uint32_t word)
{
	const struct cpu *c = dbg_cpu(d);
	if (d->is_vmm && d->v->cur != dbg_vm(d))
		return 0;
	struct dbg_regs r;
	dbg_regs(d, &r);
	enum isa_op op = isa_decode(word);
	const struct isa_insn *in = &isa_table[op];
	if (in->cls != MEM || op == ISA_OP_CACHE || op == ISA_OP_PREF)
		return 0;
	uint32_t ea = r.gpr[RS(word)] + (uint32_t)SIMM16(word), pa;
	enum cpu_access acc = (in->uses & W_RT) ? ACC_LOAD : ACC_STORE;
	if (op == ISA_OP_LWL || op == ISA_OP_LWR || op == ISA_OP_SWL || op == ISA_OP_SWR)
		ea &= ~3u;
	unsigned exc = cpu_translate_peek(c, ea, acc, &pa);
	if (!exc && !bus_is_ram(c->bus, pa, 1))
		return d->is_vmm ? EXC_DBE : 0;     /* a device: an MMIO exit */
	return exc;
}

const char *dbg_traps(const struct dbg *d, uint32_t word, bool at_pc)
{
	enum isa_op op = isa_decode(word);
	const struct isa_insn *in = &isa_table[op];
	if (op == ISA_OP_RESERVED)
		return "RI";
	if (op == ISA_OP_SYSCALL)
		return "Sys";
	if (op == ISA_OP_BREAK)
		return "Bp";
	if (op == ISA_OP_HYPCALL)
		return d->is_vmm ? "hypercall" : "RI";
	if (in->cls == PRIV) {
		/* Under the VMM the guest kernel runs in supervisor mode: every
		 * privileged instruction exits. Natively only outside kernel
		 * mode without Status.CU0. */
		if (d->is_vmm)
			return "CpU";
		if (dbg_mode(d) != MODE_KERNEL && !(d->m->cpu.cp0[CP0_STATUS] & ST_CU0))
			return "CpU";
		return NULL;
	}
	if (at_pc) {
		unsigned e = mem_fault(d, word);
		if (e == EXC_DBE && d->is_vmm)
			return "mmio";
		if (e)
			return exc_name(e);
	}
	return NULL;
}

bool dbg_paused(const struct dbg *d)
{
	return d->is_vmm ? dbg_vm(d)->paused != VM_PAUSE_NONE : d->m->cpu.exited;
}

bool dbg_pending(const struct dbg *d, struct cpu_exit *x, bool *virq)
{
	*virq = false;
	if (!d->is_vmm) {
		if (!d->m->cpu.exited)
			return false;
		*x = d->m->cpu.exit;
		return true;
	}
	const struct vm *vm = dbg_vm(d);
	if (vm->paused == VM_PAUSE_EXIT) {
		*x = vm->pending;
		return true;
	}
	if (vm->paused == VM_PAUSE_VIRQ) {
		struct dbg_regs r;
		dbg_regs(d, &r);
		*x = (struct cpu_exit){ .code = EXC_INT, .pc = r.pc, .cycle = r.cycles };
		*virq = true;
		return true;
	}
	return false;
}

bool dbg_alive(const struct dbg *d)
{
	if (d->is_vmm) {
		const struct vm *vm = dbg_vm(d);
		return vm->state == VM_RUNNING || vm->state == VM_DEADLOCK;
	}
	return !d->m->halted && !d->m->cpu.guest_error && d->stop != DS_LIMIT;
}

bool dbg_finished(const struct dbg *d)
{
	if (!d->is_vmm)
		return !dbg_alive(d);
	for (int i = 0; i < d->v->nvms; i++)
		if (d->v->vm[i]->state == VM_RUNNING)
			return false;
	return true;
}

bool dbg_finish_paused(struct dbg *d)
{
	if (!dbg_paused(d))
		return false;
	if (d->is_vmm)
		vmm_finish_paused(d->v, dbg_vm(d));
	else
		cpu_deliver_exit(&d->m->cpu);
	d->changed = true;
	return true;
}

/* ---- running ----------------------------------------------------------------------------- */

static enum dbg_stop debug_hit(const struct dbg *d)
{
	switch (d->cd.hit) {
	case HIT_BREAK: return DS_BREAK;
	case HIT_WATCH: return DS_WATCH;
	default: return DS_NONE;
	}
}

static enum dbg_stop run_native(struct dbg *d, uint64_t until, bool pause)
{
	struct machine *m = d->m;
	struct cpu *c = &m->cpu;
	if (m->halted)
		return DS_POWEROFF;
	if (c->exited)              /* an exception stopped before: take it now */
		cpu_deliver_exit(c);
	c->exit_to_host = pause;
	enum machine_stop s = machine_run(m, until);
	c->exit_to_host = false;
	switch (s) {
	case STOP_POWEROFF: return DS_POWEROFF;
	case STOP_CYCLES: return DS_NONE;
	case STOP_EXIT: return DS_EXIT;
	case STOP_DEADLOCK: return d->con[0].hungry ? DS_INPUT : DS_DEADLOCK;
	case STOP_GUEST_ERROR: return DS_ERROR;
	case STOP_DEBUG: return debug_hit(d);
	}
	return DS_NONE;
}

static enum dbg_stop vm_outcome(struct dbg *d, struct vm *vm)
{
	if (vm->paused != VM_PAUSE_NONE)
		return DS_EXIT;
	if (d->cd.hit != HIT_NONE)
		return debug_hit(d);
	switch (vm->state) {
	case VM_RUNNING: return DS_NONE;
	case VM_POWEROFF: return DS_POWEROFF;
	case VM_LIMIT: return DS_LIMIT;
	case VM_DEADLOCK: return d->con[vm->id].hungry ? DS_INPUT : DS_DEADLOCK;
	case VM_ERROR: return DS_ERROR;
	}
	return DS_NONE;
}

enum dbg_stop dbg_run_target(struct dbg *d, uint64_t until, bool pause, bool all)
{
	struct cpu *c = dbg_cpu(d);
	c->dbg->hit = HIT_NONE;
	if (!d->is_vmm)
		return run_native(d, until, pause);
	struct vmm *v = d->v;
	v->pause_exits = pause;
	enum dbg_stop s = DS_NONE;
	if (!all || v->nvms == 1) {
		struct vm *vm = dbg_vm(d);
		if (vm->state == VM_RUNNING)
			vmm_run_vm(v, vm, until);
		s = vm_outcome(d, vm);
	} else {
		/* One round: every running VM a quantum of its own clock, as
		 * vmm_run does; a VM that stops for the debugger becomes the
		 * current one. */
		bool any = false;
		for (int i = 0; i < v->nvms && s == DS_NONE; i++) {
			struct vm *vm = v->vm[i];
			if (vm->state != VM_RUNNING)
				continue;
			any = true;
			d->cd.skip_pc = d->skip[i].pc;       /* this VM's own (begin()) */
			d->cd.skip_insns = d->skip[i].insns;
			uint64_t now = vm_clock(vm);
			uint64_t q = v->cfg.quantum ? v->cfg.quantum : VMM_QUANTUM;
			vmm_run_vm(v, vm, now < UINT64_MAX - q ? now + q : UINT64_MAX);
			enum dbg_stop o = vm_outcome(d, vm);
			if (o == DS_EXIT || o == DS_BREAK || o == DS_WATCH || o == DS_ERROR) {
				d->cur = i;
				s = o;
			}
		}
		if (!any || dbg_finished(d))
			s = vm_outcome(d, dbg_vm(d));
	}
	v->pause_exits = false;
	if (s == DS_NONE && dbg_vm(d)->state == VM_RUNNING)
		vm_switch_to(v, dbg_vm(d));
	return s;
}

/* ---- snapshots: what changed --------------------------------------------------------------- */

void dbg_snapshot(const struct dbg *d, struct dbg_snap *s)
{
	struct dbg_regs r;
	dbg_regs(d, &r);
	s->valid = true;
	s->vm = d->cur;
	memcpy(s->gpr, r.gpr, sizeof s->gpr);
	s->hi = r.hi;
	s->lo = r.lo;
	s->pc = r.pc;
	for (int i = 0; i < CP0_NREGS; i++)
		s->cp0[i] = dbg_cp0(d, (enum cp0_reg)i);
	s->tlb = *dbg_tlb(d);
	s->rtlb = dbg_cpu(d)->tlb;
	for (int i = 0; i < TLB_MAX_ENTRIES; i++)
		s->rowner[i] = d->is_vmm ? (void *)d->v->owner[i].vm : NULL;
}
