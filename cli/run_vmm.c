/*
 * run_vmm.c - `trapeze run --vmm GUEST.elf [GUEST2.elf ...]`: boot each
 * program as a guest of the VMM and run them round-robin.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "cli.h"
#include "../vmm/vmm.h"

int cli_load_elf(const char *path, uint32_t ram_size, struct elf_image *img)
{
	char err[320];
	if (elf_load_file(path, img, err, sizeof err)) {     /* err names the file */
		cli_error("%s", err);
		return -1;
	}
	if (elf_place(img, ram_size, err, sizeof err)) {
		cli_error("%s: %s", path, err);
		elf_free(img);
		return -1;
	}
	return 0;
}

/* What happened to a VM, as an exit status, with its one-line message. */
static int vm_outcome(const struct vm *vm, bool quiet_poweroff)
{
	struct vm_regs buf;
	const struct vm_regs *r = vm_regs(vm, &buf);
	switch (vm->state) {
	case VM_POWEROFF:
		if (vm->exit_status > 0xff) {
			cli_error("vm%d: powered off with 0x%x, which does not fit an exit status; "
				  "exiting 255", vm->id, vm->exit_status);
			return 255;
		}
		if (!quiet_poweroff)
			cli_error("vm%d: powered off with status %u", vm->id, vm->exit_status);
		return (int)vm->exit_status;
	case VM_LIMIT:
		cli_error("vm%d: stopped after %" PRIu64 " guest cycles (--max-cycles) at pc 0x%08x",
			  vm->id, r->cycles, r->pc);
		return EXIT_CYCLES;
	case VM_DEADLOCK:
		cli_error("vm%d: the guest waits (WAIT at 0x%08x) for an interrupt that can never come",
			  vm->id, r->pc - 4);
		return EXIT_DEADLOCK;
	case VM_ERROR:
		if (vm->lab_todo) {   /* a handout's stub: the student's code to write */
			cli_error("vm%d: %s (the VM stopped at guest cycle %" PRIu64 ", pc 0x%08x; "
				  "see labs/lab%d.md)", vm->id, vm->error, r->cycles, r->pc, vm->lab_todo);
			return EXIT_GUEST;
		}
		cli_error("vm%d: guest error at guest cycle %" PRIu64 ": %s", vm->id, r->cycles,
			  vm->error);
		return EXIT_GUEST;
	case VM_RUNNING:
		break;
	}
	cli_error("vm%d: internal error: still running after the VMM stopped", vm->id);
	return EXIT_SOFTWARE;
}

int cli_run_vmm(const struct cli_vmm_opts *o, int nguests, char **guests)
{
	static struct vmm m;          /* large: keep it off the stack */
	char err[320];
	int status = EXIT_USAGE;
	int fds[VMM_MAX_VMS];
	struct elf_image img;

	if (nguests > VMM_MAX_VMS) {
		cli_error("run --vmm: at most %d guests", VMM_MAX_VMS);
		return EXIT_USAGE;
	}
	if (o->ndisks > nguests) {
		cli_error("run --vmm: %d disks for %d guests (give at most one --disk per guest)",
			  o->ndisks, nguests);
		return EXIT_USAGE;
	}
	struct vmm_config cfg = { .machine_ram = o->machine_ram, .max_cycles = o->max_cycles,
				  .trace = o->trace };
	if (vmm_init(&m, &cfg, err, sizeof err)) {
		cli_error("%s", err);
		vmm_free(&m);
		return EXIT_USAGE;
	}
	for (int i = 0; i < nguests; i++)
		fds[i] = -1;
	for (int i = 0; i < nguests; i++) {
		char prefix[24], path[4096];
		struct vm_config vc = { .ram_size = o->ram_size,
					.disk_path = i < o->ndisks ? o->disks[i] : NULL,
					.in_fd = i == 0 ? 0 : -1, .out_fd = 1 };
		if (o->console_dir) {
			snprintf(path, sizeof path, "%s/vm%d.out", o->console_dir, i);
			fds[i] = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
			if (fds[i] < 0) {
				cli_error("--console-dir: cannot create %s: %s", path, strerror(errno));
				goto out;
			}
			vc.out_fd = fds[i];
		} else if (nguests > 1) {
			snprintf(prefix, sizeof prefix, "[vm%d] ", i);
			vc.prefix = prefix;
		}
		if (cli_load_elf(guests[i], o->ram_size, &img))
			goto out;
		struct vm *vm = vmm_add_vm(&m, &vc, &img, err, sizeof err);
		elf_free(&img);
		if (!vm) {
			cli_error("%s: %s", guests[i], err);
			goto out;
		}
	}

	struct timespec t0, t1;
	cli_tty_raw(0);                 /* VM 0's console reads stdin (cli/tty.c) */
	clock_gettime(CLOCK_MONOTONIC, &t0);
	vmm_run(&m);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	cli_tty_restore();

	status = vm_outcome(m.vm[0], true);
	for (int i = 1; i < m.nvms; i++)
		if (m.vm[i]->state != VM_POWEROFF || m.vm[i]->exit_status > 0xff)
			vm_outcome(m.vm[i], false);
	if (o->stats) {
		double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
		uint64_t insns = 0;
		for (int i = 0; i < m.nvms; i++)
			insns += vm_insns(m.vm[i]);
		vmm_print_stats(&m, stderr);
		fprintf(stderr, "host seconds      %.3f\n", secs);
		if (secs > 0)
			fprintf(stderr, "simulated MIPS    %.1f\n", (double)insns / secs / 1e6);
	}
out:
	vmm_free(&m);
	for (int i = 0; i < nguests; i++)
		if (fds[i] >= 0)
			close(fds[i]);
	return status;
}
