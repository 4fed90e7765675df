/*
 * ui_int.h - what the TUI's files share (ui_main.c: loop, keys, commands;
 * ui_draw.c: layout and drawing; ui_line.c: readline; ui_term.c: the
 * terminal, signals). Includes neither curses nor readline: only ui_main.c,
 * ui_draw.c and ui_term.c include curses, only ui_line.c includes readline.
 */
#ifndef TRAPEZE_UI_INT_H
#define TRAPEZE_UI_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "dbg.h"

/* A pane: a title rule on row y, then h - 1 rows of content, w columns
 * from column x. view is a DBG_V_* or UI_CHANGING: the pane of changing
 * content, which shows dbg_focus() unless another pane already shows that
 * view (then the exit log), or the console when the last command made
 * the guest print. */
#define UI_CHANGING (-1)
#define UI_MAXPANES 8
struct ui_pane {
	int y, x, h, w;
	int view;
};

struct ui_layout {
	int rows, cols;
	bool too_small;          /* only a message, the status and the command line */
	struct ui_pane pane[UI_MAXPANES];
	int npanes;
	int out_y, out_h;        /* output area: its rule on out_y, out_h lines below (0: none) */
	int hint_y;              /* a row of its own for the key hint, or -1 */
	int status_y, cmd_y;     /* -1 when the screen has no room for them */
};

/* Output-area attribute of the echoed command lines (beside DBG_A_*). */
#define UI_A_ECHO (1u << 30)

/* VMs whose consoles are watched for output. */

/* Lines kept in the output area (a ring). */
#define UI_OUT_KEEP 2000

/* The TUI's whole state (one per ui_run). */
struct ui {
	struct dbg *d;
	bool mono;
	bool quit;               /* `quit` ran, or EOF on the command line */
	bool executing;          /* inside dbg_exec */
	bool running;            /* ... and the target has run for QUIET_MS (ui_main.c) */
	bool console_live;       /* the last command made the guest print: the
	                            changing pane shows the console */
	long long exec_ms;       /* when the command started (ms, monotonic) */
	uint64_t console_mark;   /* console bytes written (all VMs) when the command started */
	struct ui_layout lay;
	struct dbg_text text;    /* scratch for dbg_view */
	struct dbg_line *out;    /* ring of UI_OUT_KEEP output lines */
	int out_first, out_n;    /* oldest line, count */
	int out_scroll;          /* lines scrolled back from the newest (PageUp) */
	char hint[512];          /* "F5 continue  F6 exit-step ..." from the command table */
	const char *prompt;
};

/* ---- ui_draw.c ---- */
void ui_style_init(struct ui *u);            /* after the screen exists */
void ui_layout(struct ui *u);                /* for the screen's current size */
void ui_draw_all(struct ui *u);              /* everything, then refresh */
void ui_draw_running(struct ui *u);          /* status, output, console: during a run */
void ui_draw_cmdline(struct ui *u);          /* the command line and cursor, then refresh */

/* ---- ui_main.c ---- */
/* A line (one per '\n' in text) at the end of the output area. */
void ui_out_push(struct ui *u, unsigned attr, const char *text);

/* ---- ui_line.c ---- */
/* Before the screen exists: readline set up, history read from path (NULL:
 * none). */
void ui_line_init(struct dbg *d, const char *history_path);
/* After: the handler installed, the prompt drawn. */
void ui_line_start(const char *prompt);
/* Keys for readline as the bytes a terminal sends; a line completed by them
 * goes to ui_on_line. */
void ui_line_feed(const char *bytes, size_t n);
void ui_line_set(const char *text);          /* replace the line, cursor at the end */
void ui_line_cancel(void);                   /* abort a search, empty the line */
void ui_line_state(const char **prompt, const char **text, int *point);
void ui_line_resize(int rows, int cols);
/* Remove the handler and write the history (idempotent). Returns 0 or the
 * errno of a failed history write. */
int ui_line_end(void);
const char *ui_line_history_path(void);

/* ---- ui_term.c: the terminal's owner ---- */
/* Save the terminal's settings, install the signal handlers, start curses
 * (raw, no echo, no CR/NL mapping, keypad, short Esc delay). -1 with a
 * one-line message on stderr if the terminal cannot be driven. */
int ui_term_open(void);
/* endwin, the signal handlers back (idempotent). */
void ui_term_close(void);
/* Ctrl-Z: the terminal back to the shell, stopped until continued; the
 * caller redraws. */
void ui_term_suspend(void);
int ui_term_stop_signal(void);       /* SIGTERM or SIGHUP received (0: none) */
bool ui_term_interrupted(void);      /* a SIGINT since the last call */
/* After ui_term_close: the stop signal again, with its default action. */
void ui_term_signal_again(void);

/* ---- ui_main.c, called by ui_line.c ---- */
void ui_on_line(const char *line);           /* a whole line; NULL: EOF */
void ui_on_matches(char **matches, int n);   /* completion candidates to list */
void ui_on_redisplay(void);                  /* the command line changed */

#endif
