/*
 * ui.h - the full-screen debugger (ncurses + readline) over a struct dbg
 * session (debugger/dbg.h). cli/debug.c calls ui_run when stdin and stdout
 * are terminals and no --batch was given; the TUI only draws the model's
 * views and runs its commands, it knows nothing about the target.
 */
#ifndef TRAPEZE_UI_H
#define TRAPEZE_UI_H

#include <stdbool.h>

struct dbg;
struct ui_options {
	const char *history;   /* readline history file (NULL: $TRAPEZE_HISTORY, else ~/.trapeze_history) */
	bool mono;             /* --mono: no colours even if the terminal has them */
};
/* Run the full-screen debugger on session d until `quit` (or EOF, Ctrl-D on
 * an empty line). Returns 0, or 2 with a one-line message on stderr if
 * stdin/stdout is not a terminal usable by curses. Restores the terminal on
 * every way out. */
int ui_run(struct dbg *d, const struct ui_options *o);

#endif
