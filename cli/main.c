/*
 * main.c - the `trapeze` command: dispatch to subcommands.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "cli.h"

#ifndef TRAPEZE_VERSION
#define TRAPEZE_VERSION "0.1.0"
#endif

static const char usage[] =
	"usage: trapeze <command> [options] [arguments]\n"
	"\n"
	"Trapeze: a MIPS32 machine, a trap-and-emulate VMM and a debugger, for teaching.\n"
	"\n"
	"commands:\n"
	"  run PROGRAM.elf       boot a program on the simulated machine\n"
	"  disasm PROGRAM.elf    disassemble the executable sections of a program\n"
	"  lockstep GUEST.elf    run natively and under the VMM, compare every step\n"
	"  debug PROGRAM.elf     the debugger: step through instructions and VM exits\n"
	"\n"
	"  trapeze <command> --help    options of a command\n"
	"  trapeze --version           print the version\n";

void cli_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("trapeze: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	const char *cmd = argv[1];
	if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
		fputs(usage, stdout);
		return 0;
	}
	if (!strcmp(cmd, "--version")) {
		printf("trapeze %s\n", TRAPEZE_VERSION);
		return 0;
	}
	if (!strcmp(cmd, "run"))
		return cli_run(argc - 1, argv + 1);
	if (!strcmp(cmd, "lockstep"))
		return cli_lockstep(argc - 1, argv + 1);
	if (!strcmp(cmd, "debug"))
		return cli_debug(argc - 1, argv + 1);
	if (!strcmp(cmd, "disasm"))
		return cli_disasm(argc - 1, argv + 1);
	cli_error("unknown command '%s' (try 'trapeze --help')", cmd);
	return EXIT_USAGE;
}
