/*
 * dbg_view.c - the views: the lines `info TOPIC` prints and the TUI's panes
 * show. Every view is built from the target's side-effect-free accessors
 * (dbg_target.c) and marks what the last run changed by comparing with the
 * snapshot taken when it began (d->before): a "*" in the text and
 * DBG_A_CHANGED on the line.
 */
#include <stdarg.h>
#include <string.h>
#include "../isa/isa.h"
#include "dbg_int.h"

const char *const dbg_gpr_names[32] = {
	"zero", "at", "v0", "v1", "a0", "a1", "a2", "a3", "t0", "t1", "t2", "t3", "t4", "t5",
	"t6", "t7", "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "t8", "t9", "k0", "k1",
	"gp", "sp", "fp", "ra",
};
static const char *const mode_names[] = { "kernel", "supervisor", "user" };

void dbg_text_add(struct dbg_text *t, unsigned attr, const char *fmt, ...)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 64;
		t->line = realloc(t->line, sizeof *t->line * (size_t)t->cap);
		if (!t->line)
			abort();                              /* host memory: ours */
	}
	struct dbg_line *l = &t->line[t->n++];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(l->text, sizeof l->text, fmt, ap);
	va_end(ap);
	l->attr = attr;
}

void dbg_text_clear(struct dbg_text *t) { t->n = 0; }

void dbg_text_free(struct dbg_text *t)
{
	free(t->line);
	*t = (struct dbg_text){ 0 };
}

/* the snapshot to compare with: the one of the last run, for this VM */
static const struct dbg_snap *before(const struct dbg *d)
{
	return d->before.valid && d->before.vm == d->cur ? &d->before : NULL;
}

/* ---- registers ---------------------------------------------------------------------------- */

static void view_regs(struct dbg *d, int cols, struct dbg_text *t)
{
	struct dbg_regs r;
	dbg_regs(d, &r);
	const struct dbg_snap *b = before(d);
	int per = !cols || cols >= 60 ? 4 : cols >= 45 ? 3 : 2;
	for (int i = 0; i < 32; i += per) {
		char line[DBG_LINE_MAX] = "";
		size_t n = 0;
		bool ch = false;
		for (int j = i; j < i + per; j++) {
			bool c = b && b->gpr[j] != r.gpr[j];
			ch |= c;
			n += (size_t)snprintf(line + n, sizeof line - n, "%4s %08x%c ", dbg_gpr_names[j], r.gpr[j],
					      c ? '*' : ' ');
		}
		dbg_text_add(t, ch ? DBG_A_CHANGED : 0, "%s", line);
	}
	bool c1 = b && b->hi != r.hi, c2 = b && b->lo != r.lo, c3 = b && b->pc != r.pc;
	dbg_text_add(t, c1 || c2 || c3 ? DBG_A_CHANGED : 0, "%4s %08x%c %4s %08x%c %4s %08x%c %s",
		     "hi", r.hi, c1 ? '*' : ' ', "lo", r.lo, c2 ? '*' : ' ', "pc", r.pc,
		     c3 ? '*' : ' ', r.in_ds ? "(delay slot)" : "");
}

/* ---- CP0, decoded ---------------------------------------------------------------------------- */

static void decode(enum cp0_reg r, uint32_t v, char *buf, size_t size)
{
	switch (r) {
	case CP0_STATUS:
		snprintf(buf, size, "KSU=%s EXL=%u ERL=%u IE=%u IM=%02x%s%s",
			 (const char *[]){ "kernel", "super", "user", "?" }[(v & ST_KSU) >> ST_KSU_SHIFT],
			 !!(v & ST_EXL), !!(v & ST_ERL), v & ST_IE, (v & ST_IM) >> ST_IM_SHIFT,
			 v & ST_CU0 ? " CU0" : "", v & ST_BEV ? " BEV" : "");
		break;
	case CP0_CAUSE:
		snprintf(buf, size, "ExcCode=%s IP=%02x%s%s", exc_name((v & CAUSE_EXC) >> CAUSE_EXC_SHIFT),
			 (v & CAUSE_IP) >> CAUSE_IP_SHIFT, v & CAUSE_BD ? " BD" : "",
			 v & CAUSE_TI ? " TI" : "");
		break;
	case CP0_ENTRYHI:
		snprintf(buf, size, "VPN2=%08x ASID=%02x", v & ENTRYHI_VPN2, v & ENTRYHI_ASID);
		break;
	case CP0_ENTRYLO0: case CP0_ENTRYLO1:
		snprintf(buf, size, "PFN=%05x C=%u%s%s%s", v >> ENTRYLO_PFN_SHIFT,
			 (v & ENTRYLO_C) >> ENTRYLO_C_SHIFT, v & ENTRYLO_D ? " D" : "",
			 v & ENTRYLO_V ? " V" : "", v & ENTRYLO_G ? " G" : "");
		break;
	default:
		buf[0] = 0;
		break;
	}
}

static void view_cp0(struct dbg *d, bool real, int rows, int cols, struct dbg_text *t)
{
	const struct dbg_snap *b = real ? NULL : before(d);
	const struct cpu *c = dbg_cpu(d);
	if (real && d->is_vmm)
		dbg_text_add(t, DBG_A_TITLE, "real CP0 (the VMM's), real mode %s",
			     mode_names[c->mode]);
	else
		dbg_text_add(t, DBG_A_TITLE, "%sCP0, mode %s", d->is_vmm ? "virtual " : "",
			     mode_names[dbg_mode(d)]);
	/* In a short pane the registers an exception handler reads come first. */
	static const int first[] = { CP0_STATUS, CP0_CAUSE, CP0_EPC, CP0_BADVADDR, CP0_ENTRYHI };
	int order[CP0_NREGS], n = 0;
	bool brief = rows > 0 && rows <= CP0_NREGS;
	if (brief)
		for (size_t k = 0; k < sizeof first / sizeof first[0]; k++)
			order[n++] = first[k];
	for (int i = 0; i < CP0_NREGS; i++) {
		bool dup = false;
		for (int k = 0; k < n && brief; k++)
			dup |= order[k] == i;
		if (!dup)
			order[n++] = i;
	}
	for (int k = 0; k < n; k++) {
		int i = order[k];
		uint32_t v = real ? cpu_cp0_read(c, (enum cp0_reg)i) : dbg_cp0(d, (enum cp0_reg)i);
		bool ch = b && i != CP0_COUNT && i != CP0_RANDOM && b->cp0[i] != v;
		char dec[96], sym[80] = "";
		decode((enum cp0_reg)i, v, dec, sizeof dec);
		if (i == CP0_EPC)
			dbg_symbol(d, v, sym, sizeof sym);
		const char *name = cp0_table[i].name;
		if (cols && cols < 40)
			dbg_text_add(t, ch ? DBG_A_CHANGED : 0, "%-8.8s %08x%c", name, v, ch ? '*' : ' ');
		else
			dbg_text_add(t, ch ? DBG_A_CHANGED : 0, "%-8.8s %08x%c %s%s%s%s", name, v,
				     ch ? '*' : ' ', dec, *sym ? "<" : "", sym, *sym ? ">" : "");
	}
}

/* ---- disassembly --------------------------------------------------------------------------------- */

static const char *symbolize(void *ctx, uint32_t addr, uint32_t *off)
{
	const struct dbg *d = ctx;
	const struct elf_image *img = d->img[d->cur];
	const struct elf_symbol *s = img ? elf_symbol_at(img, addr, off) : NULL;
	return s ? s->name : NULL;
}

char *dbg_disasm(const struct dbg *d, uint32_t word, uint32_t pc, char *buf, size_t size)
{
	isa_disasm(word, pc, buf, size, symbolize, (void *)d);
	for (char *p = buf; *p; p++)
		if (*p == '\t')
			*p = ' ';
	return buf;
}

static void disasm_line(struct dbg *d, uint32_t a, const struct dbg_regs *r, int cols,
			struct dbg_text *t)
{
	uint32_t w;
	bool cur = a == r->pc;
	int bp = dbg_bp_at(d, a);
	unsigned attr = (cur ? DBG_A_CURRENT : 0) | (bp ? DBG_A_BREAK : 0);
	char bps[8] = "  ";
	if (bp)
		snprintf(bps, sizeof bps, "%-2d", d->bp[bp - 1].id % 100);
	const struct elf_image *img = d->img[d->cur];
	uint32_t off;
	const struct elf_symbol *s = img ? elf_symbol_at(img, a, &off) : NULL;
	if (s && !off && s->addr == a)
		dbg_text_add(t, DBG_A_TITLE, "<%s>:", s->name);
	if (dbg_peek_insn(d, a, &w)) {
		dbg_text_add(t, attr | DBG_A_DIM, "%s%s %08x  (not mapped for a fetch now)",
			     cur ? "=>" : "  ", bps, a);
		return;
	}
	char text[96];
	dbg_disasm(d, w, a, text, sizeof text);
	const char *why = dbg_traps(d, w, cur);
	if (why)
		attr |= DBG_A_TRAP;
	char trap[32] = "";
	if (why)
		snprintf(trap, sizeof trap, "  [traps: %s]", why);
	if (cols && cols < 60)
		dbg_text_add(t, attr, "%s%s%08x %s%s", cur ? "=>" : "  ", bps, a, text,
			     why ? " !" : "");
	else
		dbg_text_add(t, attr, "%s%s %08x  %08x  %-28s%s%s", cur ? "=>" : "  ", bps, a, w,
			     text, trap, cur && r->in_ds ? "  (delay slot)" : "");
}

static void view_disasm(struct dbg *d, int rows, int cols, struct dbg_text *t)
{
	struct dbg_regs r;
	dbg_regs(d, &r);
	int n = rows > 0 ? rows : 12;
	int back = n / 3;
	uint32_t start = r.pc - 4u * (uint32_t)back;
	if (r.pc < 4u * (uint32_t)back)
		start = r.pc & 3;
	for (int i = 0; i < n && t->n < n; i++)
		disasm_line(d, start + 4u * (uint32_t)i, &r, cols, t);
}

/* ---- the exit (exception) log --------------------------------------------------------------------- */

int dbg_exit_lines(struct dbg *d, int n, int cols, struct dbg_text *t)
{
	if (d->is_vmm) {
		int k = vmm_exit_history(d->v, d->ring_buf, n);
		for (int i = 0; i < k; i++) {
			const struct vmm_exit_rec *r = &d->ring_buf[i];
			char line[DBG_LINE_MAX], text[96] = "-";
			unsigned attr = r->seq >= d->log_mark ? DBG_A_CHANGED : 0;
			if (!cols || cols >= 90) {
				vmm_format_exit(r, line, sizeof line);
				dbg_text_add(t, attr, "%s", line);
				continue;
			}
			/* narrow: cycle, kind, PC, instruction */
			if (r->word || r->kind == VX_EMULATE || r->kind == VX_HYPERCALL)
				dbg_disasm(d, r->word, r->pc, text, sizeof text);
			dbg_text_add(t, attr, "%llu %s %08x %s", (unsigned long long)r->guest_cycle,
				     vmm_exit_names[r->kind], r->pc, text);
		}
		return k;
	}
	const struct cpu_debug *g = &d->cd;
	uint64_t have = g->nlog < CPU_EXC_LOG ? g->nlog : CPU_EXC_LOG;
	if ((uint64_t)n > have)
		n = (int)have;
	for (int i = 0; i < n; i++) {
		const struct cpu_exc_rec *e = &g->log[(g->nlog - (uint64_t)n + (uint64_t)i) % CPU_EXC_LOG];
		char text[96] = "-";
		if (e->word)
			dbg_disasm(d, e->word, e->pc, text, sizeof text);
		if (cols && cols < 90) {
			dbg_text_add(t, e->seq >= d->log_mark ? DBG_A_CHANGED : 0, "%llu %s %08x %s -> %08x",
				     (unsigned long long)e->cycle, exc_name(e->code), e->pc, text, e->vector);
			continue;
		}
		dbg_text_add(t, e->seq >= d->log_mark ? DBG_A_CHANGED : 0,
			     "exc %llu %llu %s pc=%08x %08x %s from %s -> %08x%s%s",
			     (unsigned long long)e->seq, (unsigned long long)e->cycle,
			     exc_name(e->code), e->pc, e->word, text, mode_names[e->mode], e->vector,
			     e->refill ? " (refill)" : "", e->bd ? " (delay slot)" : "");
	}
	return n;
}

static void view_exits(struct dbg *d, int rows, int cols, struct dbg_text *t)
{
	struct cpu_exit x;
	bool virq, pend = dbg_pending(d, &x, &virq);
	int n = rows > 0 ? rows - 1 - pend : 20;
	if (cols && cols < 90)
		dbg_text_add(t, DBG_A_TITLE, d->is_vmm ? "cycle kind pc instruction"
						      : "cycle cause pc instruction -> vector");
	else
		dbg_text_add(t, DBG_A_TITLE, d->is_vmm ? "exit seq vm cycle kind pc word instruction: what the VMM did"
						      : "exc seq cycle cause pc word instruction from-mode -> vector");
	if (n > 0 && !dbg_exit_lines(d, n, cols, t))
		dbg_text_add(t, DBG_A_DIM, "(none yet)");
	if (pend) {
		if (virq)
			dbg_text_add(t, DBG_A_STOP, "pending: virtual interrupt at pc=%08x, not yet delivered",
				     x.pc);
		else
			dbg_text_add(t, DBG_A_STOP, "pending: %s at pc=%08x %08x, not yet handled",
				     exc_name(x.code), x.pc, x.word);
	}
}

/* ---- TLBs ------------------------------------------------------------------------------------------ */

static bool entry_valid(const struct tlb_entry *e)
{
	return (e->entrylo0 | e->entrylo1) & ENTRYLO_V;
}

static void half(char *buf, size_t size, uint32_t lo)
{
	snprintf(buf, size, "%05x %c%c%c", lo >> ENTRYLO_PFN_SHIFT, lo & ENTRYLO_D ? 'D' : '-',
		 lo & ENTRYLO_V ? 'V' : '-', lo & ENTRYLO_G ? 'G' : '-');
}

/* which virtual TLB entry a shadow half was made from */
static const char *vidx_name(int v, char *buf, size_t size)
{
	if (v == -1)
		snprintf(buf, size, "-");
	else if (v == -2)
		snprintf(buf, size, "erl");
	else
		snprintf(buf, size, "v%d", v);
	return buf;
}

static void tlb_lines(struct dbg *d, const struct tlb *tl, const struct tlb *old, bool real,
		      int rows, struct dbg_text *t)
{
	const struct cpu *c = dbg_cpu(d);
	uint32_t wired = real ? c->cp0[CP0_WIRED] : dbg_cp0(d, CP0_WIRED);
	int nvalid = 0;
	for (int i = 0; i < tl->n; i++)
		nvalid += entry_valid(&tl->e[i]);
	bool only_valid = rows > 0 && rows < tl->n + 1;
	dbg_text_add(t, DBG_A_TITLE, "%s  VPN2     ASID even       odd       %s",
		     real || !d->is_vmm ? "TLB" : "vTLB", real && d->is_vmm ? "owner" : "size");
	for (int i = 0; i < tl->n; i++) {
		const struct tlb_entry *e = &tl->e[i];
		bool ch = old && memcmp(e, &old->e[i], sizeof *e);
		if (only_valid && !entry_valid(e) && !ch)
			continue;
		char h0[24], h1[24], own[40] = "", v0[8], v1[8];
		half(h0, sizeof h0, e->entrylo0);
		half(h1, sizeof h1, e->entrylo1);
		if (real && d->is_vmm) {
			const struct vm *ov = d->v->owner[i].vm;
			if (!ov)
				snprintf(own, sizeof own, "free");
			else
				snprintf(own, sizeof own, "vm%d %s/%s", ov->id,
					 vidx_name(d->v->owner[i].vidx[0], v0, sizeof v0),
					 vidx_name(d->v->owner[i].vidx[1], v1, sizeof v1));
		} else {
			uint32_t sz = tlb_page_size(e->pagemask);
			snprintf(own, sizeof own, "%uK", sz >> 10);
		}
		unsigned attr = (ch ? DBG_A_CHANGED : 0) | (entry_valid(e) ? 0 : DBG_A_DIM);
		dbg_text_add(t, attr, "%2d%c%c %08x %02x  %s %s %s", i, (uint32_t)i < wired ? 'w' : ' ',
			     ch ? '*' : ' ', e->entryhi & ENTRYHI_VPN2, e->entryhi & ENTRYHI_ASID,
			     h0, h1, own);
	}
	if (only_valid && !nvalid)
		dbg_text_add(t, DBG_A_DIM, "(no valid entries)");
}

static void view_tlb(struct dbg *d, bool real, int rows, struct dbg_text *t)
{
	const struct dbg_snap *b = before(d);
	if (real)
		tlb_lines(d, &dbg_cpu(d)->tlb, d->before.valid ? &d->before.rtlb : NULL, true, rows, t);
	else
		tlb_lines(d, dbg_tlb(d), b ? &b->tlb : NULL, false, rows, t);
}

/* ---- the rest --------------------------------------------------------------------------------------- */

static const char *const vm_states[] = {
	[VM_RUNNING] = "running", [VM_POWEROFF] = "powered off", [VM_LIMIT] = "cycle limit",
	[VM_DEADLOCK] = "deadlocked", [VM_ERROR] = "stopped (guest error)",
};

static void view_vms(struct dbg *d, struct dbg_text *t)
{
	if (!d->is_vmm) {
		dbg_text_add(t, 0, "native: no VMs (run with --vmm for the VMM)");
		return;
	}
	dbg_text_add(t, DBG_A_TITLE, "   vm  state         pc        cycles        insns        exits");
	for (int i = 0; i < d->v->nvms; i++) {
		const struct vm *vm = d->v->vm[i];
		struct vm_regs buf;
		const struct vm_regs *r = vm_regs(vm, &buf);
		uint64_t exits = 0;
		for (int k = 0; k < VX_NKINDS; k++)
			exits += vm->exits[k];
		dbg_text_add(t, i == d->cur ? DBG_A_CURRENT : 0, "%s vm%d  %-12s  %08x  %12llu %12llu %12llu%s",
			     i == d->cur ? "=>" : "  ", i, vm_states[vm->state], r->pc,
			     (unsigned long long)vm_clock(vm), (unsigned long long)vm_insns(vm),
			     (unsigned long long)exits, vm->paused ? "  (exit pending)" : "");
	}
}

static void view_breaks(struct dbg *d, struct dbg_text *t)
{
	int n = 0;
	dbg_text_add(t, DBG_A_TITLE, "Num  Type        Address     What                  Hits");
	for (int i = 0; i < d->nbp; i++) {
		if (!d->bp[i].id)
			continue;
		char sym[80];
		dbg_symbol(d, d->bp[i].addr, sym, sizeof sym);
		dbg_text_add(t, 0, "%-4d %-11s 0x%08x  %-20s  %llu", d->bp[i].id,
			     d->bp[i].temp ? "tbreak" : "breakpoint", d->bp[i].addr, sym,
			     (unsigned long long)d->bp[i].hits);
		n++;
	}
	for (int i = 0; i < d->nwp; i++, n++)
		dbg_text_add(t, 0, "%-4d %-11s 0x%08x  %-20s  %llu", d->wp[i].id,
			     d->wp[i].on_read ? "rwatch" : "watch", d->wp[i].va, "",
			     (unsigned long long)d->wp[i].hits);
	if (!n)
		dbg_text_add(t, DBG_A_DIM, "(no breakpoints or watchpoints)");
}

static void view_console(struct dbg *d, int rows, struct dbg_text *t)
{
	size_t len;
	const char *s = dbg_console_text(d, d->cur, &len, NULL);
	/* start at the line that leaves `rows` lines */
	size_t from = 0;
	if (rows > 0) {
		int lines = 0;
		for (size_t i = len; i > 0; i--)
			if (s[i - 1] == '\n' && i != len && ++lines >= rows) {
				from = i;
				break;
			}
	}
	char line[DBG_LINE_MAX];
	size_t n = 0;
	for (size_t i = from; i < len; i++) {
		char ch = s[i];
		if (ch == '\n' || n == sizeof line - 1) {
			line[n] = 0;
			dbg_text_add(t, 0, "%s", line);
			n = 0;
			if (ch == '\n')
				continue;
		}
		if (ch == '\r' || ch == '\a')
			continue;
		if (ch == '\b' || ch == 0x7f) {
			if (n)
				n--;
			continue;
		}
		line[n++] = (ch >= 32 && ch < 127) || ch == '\t' ? ch : '.';
	}
	if (n) {
		line[n] = 0;
		dbg_text_add(t, 0, "%s", line);
	}
	if (!len)
		dbg_text_add(t, DBG_A_DIM, "(no console output yet)");
}

static void view_stats(struct dbg *d, struct dbg_text *t)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&buf, &size);
	if (!f)
		abort();
	if (d->is_vmm)
		vmm_print_stats(d->v, f);
	else
		machine_print_stats(d->m, f);
	fclose(f);
	for (char *l = strtok(buf, "\n"); l; l = strtok(NULL, "\n"))
		dbg_text_add(t, 0, "%s", l);
	free(buf);
}

void dbg_view(struct dbg *d, enum dbg_view v, int rows, int cols, struct dbg_text *t)
{
	dbg_text_clear(t);
	switch (v) {
	case DBG_V_REGS: view_regs(d, cols, t); break;
	case DBG_V_CP0: view_cp0(d, true, rows, cols, t); break;
	case DBG_V_VCP0: view_cp0(d, false, rows, cols, t); break;
	case DBG_V_DISASM: view_disasm(d, rows, cols, t); break;
	case DBG_V_EXITS: view_exits(d, rows, cols, t); break;
	case DBG_V_TLB: view_tlb(d, false, rows, t); break;
	case DBG_V_STLB: view_tlb(d, true, rows, t); break;
	case DBG_V_VMS: view_vms(d, t); break;
	case DBG_V_BREAKS: view_breaks(d, t); break;
	case DBG_V_CONSOLE: view_console(d, rows, t); break;
	case DBG_V_STATS: view_stats(d, t); break;
	case DBG_NVIEWS: break;
	}
}

void dbg_print_view(struct dbg *d, enum dbg_view v, const struct dbg_out *o)
{
	struct dbg_text t = { 0 };
	dbg_view(d, v, 0, 0, &t);
	for (int i = 0; i < t.n; i++)
		o->line(o->ctx, t.line[i].attr, t.line[i].text);
	dbg_text_free(&t);
}

void dbg_status(const struct dbg *d, char *buf, size_t size)
{
	struct dbg_regs r;
	dbg_regs(d, &r);
	char sym[80], where[16];
	dbg_symbol(d, r.pc, sym, sizeof sym);
	if (d->is_vmm)
		snprintf(where, sizeof where, "vm%d", d->cur);
	else
		snprintf(where, sizeof where, "native");
	snprintf(buf, size, "%s | cycle %llu | %s | pc %08x%s%s%s | %s", where,
		 (unsigned long long)r.cycles, mode_names[dbg_mode(d)], r.pc, *sym ? " <" : "", sym,
		 *sym ? ">" : "", d->stop_text[0] ? d->stop_text : "ready");
}

/* ---- what the last run changed --------------------------------------------------------------------- */

static void tlb_changes(const char *what, const struct tlb *old, const struct tlb *now,
			const struct dbg_out *o)
{
	for (int i = 0; i < now->n; i++) {
		const struct tlb_entry *a = &old->e[i], *b = &now->e[i];
		if (!memcmp(a, b, sizeof *a))
			continue;
		dbg_printf(o, DBG_A_CHANGED, "  %s[%d]  %08x %08x %08x -> %08x %08x %08x "
			   "(EntryHi EntryLo0 EntryLo1)", what, i, a->entryhi, a->entrylo0,
			   a->entrylo1, b->entryhi, b->entrylo0, b->entrylo1);
	}
}

void dbg_print_changes(struct dbg *d, const struct dbg_out *o)
{
	const struct dbg_snap *b = before(d);
	if (!b)
		return;
	struct dbg_snap now;
	dbg_snapshot(d, &now);
	int n = 0;
	if (b->pc != now.pc)
		dbg_printf(o, DBG_A_CHANGED, "  pc       %08x -> %08x", b->pc, now.pc), n++;
	for (int i = 1; i < 32; i++)
		if (b->gpr[i] != now.gpr[i])
			dbg_printf(o, DBG_A_CHANGED, "  $%-7s %08x -> %08x", dbg_gpr_names[i], b->gpr[i], now.gpr[i]), n++;
	if (b->hi != now.hi)
		dbg_printf(o, DBG_A_CHANGED, "  hi       %08x -> %08x", b->hi, now.hi), n++;
	if (b->lo != now.lo)
		dbg_printf(o, DBG_A_CHANGED, "  lo       %08x -> %08x", b->lo, now.lo), n++;
	for (int i = 0; i < CP0_NREGS; i++) {
		if (i == CP0_COUNT || i == CP0_RANDOM || b->cp0[i] == now.cp0[i])
			continue;
		char dec[96];
		decode((enum cp0_reg)i, now.cp0[i], dec, sizeof dec);
		dbg_printf(o, DBG_A_CHANGED, "  %s%-8s %08x -> %08x %s", d->is_vmm ? "v" : "",
			   cp0_table[i].name, b->cp0[i], now.cp0[i], dec);
		n++;
	}
	tlb_changes(d->is_vmm ? "vTLB" : "TLB", &b->tlb, &now.tlb, o);
	if (d->is_vmm)
		tlb_changes("shadow TLB", &b->rtlb, &now.rtlb, o);
	if (!n && !memcmp(&b->tlb, &now.tlb, sizeof now.tlb) &&
	    !memcmp(&b->rtlb, &now.rtlb, sizeof now.rtlb))
		dbg_printf(o, 0, "  (no register or TLB entry changed)");
}
