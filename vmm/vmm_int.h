/*
 * vmm_int.h - private to vmm/: the pieces of exit handling, and who owns
 * which part of the work.
 *
 *   run.c      the run loop: boundaries, virtual interrupts, WAIT, turns
 *   exit.c     one exit: sort it by cause, reflect, record
 *   emulate.c  privileged instructions, RDHWR and hypercalls
 *   vmem.c     the guest's address translation, and emulated loads/stores
 *   stlb.c     the shadow TLB and real ASIDs
 *   vm.c       a VM's creation, boot, virtual devices, context switch
 *   stats.c    exit records, --trace=exits, --stats
 */
#ifndef TRAPEZE_VMM_INT_H
#define TRAPEZE_VMM_INT_H

#include "../isa/isa.h"
#include "vcost.h"
#include "vmm.h"

/* ---- vm.c ------------------------------------------------------------------------------ */
/* (vm_mode() is in vmm.h) */
/* Make the real CPU match the virtual state: real Status.KSU = supervisor
 * for virtual kernel and supervisor mode, user for user mode (CU0 = EXL =
 * ERL = IE = 0 always); real EntryHi.ASID = the real ASID of (ERL, guest ASID). */
void vm_sync_real(struct vm *vm);
/* (vm_switch_to() is in vmm.h) */
/* Stop the VM for a guest error (printf-style reason). */
void vm_stop(struct vm *vm, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A lab handout's stub (labs/README.md): stop the VM with "lab N: not
 * implemented: WHAT". The reference code between the LAB N BEGIN/END
 * markers never calls it. */
void vm_lab_todo(struct vm *vm, int lab, const char *what);
/* Virtual devices: run events due by the guest clock; recompute lines. */
void vm_run_device_events(struct vm *vm);
void vm_update_irqs(struct vm *vm);

/* The guest clock pays for an instruction the VMM completed for the guest:
 * `cycles` as the bare machine charges it (cost.h). */
static inline void vm_retire(struct cpu *c, uint64_t cycles)
{
	c->cycles += cycles;
	c->stats.insns++;
	c->stats.extra += cycles - COST_INSN;
}

/* ---- exit.c --------------------------------------------------------------------------- */
/* Handle c->exit for vm (the current VM). Returns true if it changed
 * nothing but registers and the clock (a plain CP0 move): nothing that
 * could make an interrupt pending, change the mode or schedule an event. */
bool vmm_handle_exit(struct vmm *m, struct vm *vm);
/* Deliver an exception to the guest as the bare machine would: virtual CP0
 * updated by cp0_exception_entry, PC = the guest's vector, guest charged
 * `cost` cycles. pc/bd name the instruction (bd: in a delay slot). */
void vm_reflect(struct vm *vm, unsigned code, uint32_t pc, bool bd, uint32_t badvaddr,
		bool refill, uint64_t cost);
/* Take a pending virtual interrupt (at a boundary that is not a delay slot). */
void vm_deliver_irq(struct vm *vm);
/* Append an exit record (and trace it). On every exit's path: inline. */
void vmm_trace_exit(const struct vmm *m, const struct vmm_exit_rec *r);
static inline void vmm_record(struct vm *vm, enum vmm_exit_kind kind, unsigned code,
			      unsigned detail, uint32_t pc, uint32_t word, uint32_t addr,
			      uint32_t guest_cost, uint32_t vmm_cost)
{
	struct vmm *m = vm->vmm;
	struct vmm_exit_rec *r = &m->ring[m->nexits % VMM_RING];
	r->seq = m->nexits++;
	r->guest_cycle = m->cpu.cycles;      /* records are made while vm runs */
	r->vm = (uint8_t)vm->id;
	r->kind = (uint8_t)kind;
	r->code = (uint8_t)code;
	r->detail = (uint8_t)detail;
	r->pc = pc;
	r->word = word;
	r->addr = addr;
	r->guest_cost = guest_cost;
	r->vmm_cost = vmm_cost;
	vm->exits[kind]++;
	vm->exit_guest[kind] += guest_cost;
	vm->exit_vmm[kind] += vmm_cost;
	vm->vmm_cycles += vmm_cost;
	if (__builtin_expect(m->cfg.trace & VMM_TRACE_EXITS, 0))
		vmm_trace_exit(m, r);
}
/* The decoding of an exit's instruction word, remembered. */
const struct vmm_decoded *vmm_decode_slow(struct vmm *m, uint32_t word);
static inline const struct vmm_decoded *vmm_decode(struct vmm *m, uint32_t word)
{
	const struct vmm_decoded *e = &m->dcache[(word ^ (word >> 11) ^ (word >> 21)) & 255];
	return e->word == word ? e : vmm_decode_slow(m, word);
}

/* ---- emulate.c -------------------------------------------------------------------------- */
/* A Coprocessor Unusable exit: emulate the privileged instruction if the
 * guest is in virtual kernel mode (or has virtual CU0), else reflect CpU. */
void vm_emulate_priv(struct vm *vm, const struct cpu_exit *x);
/* A Reserved Instruction exit: RDHWR is emulated per the virtual HWREna,
 * everything else reflected. */
void vm_emulate_ri(struct vm *vm, const struct cpu_exit *x);

/* ---- vmem.c ------------------------------------------------------------------------------ */
struct vxlate {
	unsigned exc;            /* 0, or the exception the bare machine raises  */
	bool refill;             /* TLB refill rather than invalid               */
	gpa_t pa;
	bool dirty;              /* the guest's D bit (stores allowed)           */
	uint32_t entrylo;        /* the matched virtual EntryLo (mapped only)     */
	int vidx;                /* virtual TLB entry, -1 unmapped segment, -2 ERL */
};
/* The guest's translation of va for acc, in its current virtual mode, by
 * the rules of machine/mmu.c applied to the virtual CP0 and virtual TLB. */
struct vxlate vm_translate(const struct vm *vm, gva_t va, enum cpu_access acc);
/* (vm_peek32() is in vmm.h) */
/* Host pointer to guest RAM [pa, pa+len), or NULL if not all RAM. */
uint8_t *vm_ram(struct vm *vm, gpa_t pa, uint32_t len);
/* The VMM stored into guest RAM [pa, pa+len) (len > 0): mark the pages
 * written (vm->dirty) and drop stale decodings of instructions there. */
void vm_ram_written(struct vm *vm, gpa_t pa, uint32_t len);
/* Emulate the load or store x->word (a device access, a kseg0/kseg1/kseg3
 * access in virtual kernel mode), as the bare machine would execute it. */
void vm_emulate_mem(struct vm *vm, const struct cpu_exit *x, enum vmm_exit_kind kind);
/* A TLB exit (TLBL, TLBS, Mod) and an address error exit. */
void vm_tlb_exit(struct vm *vm, const struct cpu_exit *x);
void vm_address_exit(struct vm *vm, const struct cpu_exit *x);

/* ---- stlb.c ------------------------------------------------------------------------------- */
/* The real ASID for key (ERL << 8 | guest ASID), allocating one. */
uint8_t stlb_asid(struct vmm *m, struct vm *vm, unsigned key);
/* Write the shadow of guest page va -> x (machine page from the pmap). */
void stlb_fill(struct vmm *m, struct vm *vm, gva_t va, const struct vxlate *x);
/* The virtual TLB entry vidx is about to change: forget its shadows. */
void stlb_forget_ventry(struct vmm *m, struct vm *vm, int vidx);

#endif
