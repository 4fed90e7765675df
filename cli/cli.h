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
int cli_disasm(int argc, char **argv);
/* "32M", "4096K", "1G", "1048576" -> bytes; -1 on a malformed size. */
int64_t cli_parse_size(const char *s);
/* Print "trapeze: <message>" on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
