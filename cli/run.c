/*
 * run.c - `trapeze run`: boot one program on the bare machine.
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "cli.h"
#include "../machine/machine.h"
#include "../vmm/vmm.h"

static const char run_usage[] =
	"usage: trapeze run [options] PROGRAM.elf\n"
	"       trapeze run --vmm [options] GUEST.elf [GUEST2.elf ...]\n"
	"\n"
	"Load an ELF32 little-endian MIPS executable as the firmware would\n"
	"(DESIGN.md section 5) and run it. Console output goes to stdout byte for\n"
	"byte, console input comes from stdin, and the exit status is the value\n"
	"the program writes to the POWEROFF register.\n"
	"\n"
	"options:\n"
	"  --ram SIZE        RAM size, e.g. 32M (default), 4M, 65536K (1M to 448M)\n"
	"  --max-cycles N    stop after N cycles: message on stderr, exit status 124\n"
	"  --disk FILE       disk image (multiple of 512 bytes), read and written in place\n"
	"  --stats           print cycle, instruction, exception, TLB and interrupt\n"
	"                    counts on stderr at the end\n"
	"  --trace=FLAGS     print trace lines on stderr; FLAGS is a comma list of\n"
	"                    insn, exc, tlb, irq, dev, exits (--vmm), or all\n"
	"\n"
	"under the VMM (--vmm): one virtual machine per ELF (each linked in sseg),\n"
	"each booted by the same protocol; --ram is per VM, --disk may be given once\n"
	"per VM in order. One VM: its console is stdin/stdout exactly as natively.\n"
	"Several: output lines are prefixed \"[vmN] \", VM 0 reads stdin.\n"
	"  --vmm             run the programs as guests of the trap-and-emulate VMM\n"
	"  --console-dir DIR write VM N's console output to DIR/vmN.out instead\n"
	"  --machine-ram SIZE  machine memory shared by the VMs (default 256M)\n"
	"  -h, --help        this text\n"
	"\n"
	"exit status: the POWEROFF value (0-255); 2 bad usage or file; 3 the guest\n"
	"waits for an interrupt that can never come; 4 the guest cannot go on (its\n"
	"exception vector cannot be fetched); 124 --max-cycles reached. Under the\n"
	"VMM: those of VM 0 (--max-cycles bounds each VM's guest clock).\n";

int64_t cli_parse_size(const char *s)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (end == s || errno || *s == '-')
		return -1;
	uint64_t mul = 1;
	if (*end == 'K' || *end == 'k') { mul = 1ull << 10; end++; }
	else if (*end == 'M' || *end == 'm') { mul = 1ull << 20; end++; }
	else if (*end == 'G' || *end == 'g') { mul = 1ull << 30; end++; }
	if (*end == 'i' && mul > 1)
		end++;
	if ((*end == 'B' || *end == 'b') && mul > 1)
		end++;
	if (*end || v > (1ull << 40) / mul)
		return -1;
	return (int64_t)(v * mul);
}

int cli_opt_ram(const char *opt, const char *arg, uint32_t *out)
{
	int64_t v = cli_parse_size(arg);
	if (v < HW_RAM_MIN || v > HW_RAM_MAX || (v & 0xfff)) {
		cli_error("%s %s: give a size from 1M to 448M in whole 4 KiB pages", opt, arg);
		return -1;
	}
	*out = (uint32_t)v;
	return 0;
}

int cli_opt_count(const char *opt, const char *arg, uint64_t *out)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(arg, &end, 10);
	if (end == arg || *end || errno || *arg == '-' || v == 0) {
		cli_error("%s %s: give a positive whole number", opt, arg);
		return -1;
	}
	*out = v;
	return 0;
}

static int parse_trace(const char *s, unsigned *out)
{
	static const struct { const char *name; unsigned bit; } flags[] = {
		{ "insn", TRACE_INSN }, { "exc", TRACE_EXC }, { "tlb", TRACE_TLB },
		{ "irq", TRACE_IRQ }, { "dev", TRACE_DEV }, { "exits", VMM_TRACE_EXITS },
		{ "all", TRACE_INSN | TRACE_EXC | TRACE_TLB | TRACE_IRQ | TRACE_DEV | VMM_TRACE_EXITS },
	};
	char buf[256];
	if (strlen(s) >= sizeof buf) {
		cli_error("--trace: the flag list is too long (insn, exc, tlb, irq, dev, exits, all)");
		return -1;
	}
	strcpy(buf, s);
	for (char *tok = strtok(buf, ","); tok; tok = strtok(NULL, ",")) {
		size_t i;
		for (i = 0; i < sizeof flags / sizeof flags[0]; i++)
			if (!strcmp(tok, flags[i].name))
				break;
		if (i == sizeof flags / sizeof flags[0]) {
			cli_error("unknown trace flag '%s' (insn, exc, tlb, irq, dev, exits, all)", tok);
			return -1;
		}
		*out |= flags[i].bit;
	}
	return 0;
}

int cli_run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "ram", required_argument, 0, 'r' },
		{ "max-cycles", required_argument, 0, 'm' },
		{ "disk", required_argument, 0, 'd' },
		{ "stats", no_argument, 0, 's' },
		{ "trace", required_argument, 0, 't' },
		{ "help", no_argument, 0, 'h' },
		{ "vmm", no_argument, 0, 'V' },
		{ "console-dir", required_argument, 0, 'C' },
		{ "machine-ram", required_argument, 0, 'M' },
		{ 0, 0, 0, 0 },
	};
	struct machine_config cfg = { .ram_size = HW_RAM_DEFAULT, .in_fd = 0, .out_fd = 1 };
	struct cli_vmm_opts vo = { .machine_ram = CLI_MACHINE_RAM_DEFAULT };
	uint64_t max_cycles = UINT64_MAX;
	bool stats = false, vmm = false;
	const char *trace_arg = "";
	int o;

	opterr = 0;
	optind = 1;
	while ((o = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (o) {
		case 'r':
			if (cli_opt_ram("--ram", optarg, &cfg.ram_size))
				return EXIT_USAGE;
			break;
		case 'm':
			if (cli_opt_count("--max-cycles", optarg, &max_cycles))
				return EXIT_USAGE;
			break;
		case 'd':
			if (vo.ndisks == VMM_MAX_VMS) {
				cli_error("--disk: at most %d disks (one per VM)", VMM_MAX_VMS);
				return EXIT_USAGE;
			}
			cfg.disk_path = vo.disks[vo.ndisks++] = optarg;
			break;
		case 'V': vmm = true; break;
		case 'C': vo.console_dir = optarg; break;
		case 'M':
			if (cli_opt_ram("--machine-ram", optarg, &vo.machine_ram))
				return EXIT_USAGE;
			break;
		case 's': stats = true; break;
		case 't':
			trace_arg = optarg;
			if (parse_trace(optarg, &cfg.trace))
				return EXIT_USAGE;
			break;
		case 'h':
			fputs(run_usage, stdout);
			return 0;
		case ':':
			cli_error("run: option '%s' needs a value (try 'trapeze run --help')",
				  argv[optind - 1]);
			return EXIT_USAGE;
		default:
			cli_error("run: unknown option '%s' (try 'trapeze run --help')", argv[optind - 1]);
			return EXIT_USAGE;
		}
	}
	if (vmm) {
		if (optind == argc) {
			cli_error("run: no guest given (try 'trapeze run --help')");
			return EXIT_USAGE;
		}
		/* The real CPU's exceptions, TLB writes and interrupts are the
		 * VMM's business: a guest's show up as exits. */
		unsigned native_only = TRACE_EXC | TRACE_TLB | TRACE_IRQ;
		if (cfg.trace & native_only) {
			for (const char *f = "exc\0tlb\0irq\0"; *f; f += strlen(f) + 1)
				if (strstr(trace_arg, f)) {
					cli_error("--trace=%s: under --vmm a guest's exceptions, TLB writes "
						  "and interrupts show as exits (--trace=exits)", f);
					return EXIT_USAGE;
				}
			cfg.trace &= ~native_only;      /* "all" */
		}
		vo.ram_size = cfg.ram_size;
		vo.max_cycles = max_cycles;
		vo.stats = stats;
		vo.trace = cfg.trace;
		return cli_run_vmm(&vo, argc - optind, argv + optind);
	}
	if (cfg.trace & VMM_TRACE_EXITS) {
		if (strstr(trace_arg, "exits")) {
			cli_error("--trace=exits: there are VM exits only under the VMM (--vmm)");
			return EXIT_USAGE;
		}
		cfg.trace &= ~VMM_TRACE_EXITS;     /* "all" on the bare machine */
	}
	if (vo.console_dir || vo.machine_ram != CLI_MACHINE_RAM_DEFAULT || vo.ndisks > 1) {
		cli_error("run: --console-dir, --machine-ram and a second --disk need --vmm");
		return EXIT_USAGE;
	}
	if (optind != argc - 1) {
		cli_error(optind == argc ? "run: no program given (try 'trapeze run --help')"
					 : "run: give exactly one program (or several with --vmm)");
		return EXIT_USAGE;
	}
	const char *path = argv[optind];

	char err[320];
	struct elf_image img;
	if (elf_load_file(path, &img, err, sizeof err)) {     /* err names the file */
		cli_error("%s", err);
		return EXIT_USAGE;
	}
	if (elf_place(&img, cfg.ram_size, err, sizeof err)) {
		cli_error("%s: %s", path, err);
		elf_free(&img);
		return EXIT_USAGE;
	}
	static struct machine m;      /* large: keep it off the stack */
	if (machine_init(&m, &cfg, err, sizeof err) || machine_boot(&m, &img, err, sizeof err)) {
		cli_error("%s", err);
		machine_free(&m);
		elf_free(&img);
		return EXIT_USAGE;
	}

	struct timespec t0, t1;
	cli_tty_raw(cfg.in_fd);         /* a terminal: a serial line (cli/tty.c) */
	clock_gettime(CLOCK_MONOTONIC, &t0);
	enum machine_stop why = machine_run(&m, max_cycles);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	cli_tty_restore();

	int status;
	switch (why) {
	case STOP_POWEROFF:
		status = (int)(m.exit_status & 0xff);
		if (m.exit_status > 0xff) {
			cli_error("the program powered off with 0x%x, which does not fit an exit status; exiting 255",
				  m.exit_status);
			status = 255;
		}
		break;
	case STOP_CYCLES:
		cli_error("stopped after %" PRIu64 " cycles (--max-cycles) at pc 0x%08x",
			  m.cpu.cycles, m.cpu.pc);
		status = EXIT_CYCLES;
		break;
	case STOP_DEADLOCK:
		cli_error("the program waits (WAIT at 0x%08x) for an interrupt that can never come",
			  m.cpu.pc - 4);
		status = EXIT_DEADLOCK;
		break;
	case STOP_GUEST_ERROR:
		cli_error("guest error at cycle %" PRIu64 ": %s", m.cpu.cycles, m.cpu.guest_error);
		status = EXIT_GUEST;
		break;
	default:
		cli_error("internal error: unexpected stop %d", (int)why);
		status = EXIT_SOFTWARE;
		break;
	}
	if (stats) {
		double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
		machine_print_stats(&m, stderr);
		fprintf(stderr, "host seconds      %.3f\n", secs);
		if (secs > 0)
			fprintf(stderr, "simulated MIPS    %.1f\n", (double)cpu_insns(&m.cpu) / secs / 1e6);
	}
	machine_free(&m);
	elf_free(&img);
	return status;
}
