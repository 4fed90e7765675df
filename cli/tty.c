/*
 * tty.c - the console on a terminal: the host terminal's settings while a
 * guest runs (docs/machine.md, "The console on a terminal").
 *
 * Who does what. The console device (machine/dev_console.c) only reads and
 * writes its file descriptors; it never changes terminal settings. The CLI
 * owns the process, so it owns the terminal: `trapeze run` and
 * `trapeze run --vmm` (VM 0 reads stdin) call cli_tty_raw(0) just before the
 * machine runs and cli_tty_restore() right after. cli_tty_raw() does nothing
 * at all unless the fd is a terminal, so file mode (stdin a file, a pipe,
 * /dev/null) is exactly as before: no settings, no signal handlers.
 *
 * While the guest runs, the terminal is set up like a serial line into a
 * kernel that does its own echo and line editing:
 *   ICANON off         bytes arrive one at a time, as typed (VMIN 1, VTIME 0:
 *                      the device polls, then a read returns what is there)
 *   ECHO, ECHONL off   the guest echoes, not the host
 *   IEXTEN off         Ctrl-V, Ctrl-O reach the guest
 *   ICRNL on, INLCR and IGNCR off   Enter arrives as '\n', the same byte a
 *                      line ends with in file mode
 *   ISIG kept          Ctrl-C, Ctrl-\ and Ctrl-Z still act on trapeze
 *   everything else (output processing, flow control, speed) untouched.
 * Ctrl-D is then an ordinary byte (0x04) for the guest: terminal input does
 * not end unless the terminal goes away.
 *
 * The settings found are restored on every way out: cli_tty_restore() after
 * the run; at exit(); in the sanitizers' death callback; and from signal
 * handlers installed while the terminal is raw:
 *   SIGINT SIGTERM SIGHUP SIGQUIT SIGPIPE   restore, _exit(128 + signal)
 *   SIGTSTP SIGTTIN SIGTTOU   restore, stop; when continued in the
 *                             foreground, raw again (SIGCONT too)
 *   SIGSEGV SIGBUS SIGFPE SIGILL SIGABRT   restore, then the previous handler
 *                             (or the default action) sees the signal
 * cli_tty_restore() puts the previous signal actions back. Terminal settings
 * are only changed while trapeze is in the terminal's foreground process
 * group (a background job would be stopped by SIGTTOU); restoring at exit
 * works from the background too (SIGTTOU blocked around it).
 */
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include "cli.h"

/* The sanitizers' "about to die" hook, when built with them (weak: absent
 * otherwise). */
extern void __sanitizer_set_death_callback(void (*callback)(void)) __attribute__((weak));

static int tty_fd = -1;
static struct termios saved, raw;
static volatile sig_atomic_t want_raw;   /* between cli_tty_raw and _restore */

static const int exit_sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE };
static const int stop_sigs[] = { SIGTSTP, SIGTTIN, SIGTTOU };
static const int crash_sigs[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
static struct sigaction old_action[NSIG];
static bool handlers_installed;

static bool foreground(void)
{
	return tcgetpgrp(tty_fd) == getpgrp();
}

/* The settings found, back on the terminal; async-signal-safe. With
 * SIGTTOU blocked, a background process may do it too. */
static void put_saved(void)
{
	sigset_t ttou, old;
	sigemptyset(&ttou);
	sigaddset(&ttou, SIGTTOU);
	sigprocmask(SIG_BLOCK, &ttou, &old);
	while (tcsetattr(tty_fd, TCSANOW, &saved) < 0 && errno == EINTR)
		;
	sigprocmask(SIG_SETMASK, &old, NULL);
}

static void put_raw(void)
{
	if (want_raw && foreground())
		while (tcsetattr(tty_fd, TCSANOW, &raw) < 0 && errno == EINTR)
			;
}

static void on_exit_signal(int sig)
{
	if (want_raw)
		put_saved();
	_exit(128 + sig);
}

static void on_stop_signal(int sig)
{
	int e = errno;
	if (want_raw && foreground())
		put_saved();
	/* stop the default way, then carry on where we were */
	struct sigaction dfl = { .sa_handler = SIG_DFL }, mine;
	sigemptyset(&dfl.sa_mask);
	sigaction(sig, &dfl, &mine);
	sigset_t s;
	sigemptyset(&s);
	sigaddset(&s, sig);
	raise(sig);                              /* pending: sig is blocked here */
	sigprocmask(SIG_UNBLOCK, &s, NULL);      /* stops now */
	sigprocmask(SIG_BLOCK, &s, NULL);
	sigaction(sig, &mine, NULL);
	put_raw();                               /* continued */
	errno = e;
}

static void on_cont(int sig)
{
	int e = errno;
	(void)sig;
	put_raw();
	errno = e;
}

static void on_crash(int sig, siginfo_t *info, void *ctx)
{
	(void)ctx;
	if (want_raw)
		put_saved();
	sigaction(sig, &old_action[sig], NULL);
	/* A fault comes back when the instruction is retried; a signal that
	 * was sent (kill, raise, abort) is sent again, for the old action. */
	if (info->si_code <= 0)
		raise(sig);
}

static void on_death(void)
{
	if (want_raw)
		put_saved();
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
		a.sa_handler = h;
		a.sa_flags = SA_RESTART;
	}
	sigaction(sig, &a, &old_action[sig]);
}

int cli_tty_raw(int fd)
{
	static bool hooks;
	if (want_raw || !isatty(fd) || tcgetattr(fd, &saved) < 0)
		return 0;
	tty_fd = fd;
	raw = saved;
	raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO | ECHONL | IEXTEN);
	raw.c_lflag |= ISIG;
	raw.c_iflag &= ~(tcflag_t)(INLCR | IGNCR);
	raw.c_iflag |= ICRNL;
	raw.c_cc[VMIN] = 1;
	raw.c_cc[VTIME] = 0;
	if (!hooks) {
		hooks = true;
		atexit(on_death);
		if (__sanitizer_set_death_callback)
			__sanitizer_set_death_callback(on_death);
	}
	for (size_t i = 0; i < sizeof exit_sigs / sizeof exit_sigs[0]; i++)
		install(exit_sigs[i], on_exit_signal, NULL);
	for (size_t i = 0; i < sizeof stop_sigs / sizeof stop_sigs[0]; i++)
		install(stop_sigs[i], on_stop_signal, NULL);
	install(SIGCONT, on_cont, NULL);
	for (size_t i = 0; i < sizeof crash_sigs / sizeof crash_sigs[0]; i++)
		install(crash_sigs[i], NULL, on_crash);
	handlers_installed = true;
	want_raw = 1;           /* before the change: a signal restores from here on */
	put_raw();
	return 1;
}

void cli_tty_restore(void)
{
	if (!want_raw)
		return;
	put_saved();
	want_raw = 0;
	if (handlers_installed) {
		const int *lists[] = { exit_sigs, stop_sigs, crash_sigs };
		const size_t lens[] = { sizeof exit_sigs / sizeof exit_sigs[0],
					sizeof stop_sigs / sizeof stop_sigs[0],
					sizeof crash_sigs / sizeof crash_sigs[0] };
		for (int l = 0; l < 3; l++)
			for (size_t i = 0; i < lens[l]; i++)
				sigaction(lists[l][i], &old_action[lists[l][i]], NULL);
		sigaction(SIGCONT, &old_action[SIGCONT], NULL);
		handlers_installed = false;
	}
}
