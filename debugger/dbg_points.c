/*
 * dbg_points.c - breakpoints and watchpoints: the session's numbered lists,
 * copied into the CPU's (machine/cpu_debug.c does the stopping).
 *
 * The CPU's brk[i] is the session's bp[i] and watch[i] is wp[i], so a hit's
 * index names the entry. Breakpoints are guest-virtual addresses of the
 * current VM's view, effective in every mode and address space (and, under
 * the VMM, whichever VM runs there).
 */
#include <string.h>
#include "dbg_int.h"

void dbg_sync_points(struct dbg *d)
{
	struct cpu_debug *g = &d->cd;
	g->nbrk = d->nbp;
	for (int i = 0; i < d->nbp; i++)
		g->brk[i] = d->bp[i].addr;
	g->nwatch = d->nwp;
	for (int i = 0; i < d->nwp; i++)
		g->watch[i] = (struct cpu_watch){ d->wp[i].va, d->wp[i].len, d->wp[i].on_read,
						  d->wp[i].on_write };
	cpu_debug_changed(dbg_cpu(d));
	d->changed = true;
}

int dbg_bp_at(const struct dbg *d, uint32_t addr)
{
	for (int i = 0; i < d->nbp; i++)
		if (d->bp[i].addr == addr && d->bp[i].id)
			return i + 1;
	return 0;
}

void dbg_delete_bp(struct dbg *d, int index)
{
	memmove(&d->bp[index], &d->bp[index + 1], sizeof d->bp[0] * (size_t)(d->nbp - index - 1));
	d->nbp--;
	dbg_sync_points(d);
}

int dbg_add_internal(struct dbg *d, uint32_t addr)
{
	if (d->nbp == (int)(sizeof d->bp / sizeof d->bp[0]))
		return -1;
	d->bp[d->nbp++] = (struct dbg_bp){ .id = 0, .addr = addr, .temp = true };
	dbg_sync_points(d);
	return 0;
}

void dbg_remove_internal(struct dbg *d)
{
	bool any = false;
	for (int i = d->nbp - 1; i >= 0; i--)
		if (!d->bp[i].id) {
			memmove(&d->bp[i], &d->bp[i + 1], sizeof d->bp[0] * (size_t)(d->nbp - i - 1));
			d->nbp--;
			any = true;
		}
	if (any)
		dbg_sync_points(d);
}

static enum dbg_result add_break(struct dbg *d, const char *args, bool temp,
				 const struct dbg_out *o)
{
	const char *what = temp ? "tbreak" : "break";
	uint32_t a;
	if (!*args)
		return dbg_error(o, "%s: give an address or a symbol (%s main, %s 0xc0000100)",
				 what, what, what);
	const char *err = dbg_parse_addr(d, args, &a);
	if (err)
		return dbg_error(o, "%s: %s", what, err);
	if (a & 3)
		return dbg_error(o, "%s: 0x%08x is not a word address (instructions are 4-aligned)",
				 what, a);
	int have = dbg_bp_at(d, a);
	if (have)
		return dbg_error(o, "%s: breakpoint %d is already at 0x%08x", what,
				 d->bp[have - 1].id, a);
	if (d->nbp >= DBG_MAX_BREAKS)
		return dbg_error(o, "%s: at most %d breakpoints", what, DBG_MAX_BREAKS);
	/* keep internal ones last */
	struct dbg_bp b = { .id = d->next_bp_id++, .addr = a, .temp = temp };
	d->bp[d->nbp++] = b;
	char sym[80];
	dbg_symbol(d, a, sym, sizeof sym);
	dbg_sync_points(d);
	dbg_printf(o, 0, "%s %d at 0x%08x%s%s%s", temp ? "temporary breakpoint" : "breakpoint",
		   b.id, a, *sym ? " <" : "", sym, *sym ? ">" : "");
	return DBG_OK;
}

enum dbg_result dbg_cmd_break(struct dbg *d, const char *args, const struct dbg_out *o)
{
	return add_break(d, args, false, o);
}

enum dbg_result dbg_cmd_tbreak(struct dbg *d, const char *args, const struct dbg_out *o)
{
	return add_break(d, args, true, o);
}

/* watch ADDR [LEN] / rwatch ADDR [LEN] */
static enum dbg_result add_watch(struct dbg *d, const char *args, bool read,
				 const struct dbg_out *o)
{
	const char *what = read ? "rwatch" : "watch";
	char a1[80] = "", a2[32] = "", a3[8] = "";
	int n = sscanf(args, "%79s %31s %7s", a1, a2, a3);
	if (n < 1)
		return dbg_error(o, "%s: give an address or a symbol, and optionally a length "
				    "in bytes (default 4)", what);
	if (n > 2)
		return dbg_error(o, "%s: too many arguments (ADDR [LEN])", what);
	uint32_t va;
	uint64_t len = 4;
	const char *err = dbg_parse_addr(d, a1, &va);
	if (err)
		return dbg_error(o, "%s: %s", what, err);
	if (n == 2 && (dbg_parse_count(a2, &len) || len > 4096))
		return dbg_error(o, "%s: length '%s' must be 1 to 4096 bytes", what, a2);
	if ((uint64_t)va + len > 0x100000000ull)
		return dbg_error(o, "%s: the range passes the end of the address space", what);
	if (d->nwp >= DBG_MAX_WATCHES)
		return dbg_error(o, "%s: at most %d watchpoints", what, DBG_MAX_WATCHES);
	struct dbg_wp w = { .id = d->next_bp_id++, .va = va, .len = (uint32_t)len,
			    .on_read = read, .on_write = !read };
	d->wp[d->nwp++] = w;
	dbg_sync_points(d);
	dbg_printf(o, 0, "watchpoint %d: %s of 0x%08x..0x%08x", w.id, read ? "loads" : "stores",
		   va, va + (uint32_t)len - 1);
	return DBG_OK;
}

enum dbg_result dbg_cmd_watch(struct dbg *d, const char *args, const struct dbg_out *o)
{
	return add_watch(d, args, false, o);
}

enum dbg_result dbg_cmd_rwatch(struct dbg *d, const char *args, const struct dbg_out *o)
{
	return add_watch(d, args, true, o);
}

/* delete [N...]: without N, all of them */
enum dbg_result dbg_cmd_delete(struct dbg *d, const char *args, const struct dbg_out *o)
{
	if (!*args) {
		int n = 0;
		for (int i = d->nbp - 1; i >= 0; i--)
			if (d->bp[i].id) {
				dbg_delete_bp(d, i);
				n++;
			}
		n += d->nwp;
		d->nwp = 0;
		dbg_sync_points(d);
		dbg_printf(o, 0, "deleted %d breakpoint%s or watchpoint%s", n, n == 1 ? "" : "s",
			   n == 1 ? "" : "s");
		return DBG_OK;
	}
	char buf[DBG_LINE_MAX];
	snprintf(buf, sizeof buf, "%s", args);
	for (char *t = strtok(buf, " \t"); t; t = strtok(NULL, " \t")) {
		uint64_t id;
		if (dbg_parse_count(t, &id))
			return dbg_error(o, "delete: '%s' is not a breakpoint number", t);
		bool found = false;
		for (int i = 0; i < d->nbp && !found; i++)
			if (d->bp[i].id && (uint64_t)d->bp[i].id == id) {
				dbg_delete_bp(d, i);
				found = true;
			}
		for (int i = 0; i < d->nwp && !found; i++)
			if ((uint64_t)d->wp[i].id == id) {
				memmove(&d->wp[i], &d->wp[i + 1], sizeof d->wp[0] * (size_t)(d->nwp - i - 1));
				d->nwp--;
				dbg_sync_points(d);
				found = true;
			}
		if (!found)
			return dbg_error(o, "delete: no breakpoint or watchpoint %s", t);
		dbg_printf(o, 0, "deleted %s", t);
	}
	return DBG_OK;
}
