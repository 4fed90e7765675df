/*
 * ui_main.c - the full-screen debugger's loop: keys, commands, the run-time
 * poll, resizing, signals and the terminal's restoration.
 *
 * Keys. Every key runs a command that batch mode can run too: the command
 * table (dbg_commands) names each command's key, "F1".."F12" (curses
 * KEY_F(n)), "M-x" (Esc then x: Alt/Meta-x) or "C-x" (Ctrl-x). A command
 * that needs arguments only puts "name " on the command line. Besides:
 * Enter runs the line (an empty one repeats the last stepping command, the
 * model's rule), Tab completes, Ctrl-C empties the line, Ctrl-D on an empty
 * line quits, Ctrl-L redraws, Ctrl-Z suspends, PageUp/PageDown scroll the
 * output area; every other key goes to readline (ui_line.c).
 *
 * While a command runs the target, the model calls run_poll() about every
 * 20 ms. For the first QUIET_MS nothing happens (keys typed ahead during a
 * short step stay for the command line); then Ctrl-C or Esc stops the run,
 * every other key goes to the guest's console (Enter as '\n', Backspace as
 * 0x7f), and the console and status line are redrawn (at most every 50 ms
 * when something changed, every 250 ms anyway). A command that makes the
 * guest print (while it runs and until the next command) has the console in
 * the pane of changing content. A SIGTERM or SIGHUP (ui_term.c) stops the
 * run and the session: the history is written, then the signal acts.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "ui.h"
#include "ui_int.h"

#define IDLE_MS 200            /* getch timeout while idle: signal flags are checked this often */
#define ESC_MS 50              /* how long Esc waits for the key of Alt/Meta-key */
#define QUIET_MS 150           /* a run this short reads no keys and shows no "running" */
#define MAX_KEYS 64

static struct ui *g;           /* the TUI running (for readline's callbacks) */

/* ---- output area ---- */
void ui_out_push(struct ui *u, unsigned attr, const char *text)
{
	do {                         /* one line per '\n' */
		const char *nl = strchr(text, '\n');
		size_t n = nl ? (size_t)(nl - text) : strlen(text);
		int slot;
		if (u->out_n < UI_OUT_KEEP) {
			slot = (u->out_first + u->out_n++) % UI_OUT_KEEP;
		} else {
			slot = u->out_first;
			u->out_first = (u->out_first + 1) % UI_OUT_KEEP;
		}
		if (n >= DBG_LINE_MAX)
			n = DBG_LINE_MAX - 1;
		memcpy(u->out[slot].text, text, n);
		u->out[slot].text[n] = 0;
		u->out[slot].attr = attr;
		text = nl ? nl + 1 : NULL;
	} while (text);
}

static void out_line(void *ctx, unsigned attr, const char *text)
{
	ui_out_push(ctx, attr, text);
}

/* ---- commands ---- */
static long long now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* Console bytes written so far by all VMs. */
static uint64_t console_total(struct dbg *d)
{
	uint64_t sum = 0, t;
	for (int vm = 0; vm < dbg_vm_count(d); vm++) {
		dbg_console_text(d, vm, NULL, &t);
		sum += t;
	}
	return sum;
}

static void exec_line(struct ui *u, const char *line, const char *key)
{
	char echo[DBG_LINE_MAX];
	snprintf(echo, sizeof echo, "%s%s%s%s%s", u->prompt, line, key ? "   [" : "", key ? key : "", key ? "]" : "");
	ui_out_push(u, UI_A_ECHO, echo);
	u->out_scroll = 0;
	u->executing = true;
	u->exec_ms = now_ms();
	(void)ui_term_interrupted();   /* a SIGINT while idle stops nothing */
	u->console_live = false;
	u->console_mark = console_total(u->d);
	ui_draw_running(u);
	struct dbg_out out = { out_line, u };
	enum dbg_result r = dbg_exec(u->d, line, &out);
	u->executing = u->running = false;
	u->console_live = console_total(u->d) != u->console_mark;
	if (r == DBG_QUIT)
		u->quit = true;
	(void)dbg_changed(u->d);
	if (!u->quit)
		ui_draw_all(u);
}

void ui_on_line(const char *line)
{
	if (!g)
		return;
	if (!line) {                 /* Ctrl-D on an empty line */
		g->quit = true;
		return;
	}
	exec_line(g, line, NULL);
}

/* Completion candidates, packed into lines of the output area. */
void ui_on_matches(char **m, int n)
{
	struct ui *u = g;
	if (!u)
		return;
	char line[DBG_LINE_MAX];
	int w = COLS - 1 < DBG_LINE_MAX - 1 ? COLS - 1 : DBG_LINE_MAX - 1;
	size_t len = 0;
	line[0] = 0;
	for (int i = 0; i < n && i < 500; i++) {
		size_t k = strlen(m[i]);
		if (len && (int)(len + 2 + k) > w) {
			ui_out_push(u, 0, line);
			len = 0;
			line[0] = 0;
		}
		len += (size_t)snprintf(line + len, sizeof line - len, "%s%s", len ? "  " : "", m[i]);
		if (len >= sizeof line)
			len = sizeof line - 1;
	}
	if (len)
		ui_out_push(u, 0, line);
	if (n > 500) {
		snprintf(line, sizeof line, "... and %d more", n - 500);
		ui_out_push(u, DBG_A_DIM, line);
	}
	u->out_scroll = 0;
	ui_draw_all(u);
}

void ui_on_redisplay(void)
{
	if (g)
		ui_draw_cmdline(g);
}

/* ---- keys ---- */
struct binding {
	int code;                    /* a curses key code or a byte */
	bool meta;                   /* Esc first */
	const struct dbg_command *cmd;
};
static struct binding keys[MAX_KEYS];
static int nkeys;

/* The table's keys, and the hint: function keys in order, then the rest. */
static void bind_keys(struct ui *u)
{
	int n;
	const struct dbg_command *c = dbg_commands(&n);
	nkeys = 0;
	for (int i = 0; i < n && nkeys < MAX_KEYS; i++) {
		const char *k = c[i].key;
		int f;
		char x;
		struct binding b = { 0, false, &c[i] };
		if (!k || !*k)
			continue;
		if (sscanf(k, "F%d%c", &f, &x) == 1 && f >= 1 && f <= 63)
			b.code = KEY_F(f);
		else if ((k[0] == 'M' || k[0] == 'C') && k[1] == '-' && k[2] && !k[3]) {
			b.meta = k[0] == 'M';
			b.code = b.meta ? (unsigned char)k[2] : k[2] & 0x1f;
		} else
			continue;
		keys[nkeys++] = b;
	}
	size_t len = 0;
	u->hint[0] = 0;
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < nkeys; i++) {
			bool fkey = !keys[i].meta && keys[i].code >= KEY_F0;
			if (fkey != (pass == 0))
				continue;
			if (pass == 0)       /* function keys by number: pick the smallest left */
				for (int j = i + 1; j < nkeys; j++)
					if (!keys[j].meta && keys[j].code >= KEY_F0 && keys[j].code < keys[i].code) {
						struct binding t = keys[i];
						keys[i] = keys[j];
						keys[j] = t;
					}
			len += (size_t)snprintf(u->hint + len, sizeof u->hint - len, "%s%s %s",
						len ? "  " : "", keys[i].cmd->key, keys[i].cmd->name);
			if (len >= sizeof u->hint)
				len = sizeof u->hint - 1;
		}
}

static const struct binding *find_key(int code, bool meta)
{
	for (int i = 0; i < nkeys; i++)
		if (keys[i].code == code && keys[i].meta == meta)
			return &keys[i];
	return NULL;
}

static void run_binding(struct ui *u, const struct binding *b)
{
	if (b->cmd->needs_args) {
		char line[128];
		snprintf(line, sizeof line, "%s ", b->cmd->name);
		ui_line_set(line);
	} else {
		exec_line(u, b->cmd->name, b->cmd->key);
	}
}

static void redraw(struct ui *u)
{
	ui_layout(u);
	ui_line_resize(LINES, COLS);
	clearok(curscr, TRUE);
	ui_draw_all(u);
}

/* A key while idle. */
static void key(struct ui *u, int c)
{
	const struct binding *b;
	char seq[3];
	switch (c) {
	case KEY_RESIZE: case 12:    /* Ctrl-L */
		redraw(u);
		return;
	case KEY_PPAGE: case KEY_NPAGE: {
		int page = u->lay.out_h > 1 ? u->lay.out_h - 1 : 1;
		u->out_scroll += c == KEY_PPAGE ? page : -page;
		ui_draw_all(u);
		return;
	}
	case 27:                     /* Esc: Alt/Meta-x, else nothing */
		timeout(ESC_MS);
		c = getch();
		timeout(IDLE_MS);
		if (c == ERR)
			return;
		if (c > 255) {
			key(u, c);
			return;
		}
		if ((b = find_key(c, true))) {
			run_binding(u, b);
			return;
		}
		seq[0] = 27;
		seq[1] = (char)c;
		ui_line_feed(seq, 2);
		return;
	}
	if ((b = find_key(c, false))) {
		run_binding(u, b);
		return;
	}
	switch (c) {
	case 3:   ui_line_cancel(); return;
	case 26:  ui_term_suspend(); redraw(u); return;
	case KEY_ENTER: case '\n': case '\r': ui_line_feed("\r", 1); return;
	case KEY_BACKSPACE: ui_line_feed("\177", 1); return;
	case KEY_UP:    ui_line_feed("\033[A", 3); return;
	case KEY_DOWN:  ui_line_feed("\033[B", 3); return;
	case KEY_RIGHT: ui_line_feed("\033[C", 3); return;
	case KEY_LEFT:  ui_line_feed("\033[D", 3); return;
	case KEY_HOME:  ui_line_feed("\033[H", 3); return;
	case KEY_END:   ui_line_feed("\033[F", 3); return;
	case KEY_DC:    ui_line_feed("\033[3~", 4); return;
	}
	if (c >= 0 && c < 256) {
		seq[0] = (char)c;
		ui_line_feed(seq, 1);
	}
}

/* The model's poll while the target runs: true stops the run. */
static bool run_poll(void *ctx)
{
	struct ui *u = ctx;
	static long long last;
	static bool pending;
	bool stop = ui_term_interrupted() || ui_term_stop_signal(), first = !u->running;
	if (now_ms() - u->exec_ms < QUIET_MS)    /* a short run: keys typed ahead stay */
		return stop;
	u->running = true;
	u->console_live = console_total(u->d) != u->console_mark;
	timeout(0);
	for (int c; !stop && (c = getch()) != ERR;) {
		char b;
		if (c == 3 || c == 27) {
			stop = true;
		} else if (c == KEY_RESIZE) {
			redraw(u);
		} else if (c == KEY_ENTER || c == '\r' || c == '\n') {
			dbg_console_input(u->d, "\n", 1);
		} else if (c == KEY_BACKSPACE || c == 127) {
			dbg_console_input(u->d, "\177", 1);
		} else if (c >= 0 && c < 256) {
			b = (char)c;
			dbg_console_input(u->d, &b, 1);
		}
	}
	timeout(IDLE_MS);
	pending |= dbg_changed(u->d);
	long long t = now_ms();
	if (first || (pending && t - last >= 50) || t - last >= 250) {
		ui_draw_running(u);
		last = t;
		pending = false;
	}
	return stop;
}

/* ---- the session ---- */
static const char *history_path(const struct ui_options *o, char *buf, size_t size)
{
	if (o && o->history)
		return *o->history ? o->history : NULL;
	const char *e = getenv("TRAPEZE_HISTORY");
	if (e)
		return *e ? e : NULL;
	const char *home = getenv("HOME");
	if (!home || !*home)
		return NULL;
	snprintf(buf, size, "%s/.trapeze_history", home);
	return buf;
}

int ui_run(struct dbg *d, const struct ui_options *o)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "trapeze: debug: the full-screen debugger needs a terminal on stdin and stdout (or use --batch FILE)\n");
		return 2;
	}
	static struct ui ui;
	char hbuf[4096];
	const char *e = getenv("NO_COLOR");
	memset(&ui, 0, sizeof ui);
	ui.d = d;
	ui.mono = (o && o->mono) || (e && *e);
	ui.prompt = "(trapeze) ";
	ui.out = calloc(UI_OUT_KEEP, sizeof *ui.out);
	if (!ui.out) {
		fprintf(stderr, "trapeze: debug: out of memory\n");
		return 2;
	}
	/* readline before curses: its terminal set-up must not replace curses' */
	ui_line_init(d, history_path(o, hbuf, sizeof hbuf));
	if (ui_term_open() < 0) {
		ui_line_end();
		free(ui.out);
		return 2;
	}
	g = &ui;
	timeout(IDLE_MS);
	ui_style_init(&ui);
	bind_keys(&ui);
	ui_layout(&ui);
	ui_line_resize(LINES, COLS);
	ui_line_start(ui.prompt);
	dbg_set_poll(d, run_poll, &ui);
	ui_draw_all(&ui);

	while (!ui.quit && !ui_term_stop_signal()) {
		int c = getch();
		if (c != ERR)
			key(&ui, c);
		else if (dbg_changed(d))
			ui_draw_all(&ui);
	}

	dbg_set_poll(d, NULL, NULL);
	int herr = ui_line_end();
	g = NULL;
	ui_term_close();
	dbg_text_free(&ui.text);
	free(ui.out);
	if (herr)
		fprintf(stderr, "trapeze: debug: cannot write the history to %s: %s\n",
			ui_line_history_path(), strerror(herr));
	ui_term_signal_again();
	return 0;
}
