/*
 * run.c - running guests: the VMM's version of the machine's run loop.
 *
 * Equivalence (DESIGN.md section 6) depends on this file doing for a guest
 * exactly what machine/machine.c and cpu_run() do for the bare machine, in
 * the same order, by the guest clock:
 *
 *   machine_run              vmm_run_vm
 *     device events due        virtual device events due
 *     limit reached? stop      limit reached? stop
 *     WAIT: idle               WAIT: idle (the guest clock jumps)
 *     cpu_run(next event)      run_guest(next virtual event)
 *   cpu_run's boundary       run_guest's boundary
 *     interrupt pending and    virtual interrupt pending (virtual Status,
 *     not in a delay slot:     Cause, lines, timer) and not in a delay
 *     take it                  slot: reflect Int
 *
 * While a VM runs, the real CPU's clock IS its guest clock: exits charge
 * nothing, emulation charges the native cost, the VMM's own work goes to
 * vm->vmm_cycles. Several VMs take turns of cfg.quantum guest cycles each,
 * round-robin (a VM may give up its turn early with HC_YIELD).
 */
#include <inttypes.h>
#include "../machine/machine.h"
#include "vmm_int.h"

/* (vm is the current VM in these: its clock is the real CPU's) */
static uint64_t vtimer_deadline(const struct vm *vm)
{
	return cp0_timer_pending(&vm->tm, vm->vmm->cpu.cycles) ? UINT64_MAX : vm->tm.timer_at;
}

/* Would the bare machine take an interrupt now (at a boundary)? The
 * virtual Status (IE, EXL, ERL, IM), Cause.IP from the virtual device
 * lines and the virtual timer, at the guest clock. */
static bool irq_pending(struct vm *vm)
{
	/* LAB 3 BEGIN irq_pending */
	return cp0_interrupt_pending(vm->cp0, &vm->tm, vm->irq_lines, vm->vmm->cpu.cycles);
	/* LAB 3 STUB
	vm_lab_todo(vm, 3, "irq_pending");
	return false;
	*/
	/* LAB 3 END */
}

static void trace_insn(struct vm *vm)
{
	struct cpu *c = &vm->vmm->cpu;
	uint32_t w;
	char text[96];
	if (vm_peek32(vm, GVA(c->pc), &w) == 0) {
		isa_disasm(w, c->pc, text, sizeof text, NULL, NULL);
		fprintf(vm->vmm->cfg.trace_out, "insn %" PRIu64 " %c %08x %08x %s\n", c->cycles,
			"KSU"[vm_mode(vm)], c->pc, w, text);
	}
}

/* cpu_run for a guest: run until the guest clock reaches stop, taking
 * virtual interrupts at boundaries as cpu_run takes real ones, and handling
 * every exit on the way. */
/* The debugger holds the VM: an exit or interrupt waits (pause_exits), or
 * a breakpoint or watchpoint stopped the real CPU. */
static bool held(const struct vmm *m, const struct vm *vm)
{
	return vm->paused != VM_PAUSE_NONE || (m->cpu.dbg && m->cpu.dbg->hit != HIT_NONE);
}

static void run_guest(struct vmm *m, struct vm *vm, uint64_t until)
{
	struct cpu *c = &m->cpu;
	for (;;) {
		/* ---- boundary ---- */
		if (!c->in_ds && irq_pending(vm)) {
			if (m->pause_exits) {
				vm->paused = VM_PAUSE_VIRQ;
				return;
			}
			vm_deliver_irq(vm);
		}
		/* (an exit may have scheduled a device event: a disk command) */
		uint64_t stop = vm->next_dev_event < until ? vm->next_dev_event : until;
		if (c->cycles >= stop || vm->state != VM_RUNNING || vm->waiting || vm->yield ||
		    held(m, vm))
			return;
		uint64_t t = vtimer_deadline(vm);
		if (t > stop)
			t = stop;
		if (c->in_ds || (c->trace & TRACE_INSN))
			t = c->cycles + 1;    /* one instruction (a delay slot runs alone) */
		if (c->trace & TRACE_INSN)
			trace_insn(vm);
		/* ---- run it on the real CPU until the next event or an exit ----
		 * After an exit that changed nothing the boundary looks at, and
		 * with time left before t, go straight back. */
		while (cpu_run(c, t) == X_EXC && c->exited) {
			if (m->pause_exits) {           /* the debugger looks first */
				vm->paused = VM_PAUSE_EXIT;
				vm->pending = c->exit;
				c->exited = false;
				return;
			}
			if (!vmm_handle_exit(m, vm) || c->cycles >= t)
				break;
		}
	}
}

void vmm_finish_paused(struct vmm *m, struct vm *vm)
{
	struct cpu *c = &m->cpu;
	vm_switch_to(m, vm);
	enum vm_pause p = vm->paused;
	vm->paused = VM_PAUSE_NONE;
	if (p == VM_PAUSE_EXIT) {
		c->exit = vm->pending;
		c->exited = true;
		vmm_handle_exit(m, vm);
	} else if (p == VM_PAUSE_VIRQ && !c->in_ds && irq_pending(vm)) {
		vm_deliver_irq(vm);
	}
}

/* WAIT, by the bare machine's rule (machine_wait_rule) on the virtual CP0
 * and devices: the guest clock jumps to the earliest thing that could end
 * it. Returns false when nothing ever can. */
static bool idle(struct vm *vm, uint64_t until)
{
	/* LAB 3 BEGIN idle */
	struct cpu *c = &vm->vmm->cpu;
	uint64_t to = c->cycles;
	switch (machine_wait_rule(vm->cp0[CP0_STATUS], vm_cp0_read(vm, CP0_CAUSE),
				  vm->next_dev_event, vtimer_deadline(vm), &vm->dev_console,
				  until, &to)) {
	case WAIT_WOKEN:
		vm->waiting = false;
		return true;
	case WAIT_NEVER:
		return false;
	case WAIT_GOES_ON:
		break;
	}
	if (to > c->cycles)
		cpu_charge(c, to - c->cycles, false);     /* idle time */
	return true;
	/* LAB 3 STUB
	(void)until; (void)vtimer_deadline;
	vm_lab_todo(vm, 3, "idle");
	return true;
	*/
	/* LAB 3 END */
}

void vmm_run_vm(struct vmm *m, struct vm *vm, uint64_t until)
{
	struct cpu *c = &m->cpu;
	vm_switch_to(m, vm);
	if (vm->paused != VM_PAUSE_NONE)
		vmm_finish_paused(m, vm);
	if (until > m->cfg.max_cycles)
		until = m->cfg.max_cycles;
	while (vm->state == VM_RUNNING && !held(m, vm)) {
		if (vm->yield) {
			vm->yield = false;
			break;
		}
		if (vm->next_dev_event <= c->cycles)
			vm_run_device_events(vm);
		if (c->cycles >= until)
			break;
		if (vm->waiting) {
			if (!idle(vm, until))
				vm->state = VM_DEADLOCK;
			continue;
		}
		run_guest(m, vm, until);
	}
	if (vm->state == VM_RUNNING && c->cycles >= m->cfg.max_cycles)
		vm->state = VM_LIMIT;
	dev_console_flush(vm->dev_console.st);
}

void vmm_run(struct vmm *m)
{
	for (;;) {
		bool any = false;
		for (int i = 0; i < m->nvms; i++) {
			struct vm *vm = m->vm[i];
			if (vm->state != VM_RUNNING)
				continue;
			any = true;
			uint64_t until = UINT64_MAX;
			if (m->nvms > 1 && vm_clock(vm) < UINT64_MAX - m->cfg.quantum)
				until = vm_clock(vm) + m->cfg.quantum;
			vmm_run_vm(m, vm, until);
		}
		if (!any)
			break;
	}
}
