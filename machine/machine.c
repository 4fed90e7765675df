/*
 * machine.c - the computer put together, and the loop that owns time.
 *
 * cpu_run executes instructions until the earliest of: the caller's limit,
 * the next device event, a stop request. Between runs this loop lets devices
 * act (disk completions), recomputes the interrupt lines, and idles through
 * WAIT by moving the clock straight to the next event that could end it.
 */
#include <inttypes.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "cost.h"
#include "machine.h"
#include "../isa/isa.h"

extern FILE *trace_file;     /* trace.c */

#define HOST_MACHINE(h) ((struct machine *)((char *)(h) - offsetof(struct machine, host)))

/* ---- what the devices may ask of the machine (struct dev_host) --------------- */

static uint64_t host_now(struct dev_host *h)
{
	return HOST_MACHINE(h)->cpu.cycles;
}

static void update_irqs(struct machine *m)
{
	uint32_t lines = dev_irq_lines(m->devs, MACHINE_NDEVS);
	if (lines != m->cpu.irq_lines && (m->cpu.trace & TRACE_IRQ))
		fprintf(m->trace_out, "irq  %" PRIu64 " lines=%02x\n", m->cpu.cycles,
			lines >> CAUSE_IP_SHIFT);
	cpu_set_irq_lines(&m->cpu, lines);
}

static void update_events(struct machine *m)
{
	m->next_dev_event = dev_next_event(m->devs, MACHINE_NDEVS);
}

static void host_irq_changed(struct dev_host *h)
{
	update_irqs(HOST_MACHINE(h));
}

static void host_events_changed(struct dev_host *h)
{
	struct machine *m = HOST_MACHINE(h);
	update_events(m);
	cpu_request_stop(&m->cpu);           /* cpu_run's limit may be too late now */
}

static void host_poweroff(struct dev_host *h, uint32_t status)
{
	struct machine *m = HOST_MACHINE(h);
	m->halted = true;
	m->exit_status = status;
	cpu_request_stop(&m->cpu);
}

static uint8_t *host_dma(struct dev_host *h, uint32_t pa, uint32_t len)
{
	struct machine *m = HOST_MACHINE(h);
	return bus_is_ram(&m->bus, pa, len) ? m->bus.ram + pa : NULL;
}

static void host_dma_done(struct dev_host *h, uint32_t pa, uint32_t len)
{
	cpu_code_written(&HOST_MACHINE(h)->cpu, pa, len);
}

/* ---- life cycle ------------------------------------------------------------------ */

static int attach(struct machine *m, struct dev *d, const struct dev_ops *ops, void *st,
		  uint32_t base, int irq)
{
	*d = (struct dev){ .ops = ops, .st = st, .base = base, .irq = irq };
	return bus_attach(&m->bus, d);
}

int machine_init(struct machine *m, const struct machine_config *cfg, char *err, size_t errsize)
{
	memset(m, 0, sizeof *m);
	m->devs[0] = &m->dev_sysctl;
	m->devs[1] = &m->dev_console;
	m->devs[2] = &m->dev_disk;
	m->trace_out = cfg->trace_out ? cfg->trace_out : stderr;
	trace_file = m->trace_out;
	if (bus_init(&m->bus, cfg->ram_size) != 0) {
		snprintf(err, errsize, "cannot use %u bytes of RAM (1 MiB to 448 MiB, in 4 KiB pages)",
			 cfg->ram_size);
		return -1;
	}
	if (cpu_init(&m->cpu, &m->bus, cfg->tlb_entries ? cfg->tlb_entries : TLB_DEFAULT_ENTRIES)) {
		snprintf(err, errsize, "out of host memory");
		return -1;
	}
	m->cpu.trace = cfg->trace;
	m->bus.trace_dev = cfg->trace & TRACE_DEV;
	m->bus.clock = &m->cpu.cycles;
	m->host = (struct dev_host){ host_now, host_irq_changed, host_events_changed,
				     host_poweroff, host_dma, host_dma_done, 0 };
	void *disk = dev_disk_new(&m->host, cfg->disk_path, err, errsize);
	if (!disk)
		return -1;
	if (attach(m, &m->dev_sysctl, &dev_sysctl_ops, dev_sysctl_new(&m->host, cfg->ram_size),
		   HW_SYSCTL_BASE, -1) ||
	    attach(m, &m->dev_console, &dev_console_ops,
		   dev_console_new(&m->host, cfg->in_fd, cfg->out_fd), HW_CONSOLE_BASE, HW_IRQ_CONSOLE) ||
	    attach(m, &m->dev_disk, &dev_disk_ops, disk, HW_DISK_BASE, HW_IRQ_DISK)) {
		snprintf(err, errsize, "cannot attach the devices");
		return -1;
	}
	if (!m->dev_sysctl.st || !m->dev_console.st) {
		snprintf(err, errsize, "out of host memory");
		return -1;
	}
	update_events(m);
	return 0;
}

void machine_free(struct machine *m)
{
	struct dev *const *dv = m->devs;
	int n = MACHINE_NDEVS;
	for (int i = 0; i < n; i++)
		if (dv[i]->ops && dv[i]->ops->free && dv[i]->st)
			dv[i]->ops->free(dv[i]->st);
	cpu_free(&m->cpu);
	bus_free(&m->bus);
}

int machine_boot(struct machine *m, const struct elf_image *img, char *err, size_t errsize)
{
	for (int i = 0; i < img->nseg; i++) {
		const struct elf_segment *s = &img->seg[i];
		if (!bus_is_ram(&m->bus, s->pa, s->memsz)) {
			snprintf(err, errsize, "segment at 0x%08x does not fit in RAM", s->vaddr);
			return -1;
		}
		memcpy(m->bus.ram + s->pa, s->data, s->filesz);
		memset(m->bus.ram + s->pa + s->filesz, 0, s->memsz - s->filesz);
		cpu_code_written(&m->cpu, s->pa, s->memsz);
	}
	struct fw_boot fw;
	fw_boot_state(img, m->bus.ram_size, &fw);
	struct cpu *c = &m->cpu;
	for (int i = 0; i < 2; i++)
		c->tlb.e[i] = fw.tlb[i];
	cpu_cp0_write(c, CP0_WIRED, HW_FW_WIRED);
	cpu_cp0_write(c, CP0_EBASE, fw.ebase);
	c->cp0[CP0_STATUS] = fw.status;
	cpu_mode_changed(c);
	cpu_flush_caches(c);
	c->pc = fw.pc;
	c->gpr[4] = fw.a0;      /* $a0 */
	c->gpr[29] = fw.sp;     /* $sp */
	return 0;
}

/* ---- running --------------------------------------------------------------------- */

static void run_device_events(struct machine *m)
{
	while (m->next_dev_event <= m->cpu.cycles) {
		dev_run_due(m->devs, MACHINE_NDEVS, m->cpu.cycles);
		update_events(m);
		update_irqs(m);
	}
}

enum machine_wait machine_wait_rule(uint32_t status, uint32_t cause, uint64_t next_dev_event,
				    uint64_t timer_deadline, const struct dev *con,
				    uint64_t until, uint64_t *to)
{
	uint32_t im = status & ST_IM;
	if (cause & im)
		return WAIT_WOKEN;
	uint64_t wake = next_dev_event;
	if ((im & (1u << (CAUSE_IP_SHIFT + HW_IRQ_TIMER))) && timer_deadline < wake)
		wake = timer_deadline;
	if (wake == UINT64_MAX) {
		/* Only a person at a terminal can still wake us, through the
		 * console's receive interrupt. */
		if (!(im & (1u << (CAUSE_IP_SHIFT + HW_IRQ_CONSOLE))))
			return WAIT_NEVER;
		dev_console_flush(con->st);
		return dev_console_poll(con->st, 1000) >= 0 ? WAIT_GOES_ON : WAIT_NEVER;
	}
	/* Waiting on a person at a terminal: block in the host for a moment
	 * rather than spinning through the console's poll events. */
	if (con->ops->next_event && con->ops->next_event(con->st) == wake) {
		dev_console_flush(con->st);
		dev_console_poll(con->st, 10);
	}
	*to = wake < until ? wake : until;
	return WAIT_GOES_ON;
}

/* WAIT on the bare machine (machine_wait_rule). Returns false if nothing
 * can ever end it. */
static bool idle(struct machine *m, uint64_t until)
{
	struct cpu *c = &m->cpu;
	uint64_t to = c->cycles;
	switch (machine_wait_rule(c->cp0[CP0_STATUS], cpu_cp0_read(c, CP0_CAUSE), m->next_dev_event,
				  cpu_timer_deadline(c), &m->dev_console, until, &to)) {
	case WAIT_WOKEN:
		c->waiting = false;
		return true;
	case WAIT_NEVER:
		return false;
	case WAIT_GOES_ON:
		break;
	}
	if (to > c->cycles)
		cpu_charge(c, to - c->cycles, false);     /* idle time */
	return true;
}

enum machine_stop machine_run(struct machine *m, uint64_t until)
{
	struct cpu *c = &m->cpu;
	for (;;) {
		if (m->halted)
			break;
		if (c->guest_error) {
			dev_console_flush(m->dev_console.st);
			return STOP_GUEST_ERROR;
		}
		if (m->next_dev_event <= c->cycles)
			run_device_events(m);
		if (c->cycles >= until) {
			dev_console_flush(m->dev_console.st);
			return STOP_CYCLES;
		}
		if (c->waiting) {
			if (!idle(m, until)) {
				dev_console_flush(m->dev_console.st);
				return STOP_DEADLOCK;
			}
			continue;
		}
		uint64_t stop = m->next_dev_event < until ? m->next_dev_event : until;
		if (c->trace & TRACE_INSN) {
			uint32_t w = 0;
			char text[96];
			if (cpu_peek32(c, c->pc, &w) == 0) {
				isa_disasm(w, c->pc, text, sizeof text, NULL, NULL);
				fprintf(m->trace_out, "insn %" PRIu64 " %c %08x %08x %s\n", c->cycles,
					"KSU"[c->mode], c->pc, w, text);
			}
			if (stop > c->cycles + 1)
				stop = c->cycles + 1;
		}
		int r = cpu_run(c, stop);
		if (r == X_EXC && c->exited) {
			dev_console_flush(m->dev_console.st);
			return STOP_EXIT;
		}
		if (r == X_STOP && c->dbg && c->dbg->hit != HIT_NONE) {
			dev_console_flush(m->dev_console.st);
			return STOP_DEBUG;
		}
	}
	dev_console_flush(m->dev_console.st);
	return STOP_POWEROFF;
}

void machine_print_stats(const struct machine *m, FILE *f)
{
	const struct cpu *c = &m->cpu;
	const struct cpu_stats *s = &c->stats;
	fprintf(f, "cycles            %" PRIu64 "\n", c->cycles);
	fprintf(f, "instructions      %" PRIu64 "\n", cpu_insns(c));
	fprintf(f, "stall cycles      %" PRIu64 " (load-use %" PRIu64 ", HI/LO and MUL %" PRIu64 ")\n",
		cpu_load_use_stalls(c) + s->stalls, cpu_load_use_stalls(c), s->stalls);
	fprintf(f, "exceptions       ");
	uint64_t total = 0;
	for (unsigned i = 0; i < 32; i++)
		if (s->exceptions[i]) {
			fprintf(f, " %s=%" PRIu64, exc_name(i), s->exceptions[i]);
			total += s->exceptions[i];
		}
	fprintf(f, "%s\n", total ? "" : " none");
	fprintf(f, "tlb refills       %" PRIu64 "\n", s->refills);
	fprintf(f, "tlb writes        %" PRIu64 "\n", s->tlb_writes);
	fprintf(f, "interrupts        %" PRIu64 "\n", s->exceptions[EXC_INT]);
}
