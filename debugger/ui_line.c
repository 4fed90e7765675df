/*
 * ui_line.c - the TUI's command line: GNU readline through its alternate
 * (callback) interface. The only file that includes readline.
 *
 * Readline never touches the terminal here: curses owns it. The TUI reads
 * keys with curses and hands them over as the bytes a terminal would send
 * (ui_line_feed); readline gets them from a queue (rl_getc_function,
 * rl_input_available_hook), its terminal preparation is a no-op, it catches
 * no signals, leaves LINES/COLUMNS alone (curses reads them), and writes
 * nothing to the screen (rl_outstream is /dev/null): the TUI draws the line
 * (rl_redisplay_function -> ui_on_redisplay) and lists completions
 * (rl_completion_display_matches_hook -> ui_on_matches).
 *
 * History: read at start, the lines of this run appended at the end (the
 * whole list written if the file does not exist yet), the file and the list
 * kept to UI_HISTORY_MAX lines. Empty lines and a repeat of the previous
 * line are not recorded.
 *
 * Completion: dbg_complete(d, the line up to the cursor, the word, i) for
 * i = 0, 1, ... gives the candidates; never file names.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <readline/readline.h>
#include <readline/history.h>
#include "ui_int.h"

#define UI_HISTORY_MAX 1000

static struct dbg *cur;
static unsigned char queue[512];    /* keys not yet read by readline */
static size_t qhead, qlen;
static char *hist_path;
static int hist_new;                /* lines recorded in this run */
static bool installed;
static int feeding;                 /* depth of ui_line_feed (a command may run inside) */
static FILE *devnull;
static char *comp_line;             /* the line up to the cursor, while completing */

/* Readline's input: the queue. Never EOF (that would end the session): if
 * readline ever reads past what was queued it gets Ctrl-G, which aborts the
 * key sequence in progress. */
static int queue_getc(FILE *f)
{
	(void)f;
	if (qlen == 0)
		return 7;
	int c = queue[qhead];
	qhead = (qhead + 1) % sizeof queue;
	qlen--;
	return c;
}

static int queue_ready(void)
{
	return qlen > 0;
}

static void prep_none(int meta)
{
	(void)meta;
}

static void deprep_none(void)
{
}

static void redisplay(void)
{
	ui_on_redisplay();
}

static void record(const char *line)
{
	if (!*line)
		return;
	HIST_ENTRY *last = history_length > 0 ? history_get(history_base + history_length - 1) : NULL;
	if (last && !strcmp(last->line, line))
		return;
	add_history(line);
	hist_new++;
}

/* A line is complete (NULL: Ctrl-D on an empty line). */
static void on_line(char *line)
{
	if (line)
		record(line);
	ui_on_line(line);
	free(line);
}

static char *candidate(const char *word, int state)
{
	static int i;
	if (state == 0)
		i = 0;
	const char *c = dbg_complete(cur, comp_line ? comp_line : "", word, i++);
	return c ? strdup(c) : NULL;
}

static char **complete(const char *word, int start, int end)
{
	(void)start;
	free(comp_line);
	comp_line = strndup(rl_line_buffer, (size_t)end);
	rl_attempted_completion_over = 1;        /* no file names */
	char **m = rl_completion_matches(word, candidate);
	free(comp_line);
	comp_line = NULL;
	return m;
}

/* matches[0] is their common prefix, matches[1..n] the candidates. */
static void show_matches(char **matches, int n, int longest)
{
	(void)longest;
	ui_on_matches(matches + 1, n);
}

void ui_line_init(struct dbg *d, const char *history_path)
{
	cur = d;
	rl_readline_name = "trapeze";
	rl_change_environment = 0;
	rl_catch_signals = 0;
	rl_catch_sigwinch = 0;
	rl_getc_function = queue_getc;
	rl_input_available_hook = queue_ready;
	rl_redisplay_function = redisplay;
	rl_prep_term_function = prep_none;
	rl_deprep_term_function = deprep_none;
	rl_attempted_completion_function = complete;
	rl_completion_display_matches_hook = show_matches;
	rl_basic_word_break_characters = " \t\n,=+";
	devnull = fopen("/dev/null", "w");
	if (devnull)
		rl_outstream = devnull;
	rl_initialize();
	rl_variable_bind("bell-style", "none");
	rl_variable_bind("enable-bracketed-paste", "off");
	/* what ui_main.c sends for the cursor keys */
	rl_bind_keyseq_if_unbound("\033[A", rl_get_previous_history);
	rl_bind_keyseq_if_unbound("\033[B", rl_get_next_history);
	rl_bind_keyseq_if_unbound("\033[C", rl_forward_char);
	rl_bind_keyseq_if_unbound("\033[D", rl_backward_char);
	rl_bind_keyseq_if_unbound("\033[H", rl_beg_of_line);
	rl_bind_keyseq_if_unbound("\033[F", rl_end_of_line);
	rl_bind_keyseq_if_unbound("\033[3~", rl_delete);
	using_history();
	stifle_history(UI_HISTORY_MAX);
	hist_new = 0;
	free(hist_path);
	hist_path = history_path && *history_path ? strdup(history_path) : NULL;
	if (hist_path)
		read_history(hist_path);     /* a missing file is an empty history */
}

void ui_line_start(const char *prompt)
{
	rl_callback_handler_install(prompt, on_line);
	installed = true;
}

void ui_line_feed(const char *bytes, size_t n)
{
	for (size_t i = 0; i < n && qlen < sizeof queue; i++)
		queue[(qhead + qlen++) % sizeof queue] = (unsigned char)bytes[i];
	if (feeding)                 /* already inside rl_callback_read_char */
		return;
	feeding++;
	while (qlen > 0 && installed)
		rl_callback_read_char();
	feeding--;
}

void ui_line_set(const char *text)
{
	if (!installed)
		return;
	rl_replace_line(text, 0);
	rl_point = rl_end;
	ui_on_redisplay();
}

void ui_line_cancel(void)
{
	if (!installed)
		return;
	if (RL_ISSTATE(RL_STATE_ISEARCH | RL_STATE_NSEARCH | RL_STATE_NUMERICARG | RL_STATE_MULTIKEY))
		ui_line_feed("\a", 1);
	rl_replace_line("", 0);
	rl_point = 0;
	ui_on_redisplay();
}

void ui_line_state(const char **prompt, const char **text, int *point)
{
	*prompt = rl_display_prompt ? rl_display_prompt : "";
	*text = rl_line_buffer ? rl_line_buffer : "";
	*point = rl_point;
}

void ui_line_resize(int rows, int cols)
{
	rl_set_screen_size(rows, cols);
}

const char *ui_line_history_path(void)
{
	return hist_path;
}

int ui_line_end(void)
{
	int err = 0;
	if (installed) {
		rl_callback_handler_remove();
		installed = false;
	}
	if (hist_path && hist_new > 0) {
		int n = hist_new < history_length ? hist_new : history_length;
		if (access(hist_path, F_OK) == 0)
			err = append_history(n, hist_path);
		else
			err = write_history(hist_path);
		if (!err)
			history_truncate_file(hist_path, UI_HISTORY_MAX);
		hist_new = 0;
	}
	if (devnull) {
		rl_outstream = stdout;
		fclose(devnull);
		devnull = NULL;
	}
	return err;
}
