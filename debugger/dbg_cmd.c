/*
 * dbg_cmd.c - THE command table and the commands that only look. Help, the
 * TUI's keys, completion and dispatch all read the table (DESIGN.md rule 1).
 *
 * A command line is NAME[/SUFFIX] [ARGS]. NAME may be a unique prefix
 * ("cont") or a gdb-style alias (s, n, c, b, d, i, q).
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <string.h>
#include "../isa/isa.h"
#include "dbg_int.h"

typedef enum dbg_result cmd_fn(struct dbg *d, const char *args, const struct dbg_out *o);
static cmd_fn cmd_info, cmd_x, cmd_vm, cmd_stats, cmd_help, cmd_quit, cmd_input;

struct command {
	struct dbg_command pub;
	cmd_fn *fn;
	bool runs;             /* runs the target: Enter repeats it */
	const char *alias;
};

static const struct command table[] = {
	{ { "step", "[N]", "F7", false, "run one instruction (N instructions); an exception or exit "
	    "delivered counts as one", "Under the VMM an instruction that traps is emulated on the way;\n"
	    "the exit shows in the exit log. At a pending exit, step lets it be handled first." },
	  dbg_cmd_step, true, "s" },
	{ { "next", "", "F8", false, "like step, but over a call (jal, jalr, bal...) or a SYSCALL",
	    "Runs until the instruction after the call's delay slot (or after the SYSCALL)." },
	  dbg_cmd_next, true, "n" },
	{ { "exit-step", "", "F6", false, "run to the next VM exit and stop before the VMM handles it; "
	    "at a stopped exit, let the VMM handle it and show what it changed",
	    "Natively: the same with exceptions, before and after the CPU takes them.\n"
	    "Shows the trapping instruction and its cause; the next exit-step shows every\n"
	    "register, CP0 register and TLB entry that the handling changed." },
	  dbg_cmd_exit_step, true, "es" },
	{ { "until-exit", "KIND [MNEMONIC]", "F9", true, "run to the next exit of KIND (and "
	    "instruction MNEMONIC), stopping before it is handled",
	    "KIND: any cpu tlb tlbl tlbs mod addr adel ades syscall break ri int ov trap bus,\n"
	    "or an exception name (CpU, TLBL, Sys, ...). Examples: until-exit tlb,\n"
	    "until-exit cpu mtc0, until-exit syscall. Exits of other kinds are handled\n"
	    "on the way (they show in the exit log)." },
	  dbg_cmd_until_exit, true, "ue" },
	{ { "continue", "", "F5", false, "run until a breakpoint, a watchpoint, power-off or Ctrl-C",
	    "With several VMs, all of them run, round-robin." }, dbg_cmd_continue, true, "c" },
	{ { "break", "ADDR|SYMBOL", "F2", true, "stop before the instruction at ADDR",
	    "ADDR: 0xc0000100, a symbol (main), symbol+offset (main+8), or $pc.\n"
	    "It is a guest-virtual address: it stops in any mode and address space." },
	  dbg_cmd_break, false, "b" },
	{ { "tbreak", "ADDR|SYMBOL", "M-b", true, "a breakpoint deleted when it is hit", "" },
	  dbg_cmd_tbreak, false, "tb" },
	{ { "delete", "[N...]", "M-d", true, "delete breakpoints and watchpoints N (all without N)", "" },
	  dbg_cmd_delete, false, "d" },
	{ { "watch", "ADDR [LEN]", "M-w", true, "stop after a store to ADDR..ADDR+LEN-1 (LEN 4)",
	    "Guest-virtual, in any mode; the store has completed when it stops." },
	  dbg_cmd_watch, false, NULL },
	{ { "rwatch", "ADDR [LEN]", "M-r", true, "stop after a load from ADDR..ADDR+LEN-1 (LEN 4)", "" },
	  dbg_cmd_rwatch, false, NULL },
	{ { "info", "regs|cp0|vcp0|tlb|stlb|exits|vms|breaks|console|stats|disasm", "M-i", true,
	    "print one of the views (the TUI also shows it in its lower pane)",
	    "regs    general registers, HI, LO, PC (* = changed by the last command)\n"
	    "cp0     the real CP0 (under the VMM: the VMM's own, with the guest's mode mapped)\n"
	    "vcp0    the guest's virtual CP0, decoded (natively: the CP0)\n"
	    "tlb     the guest's virtual TLB (natively: the TLB)\n"
	    "stlb    the real TLB, each entry's owner: the shadow TLB\n"
	    "exits   the VM exit log (natively: the exceptions taken)\n"
	    "vms     the VMs; breaks: breakpoints and watchpoints; console; stats\n"
	    "disasm  the instructions around the PC" },
	  cmd_info, false, "i" },
	{ { "x", "/N[i][p] ADDR", "M-x", true, "examine N words at ADDR (i: as instructions, p: ADDR is "
	    "physical)", "Reads without side effects: an unmapped address is reported, never\n"
	    "filled. Virtual addresses are translated as a load in the current mode." },
	  cmd_x, false, NULL },
	{ { "vm", "N", "M-v", true, "look at and step VM N", "" }, cmd_vm, false, NULL },
	{ { "stats", "", "M-s", false, "counts: cycles, instructions, exits by kind, ...", "" },
	  cmd_stats, false, NULL },
	{ { "input", "[-n] TEXT", "M-n", true, "queue TEXT and a newline (not with -n) for the guest "
	    "console", "Escapes: \\n \\t \\\\ \\xHH (\\x04 is Ctrl-D). In the TUI, keys typed while\n"
	    "the guest runs go to its console too." }, cmd_input, false, NULL },
	{ { "help", "[COMMAND]", "F1", false, "this list, or one command's help", "" },
	  cmd_help, false, "h" },
	{ { "quit", "", "F10", false, "leave the debugger", "" }, cmd_quit, false, "q" },
};
#define NCMDS ((int)(sizeof table / sizeof table[0]))

const struct dbg_command *dbg_commands(int *n)
{
	static struct dbg_command pub[NCMDS];
	for (int i = 0; i < NCMDS; i++)
		pub[i] = table[i].pub;
	*n = NCMDS;
	return pub;
}

/* ---- output ----------------------------------------------------------------------------- */

void dbg_printf(const struct dbg_out *o, unsigned attr, const char *fmt, ...)
{
	char buf[DBG_LINE_MAX];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	o->line(o->ctx, attr, buf);
}

enum dbg_result dbg_error(const struct dbg_out *o, const char *fmt, ...)
{
	char buf[DBG_LINE_MAX];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	o->line(o->ctx, DBG_A_ERROR, buf);
	return DBG_ERROR;
}

/* ---- parsing ------------------------------------------------------------------------------ */

int dbg_parse_count(const char *s, uint64_t *out)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 0);
	while (isspace((unsigned char)*end))
		end++;
	if (end == s || *end || errno || *s == '-' || v == 0)
		return -1;
	*out = v;
	return 0;
}

const char *dbg_parse_addr(const struct dbg *d, const char *s, uint32_t *out)
{
	static char err[DBG_LINE_MAX];
	char name[96];
	while (isspace((unsigned char)*s))
		s++;
	size_t n = strcspn(s, "+- \t");
	if (n >= sizeof name) {
		snprintf(err, sizeof err, "'%.40s...' is too long for an address", s);
		return err;
	}
	memcpy(name, s, n);
	name[n] = 0;
	uint32_t base;
	char *end;
	struct dbg_regs r;
	dbg_regs(d, &r);
	if (!n) {
		snprintf(err, sizeof err, "'%s' is not an address", s);
		return err;
	}
	if (isdigit((unsigned char)name[0])) {
		errno = 0;
		unsigned long long v = strtoull(name, &end, 0);
		if (*end || errno || v > 0xffffffffull) {
			snprintf(err, sizeof err, "'%s' is not a 32-bit number", name);
			return err;
		}
		base = (uint32_t)v;
	} else if (name[0] == '$') {
		int reg = -1;
		if (!strcmp(name + 1, "pc"))
			base = r.pc;
		else {
			for (int i = 0; i < 32; i++) {
				char num[12];
				snprintf(num, sizeof num, "%d", i);
				if (!strcmp(name + 1, dbg_gpr_names[i]) || !strcmp(name + 1, num))
					reg = i;
			}
			if (reg < 0) {
				snprintf(err, sizeof err, "'%s' is not a register ($pc, $sp, $31, ...)", name);
				return err;
			}
			base = r.gpr[reg];
		}
	} else if (dbg_symbol_addr(d, name, &base)) {
		snprintf(err, sizeof err, "no symbol '%s' in %s", name,
			 d->img[d->cur] ? "the program" : "a program without symbols");
		return err;
	}
	s += n;
	while (isspace((unsigned char)*s))
		s++;
	if (*s == '+' || *s == '-') {
		char sign = *s++;
		errno = 0;
		unsigned long long off = strtoull(s, &end, 0);
		while (isspace((unsigned char)*end))
			end++;
		if (end == s || *end || errno || off > 0xffffffffull) {
			snprintf(err, sizeof err, "'%s' is not an offset", s);
			return err;
		}
		base = sign == '+' ? base + (uint32_t)off : base - (uint32_t)off;
	} else if (*s) {
		snprintf(err, sizeof err, "unexpected '%s' after the address", s);
		return err;
	}
	*out = base;
	return NULL;
}

/* ---- the looking commands ------------------------------------------------------------------ */

static const struct { const char *name; enum dbg_view v; } topics[] = {
	{ "regs", DBG_V_REGS }, { "cp0", DBG_V_CP0 }, { "vcp0", DBG_V_VCP0 },
	{ "tlb", DBG_V_TLB }, { "stlb", DBG_V_STLB }, { "exits", DBG_V_EXITS },
	{ "vms", DBG_V_VMS }, { "breaks", DBG_V_BREAKS }, { "console", DBG_V_CONSOLE },
	{ "stats", DBG_V_STATS }, { "disasm", DBG_V_DISASM },
};
#define NTOPICS ((int)(sizeof topics / sizeof topics[0]))

static enum dbg_result cmd_info(struct dbg *d, const char *args, const struct dbg_out *o)
{
	for (int i = 0; i < NTOPICS; i++)
		if (!strcmp(args, topics[i].name)) {
			d->focus = (int)topics[i].v;
			d->changed = true;
			dbg_print_view(d, topics[i].v, o);
			return DBG_OK;
		}
	static const char list[] = "regs, cp0, vcp0, tlb, stlb, exits, vms, breaks, console, stats, disasm";
	if (!*args)
		return dbg_error(o, "info: give a topic (%s)", list);
	return dbg_error(o, "info: unknown topic '%s' (%s)", args, list);
}

static enum dbg_result cmd_x(struct dbg *d, const char *args, const struct dbg_out *o)
{
	/* args is what followed "x": "/8i main" or " 0x1000" */
	uint64_t n = 4;
	bool insn = false, phys = false;
	while (isspace((unsigned char)*args))
		args++;                      /* "x /4 ADDR" as well as "x/4 ADDR" */
	if (*args == '/') {
		args++;
		if (isdigit((unsigned char)*args)) {
			char *end;
			n = strtoull(args, &end, 10);
			args = end;
			if (n == 0 || n > 4096)
				return dbg_error(o, "x: the count must be 1 to 4096 words");
		}
		for (; *args && !isspace((unsigned char)*args); args++) {
			if (*args == 'i')
				insn = true;
			else if (*args == 'p')
				phys = true;
			else if (*args != 'x' && *args != 'w')
				return dbg_error(o, "x: unknown format letter '%c' (i: instructions, "
						 "p: physical)", *args);
		}
	}
	while (isspace((unsigned char)*args))
		args++;
	if (!*args)
		return dbg_error(o, "x: give an address (x/4 0xc0001000, x/8i main, x/4p 0x1000)");
	uint32_t a;
	const char *err = dbg_parse_addr(d, args, &a);
	if (err)
		return dbg_error(o, "x: %s", err);
	if (a & 3)
		return dbg_error(o, "x: 0x%08x is not word-aligned", a);
	const char *space = phys ? (d->is_vmm ? "guest-physical" : "physical") : "virtual";
	for (uint64_t i = 0; i < n;) {
		uint32_t w, pa = 0;
		int bad = phys ? dbg_peek_phys(d, a, &w) : dbg_peek(d, a, &w, &pa);
		if (bad)
			return dbg_error(o, "x: cannot read %s 0x%08x (%s)", space, a,
					 phys ? "not RAM" : "not mapped for a load in the current mode, "
					 "or not RAM");
		char sym[80];
		dbg_symbol(d, a, sym, sizeof sym);
		if (insn) {
			char text[96];
			dbg_disasm(d, w, a, text, sizeof text);
			dbg_printf(o, 0, "%08x %s%s%s %08x  %s", a, *sym ? "<" : "", sym, *sym ? ">" : "",
				   w, text);
			a += 4;
			i++;
			continue;
		}
		char line[DBG_LINE_MAX];
		int len = snprintf(line, sizeof line, "%08x:", a);
		for (int k = 0; k < 4 && i < n; k++, i++, a += 4) {
			if (k && (phys ? dbg_peek_phys(d, a, &w) : dbg_peek(d, a, &w, NULL)))
				break;
			len += snprintf(line + len, sizeof line - (size_t)len, " %08x", w);
		}
		dbg_printf(o, 0, "%s", line);
	}
	return DBG_OK;
}

static enum dbg_result cmd_vm(struct dbg *d, const char *args, const struct dbg_out *o)
{
	if (!d->is_vmm)
		return dbg_error(o, "vm: there are no VMs natively (start with --vmm)");
	uint64_t n;
	if (!*args) {
		dbg_print_view(d, DBG_V_VMS, o);
		return DBG_OK;
	}
	if (!strcmp(args, "0"))
		n = 0;
	else if (dbg_parse_count(args, &n))
		return dbg_error(o, "vm: '%s' is not a VM number", args);
	if (n >= (uint64_t)d->v->nvms)
		return dbg_error(o, "vm: no VM %s (there %s %d: 0..%d)", args,
				 d->v->nvms == 1 ? "is" : "are", d->v->nvms, d->v->nvms - 1);
	d->cur = (int)n;
	vm_switch_to(d->v, dbg_vm(d));      /* the host side only: the guest sees nothing */
	dbg_snapshot(d, &d->before);
	d->changed = true;
	dbg_printf(o, 0, "now looking at vm%d", d->cur);
	return DBG_OK;
}

static enum dbg_result cmd_stats(struct dbg *d, const char *args, const struct dbg_out *o)
{
	if (*args)
		return dbg_error(o, "stats takes no argument");
	dbg_print_view(d, DBG_V_STATS, o);
	return DBG_OK;
}

static enum dbg_result cmd_input(struct dbg *d, const char *args, const struct dbg_out *o)
{
	bool nl = true;
	if (!strncmp(args, "-n", 2) && (!args[2] || isspace((unsigned char)args[2]))) {
		nl = false;
		args += 2;
		while (isspace((unsigned char)*args))
			args++;
	}
	char buf[DBG_LINE_MAX + 1];
	size_t n = 0;
	for (const char *p = args; *p && n < DBG_LINE_MAX; p++) {
		if (*p != '\\') {
			buf[n++] = *p;
			continue;
		}
		p++;
		switch (*p) {
		case 'n': buf[n++] = '\n'; break;
		case 't': buf[n++] = '\t'; break;
		case '\\': buf[n++] = '\\'; break;
		case 'x': {
			char hex[3] = { 0 };
			if (!isxdigit((unsigned char)p[1]) || !isxdigit((unsigned char)p[2]))
				return dbg_error(o, "input: \\x needs two hex digits");
			hex[0] = p[1];
			hex[1] = p[2];
			buf[n++] = (char)strtoul(hex, NULL, 16);
			p += 2;
			break;
		}
		default:
			return dbg_error(o, "input: unknown escape '\\%c' (\\n \\t \\\\ \\xHH)",
					 *p ? *p : ' ');
		}
	}
	if (nl)
		buf[n++] = '\n';
	if (!n)
		return dbg_error(o, "input: nothing to send");
	dbg_console_input(d, buf, n);
	dbg_printf(o, 0, "queued %zu byte%s for the console", n, n == 1 ? "" : "s");
	return DBG_OK;
}

static const struct command *find(const char *name);

static enum dbg_result cmd_help(struct dbg *d, const char *args, const struct dbg_out *o)
{
	(void)d;
	if (*args) {
		const struct command *c = find(args);
		if (!c)
			return dbg_error(o, "help: no command '%s'", args);
		dbg_printf(o, DBG_A_TITLE, "%s %s    (key %s%s%s)", c->pub.name, c->pub.args,
			   c->pub.key, c->alias ? ", alias " : "", c->alias ? c->alias : "");
		dbg_printf(o, 0, "  %s", c->pub.summary);
		char buf[1024];
		snprintf(buf, sizeof buf, "%s", c->pub.help);
		for (char *l = strtok(buf, "\n"); l; l = strtok(NULL, "\n"))
			dbg_printf(o, 0, "  %s", l);
		return DBG_OK;
	}
	dbg_printf(o, DBG_A_TITLE, "commands (key, name, arguments); Enter repeats a stepping command");
	for (int i = 0; i < NCMDS; i++) {
		char head[96];
		snprintf(head, sizeof head, "%s %s", table[i].pub.name, table[i].pub.args);
		dbg_printf(o, 0, "%-4s %-22s %s", table[i].pub.key, head, table[i].pub.summary);
	}
	return DBG_OK;
}

static enum dbg_result cmd_quit(struct dbg *d, const char *args, const struct dbg_out *o)
{
	(void)d;
	(void)o;
	(void)args;
	return DBG_QUIT;
}

/* ---- dispatch ------------------------------------------------------------------------------ */

static const struct command *find(const char *name)
{
	const struct command *hit = NULL;
	int nhits = 0;
	for (int i = 0; i < NCMDS; i++) {
		if (!strcmp(table[i].pub.name, name) || (table[i].alias && !strcmp(table[i].alias, name)))
			return &table[i];
		if (!strncmp(table[i].pub.name, name, strlen(name))) {
			hit = &table[i];
			nhits++;
		}
	}
	return nhits == 1 ? hit : NULL;
}

enum dbg_result dbg_exec(struct dbg *d, const char *line, const struct dbg_out *o)
{
	char buf[DBG_LINE_MAX];
	while (isspace((unsigned char)*line))
		line++;
	snprintf(buf, sizeof buf, "%s", line);
	for (size_t n = strlen(buf); n && isspace((unsigned char)buf[n - 1]);)
		buf[--n] = 0;
	if (!buf[0]) {
		if (!d->last_cmd[0])
			return DBG_OK;
		snprintf(buf, sizeof buf, "%s", d->last_cmd);
	}
	size_t n = strcspn(buf, " \t/");
	char name[32];
	if (n >= sizeof name)
		return dbg_error(o, "unknown command '%.40s' (try 'help')", buf);
	memcpy(name, buf, n);
	name[n] = 0;
	const char *args = buf + n;
	const struct command *c = find(name);
	if (!c)
		return dbg_error(o, "unknown command '%s' (try 'help')", name);
	if (*args == '/' && c->fn != cmd_x)
		return dbg_error(o, "%s: unexpected '/'", c->pub.name);
	if (c->fn != cmd_x)
		while (isspace((unsigned char)*args))
			args++;
	if (c->runs)
		snprintf(d->last_cmd, sizeof d->last_cmd, "%s", buf);
	else
		d->last_cmd[0] = 0;
	enum dbg_result r = c->fn(d, args, o);
	d->changed = true;
	return r;
}

/* ---- completion ------------------------------------------------------------------------------ */

const char *dbg_complete(struct dbg *d, const char *line, const char *word, int i)
{
	size_t wl = strlen(word);
	while (isspace((unsigned char)*line))
		line++;
	char first[32] = "";
	int words = 0;
	for (const char *p = line; *p;) {
		while (isspace((unsigned char)*p))
			p++;
		if (!*p)
			break;
		size_t k = strcspn(p, " \t");
		if (!words)
			snprintf(first, sizeof first, "%.*s", (int)(k < 31 ? k : 31), p);
		words++;
		p += k;
	}
	/* the word being completed is the last one, unless the line ends in a space */
	int pos = (*line && isspace((unsigned char)line[strlen(line) - 1])) || !*line ? words : words - 1;
	int k = 0;
#define CANDIDATE(s)                                                                   \
	do {                                                                           \
		const char *s_ = (s);                                                  \
		if (s_ && !strncmp(s_, word, wl) && k++ == i) {                        \
			snprintf(d->complete_buf, sizeof d->complete_buf, "%s", s_);   \
			return d->complete_buf;                                        \
		}                                                                      \
	} while (0)
	if (pos <= 0) {
		for (int j = 0; j < NCMDS; j++)
			CANDIDATE(table[j].pub.name);
		return NULL;
	}
	const struct command *c = find(first);
	if (c && c->fn == cmd_info && pos == 1) {
		for (int j = 0; j < NTOPICS; j++)
			CANDIDATE(topics[j].name);
		return NULL;
	}
	if (c && c->fn == cmd_help && pos == 1) {
		for (int j = 0; j < NCMDS; j++)
			CANDIDATE(table[j].pub.name);
		return NULL;
	}
	if (c && c->fn == dbg_cmd_until_exit) {
		if (pos == 1)
			for (int j = 0; dbg_kind_name(j); j++)
				CANDIDATE(dbg_kind_name(j));
		else if (pos == 2)
			for (int j = 0; j < ISA_OP_RESERVED; j++)
				CANDIDATE(isa_table[j].mnemonic);
		return NULL;
	}
	const struct elf_image *img = d->img[d->cur];
	if (img && wl && word[0] != '$' && !isdigit((unsigned char)word[0]))
		for (int j = 0; j < img->nsym; j++)
			CANDIDATE(img->sym[j].name);
#undef CANDIDATE
	return NULL;
}

int dbg_focus(const struct dbg *d) { return d->focus; }

bool dbg_changed(struct dbg *d)
{
	bool c = d->changed;
	d->changed = false;
	return c;
}

void dbg_set_poll(struct dbg *d, bool (*poll)(void *ctx), void *ctx)
{
	d->poll = poll;
	d->poll_ctx = ctx;
}

void dbg_set_max_cycles(struct dbg *d, uint64_t max)
{
	d->max_cycles = max == UINT64_MAX ? 0 : max;
}
