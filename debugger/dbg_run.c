/*
 * dbg_run.c - the commands that run the target: step, next, exit-step,
 * until-exit, continue. Each is a loop around dbg_run_target (one slice of
 * guest time) that ends on a stop; between slices it checks the session's
 * poll callback (the TUI's Ctrl-C) about every 20 ms of host time.
 *
 * After a run, every command reports the same way: the exits (natively,
 * exceptions) that happened during it, why it stopped, and the instruction
 * at the PC.
 */
#include <string.h>
#include <strings.h>
#include <time.h>
#include "../isa/isa.h"
#include "dbg_int.h"

static uint64_t host_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)t.tv_sec * 1000 + (uint64_t)t.tv_nsec / 1000000;
}

static bool guest_waiting(const struct dbg *d)
{
	return d->is_vmm ? dbg_vm(d)->waiting : d->m->cpu.waiting;
}

/* What counts as one step happened: an instruction completed, or the PC
 * moved without one (an exception or interrupt was delivered). */
struct progress { uint64_t insns; uint32_t pc; };
static struct progress progress_now(const struct dbg *d)
{
	struct dbg_regs r;
	dbg_regs(d, &r);
	return (struct progress){ dbg_insns(d), r.pc };
}
static bool progressed(const struct dbg *d, const struct progress *p)
{
	struct progress q = progress_now(d);
	return q.insns != p->insns || q.pc != p->pc;
}

/* Run slices of `slice` cycles until a stop, or until done(d, ctx). */
static enum dbg_stop drive(struct dbg *d, bool pause, bool all, uint64_t slice,
			   bool (*done)(struct dbg *, void *), void *ctx)
{
	uint64_t last = host_ms();
	d->long_run = slice > 1;
	for (;;) {
		if (!d->is_vmm && d->max_cycles && dbg_clock(d) >= d->max_cycles)
			return DS_LIMIT;
		uint64_t now = dbg_clock(d), until = now + slice;
		if (until < now)
			until = UINT64_MAX;
		if (!d->is_vmm && d->max_cycles && until > d->max_cycles)
			until = d->max_cycles;
		enum dbg_stop s = dbg_run_target(d, until, pause, all);
		if (s != DS_NONE)
			return s;
		if (done && done(d, ctx))
			return DS_STEP;
		if (dbg_starving(d))
			return DS_INPUT;
		uint64_t t = host_ms();
		if (t - last >= 20) {
			last = t;
			if (d->poll && d->poll(d->poll_ctx))
				return DS_INTERRUPTED;
		}
	}
}

bool dbg_starving(struct dbg *d)
{
	struct dbg_console *k = &d->con[d->cur];
	if (d->poll || !k->hungry)
		return false;
	uint64_t now = dbg_clock(d);
	if (!k->since_valid) {
		k->since_valid = true;
		k->hungry_since = now;
	}
	return guest_waiting(d) || now - k->hungry_since >= (uint64_t)DBG_STARVED * DBG_CHUNK;
}

/* Before a run: the breakpoint at the PC, if any, is stepped over (gdb's
 * rule); the state is kept to show what changes. */
static void begin(struct dbg *d)
{
	/* every VM steps over the breakpoint it stands on (each VM's own
	 * PC and instruction count: dbg_run_target loads the running VM's) */
	int cur = d->cur;
	for (d->cur = 0; d->cur < d->nvm; d->cur++) {
		struct dbg_regs r;
		dbg_regs(d, &r);
		d->skip[d->cur].pc = r.pc;
		d->skip[d->cur].insns = d->is_vmm ? r.insns : cpu_insns(dbg_cpu(d));
	}
	d->cur = cur;
	d->cd.skip = true;
	d->cd.skip_pc = d->skip[cur].pc;
	d->cd.skip_insns = d->skip[cur].insns;
	d->cd.hit = HIT_NONE;
	dbg_snapshot(d, &d->before);
	d->log_mark = d->is_vmm ? d->v->nexits : d->cd.nlog;
	d->changed = true;
}

static bool step_done(struct dbg *d, void *ctx)
{
	return progressed(d, ctx);
}

/* One step: an instruction, or an exception or exit delivered. */
static enum dbg_stop step_one(struct dbg *d)
{
	struct progress p = progress_now(d);
	if (dbg_finish_paused(d) && progressed(d, &p))
		return DS_STEP;
	return drive(d, false, false, 1, step_done, &p);
}

/* ---- reporting ------------------------------------------------------------------------- */

static const char *const stop_names[] = {
	[DS_NONE] = "stopped", [DS_STEP] = "stepped", [DS_BREAK] = "breakpoint",
	[DS_WATCH] = "watchpoint", [DS_EXIT] = "exit", [DS_HANDLED] = "handled",
	[DS_POWEROFF] = "powered off", [DS_LIMIT] = "cycle limit",
	[DS_DEADLOCK] = "deadlock", [DS_INPUT] = "waiting for input",
	[DS_ERROR] = "guest error", [DS_INTERRUPTED] = "interrupted",
};

/* A line describing the pending exit (before the VMM handles it). */
static void describe_pending(struct dbg *d, char *buf, size_t size)
{
	struct cpu_exit x;
	bool virq;
	if (!dbg_pending(d, &x, &virq)) {
		snprintf(buf, size, "nothing pending");
		return;
	}
	if (virq) {
		snprintf(buf, size, "virtual interrupt due at pc 0x%08x (Cause.IP 0x%02x, Status.IM 0x%02x)",
			 x.pc, (dbg_cp0(d, CP0_CAUSE) & CAUSE_IP) >> CAUSE_IP_SHIFT,
			 (dbg_cp0(d, CP0_STATUS) & ST_IM) >> ST_IM_SHIFT);
		return;
	}
	char text[96] = "(not fetched)", sym[80], bad[40] = "";
	if (x.code == EXC_INT)
		snprintf(text, sizeof text, "(between instructions; Cause.IP 0x%02x)",
			 (dbg_cp0(d, CP0_CAUSE) & CAUSE_IP) >> CAUSE_IP_SHIFT);
	else if (!x.fetch || x.word)
		dbg_disasm(d, x.word, x.pc, text, sizeof text);
	if (x.code == EXC_TLBL || x.code == EXC_TLBS || x.code == EXC_MOD ||
	    x.code == EXC_ADEL || x.code == EXC_ADES)
		snprintf(bad, sizeof bad, ", BadVAddr 0x%08x", x.badvaddr);
	dbg_symbol(d, x.pc, sym, sizeof sym);
	snprintf(buf, size, "%s (%s) at 0x%08x%s%s%s: %s%s%s%s",
		 d->is_vmm ? "exit" : "exception", exc_name(x.code), x.pc,
		 *sym ? " <" : "", sym, *sym ? ">" : "", text, bad, x.bd ? ", in a delay slot" : "",
		 x.refill ? ", TLB refill" : "");
}

static void stop_text(struct dbg *d, enum dbg_stop s)
{
	char *b = d->stop_text;
	size_t n = sizeof d->stop_text;
	struct dbg_regs r;
	dbg_regs(d, &r);
	switch (s) {
	case DS_BREAK:
		snprintf(b, n, "%sbreakpoint %d at 0x%08x", d->stop_temp ? "temporary " : "",
			 d->stop_id, r.pc);
		break;
	case DS_WATCH:
		snprintf(b, n, "watchpoint %d: %s of %u byte%s at 0x%08x (value 0x%x) by 0x%08x",
			 d->stop_id, d->cd.hit_write ? "store" : "load", d->cd.hit_size,
			 d->cd.hit_size == 1 ? "" : "s", d->cd.hit_va, d->cd.hit_value, d->cd.hit_pc);
		break;
	case DS_EXIT: {
		char t[DBG_LINE_MAX - 20];
		describe_pending(d, t, sizeof t);
		snprintf(b, n, "before %s", t);
		break;
	}
	case DS_POWEROFF:
		snprintf(b, n, "powered off with status %u",
			 d->is_vmm ? dbg_vm(d)->exit_status : d->m->exit_status);
		break;
	case DS_LIMIT:
		snprintf(b, n, "cycle limit (--max-cycles) reached");
		break;
	case DS_DEADLOCK:
		snprintf(b, n, "deadlock: WAIT for an interrupt that can never come");
		break;
	case DS_INPUT:
		snprintf(b, n, "the guest waits for console input (give it with: input TEXT)");
		break;
	case DS_ERROR:
		if (d->is_vmm && dbg_vm(d)->lab_todo)    /* a handout's stub (labs/) */
			snprintf(b, n, "%.180s: the code to write (labs/lab%d.md)", dbg_vm(d)->error,
				 dbg_vm(d)->lab_todo);
		else
			snprintf(b, n, "guest error: %.180s",
				 d->is_vmm ? dbg_vm(d)->error : d->m->cpu.guest_error);
		break;
	default:
		snprintf(b, n, "%s", stop_names[s]);
		break;
	}
}

/* The exits (exceptions) since begin(), at most 12 of them. */
static void report_exits(struct dbg *d, const struct dbg_out *o)
{
	uint64_t now = d->is_vmm ? d->v->nexits : d->cd.nlog;
	uint64_t n = now - d->log_mark;
	if (!n)
		return;
	struct dbg_text t = { 0 };
	int show = n > 12 ? 12 : (int)n;
	dbg_exit_lines(d, show, 0, &t);
	if (n > 12)
		dbg_printf(o, 0, "(%llu %s, the last 12:)", (unsigned long long)n,
			   d->is_vmm ? "exits" : "exceptions");
	for (int i = 0; i < t.n; i++)
		dbg_printf(o, t.line[i].attr & ~(unsigned)DBG_A_TITLE, "%s", t.line[i].text);
	dbg_text_free(&t);
}

/* The current instruction, as one line. */
static void report_pc(struct dbg *d, const struct dbg_out *o)
{
	struct dbg_text t = { 0 };
	dbg_view(d, DBG_V_DISASM, 1, 0, &t);
	for (int i = 0; i < t.n; i++)
		if (t.line[i].attr & DBG_A_CURRENT)
			dbg_printf(o, t.line[i].attr, "%s", t.line[i].text);
	dbg_text_free(&t);
}

/* End of a run: temporary breakpoints, counts, the report. */
static enum dbg_result finish(struct dbg *d, enum dbg_stop s, const struct dbg_out *o)
{
	d->stop = s;
	d->stop_id = 0;
	if (s == DS_BREAK || s == DS_WATCH) {
		int i = d->cd.hit_index;
		if (s == DS_BREAK && i < d->nbp) {
			d->bp[i].hits++;
			d->stop_id = d->bp[i].id;
			d->stop_temp = d->bp[i].temp;
			if (d->bp[i].temp)
				dbg_delete_bp(d, i);
			if (!d->stop_id)         /* an internal one (next): a step */
				s = d->stop = DS_STEP;
		} else if (s == DS_WATCH && i < d->nwp) {
			d->wp[i].hits++;
			d->stop_id = d->wp[i].id;
		}
	}
	dbg_remove_internal(d);
	stop_text(d, s);
	report_exits(d, o);
	if (s != DS_STEP)
		dbg_printf(o, DBG_A_STOP, "%s", d->stop_text);
	if (s == DS_POWEROFF || s == DS_ERROR || s == DS_LIMIT) {
		d->changed = true;
		return DBG_OK;
	}
	report_pc(d, o);
	d->changed = true;
	return DBG_OK;
}

static enum dbg_result cannot_run(struct dbg *d, const struct dbg_out *o)
{
	if (dbg_alive(d))
		return DBG_OK;
	char b[DBG_LINE_MAX];
	snprintf(b, sizeof b, "%s", d->stop_text[0] ? d->stop_text : "the guest has stopped");
	return dbg_error(o, "the %s cannot run any more (%s)", d->is_vmm ? "VM" : "machine", b);
}

/* ---- the commands ---------------------------------------------------------------------- */

enum dbg_result dbg_cmd_step(struct dbg *d, const char *args, const struct dbg_out *o)
{
	uint64_t n = 1;
	if (*args && dbg_parse_count(args, &n))
		return dbg_error(o, "step: '%s' is not a positive count", args);
	if (!dbg_alive(d))
		return cannot_run(d, o);
	begin(d);
	enum dbg_stop s = DS_STEP;
	for (uint64_t i = 0; i < n && s == DS_STEP; i++) {
		s = step_one(d);
		if (s == DS_STEP && i + 1 < n && i % 4096 == 4095 && d->poll && d->poll(d->poll_ctx))
			s = DS_INTERRUPTED;
		/* (with N > 1 a breakpoint on the way stops the steps: only
		   the first instruction is stepped over) */
	}
	return finish(d, s, o);
}

enum dbg_result dbg_cmd_next(struct dbg *d, const char *args, const struct dbg_out *o)
{
	if (*args)
		return dbg_error(o, "next takes no argument");
	if (!dbg_alive(d))
		return cannot_run(d, o);
	struct dbg_regs r;
	uint32_t w;
	dbg_regs(d, &r);
	if (dbg_paused(d) || r.in_ds || dbg_peek_insn(d, r.pc, &w))
		return dbg_cmd_step(d, "", o);
	const struct isa_insn *in = &isa_table[isa_decode(w)];
	uint32_t after;
	if (in->cls == BRANCH && ((in->uses & W_RA) || ((in->uses & W_RD) && RD(w))))
		after = r.pc + 8;          /* a call: to the return, past its slot */
	else if (in->uses & TRAPS)
		after = r.pc + 4;          /* SYSCALL, BREAK: to the return */
	else
		return dbg_cmd_step(d, "", o);
	if (dbg_add_internal(d, after))
		return dbg_error(o, "next: too many breakpoints");
	begin(d);
	return finish(d, drive(d, false, true, DBG_CHUNK, NULL, NULL), o);
}

/* exit-step: stopped before an exit, let the VMM (natively: the CPU) handle
 * it and show what changed; otherwise run to the next exit. */
enum dbg_result dbg_cmd_exit_step(struct dbg *d, const char *args, const struct dbg_out *o)
{
	if (*args)
		return dbg_error(o, "exit-step takes no argument");
	if (!dbg_alive(d))
		return cannot_run(d, o);
	if (dbg_paused(d)) {
		begin(d);
		dbg_finish_paused(d);
		d->stop = DS_HANDLED;
		snprintf(d->stop_text, sizeof d->stop_text, "handled by the %s",
			 d->is_vmm ? "VMM" : "CPU");
		report_exits(d, o);
		dbg_printf(o, DBG_A_STOP, "%s; it changed:", d->stop_text);
		dbg_print_changes(d, o);
		report_pc(d, o);
		return DBG_OK;
	}
	begin(d);
	return finish(d, drive(d, true, false, DBG_CHUNK, NULL, NULL), o);
}

/* ---- until-exit KIND [MNEMONIC] ------------------------------------------------------------- */

struct kind_name { const char *name; uint32_t codes; const char *what; };
#define BIT(e) (1u << EXC_##e)
static const struct kind_name kinds[] = {
	{ "any",     0xffffffffu,                     "every exit" },
	{ "cpu",     BIT(CPU),                        "Coprocessor Unusable: a privileged instruction" },
	{ "tlb",     BIT(TLBL) | BIT(TLBS) | BIT(MOD), "TLB miss, invalid or modified (TLBL, TLBS, Mod)" },
	{ "tlbl",    BIT(TLBL),                       "TLB miss or invalid on a load or fetch" },
	{ "tlbs",    BIT(TLBS),                       "TLB miss or invalid on a store" },
	{ "mod",     BIT(MOD),                        "store to a clean page" },
	{ "addr",    BIT(ADEL) | BIT(ADES),           "address error (kseg0/kseg1 under the VMM)" },
	{ "adel",    BIT(ADEL),                       "address error on a load or fetch" },
	{ "ades",    BIT(ADES),                       "address error on a store" },
	{ "syscall", BIT(SYS),                        "SYSCALL" },
	{ "break",   BIT(BP),                         "BREAK" },
	{ "ri",      BIT(RI),                         "reserved instruction (RDHWR, HYPCALL natively)" },
	{ "int",     BIT(INT),                        "interrupt (under the VMM: a virtual one due)" },
	{ "ov",      BIT(OV),                         "integer overflow" },
	{ "trap",    BIT(TR),                         "trap instruction" },
	{ "bus",     BIT(IBE) | BIT(DBE),             "bus error" },
};
#undef BIT

const char *dbg_kind_name(int i)
{
	return i < (int)(sizeof kinds / sizeof kinds[0]) ? kinds[i].name : NULL;
}

const char *dbg_kind_help(int i)
{
	return i < (int)(sizeof kinds / sizeof kinds[0]) ? kinds[i].what : NULL;
}

struct until { uint32_t codes; const char *mnemonic; };

static bool matches(struct dbg *d, const struct until *u)
{
	struct cpu_exit x;
	bool virq;
	if (!dbg_pending(d, &x, &virq))
		return false;
	if (!(u->codes & (1u << x.code)))
		return false;
	if (!u->mnemonic)
		return true;
	if (virq || (x.fetch && !x.word))
		return false;
	return !strcmp(isa_table[isa_decode(x.word)].mnemonic, u->mnemonic);
}

enum dbg_result dbg_cmd_until_exit(struct dbg *d, const char *args, const struct dbg_out *o)
{
	char kind[32] = "", mn[32] = "", extra[8] = "";
	int n = sscanf(args, "%31s %31s %7s", kind, mn, extra);
	if (n < 1)
		return dbg_error(o, "until-exit: give a KIND (cpu, tlb, syscall, int, any, ... ; "
				    "'help until-exit' lists them)");
	if (n > 2)
		return dbg_error(o, "until-exit: too many arguments (KIND [MNEMONIC])");
	struct until u = { 0, n == 2 ? mn : NULL };
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (!strcmp(kinds[i].name, kind))
			u.codes = kinds[i].codes;
	if (!u.codes) {
		/* also the exception names themselves: CpU, TLBL, Sys, ... */
		for (unsigned c = 0; c < EXC_NCODES; c++)
			if (!strcasecmp(exc_name(c), kind))
				u.codes = 1u << c;
	}
	if (!u.codes)
		return dbg_error(o, "until-exit: unknown kind '%s' ('help until-exit' lists them)",
				 kind);
	if (u.mnemonic) {
		bool known = false;
		for (int i = 0; i < ISA_OP_RESERVED; i++)
			known |= !strcmp(isa_table[i].mnemonic, u.mnemonic);
		if (!known)
			return dbg_error(o, "until-exit: '%s' is not an instruction mnemonic", u.mnemonic);
	}
	if (!dbg_alive(d))
		return cannot_run(d, o);
	begin(d);
	uint64_t last = host_ms();
	dbg_finish_paused(d);                  /* the one we are at is not "next" */
	enum dbg_stop s;
	for (;;) {
		s = drive(d, true, false, DBG_CHUNK, NULL, NULL);
		if (s != DS_EXIT || matches(d, &u))
			break;
		if (dbg_starving(d)) {
			s = DS_INPUT;
			break;
		}
		dbg_finish_paused(d);
		uint64_t t = host_ms();
		if (t - last >= 20) {
			last = t;
			if (d->poll && d->poll(d->poll_ctx)) {
				s = DS_INTERRUPTED;
				break;
			}
		}
	}
	return finish(d, s, o);
}

enum dbg_result dbg_cmd_continue(struct dbg *d, const char *args, const struct dbg_out *o)
{
	if (*args)
		return dbg_error(o, "continue takes no argument");
	if (dbg_finished(d) || (!d->is_vmm && !dbg_alive(d)))   /* (all VMs run) */
		return cannot_run(d, o);
	begin(d);
	return finish(d, drive(d, false, true, DBG_CHUNK, NULL, NULL), o);
}
