/*
 * machine.h - the whole simulated computer: CPU, bus, RAM and devices, and
 * the run loop that owns time. cpu_run executes instructions until the next
 * event; the machine loop handles device events and interrupts, idles through
 * WAIT, and stops on power-off, the cycle limit or an exit to the host.
 */
#ifndef TRAPEZE_MACHINE_H
#define TRAPEZE_MACHINE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "bus.h"
#include "cpu.h"
#include "dev.h"
#include "elf.h"

struct machine_config {
	uint32_t ram_size;        /* bytes (HW_RAM_DEFAULT)                       */
	int tlb_entries;          /* TLB_DEFAULT_ENTRIES                          */
	const char *disk_path;    /* NULL: empty disk                             */
	int in_fd, out_fd;        /* console                                      */
	unsigned trace;           /* TRACE_* bits                                 */
	FILE *trace_out;          /* where trace lines go (stderr)                */
};

enum machine_stop {
	STOP_POWEROFF,    /* the guest wrote POWEROFF; m->exit_status          */
	STOP_CYCLES,      /* the cycle limit given to machine_run was reached   */
	STOP_EXIT,        /* an exception exited to the host (cpu.exit)         */
	STOP_DEADLOCK,    /* WAIT with interrupts that can never arrive          */
	STOP_GUEST_ERROR, /* the guest cannot go on (cpu.guest_error says why)   */
	STOP_DEBUG,       /* a debugger breakpoint or watchpoint (cpu.dbg->hit)  */
};

struct machine {
	struct cpu cpu;
	struct bus bus;
	struct dev dev_sysctl, dev_console, dev_disk;
#define MACHINE_NDEVS 3
	struct dev *devs[MACHINE_NDEVS];   /* the three above, for loops */
	struct dev_host host;
	bool halted;
	uint32_t exit_status;
	uint64_t next_dev_event;   /* earliest device event                       */
	FILE *trace_out;
};

int machine_init(struct machine *m, const struct machine_config *cfg,
		 char *err, size_t errsize);
void machine_free(struct machine *m);
/* Copy the placed image into RAM and apply the firmware boot state. */
int machine_boot(struct machine *m, const struct elf_image *img, char *err, size_t errsize);
/* Run until the cycle count reaches `until` or another stop. */
enum machine_stop machine_run(struct machine *m, uint64_t until);
/* WAIT's rule, for the machine and for the VMM's guests: any interrupt
 * pending (cause, as MFC0 reads it) and not masked by Status.IM ends it,
 * whether or not Status.IE lets it be taken. Otherwise the clock may jump
 * to *to: the earliest of a device event, the timer (if IM7) and until.
 * With nothing left that could raise one but a person at a terminal, it
 * waits for them on the console con. */
enum machine_wait { WAIT_WOKEN, WAIT_GOES_ON, WAIT_NEVER };
enum machine_wait machine_wait_rule(uint32_t status, uint32_t cause, uint64_t next_dev_event,
				    uint64_t timer_deadline, const struct dev *con,
				    uint64_t until, uint64_t *to);
/* Print --stats to f. */
void machine_print_stats(const struct machine *m, FILE *f);

#endif
