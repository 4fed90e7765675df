/*
 * debug.c - `trapeze debug`: boot a program on the bare machine, or guests
 * under the VMM, exactly as `trapeze run` would, and hand them to the
 * debugger (debugger/dbg.h): the TUI at a terminal, batch mode otherwise.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "../debugger/dbg.h"
#include "../debugger/ui.h"
#include "../machine/machine.h"
#include "../vmm/vmm.h"

static const char debug_usage[] =
	"usage: trapeze debug [options] PROGRAM.elf\n"
	"       trapeze debug --vmm [options] GUEST.elf [GUEST2.elf ...]\n"
	"\n"
	"Boot the program as `trapeze run` does, stopped before its first\n"
	"instruction, and debug it: a full-screen TUI at a terminal; batch mode\n"
	"(commands from a file or a stdin that is not a terminal, results as plain\n"
	"text) otherwise. Type `help` in either for the commands. docs/debugger.md\n"
	"has a walk-through.\n"
	"\n"
	"options:\n"
	"  --vmm             the programs are guests of the VMM (one VM each)\n"
	"  --ram SIZE        RAM size (per VM), e.g. 32M (default), 1M to 448M\n"
	"  --machine-ram SIZE  machine memory shared by the VMs (default 256M)\n"
	"  --disk FILE       disk image (once per VM, in order)\n"
	"  --max-cycles N    stop running at N cycles (each VM's guest clock)\n"
	"  --batch FILE      batch mode with the commands of FILE (- for stdin)\n"
	"  --history FILE    the TUI's command history (default $TRAPEZE_HISTORY,\n"
	"                    else ~/.trapeze_history)\n"
	"  --mono            no colours in the TUI\n"
	"  -h, --help        this text\n"
	"\n"
	"exit status: 0; 1 if a batch command failed; 2 bad usage or file.\n";

struct opts {
	bool vmm, mono;
	uint32_t ram, machine_ram;
	uint64_t max_cycles;
	const char *disks[VMM_MAX_VMS];
	int ndisks;
	const char *batch, *history;
};

static int parse(int argc, char **argv, struct opts *o)
{
	static const struct option lopts[] = {
		{ "vmm", no_argument, 0, 'V' }, { "ram", required_argument, 0, 'r' },
		{ "machine-ram", required_argument, 0, 'M' }, { "disk", required_argument, 0, 'd' },
		{ "max-cycles", required_argument, 0, 'm' }, { "batch", required_argument, 0, 'b' },
		{ "history", required_argument, 0, 'H' }, { "mono", no_argument, 0, 'o' },
		{ "help", no_argument, 0, 'h' }, { 0, 0, 0, 0 },
	};
	int c;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":h", lopts, NULL)) != -1) {
		switch (c) {
		case 'V': o->vmm = true; break;
		case 'o': o->mono = true; break;
		case 'b': o->batch = optarg; break;
		case 'H': o->history = optarg; break;
		case 'r':
			if (cli_opt_ram("--ram", optarg, &o->ram))
				return EXIT_USAGE;
			break;
		case 'M':
			if (cli_opt_ram("--machine-ram", optarg, &o->machine_ram))
				return EXIT_USAGE;
			break;
		case 'm':
			if (cli_opt_count("--max-cycles", optarg, &o->max_cycles))
				return EXIT_USAGE;
			break;
		case 'd':
			if (o->ndisks == VMM_MAX_VMS) {
				cli_error("--disk: at most %d disks (one per VM)", VMM_MAX_VMS);
				return EXIT_USAGE;
			}
			o->disks[o->ndisks++] = optarg;
			break;
		case 'h':
			fputs(debug_usage, stdout);
			return 0;
		case ':':
			cli_error("debug: option '%s' needs a value (try 'trapeze debug --help')",
				  argv[optind - 1]);
			return EXIT_USAGE;
		default:
			cli_error("debug: unknown option '%s' (try 'trapeze debug --help')",
				  argv[optind - 1]);
			return EXIT_USAGE;
		}
	}
	int n = argc - optind;
	if (n == 0) {
		cli_error("debug: no program given (try 'trapeze debug --help')");
		return EXIT_USAGE;
	}
	if (!o->vmm && (n > 1 || o->ndisks > 1)) {
		cli_error("debug: give exactly one program (or several with --vmm)");
		return EXIT_USAGE;
	}
	if (o->vmm && (n > VMM_MAX_VMS || o->ndisks > n)) {
		cli_error("debug --vmm: at most %d guests, and at most one --disk per guest",
			  VMM_MAX_VMS);
		return EXIT_USAGE;
	}
	return -1;                                  /* go on */
}

/* The session: batch or TUI. */
static int session(struct dbg *d, const struct opts *o)
{
	if (o->batch || !isatty(0)) {
		FILE *in = stdin;
		if (o->batch && strcmp(o->batch, "-")) {
			in = fopen(o->batch, "r");
			if (!in) {
				cli_error("--batch %s: cannot open it", o->batch);
				return EXIT_USAGE;
			}
		}
		int st = dbg_batch(d, in, stdout);
		if (in != stdin)
			fclose(in);
		return st;
	}
	struct ui_options uo = { .history = o->history, .mono = o->mono };
	return ui_run(d, &uo);
}

static int debug_native(const struct opts *o, const char *path)
{
	static struct machine m;
	struct machine_config cfg = { .ram_size = o->ram, .in_fd = -1, .out_fd = -1,
				      .disk_path = o->ndisks ? o->disks[0] : NULL };
	struct elf_image img;
	char err[320];
	if (cli_load_elf(path, o->ram, &img))
		return EXIT_USAGE;
	if (machine_init(&m, &cfg, err, sizeof err) || machine_boot(&m, &img, err, sizeof err)) {
		cli_error("%s", err);
		machine_free(&m);
		elf_free(&img);
		return EXIT_USAGE;
	}
	struct dbg *d = dbg_new_native(&m, &img);
	dbg_set_max_cycles(d, o->max_cycles);
	int st = session(d, o);
	dbg_free(d);
	machine_free(&m);
	elf_free(&img);
	return st;
}

static int debug_vmm(const struct opts *o, int n, char **paths)
{
	static struct vmm v;
	static struct elf_image img[VMM_MAX_VMS];
	const struct elf_image *imgp[VMM_MAX_VMS];
	char err[320];
	int st = EXIT_USAGE, loaded = 0;
	struct vmm_config cfg = { .machine_ram = o->machine_ram, .max_cycles = o->max_cycles };
	if (vmm_init(&v, &cfg, err, sizeof err)) {
		cli_error("%s", err);
		vmm_free(&v);
		return EXIT_USAGE;
	}
	for (int i = 0; i < n; i++, loaded++) {
		struct vm_config vc = { .ram_size = o->ram, .in_fd = -1, .out_fd = -1,
					.disk_path = i < o->ndisks ? o->disks[i] : NULL };
		if (cli_load_elf(paths[i], o->ram, &img[i]))
			goto out;
		if (!vmm_add_vm(&v, &vc, &img[i], err, sizeof err)) {
			cli_error("%s: %s", paths[i], err);
			elf_free(&img[i]);
			goto out;
		}
		imgp[i] = &img[i];
	}
	struct dbg *d = dbg_new_vmm(&v, imgp, n);
	st = session(d, o);
	dbg_free(d);
out:
	vmm_free(&v);
	for (int i = 0; i < loaded; i++)
		elf_free(&img[i]);
	return st;
}

int cli_debug(int argc, char **argv)
{
	struct opts o = { .ram = HW_RAM_DEFAULT, .machine_ram = CLI_MACHINE_RAM_DEFAULT,
			  .max_cycles = UINT64_MAX };
	int r = parse(argc, argv, &o);
	if (r >= 0)
		return r;
	if (o.vmm)
		return debug_vmm(&o, argc - optind, argv + optind);
	return debug_native(&o, argv[optind]);
}
