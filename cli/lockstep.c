/*
 * lockstep.c - `trapeze lockstep GUEST.elf`: the equivalence check.
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "../machine/machine.h"
#include "../vmm/lockstep.h"
#include "../vmm/vmm.h"

static const char lockstep_usage[] =
	"usage: trapeze lockstep [options] GUEST.elf\n"
	"\n"
	"Run the program natively and under the VMM side by side, comparing what\n"
	"the guest can see (clock, PC, registers, CP0 against the virtual CP0,\n"
	"TLB against the virtual TLB, RAM, console output) after every guest\n"
	"instruction. Prints 'equivalent: N guest instructions', or the first\n"
	"divergence with both states side by side. Console input comes from stdin\n"
	"(both sides read the same bytes); console output is compared, not shown.\n"
	"\n"
	"options:\n"
	"  --ram SIZE        RAM size of the machine and of the VM (default 32M)\n"
	"  --disk FILE       disk image; each side works on its own copy\n"
	"  --max-cycles N    compare the first N cycles only\n"
	"  --inject STEP:WHAT[^MASK]  for testing lockstep itself: right after step\n"
	"                    STEP, XOR MASK (default 1) into WHAT on the VMM side, e.g.\n"
	"                    t0, hi, pc, c0.EPC, tlb.3.lo0, count_cycle, irq, llbit,\n"
	"                    ram.HEXADDR, stop (vmm/lockstep.h lists them all)\n"
	"  -h, --help        this text\n"
	"\n"
	"exit status: 0 equivalent; 1 a divergence; 2 bad usage or file.\n";

/* A temporary file holding what can be read from fd, open for reading and
 * writing at offset 0. */
static FILE *copy_to_temp(int fd)
{
	FILE *t = tmpfile();
	char buf[65536];
	ssize_t n;
	if (!t)
		return NULL;
	while ((n = read(fd, buf, sizeof buf)) > 0)
		if (fwrite(buf, 1, (size_t)n, t) != (size_t)n) {
			fclose(t);
			return NULL;
		}
	if (n < 0 || fflush(t)) {
		fclose(t);
		return NULL;
	}
	rewind(t);
	return t;
}

static int same_file_contents(FILE *a, FILE *b)
{
	rewind(a);
	rewind(b);
	int x, y;
	do {
		x = getc(a);
		y = getc(b);
	} while (x == y && x != EOF);
	return x == y;
}

int cli_lockstep(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "ram", required_argument, 0, 'r' },
		{ "max-cycles", required_argument, 0, 'm' },
		{ "disk", required_argument, 0, 'd' },
		{ "inject", required_argument, 0, 'i' },
		{ "help", no_argument, 0, 'h' },
		{ 0, 0, 0, 0 },
	};
	uint32_t ram = HW_RAM_DEFAULT;
	uint64_t max_cycles = UINT64_MAX;
	const char *disk = NULL;
	struct lockstep_inject inj, *injp = NULL;
	char ierr[320];
	int o;

	opterr = 0;
	optind = 1;
	while ((o = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (o) {
		case 'r':
			if (cli_opt_ram("--ram", optarg, &ram))
				return EXIT_USAGE;
			break;
		case 'm':
			if (cli_opt_count("--max-cycles", optarg, &max_cycles))
				return EXIT_USAGE;
			break;
		case 'd': disk = optarg; break;
		case 'i':
			if (lockstep_parse_inject(optarg, &inj, ierr, sizeof ierr)) {
				cli_error("%s", ierr);
				return EXIT_USAGE;
			}
			injp = &inj;
			break;
		case 'h':
			fputs(lockstep_usage, stdout);
			return 0;
		case ':':
			cli_error("lockstep: option '%s' needs a value (try 'trapeze lockstep --help')",
				  argv[optind - 1]);
			return EXIT_USAGE;
		default:
			cli_error("lockstep: unknown option '%s' (try 'trapeze lockstep --help')",
				  argv[optind - 1]);
			return EXIT_USAGE;
		}
	}
	if (optind != argc - 1) {
		cli_error("lockstep: give exactly one program (try 'trapeze lockstep --help')");
		return EXIT_USAGE;
	}
	const char *path = argv[optind];

	/* Each side gets its own copy of the input, the disk and an output file. */
	FILE *in = copy_to_temp(0), *in2 = NULL, *disk_a = NULL, *disk_b = NULL;
	FILE *out_a = tmpfile(), *out_b = tmpfile();
	char disk_a_path[64] = "", disk_b_path[64] = "";
	int status = EXIT_USAGE;
	if (in)
		in2 = copy_to_temp(fileno(in));
	if (in)
		rewind(in);
	if (!in || !in2 || !out_a || !out_b) {
		cli_error("lockstep: cannot make temporary files: %s", strerror(errno));
		goto done;
	}
	if (disk) {
		FILE *src = fopen(disk, "rb");
		if (!src) {
			cli_error("%s: cannot open the disk image: %s", disk, strerror(errno));
			goto done;
		}
		disk_a = copy_to_temp(fileno(src));
		disk_b = disk_a ? copy_to_temp(fileno(disk_a)) : NULL;
		fclose(src);
		if (!disk_a || !disk_b) {
			cli_error("lockstep: cannot copy the disk image: %s", strerror(errno));
			goto done;
		}
		snprintf(disk_a_path, sizeof disk_a_path, "/proc/self/fd/%d", fileno(disk_a));
		snprintf(disk_b_path, sizeof disk_b_path, "/proc/self/fd/%d", fileno(disk_b));
	}

	struct elf_image img;
	if (cli_load_elf(path, ram, &img))
		goto done;
	static struct machine m;
	static struct vmm v;
	char err[320];
	struct machine_config mc = { .ram_size = ram, .disk_path = disk ? disk_a_path : NULL,
				     .in_fd = fileno(in), .out_fd = fileno(out_a) };
	struct vmm_config vc = { .machine_ram = ram, .max_cycles = UINT64_MAX };
	struct vm_config gc = { .ram_size = ram, .disk_path = disk ? disk_b_path : NULL,
				.in_fd = fileno(in2), .out_fd = fileno(out_b) };
	struct vm *vm = NULL;
	if (machine_init(&m, &mc, err, sizeof err) || machine_boot(&m, &img, err, sizeof err) ||
	    vmm_init(&v, &vc, err, sizeof err) || !(vm = vmm_add_vm(&v, &gc, &img, err, sizeof err))) {
		cli_error("%s: %s", path, err);
		elf_free(&img);
		machine_free(&m);
		vmm_free(&v);
		goto done;
	}
	elf_free(&img);

	uint64_t insns = 0;
	if (lockstep_run(&m, &v, vm, max_cycles, injp, stdout, &insns)) {
		status = 1;
	} else {
		fflush(out_a);
		fflush(out_b);
		if (!same_file_contents(out_a, out_b)) {
			printf("divergence: the console output differs\n");
			status = 1;
		} else {
			printf("equivalent: %" PRIu64 " guest instructions\n", insns);
			status = 0;
		}
	}
	machine_free(&m);
	vmm_free(&v);
done:;
	FILE *files[] = { in, in2, out_a, out_b, disk_a, disk_b };
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
		if (files[i])
			fclose(files[i]);
	return status;
}
