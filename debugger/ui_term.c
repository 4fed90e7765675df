/*
 * ui_term.c - the TUI owns the terminal: curses started and stopped, and
 * the terminal restored on every way out.
 *
 *   quit, EOF      ui_term_close: endwin
 *   SIGTERM SIGHUP a flag (ui_term_stop_signal): the run stops, the loop
 *                  ends, the history is written, endwin, then the signal
 *                  again with its default action (ui_term_signal_again);
 *                  a second one does not wait
 *   SIGQUIT and crashes (SIGSEGV SIGBUS SIGFPE SIGILL SIGABRT)
 *                  the terminal reset with async-signal-safe calls (the
 *                  strings endwin would send, precomputed, and the settings
 *                  found), then the previous action: a fault comes back
 *                  when the instruction is retried, a signal that was sent
 *                  is sent again
 *   SIGINT         from outside only (the terminal is raw, Ctrl-C is a
 *                  key): stops a run, as Ctrl-C does (ui_term_interrupted)
 *   exit()         atexit: the history written, endwin
 *   sanitizer report  its death callback: the reset, as for a crash
 *   Ctrl-Z         ui_term_suspend: endwin, stopped, curses back when
 *                  continued
 * The handlers are installed before curses starts (so that curses leaves
 * SIGINT and SIGTERM alone) and the previous ones put back at the end.
 */
#include <curses.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include "ui_int.h"

extern void __sanitizer_set_death_callback(void (*callback)(void)) __attribute__((weak));

static SCREEN *scr;
static volatile sig_atomic_t screen_on;      /* curses owns the terminal */
static volatile sig_atomic_t stop_signal;    /* SIGTERM or SIGHUP received */
static volatile sig_atomic_t interrupted;    /* SIGINT received */
static struct termios saved_tio;
static char reset_seq[256];                  /* what endwin would send */
static size_t reset_len;
static const int term_sigs[] = { SIGTERM, SIGHUP };
static const int crash_sigs[] = { SIGQUIT, SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
static struct sigaction old_action[NSIG];
static bool installed;

/* Async-signal-safe: attributes off, cursor on, keypad off, the normal
 * screen back, the terminal settings found. */
static void emergency_restore(void)
{
	if (!screen_on)
		return;
	screen_on = 0;
	if (reset_len)
		(void)!write(STDOUT_FILENO, reset_seq, reset_len);
	tcsetattr(STDIN_FILENO, TCSANOW, &saved_tio);
}

static void on_crash(int sig, siginfo_t *info, void *ctx)
{
	(void)ctx;
	emergency_restore();
	sigaction(sig, &old_action[sig], NULL);
	if (info->si_code <= 0)
		raise(sig);
}

static void on_term(int sig)
{
	if (stop_signal) {
		emergency_restore();
		signal(sig, SIG_DFL);
		raise(sig);
		return;
	}
	stop_signal = sig;
}

static void on_int(int sig)
{
	(void)sig;
	interrupted = 1;
}

static void install(int sig, void (*h)(int), void (*sa)(int, siginfo_t *, void *))
{
	struct sigaction a;
	memset(&a, 0, sizeof a);
	sigemptyset(&a.sa_mask);
	if (sa) {
		a.sa_sigaction = sa;
		a.sa_flags = SA_SIGINFO;
	} else {
		a.sa_handler = h;    /* no SA_RESTART: a blocked read returns */
	}
	sigaction(sig, &a, &old_action[sig]);
}

static void handlers(bool on)
{
	if (on == installed)
		return;
	installed = on;
	for (size_t i = 0; i < sizeof term_sigs / sizeof *term_sigs; i++)
		if (on)
			install(term_sigs[i], on_term, NULL);
		else
			sigaction(term_sigs[i], &old_action[term_sigs[i]], NULL);
	for (size_t i = 0; i < sizeof crash_sigs / sizeof *crash_sigs; i++)
		if (on)
			install(crash_sigs[i], NULL, on_crash);
		else
			sigaction(crash_sigs[i], &old_action[crash_sigs[i]], NULL);
	if (on)
		install(SIGINT, on_int, NULL);
	else
		sigaction(SIGINT, &old_action[SIGINT], NULL);
}

static void add_cap(const char *name)
{
	const char *s = tigetstr(name);
	if (!s || s == (const char *)-1)
		return;
	size_t n = strlen(s);
	if (reset_len + n < sizeof reset_seq) {
		memcpy(reset_seq + reset_len, s, n);
		reset_len += n;
	}
}

/* exit() while the screen is on (the model gave up): a clean terminal. */
static void at_exit(void)
{
	if (!screen_on)
		return;
	ui_line_end();
	ui_term_close();
}

int ui_term_open(void)
{
	static bool hooks;
	const char *term = getenv("TERM");
	if (tcgetattr(STDIN_FILENO, &saved_tio) < 0) {
		perror("trapeze: debug: the terminal's settings");
		return -1;
	}
	stop_signal = interrupted = 0;
	handlers(true);
	scr = newterm(NULL, stdout, stdin);
	const char *cup = scr ? tigetstr("cup") : NULL;
	if (!cup || cup == (const char *)-1) {
		if (scr) {
			endwin();
			delscreen(scr);
			scr = NULL;
		}
		handlers(false);
		fprintf(stderr, "trapeze: debug: cannot drive the terminal (TERM=%s) with curses\n",
			term ? term : "unset");
		return -1;
	}
	reset_len = 0;
	add_cap("sgr0");
	add_cap("cnorm");
	add_cap("rmkx");
	add_cap("rmcup");
	screen_on = 1;
	if (!hooks) {
		hooks = true;
		atexit(at_exit);
		if (__sanitizer_set_death_callback)
			__sanitizer_set_death_callback(emergency_restore);
	}
	raw();                       /* Ctrl-C, Ctrl-\, Ctrl-Z are keys */
	noecho();
	nonl();                      /* Enter is '\r' */
	keypad(stdscr, TRUE);
	set_escdelay(25);
	return 0;
}

void ui_term_close(void)
{
	if (scr) {
		endwin();
		screen_on = 0;
		delscreen(scr);
		scr = NULL;
	}
	handlers(false);
}

void ui_term_suspend(void)
{
	struct sigaction dfl, old;
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	endwin();
	screen_on = 0;
	sigaction(SIGTSTP, &dfl, &old);
	raise(SIGTSTP);              /* stops here until continued */
	sigaction(SIGTSTP, &old, NULL);
	screen_on = 1;
	refresh();                   /* curses' modes back */
}

int ui_term_stop_signal(void)
{
	return stop_signal;
}

bool ui_term_interrupted(void)
{
	bool i = interrupted;
	interrupted = 0;
	return i;
}

void ui_term_signal_again(void)
{
	int sig = stop_signal;
	if (!sig)
		return;
	signal(sig, SIG_DFL);
	raise(sig);
}
