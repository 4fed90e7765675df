/*
 * cli.h - the `trapeze` command's subcommands. Each returns the process exit
 * status. Exit statuses (docs/machine.md):
 *   0..255  the value the guest wrote to POWEROFF (run)
 *   2       the user's fault: bad option, unreadable or invalid file
 *   3       the guest waits for an interrupt that can never come (deadlock)
 *   4       the guest cannot go on (e.g. its exception vector cannot be fetched)
 *   124     --max-cycles reached before the guest powered off
 *   70      an internal error (a bug in Trapeze)
 */
#ifndef TRAPEZE_CLI_H
#define TRAPEZE_CLI_H

#include <stdint.h>

#define EXIT_USAGE     2
#define EXIT_DEADLOCK  3
#define EXIT_GUEST     4
#define EXIT_SOFTWARE 70
#define EXIT_CYCLES  124

int cli_run(int argc, char **argv);
int cli_lockstep(int argc, char **argv);
int cli_debug(int argc, char **argv);

/* `trapeze run --vmm`: the options cli_run parsed (cli/run_vmm.c). */
#define CLI_MACHINE_RAM_DEFAULT (256u << 20)
struct cli_vmm_opts {
	uint32_t ram_size, machine_ram;
	uint64_t max_cycles;
	const char *disks[8];
	int ndisks;
	const char *console_dir;
	unsigned trace;
	int stats;
};
int cli_run_vmm(const struct cli_vmm_opts *o, int nguests, char **guests);
/* Load and place an ELF for a RAM of ram_size; prints the error itself. */
struct elf_image;
int cli_load_elf(const char *path, uint32_t ram_size, struct elf_image *img);
int cli_disasm(int argc, char **argv);
/* "32M", "4096K", "1G", "1048576" -> bytes; -1 on a malformed size. */
int64_t cli_parse_size(const char *s);
/* Option values: a RAM size (1M..448M, whole pages), a positive count.
 * On a bad value print the error naming opt and return -1. */
int cli_opt_ram(const char *opt, const char *arg, uint32_t *out);
int cli_opt_count(const char *opt, const char *arg, uint64_t *out);
/* The console on a terminal (cli/tty.c): if fd is a terminal, set it up
 * like a serial line into a kernel that echoes and edits lines itself
 * (non-canonical, no echo, CR -> NL, signals kept) until cli_tty_restore(),
 * which puts back the settings found; signal handlers, atexit and the
 * sanitizers' death callback restore them on every other way out. Returns
 * 1 if it did so, 0 if fd is not a terminal (then nothing is changed at
 * all). The console device itself never touches terminal settings. */
int cli_tty_raw(int fd);
void cli_tty_restore(void);
/* Print "trapeze: <message>" on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
