/*
 * vm.c - a virtual machine's life: its slice of machine memory and pmap,
 * its virtual devices, the boot protocol, and the context switch that puts
 * its registers into the real CPU.
 *
 * Virtual devices are the machine's own device code (machine/dev_*.c) given
 * a different host: "now" is the guest clock, DMA reaches guest-physical
 * RAM only, and POWEROFF stops this VM only. So a guest sees exactly the
 * devices the bare machine has.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "vmm_int.h"

#define HOST_VM(h) ((struct vm *)((char *)(h) - offsetof(struct vm, host)))

/* ---- the guest clock and the guest's mode ------------------------------------------- */

uint64_t vm_insns(const struct vm *vm)
{
	return vm->vmm->cur == vm ? vm->vmm->cpu.stats.insns : vm->saved.stats.insns;
}

enum cpu_mode vm_mode(const struct vm *vm)
{
	static const enum cpu_mode by_ksu[4] = { MODE_KERNEL, MODE_SUPER, MODE_USER, MODE_USER };
	uint32_t st = vm->cp0[CP0_STATUS];
	return (st & (ST_EXL | ST_ERL)) ? MODE_KERNEL : by_ksu[(st & ST_KSU) >> ST_KSU_SHIFT];
}

void vm_sync_real(struct vm *vm)
{
	struct cpu *c = &vm->vmm->cpu;
	uint32_t ksu = vm_mode(vm) == MODE_USER ? ST_KSU_USER : ST_KSU_SUPER;
	unsigned key = (vm->cp0[CP0_ENTRYHI] & ENTRYHI_ASID) |
		       ((vm->cp0[CP0_STATUS] & ST_ERL) ? 0x100u : 0);
	uint32_t asid = stlb_asid(vm->vmm, vm, key);
	vm->mode = vm_mode(vm);
	if (c->cp0[CP0_STATUS] != ksu)
		cpu_cp0_write(c, CP0_STATUS, ksu);
	if ((c->cp0[CP0_ENTRYHI] & ENTRYHI_ASID) != asid)
		cpu_cp0_write(c, CP0_ENTRYHI, asid);
}

/* ---- context switch ------------------------------------------------------------------------ */

static void save(const struct cpu *c, struct vm_regs *r)
{
	memcpy(r->gpr, c->gpr, sizeof r->gpr);
	r->hi = c->hi; r->lo = c->lo; r->pc = c->pc; r->ds_target = c->ds_target;
	r->in_ds = c->in_ds; r->llbit = c->llbit;
	r->cycles = c->cycles; r->hilo_ready = c->hilo_ready;
	r->resume_ld = c->resume_ld;
	r->stats = c->stats;
}

static void load(struct cpu *c, const struct vm_regs *r)
{
	memcpy(c->gpr, r->gpr, sizeof r->gpr);
	c->gpr[0] = 0;
	c->hi = r->hi; c->lo = r->lo; c->pc = r->pc; c->ds_target = r->ds_target;
	c->in_ds = r->in_ds; c->llbit = r->llbit;
	c->cycles = r->cycles; c->hilo_ready = r->hilo_ready;
	c->resume_ld = r->resume_ld;
	c->stats = r->stats;
}

void vm_switch_to(struct vmm *m, struct vm *vm)
{
	if (m->cur == vm)
		return;
	if (m->cur)
		save(&m->cpu, &m->cur->saved);
	m->cur = vm;
	load(&m->cpu, &vm->saved);
	m->cpu.stop_req = false;
	m->cpu.exited = false;
	vm_sync_real(vm);
}

const struct vm_regs *vm_regs(const struct vm *vm, struct vm_regs *buf)
{
	if (vm->vmm->cur != vm)
		return &vm->saved;
	save(&vm->vmm->cpu, buf);
	return buf;
}

uint32_t vm_cp0_read(const struct vm *vm, enum cp0_reg r)
{
	return cp0_read(vm->cp0, &vm->tm, (unsigned)vm->tlb.n, vm->irq_lines, r, vm_clock(vm));
}

void vm_stop(struct vm *vm, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(vm->error, sizeof vm->error, fmt, ap);
	va_end(ap);
	vm->state = VM_ERROR;
	struct cpu *c = &vm->vmm->cpu;
	vmm_record(vm, VX_STOP, c->exit.code, 0, c->pc, c->exit.word, c->exit.badvaddr, 0, 0);
}

void vm_lab_todo(struct vm *vm, int lab, const char *what)
{
	if (vm->state != VM_RUNNING)
		return;               /* the first stub reached is the one reported */
	vm_stop(vm, "lab %d: not implemented: %s", lab, what);
	vm->lab_todo = lab;
}

/* ---- virtual devices: the machine's devices on this VM's host --------------------------- */

static uint64_t host_now(struct dev_host *h)
{
	return vm_clock(HOST_VM(h));
}

void vm_update_irqs(struct vm *vm)
{
	vm->irq_lines = dev_irq_lines(vm->devs, 3);
}

static void update_events(struct vm *vm)
{
	vm->next_dev_event = dev_next_event(vm->devs, 3);
}

void vm_run_device_events(struct vm *vm)
{
	uint64_t now = vm_clock(vm);
	while (vm->next_dev_event <= now) {
		dev_run_due(vm->devs, 3, now);
		update_events(vm);
		vm_update_irqs(vm);
	}
}

static void host_irq_changed(struct dev_host *h)
{
	vm_update_irqs(HOST_VM(h));
}

static void host_events_changed(struct dev_host *h)
{
	struct vm *vm = HOST_VM(h);
	update_events(vm);
	if (vm->vmm->cur == vm)
		cpu_request_stop(&vm->vmm->cpu);
}

static void host_poweroff(struct dev_host *h, uint32_t status)
{
	struct vm *vm = HOST_VM(h);
	vm->state = VM_POWEROFF;
	vm->exit_status = status;
}

static uint8_t *host_dma(struct dev_host *h, uint32_t pa, uint32_t len)
{
	return vm_ram(HOST_VM(h), GPA(pa), len);
}

static void host_dma_done(struct dev_host *h, uint32_t pa, uint32_t len)
{
	struct vm *vm = HOST_VM(h);
	cpu_code_written(&vm->vmm->cpu, vm->base.v + pa, len);
}

/* Console output of one of several VMs: whole lines, each with a "[vmN] "
 * prefix, so that VMs taking turns never split each other's lines. A line
 * is held until its newline (or until VMM_OUT_LINE bytes, or the VM's end). */
#define VMM_OUT_LINE 4096
struct vmm_out {
	int fd;
	char prefix[16];
	size_t len;
	char line[VMM_OUT_LINE + 1];
};

static void write_all(int fd, const void *p, size_t n)
{
	const char *b = p;
	while (n) {
		ssize_t w = write(fd, b, n);
		if (w <= 0)
			return;              /* output is gone: drop it, as the console does */
		b += w;
		n -= (size_t)w;
	}
}

static void out_line(struct vmm_out *o)
{
	char buf[sizeof o->prefix + VMM_OUT_LINE + 1];
	size_t p = strlen(o->prefix);
	memcpy(buf, o->prefix, p);
	memcpy(buf + p, o->line, o->len);
	write_all(o->fd, buf, p + o->len);     /* one write: a line stays whole */
	o->len = 0;
}

static void prefix_sink(void *ctx, const uint8_t *buf, size_t n)
{
	struct vmm_out *o = ctx;
	for (size_t i = 0; i < n; i++) {
		o->line[o->len++] = (char)buf[i];
		if (buf[i] == '\n')
			out_line(o);
		else if (o->len == VMM_OUT_LINE) {
			o->line[o->len++] = '\n';       /* an endless line: cut it */
			out_line(o);
		}
	}
}


static void vm_free(struct vm *vm);

/* ---- creation and boot ---------------------------------------------------------------------- */

struct vm *vmm_add_vm(struct vmm *m, const struct vm_config *vc, const struct elf_image *img,
		      char *err, size_t errsize)
{
	if (m->nvms == VMM_MAX_VMS) {
		snprintf(err, errsize, "at most %d VMs", VMM_MAX_VMS);
		return NULL;
	}
	if (img->entry < 0xC0000000u || img->entry >= 0xE0000000u) {
		snprintf(err, errsize, "entry point 0x%08x is not in sseg: under the VMM a guest "
			 "must be linked at 0xC0000000-0xDFFFFFFF (DESIGN.md section 5)", img->entry);
		return NULL;
	}
	uint32_t size = vc->ram_size;
	if (size > m->bus.ram_size - m->mem_used) {
		snprintf(err, errsize, "machine memory is too small: VM %d needs %u MiB, %u MiB of %u MiB "
			 "are left (--machine-ram)", m->nvms, size >> 20,
			 (m->bus.ram_size - m->mem_used) >> 20, m->bus.ram_size >> 20);
		return NULL;
	}
	struct vm *vm = calloc(1, sizeof *vm);
	if (!vm) {
		snprintf(err, errsize, "out of host memory");
		return NULL;
	}
	vm->id = m->nvms;
	vm->vmm = m;
	vm->pv_page = GPA(VM_PV_OFF);       /* no PV page until HC_PV_PAGE */
	vm->ram_size = size;
	vm->base = MPA(m->mem_used);
	vm->pmap = calloc(size >> 12, sizeof *vm->pmap);
	vm->dirty = calloc(size >> 12, 1);
	if (!vm->pmap || !vm->dirty) {
		snprintf(err, errsize, "out of host memory");
		goto fail;
	}
	/* The pmap: guest page g lives in machine page base/4K + g. It is what
	 * the shadow TLB maps guest pages with (stlb_fill). The VMM's own
	 * accesses to guest RAM (emulated loads and stores, DMA, loading the
	 * image) use the slice [base, base + size) directly: the same pages,
	 * because the slice is contiguous. */
	for (uint32_t g = 0; g < size >> 12; g++)
		vm->pmap[g] = (vm->base.v >> 12) + g;
	/* machine memory is handed out once, fresh from calloc: already zero */

	/* guest-physical space: its RAM, then the same devices as the machine */
	vm->bus.ram = m->bus.ram + vm->base.v;
	vm->bus.ram_size = size;
	vm->bus.trace_dev = m->cfg.trace & TRACE_DEV;
	vm->bus.clock = &m->cpu.cycles;    /* devices are reached only while it runs */
	vm->devs[0] = &vm->dev_sysctl;
	vm->devs[1] = &vm->dev_console;
	vm->devs[2] = &vm->dev_disk;
	vm->host = (struct dev_host){ host_now, host_irq_changed, host_events_changed,
				      host_poweroff, host_dma, host_dma_done, 0 };
	void *disk = dev_disk_new(&vm->host, vc->disk_path, err, errsize);
	if (!disk)
		goto fail;
	void *con = dev_console_new(&vm->host, vc->in_fd, vc->out_fd);
	vm->dev_sysctl = (struct dev){ &dev_sysctl_ops, dev_sysctl_new(&vm->host, size),
				       HW_SYSCTL_BASE, -1 };
	vm->dev_console = (struct dev){ &dev_console_ops, con, HW_CONSOLE_BASE, HW_IRQ_CONSOLE };
	vm->dev_disk = (struct dev){ &dev_disk_ops, disk, HW_DISK_BASE, HW_IRQ_DISK };
	for (int i = 0; i < 3; i++)
		if (!vm->devs[i]->st || bus_attach(&vm->bus, vm->devs[i])) {
			snprintf(err, errsize, "out of host memory");
			goto fail;
		}
	if (vc->prefix) {
		vm->out = calloc(1, sizeof *vm->out);
		if (!vm->out) {
			snprintf(err, errsize, "out of host memory");
			goto fail;
		}
		vm->out->fd = vc->out_fd;
		snprintf(vm->out->prefix, sizeof vm->out->prefix, "%s", vc->prefix);
		dev_console_set_sink(con, prefix_sink, vm->out);
	}
	update_events(vm);

	/* The vCPU at reset, then the firmware's work (DESIGN.md section 5),
	 * done on the virtual CP0 and virtual TLB exactly as machine_boot does
	 * it on the real ones. */
	tlb_init(&vm->tlb, m->cpu.tlb.n);
	cp0_reset(vm->cp0, &vm->tm, (unsigned)vm->tlb.n, 0);
	for (int i = 0; i < img->nseg; i++) {
		const struct elf_segment *s = &img->seg[i];
		uint8_t *p = vm_ram(vm, GPA(s->pa), s->memsz);
		if (!p) {
			snprintf(err, errsize, "segment at 0x%08x does not fit in the VM's RAM", s->vaddr);
			goto fail;
		}
		memcpy(p, s->data, s->filesz);
		memset(p + s->filesz, 0, s->memsz - s->filesz);
		cpu_code_written(&m->cpu, vm->base.v + s->pa, s->memsz);
	}
	struct fw_boot fw;
	fw_boot_state(img, size, &fw);
	for (int i = 0; i < 2; i++)
		vm->tlb.e[i] = fw.tlb[i];
	cp0_write(vm->cp0, &vm->tm, CP0_WIRED, HW_FW_WIRED, 0);
	cp0_write(vm->cp0, &vm->tm, CP0_EBASE, fw.ebase, 0);
	vm->cp0[CP0_STATUS] = fw.status;
	vm->saved.pc = fw.pc;
	vm->saved.gpr[4] = fw.a0;
	vm->saved.gpr[29] = fw.sp;
	m->mem_used += size;
	m->vm[m->nvms++] = vm;
	return vm;
fail:
	vm_free(vm);
	return NULL;
}

/* Also frees a VM that vmm_add_vm built only partly. */
static void vm_free(struct vm *vm)
{
	for (int i = 0; i < 3; i++)
		if (vm->devs[i] && vm->devs[i]->ops && vm->devs[i]->ops->free && vm->devs[i]->st)
			vm->devs[i]->ops->free(vm->devs[i]->st);
	if (vm->out && vm->out->len) {        /* end a last unterminated line */
		vm->out->line[vm->out->len++] = '\n';
		out_line(vm->out);
	}
	free(vm->out);
	free(vm->pmap);
	free(vm->dirty);
	free(vm);
}

/* ---- the monitor ------------------------------------------------------------------------------ */

int vmm_init(struct vmm *m, const struct vmm_config *cfg, char *err, size_t errsize)
{
	memset(m, 0, sizeof *m);
	m->cfg = *cfg;
	if (!m->cfg.quantum)
		m->cfg.quantum = VMM_QUANTUM;
	if (!m->cfg.trace_out)
		m->cfg.trace_out = stderr;
	if (bus_init(&m->bus, cfg->machine_ram) != 0) {
		snprintf(err, errsize, "cannot have %u bytes of machine memory (1 MiB to 448 MiB, "
			 "in 4 KiB pages)", cfg->machine_ram);
		return -1;
	}
	if (cpu_init(&m->cpu, &m->bus, cfg->tlb_entries ? cfg->tlb_entries : TLB_DEFAULT_ENTRIES)) {
		snprintf(err, errsize, "out of host memory");
		return -1;
	}
	struct cpu *c = &m->cpu;
	c->exit_to_host = true;
	c->trace = cfg->trace & TRACE_INSN;
	/* The real CPU as the VMM keeps it: no wired entries, no RDHWR for
	 * guests (so RDHWR exits and is emulated), interrupts off (the VMM is
	 * host code and needs none), kernel-only CP0. vm_sync_real sets the
	 * rest whenever a VM runs. */
	cpu_cp0_write(c, CP0_WIRED, 0);
	cpu_cp0_write(c, CP0_HWRENA, 0);
	cpu_cp0_write(c, CP0_STATUS, ST_KSU_SUPER);
	m->next_asid = 1;
	for (int i = 0; i < 256; i++)           /* every slot says: word 0 is not CP0 */
		m->dcache[i] = (struct vmm_decoded){ 0, (uint8_t)isa_decode(0), -1 };
	return 0;
}

void vmm_free(struct vmm *m)
{
	for (int i = 0; i < m->nvms; i++)
		vm_free(m->vm[i]);
	cpu_free(&m->cpu);
	bus_free(&m->bus);
}
