/*
 * ui_draw.c - the TUI's layout and drawing: panes filled from the model's
 * views (dbg_view), the output area, the key hint, the status line and the
 * command line. Everything is drawn on stdscr, clipped to the screen: no
 * size, however small, draws outside it.
 *
 * Layout, from the top: bands of panes side by side (each pane a title rule
 * and its lines; a vertical rule between neighbours), the output area (a
 * rule, then the newest lines of command output), the key hint (its own row
 * from 30 rows up, else on the output area's rule), the status line, the
 * command line. The bands:
 *   1  Disassembly | Registers [| Virtual CP0, from 120 columns if it fits]
 *   2  the changing pane [| Virtual CP0 | Console, from 120 columns, as fit]
 *   3  from 40 rows: Guest TLB | Shadow TLB | Console (natively TLB |
 *      Console; below 120 columns the Console alone)
 * Widths come from the views (their widest line at cols = 0): a pane that
 * does not fit first goes if it is optional, then shrinks to its minimum;
 * the disassembly, the changing pane and the console share what is left.
 * Band 1 grows to show all the registers when the rows are there. With
 * fewer than 12 rows for panes only band 1 shows, below 69 columns only the
 * disassembly, below 30x8 "terminal too small".
 * Inside a pane taller content scrolls to keep the PC's line centred, the
 * newest lines of a log, or the changed lines in view; the rule then says
 * which lines show ("5-13/17").
 *
 * Styles (line attributes of dbg.h): CURRENT reverse video over the whole
 * width, BREAK bold (+red), TRAP yellow (underlined in monochrome), CHANGED
 * bold (+green), ERROR bold (+red), TITLE bold and underlined, DIM dim, STOP
 * bold. Monochrome uses only reverse, bold, underline and dim.
 */
#include <curses.h>
#include <stdio.h>
#include <string.h>
#include "ui_int.h"

#define MIN_COLS 30
#define MIN_ROWS 8
#define DISASM_MIN 38          /* columns the disassembly keeps next to the registers */

enum { PAIR_RED = 1, PAIR_YELLOW, PAIR_GREEN };
static bool colour;

void ui_style_init(struct ui *u)
{
	colour = !u->mono && has_colors();
	if (!colour)
		return;
	start_color();
	short bg = use_default_colors() == OK ? -1 : COLOR_BLACK;
	init_pair(PAIR_RED, COLOR_RED, bg);
	init_pair(PAIR_YELLOW, COLOR_YELLOW, bg);
	init_pair(PAIR_GREEN, COLOR_GREEN, bg);
}

static attr_t style(unsigned a)
{
	attr_t s = A_NORMAL;
	if (a & DBG_A_CURRENT)
		s |= A_REVERSE;
	if (a & (DBG_A_BREAK | DBG_A_ERROR | DBG_A_CHANGED | DBG_A_STOP))
		s |= A_BOLD;
	if (a & DBG_A_TITLE)
		s |= A_BOLD | A_UNDERLINE;
	if (a & UI_A_ECHO)
		s |= A_BOLD;
	if (a & DBG_A_DIM)
		s |= A_DIM;
	if (colour) {
		if (a & (DBG_A_BREAK | DBG_A_ERROR))
			s |= COLOR_PAIR(PAIR_RED);
		else if (a & DBG_A_TRAP)
			s |= COLOR_PAIR(PAIR_YELLOW);
		else if (a & DBG_A_CHANGED)
			s |= COLOR_PAIR(PAIR_GREEN);
	} else if (a & DBG_A_TRAP) {
		s |= A_UNDERLINE;
	}
	return s;
}

/* s at (y, x) in style a, at most w columns and never past the screen;
 * with fill, blanks up to w. Control and non-ASCII bytes show as '?'.
 * Returns the columns written. */
static int put(int y, int x, int w, attr_t a, const char *s, bool fill)
{
	if (y < 0 || y >= LINES || x < 0 || x >= COLS || w <= 0)
		return 0;
	if (w > COLS - x)
		w = COLS - x;
	move(y, x);
	attrset(a);
	int i = 0;
	for (; i < w && s[i]; i++) {
		unsigned char c = (unsigned char)s[i];
		addch(c == '\t' ? ' ' : c < 32 || c >= 127 ? '?' : c);
	}
	int n = i;
	for (; fill && i < w; i++)
		addch(' ');
	attrset(A_NORMAL);
	return n;
}

/* A title rule: "-- Title ------" over w columns; returns where text after
 * the title may go. */
static int rule(int y, int x, int w, const char *title)
{
	if (y < 0 || y >= LINES || w <= 0)
		return x + w;
	mvhline(y, x, ACS_HLINE, w);
	int n = 0;
	if (title && *title && w > 4) {
		put(y, x + 1, 1, A_NORMAL, " ", false);
		n = put(y, x + 2, w - 4, style(DBG_A_TITLE) & ~A_UNDERLINE, title, false);
		put(y, x + 2 + n, 1, A_NORMAL, " ", false);
	}
	return x + n + 4;
}

static bool shown(const struct ui *u, int view)
{
	for (int i = 0; i < u->lay.npanes; i++)
		if (u->lay.pane[i].view == view)
			return true;
	return false;
}

/* What a pane shows: its view, or for the changing pane the console when
 * the last command made the guest print, else the last `info` topic unless another pane shows
 * it, else the exit log. */
static int pane_view(const struct ui *u, const struct ui_pane *p)
{
	if (p->view != UI_CHANGING)
		return p->view;
	if (u->console_live && !shown(u, DBG_V_CONSOLE))
		return DBG_V_CONSOLE;
	int f = dbg_focus(u->d);
	if (f < 0 || f >= DBG_NVIEWS || shown(u, f))
		return DBG_V_EXITS;
	return f;
}

static const char *view_title(const struct ui *u, int v)
{
	bool vmm = dbg_is_vmm(u->d);
	switch (v) {
	case DBG_V_REGS:    return "Registers";
	case DBG_V_CP0:     return vmm ? "Real CP0" : "CP0";
	case DBG_V_VCP0:    return vmm ? "Virtual CP0" : "CP0";
	case DBG_V_DISASM:  return "Disassembly";
	case DBG_V_EXITS:   return vmm ? "VM exits" : "Exceptions";
	case DBG_V_TLB:     return vmm ? "Guest TLB (virtual)" : "TLB";
	case DBG_V_STLB:    return "Shadow TLB (real)";
	case DBG_V_VMS:     return "VMs";
	case DBG_V_BREAKS:  return "Breakpoints";
	case DBG_V_CONSOLE: return "Console";
	case DBG_V_STATS:   return "Statistics";
	}
	return "";
}

/* The widest line of view v at about `rows` lines in its full layout. */
static int natural_width(struct ui *u, int v, int rows)
{
	dbg_view(u->d, v, rows, 0, &u->text);
	int w = 0;
	for (int i = 0; i < u->text.n; i++) {
		int n = (int)strlen(u->text.line[i].text);
		if (n > w)
			w = n;
	}
	return w;
}

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* A pane to place in a band: want > 0 is the width its view needs (it may
 * shrink to min), want = 0 a pane that shares what the others leave (at
 * least min). Optional panes go first when the band is too narrow. */
struct slot {
	int view, want, min;
	bool optional;
};

/* Place the slots side by side on rows [y, y + h), a one-column rule
 * between neighbours: all at their wanted widths if they fit; else without
 * the optional ones, from the right; else the fixed ones shrunk to their
 * minimum; else the first slot alone. What is left goes to the flexible
 * panes (or to the last one). */
static void band(struct ui_layout *l, int y, int h, const struct slot *s, int n)
{
	const struct slot *use[4];
	int k = 0, C = l->cols;
	for (int i = 0; i < n && i < 4; i++)
		use[k++] = &s[i];
	bool shrink = false;
	for (;;) {
		int need = k - 1, flex = 0;
		for (int j = 0; j < k; j++) {
			need += use[j]->want && !shrink ? use[j]->want : use[j]->min;
			flex += !use[j]->want;
		}
		if (need <= C || k == 1) {
			int left = C - need, x = 0;
			for (int j = 0; j < k && x < C; j++) {
				const struct slot *t = use[j];
				int w = t->want && !shrink ? t->want : t->min;
				if (!t->want) {              /* a flexible one: its share of the rest */
					int share = left / flex--;
					w += flex ? share : left;
					left -= share;
				}
				if (j == k - 1)
					w = C - x;
				w = clamp(w, 1, C - x);
				if (l->npanes < UI_MAXPANES && h >= 2 && w >= 8)
					l->pane[l->npanes++] = (struct ui_pane){ y, x, h, w, t->view };
				x += w + 1;
			}
			return;
		}
		int drop = -1;                       /* the rightmost optional slot */
		for (int j = k - 1; j > 0 && drop < 0; j--)
			if (use[j]->optional)
				drop = j;
		if (drop > 0) {
			for (int j = drop; j < k - 1; j++)
				use[j] = use[j + 1];
			k--;
		} else if (!shrink) {
			shrink = true;
		} else {
			k = 1;
		}
	}
}

static bool placed(const struct ui_layout *l, int view)
{
	for (int i = 0; i < l->npanes; i++)
		if (l->pane[i].view == view)
			return true;
	return false;
}

void ui_layout(struct ui *u)
{
	struct ui_layout *l = &u->lay;
	int R = LINES, C = COLS;
	memset(l, 0, sizeof *l);
	l->rows = R;
	l->cols = C;
	l->hint_y = -1;
	l->cmd_y = R >= 1 ? R - 1 : -1;
	l->status_y = R >= 2 ? R - 2 : -1;
	l->out_y = -1;
	if (R < MIN_ROWS || C < MIN_COLS) {
		l->too_small = true;
		return;
	}
	int bottom = R - 2;                      /* rows above the status line */
	if (R >= 30)
		l->hint_y = --bottom;
	l->out_h = R >= 40 ? 6 : R >= 24 ? 5 : R >= 16 ? 3 : R >= 12 ? 2 : 1;
	l->out_y = bottom - l->out_h - 1;
	int P = l->out_y;                        /* rows for the panes */
	bool wide = C >= 120, tall = R >= 40 && P >= 24, vmm = dbg_is_vmm(u->d);
	int nb = P >= 12 ? (tall ? 3 : 2) : 1;
	int hA = nb == 1 ? P : nb == 2 ? (P * 5 + 4) / 8 : P * 36 / 100;
	struct slot a[3] = {
		{ DBG_V_DISASM, 0, DISASM_MIN, false },
		{ DBG_V_REGS, natural_width(u, DBG_V_REGS, hA - 1), 30, false },
		{ DBG_V_VCP0, natural_width(u, DBG_V_VCP0, hA - 1), 30, true },
	};
	band(l, 0, hA, a, wide ? 3 : 2);
	/* taller, if the rows are there, to show all the registers at the
	 * width they got (the other bands keep at least 6 rows each) */
	for (int i = 0; i < l->npanes && nb > 1; i++)
		if (l->pane[i].view == DBG_V_REGS) {
			dbg_view(u->d, DBG_V_REGS, hA - 1, l->pane[i].w, &u->text);
			int h = clamp(u->text.n + 1, hA, nb == 3 ? P / 2 : P - 6);
			if (h != hA) {
				hA = h;
				l->npanes = 0;
				band(l, 0, hA, a, wide ? 3 : 2);
			}
			break;
		}
	int hB = nb == 3 ? (P - hA) / 2 : P - hA;
	int hC = P - hA - hB;
	if (nb >= 2) {
		struct slot b[3] = {
			{ UI_CHANGING, 0, 50, false },
			{ DBG_V_VCP0, natural_width(u, DBG_V_VCP0, hB - 1), 30, true },
			{ DBG_V_CONSOLE, 0, 30, true },
		};
		int n = 1;
		if (wide && !placed(l, DBG_V_VCP0))
			n = 2;
		if (wide && nb == 2)
			b[n++] = b[2];
		band(l, hA, hB, b, n);
	}
	if (nb == 3) {
		struct slot c[3] = {
			{ DBG_V_TLB, natural_width(u, DBG_V_TLB, hC - 1), 30, false },
			{ DBG_V_STLB, natural_width(u, DBG_V_STLB, hC - 1), 30, true },
			{ DBG_V_CONSOLE, 0, 24, true },
		};
		if (!wide)
			band(l, hA + hB, hC, c + 2, 1);
		else if (vmm)
			band(l, hA + hB, hC, c, 3);
		else
			band(l, hA + hB, hC, (struct slot[]){ c[0], c[2] }, 2);
	}
}

/* Which lines of a view taller than its pane to show, from `from` on, in
 * `rows` rows: the PC's line centred; else the newest lines of a log; else
 * from the top, scrolled just enough to show the last changed line (but
 * never past the first). */
static int window(const struct dbg_text *t, int v, int from, int rows)
{
	int n = t->n, cur = -1, lo = -1, hi = -1;
	for (int i = from; i < n; i++) {
		unsigned a = t->line[i].attr;
		if (a & DBG_A_CURRENT)
			cur = i;
		if (a & DBG_A_CHANGED) {
			lo = lo < 0 ? i : lo;
			hi = i;
		}
	}
	if (n - from <= rows)
		return from;
	if (cur >= 0)
		return clamp(cur - rows / 2, from, n - rows);
	if (v == DBG_V_EXITS || v == DBG_V_CONSOLE)
		return n - rows;
	if (hi >= 0)
		return clamp(hi - rows + 1, from, lo);
	return from;
}

static void draw_pane(struct ui *u, const struct ui_pane *p)
{
	int v = pane_view(u, p), rows = p->h - 1;
	char title[64];
	snprintf(title, sizeof title, "%s%s", view_title(u, v),
		 v == DBG_V_CONSOLE && u->running ? " (running: keys go to the guest)" : "");
	int x = rule(p->y, p->x, p->w, title);
	if (p->x > 0) {
		mvvline(p->y + 1, p->x - 1, ACS_VLINE, rows);
		mvaddch(p->y, p->x - 1, ACS_TTEE);
	}
	for (int i = 0; i < rows; i++)
		put(p->y + 1 + i, p->x, p->w, A_NORMAL, "", true);
	if (rows <= 0)
		return;
	struct dbg_text *t = &u->text;
	dbg_view(u->d, v, rows, p->w, t);
	/* a heading stays on top when the rest scrolls (not in the disassembly,
	 * whose headings are symbols) */
	int head = t->n > rows && rows >= 3 && (t->line[0].attr & DBG_A_TITLE) && v != DBG_V_DISASM;
	int first = window(t, v, head, rows - head);
	for (int i = 0; i < rows; i++) {
		int k = i < head ? i : first + i - head;
		if (k >= t->n)
			break;
		const struct dbg_line *ln = &t->line[k];
		put(p->y + 1 + i, p->x, p->w, style(ln->attr), ln->text, (ln->attr & DBG_A_CURRENT) != 0);
	}
	if (t->n > rows) {                       /* which lines show, on the rule's right */
		char where[32];
		int last = first + rows - head < t->n ? first + rows - head : t->n;
		snprintf(where, sizeof where, " %d-%d/%d ", first + 1, last, t->n);
		int n = (int)strlen(where);
		if (p->x + p->w - n - 1 >= x)
			put(p->y, p->x + p->w - n - 1, n, A_NORMAL, where, false);
	}
}

static void draw_status(struct ui *u)
{
	if (u->lay.status_y < 0)
		return;
	char st[256], line[320];
	dbg_status(u->d, st, sizeof st);
	snprintf(line, sizeof line, "%s%s", u->running ? "running... (Ctrl-C stops)  " : "", st);
	put(u->lay.status_y, 0, COLS, A_REVERSE, line, true);
}

static void draw_output(struct ui *u)
{
	const struct ui_layout *l = &u->lay;
	if (l->out_y < 0)
		return;
	int h = l->out_h;
	u->out_scroll = clamp(u->out_scroll, 0, u->out_n > h ? u->out_n - h : 0);
	const char *title = u->out_scroll > 0 ? "Output (scrolled back: PgDn)"
			  : u->out_n > h ? "Output (PgUp: more)" : "Output";
	int x = rule(l->out_y, 0, COLS, title);
	if (l->hint_y < 0)
		put(l->out_y, x, COLS - x - 1, A_NORMAL, u->hint, false);
	int newest = u->out_n - 1 - u->out_scroll;
	for (int r = 0; r < h; r++) {
		int i = newest - (h - 1) + r;
		const struct dbg_line *ln = i >= 0 ? &u->out[(u->out_first + i) % UI_OUT_KEEP] : NULL;
		put(l->out_y + 1 + r, 0, COLS, ln ? style(ln->attr) : A_NORMAL, ln ? ln->text : "", true);
	}
}

void ui_draw_cmdline(struct ui *u)
{
	int y = u->lay.cmd_y;
	if (y < 0)
		return;
	const char *prompt, *text;
	int point;
	if (u->executing) {
		prompt = u->prompt;
		text = "";
		point = 0;
	} else {
		ui_line_state(&prompt, &text, &point);
	}
	char pr[128];                            /* the prompt without readline's markers */
	size_t k = 0;
	for (const char *s = prompt; *s && k + 1 < sizeof pr; s++)
		if (*s != '\001' && *s != '\002')
			pr[k++] = *s;
	pr[k] = 0;
	int pl = (int)k, len = (int)strlen(text);
	if (pl > COLS / 2)
		pl = COLS / 2;
	int room = COLS - pl - 1;                /* columns for the text, one left for the cursor */
	point = clamp(point, 0, len);
	int start = point > room ? point - room : 0;
	put(y, 0, pl, A_BOLD, pr, false);
	put(y, pl, COLS - pl, A_NORMAL, text + start, true);
	move(y, clamp(pl + point - start, 0, COLS - 1));
	refresh();
}

void ui_draw_all(struct ui *u)
{
	const struct ui_layout *l = &u->lay;
	erase();
	if (l->too_small) {
		char msg[80];
		snprintf(msg, sizeof msg, COLS >= 40 ? "terminal too small (%dx%d): needs %dx%d" : "too small",
			 COLS, LINES, MIN_COLS, MIN_ROWS);
		int n = (int)strlen(msg);
		put(LINES > 2 ? (LINES - 2) / 2 : 0, n < COLS ? (COLS - n) / 2 : 0, COLS, A_BOLD, msg, false);
	} else {
		for (int i = 0; i < l->npanes; i++)
			draw_pane(u, &l->pane[i]);
		draw_output(u);
		if (l->hint_y >= 0)
			put(l->hint_y, 0, COLS, A_DIM, u->hint, true);
	}
	if (!l->too_small || LINES >= 3)
		draw_status(u);
	ui_draw_cmdline(u);
}

void ui_draw_running(struct ui *u)
{
	const struct ui_layout *l = &u->lay;
	if (!l->too_small) {
		for (int i = 0; i < l->npanes; i++)
			if (pane_view(u, &l->pane[i]) == DBG_V_CONSOLE)
				draw_pane(u, &l->pane[i]);
		draw_output(u);
	}
	draw_status(u);
	ui_draw_cmdline(u);
}
