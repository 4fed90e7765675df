/*
 * exit.c - the life of a VM exit (docs/vmm.md): the real CPU raised an
 * exception while a guest ran, recorded it in c->exit and stopped instead of
 * vectoring. The VMM plays the part of kernel-mode software and decides:
 *
 *   Cause     what the VMM does
 *   CpU       the guest executed a privileged instruction: emulate it against
 *             the virtual CP0 if the guest is in virtual kernel mode (or has
 *             virtual CU0), else reflect CpU            (emulate.c)
 *   RI        RDHWR is emulated per the virtual HWREna; else reflect
 *   TLBL/TLBS real TLB miss or invalid: shadow fill, device emulation or
 *   Mod       reflection, by the guest's own mapping   (vmem.c)
 *   AdEL/AdES kseg0/kseg1/kseg3 in virtual kernel mode: emulate; else reflect
 *   others    SYSCALL, BREAK, traps, Ov, ...: the guest's; reflect
 *   Int, MCheck  cannot happen (real interrupts are off; the shadow TLB
 *             never holds two matching entries): an internal error
 */
#include <assert.h>
#include <inttypes.h>
#include "hypercall.h"
#include "vmm_int.h"

static bool fast_cp0_move(struct vm *vm, const struct cpu_exit *x);

static __attribute__((noinline)) void handle_exit(struct vm *vm, const struct cpu_exit *x)
{
	switch (x->code) {
	case EXC_CPU:
		vm_emulate_priv(vm, x);
		break;
	case EXC_RI:
		vm_emulate_ri(vm, x);
		break;
	case EXC_TLBL: case EXC_TLBS: case EXC_MOD:
		vm_tlb_exit(vm, x);
		break;
	case EXC_ADEL: case EXC_ADES:
		vm_address_exit(vm, x);
		break;
	case EXC_INT:
	case EXC_MCHECK:
		vm_stop(vm, "internal error: the real CPU raised %s at 0x%08x under the VMM",
			exc_name(x->code), x->pc);
		break;
	default:
		vm_reflect(vm, x->code, x->pc, x->bd, x->badvaddr, false, COST_INSN + COST_EXC_ENTRY);
		break;
	}
}

bool vmm_handle_exit(struct vmm *m, struct vm *vm)
{
	struct cpu *c = &m->cpu;
	const struct cpu_exit *x = &c->exit;     /* the CPU writes it only in cpu_run */
	c->exited = false;
	if (x->code == EXC_CPU && fast_cp0_move(vm, x))
		return true;
	handle_exit(vm, x);
	return false;
}

/* ---- reflection: the bare machine's exception entry, on the virtual CP0 ----------- */

/* The PV page (HC_PV_PAGE in hypercall.h): the registers an exception
 * handler reads, as MFC0 would read them at the handler's first instruction
 * (cp0_read at the guest clock after the entry's charge, as emulate.c's
 * MFC0 does), stored as little-endian words at their PV_* offsets. Out of
 * line: a VM without a PV page pays one branch in vm_reflect. */
static __attribute__((noinline)) void pv_write(struct vm *vm)
{
	/* LAB 4 BEGIN pv_write */
	static const struct { uint8_t off, reg; } pv[] = {
		{ PV_EPC, CP0_EPC }, { PV_CAUSE, CP0_CAUSE }, { PV_STATUS, CP0_STATUS },
		{ PV_BADVADDR, CP0_BADVADDR }, { PV_ENTRYHI, CP0_ENTRYHI },
		{ PV_CONTEXT, CP0_CONTEXT },
	};
	_Static_assert(sizeof pv / sizeof pv[0] * 4 == PV_SIZE, "a PV_* offset is not written");
	uint64_t now = vm->vmm->cpu.cycles;
	uint8_t *p = vm_ram(vm, vm->pv_page, PV_SIZE);   /* RAM: checked at registration */
	if (!p)
		return;
	for (unsigned i = 0; i < sizeof pv / sizeof pv[0]; i++) {
		uint32_t v = cp0_read(vm->cp0, &vm->tm, (unsigned)vm->tlb.n, vm->irq_lines,
				      (enum cp0_reg)pv[i].reg, now);
		for (unsigned b = 0; b < 4; b++)
			p[pv[i].off + b] = (uint8_t)(v >> 8 * b);
	}
	vm_ram_written(vm, vm->pv_page, PV_SIZE);
	/* LAB 4 STUB
	vm_lab_todo(vm, 4, "pv_write");
	*/
	/* LAB 4 END */
}

void vm_reflect(struct vm *vm, unsigned code, uint32_t pc, bool bd, uint32_t badvaddr,
		bool refill, uint64_t cost)
{
	struct cpu *c = &vm->vmm->cpu;
	const struct cpu_exit *x = &c->exit;
	bool fetch = x->fetch && x->pc == pc && code != EXC_INT;

	/* LAB 1 BEGIN vm_reflect */
	vm->reflected[code]++;
	cpu_charge(c, cost, false);       /* what the bare machine's entry costs */
	c->resume_ld = 0;                 /* nothing completed: no load-use stall */
	/* EPC, Cause (BD, ExcCode), BadVAddr, Context, EntryHi.VPN2, Status.EXL
	 * and the vector: cp0_exception_entry is the one statement of MIPS32's
	 * rule, used by the real CPU too. */
	c->pc = cp0_exception_entry(vm->cp0, code, 0, pc, bd, badvaddr, refill);
	c->in_ds = false;
	vm_sync_real(vm);                 /* EXL = 1: virtual kernel mode */
	/* LAB 1 STUB
	(void)code; (void)pc; (void)bd; (void)badvaddr; (void)refill; (void)cost;
	vm_lab_todo(vm, 1, "vm_reflect");
	return;
	*/
	/* LAB 1 END */
	if (__builtin_expect(vm->pv_page.v != VM_PV_OFF, 0))
		pv_write(vm);             /* paravirtual guests: the registers in RAM */
	vmm_record(vm, code == EXC_INT ? VX_VIRQ : VX_REFLECT, code == EXC_INT ? EXC_INT : x->code,
		   code, pc, code == EXC_INT ? 0 : x->word, badvaddr, (uint32_t)cost,
		   code == EXC_INT ? VCOST_VIRQ : VCOST_REFLECT);
	/* As on the bare machine (machine/cpu_exc.c): an exception vector that
	 * itself cannot be fetched would loop forever. */
	if (fetch && c->pc == pc)
		vm_stop(vm, "the exception vector at 0x%08x cannot be fetched (%s)%s", pc,
			exc_name(code), (vm->cp0[CP0_STATUS] & ST_BEV) ? "; Status.BEV is set" : "");
}

/* ---- virtual interrupts ---------------------------------------------------------------------- */

void vm_deliver_irq(struct vm *vm)
{
	/* LAB 3 BEGIN vm_deliver_irq */
	struct cpu *c = &vm->vmm->cpu;
	vm->waiting = false;
	vm_reflect(vm, EXC_INT, c->pc, false, 0, false, COST_EXC_ENTRY);
	/* LAB 3 STUB
	vm_lab_todo(vm, 3, "vm_deliver_irq");
	*/
	/* LAB 3 END */
}

/* ---- the record ------------------------------------------------------------------------------------ */

void vmm_trace_exit(const struct vmm *m, const struct vmm_exit_rec *r)
{
	char line[200];
	vmm_format_exit(r, line, sizeof line);
	fprintf(m->cfg.trace_out, "%s\n", line);
}

const struct vmm_decoded *vmm_decode_slow(struct vmm *m, uint32_t word)
{
	struct vmm_decoded *e = &m->dcache[(word ^ (word >> 11) ^ (word >> 21)) & 255];
	e->word = word;
	e->op = (uint8_t)isa_decode(word);
	e->row = isa_table[e->op].format == F_RT_C0_SEL ? (int8_t)cp0_find(RD(word), SEL(word)) : -1;
	return e;
}

/* The commonest exit of all, a guest kernel reading or writing a CP0
 * register, without the general machinery: MFC0 of a register that is just
 * stored, MTC0 of a PLAIN one (a masked store). Returns false if it is not
 * one of those (emulate.c does the rest, by the same rules). */
static inline bool fast_cp0_move(struct vm *vm, const struct cpu_exit *x)
{
	/* LAB 1 BEGIN fast_cp0_move (optional: the stub's "false" is correct, only slower) */
	struct cpu *c = &vm->vmm->cpu;
	const struct vmm_decoded *dc = vmm_decode(vm->vmm, x->word);
	if (dc->row < 0 || vm->mode != MODE_KERNEL)
		return false;
	unsigned rt = RT(x->word);
	if (dc->op == ISA_OP_MFC0 && dc->row != CP0_RANDOM && dc->row != CP0_COUNT &&
	    dc->row != CP0_CAUSE) {                 /* (those three follow the clock) */
		if (rt)
			c->gpr[rt] = vm->cp0[dc->row];
	} else if (dc->op == ISA_OP_MTC0 && cp0_table[dc->row].kind == PLAIN) {
		uint32_t w = cp0_table[dc->row].writable;
		vm->cp0[dc->row] = (vm->cp0[dc->row] & ~w) | (c->gpr[rt] & w);
	} else {
		return false;
	}
	vm_retire(c, COST_INSN);
	vm->emulated[dc->op]++;
	vmm_record(vm, VX_EMULATE, EXC_CPU, dc->op, x->pc, x->word, 0, COST_INSN, VCOST_EMULATE);
	cpu_skip_insn(c);
	return true;
	/* LAB 1 STUB
	(void)vm; (void)x;
	return false;
	*/
	/* LAB 1 END */
}
