/*
 * emulate.c - trap-and-emulate: the privileged instructions of DESIGN.md
 * section 2 executed against the virtual CP0 and virtual TLB, with the same
 * rules as the real CPU (machine/exec_priv.h) because they are the same
 * functions (machine/cp0.h: cp0_read, cp0_write, cp0_eret, cp0_tlb_*).
 *
 * The guest clock is charged what the bare machine charges (cost.h): one
 * cycle for most, COST_ERET for ERET. Then execution resumes after the
 * instruction, completing its branch if it sat in a delay slot
 * (cpu_skip_insn), exactly where the bare machine would continue.
 */
#include "hypercall.h"
#include "vmm_int.h"

/* The guest may use CP0 now: virtual kernel mode, or virtual Status.CU0. */
static bool vcp0_usable(const struct vm *vm)
{
	return vm_mode(vm) == MODE_KERNEL || (vm->cp0[CP0_STATUS] & ST_CU0);
}

static void set_rt(struct cpu *c, uint32_t word, uint32_t v)
{
	if (RT(word))
		c->gpr[RT(word)] = v;
}

/* Completed: charge, record, go on after it. */
static void done(struct vm *vm, const struct cpu_exit *x, enum isa_op op, uint64_t cycles,
		 enum vmm_exit_kind kind)
{
	struct cpu *c = &vm->vmm->cpu;
	vm_retire(c, cycles);
	vm->emulated[op]++;
	vmm_record(vm, kind, x->code, op, x->pc, x->word, 0, (uint32_t)cycles,
		   kind == VX_HYPERCALL ? VCOST_HYPERCALL : VCOST_EMULATE);
	cpu_skip_insn(c);
}

/* TLBWI/TLBWR: the virtual entry changes, so its shadows go first. */
static void tlb_write(struct vm *vm, unsigned index)
{
	int i = (int)(index % (unsigned)vm->tlb.n);
	stlb_forget_ventry(vm->vmm, vm, i);
	cp0_tlb_write(vm->cp0, &vm->tlb, (unsigned)i);
}

/* ---- hypercalls (vmm/hypercall.h) ------------------------------------------------------- */

static uint32_t hc_console_write(struct vm *vm, uint32_t va, uint32_t len)
{
	uint8_t buf[HC_WRITE_MAX];
	if (len > HC_WRITE_MAX)
		len = HC_WRITE_MAX;
	for (uint32_t i = 0; i < len; i++) {
		struct vxlate v = vm_translate(vm, GVA(va + i), ACC_LOAD);
		const uint8_t *p = v.exc ? NULL : vm_ram(vm, v.pa, 1);
		if (!p)
			return (uint32_t)HC_EFAULT;
		buf[i] = *p;
	}
	const struct dev *con = &vm->dev_console;
	for (uint32_t i = 0; i < len; i++)
		con->ops->write(con->st, HW_CONSOLE_DATA, 4, buf[i]);
	return len;
}

static void hypercall(struct vm *vm, const struct cpu_exit *x)
{
	struct cpu *c = &vm->vmm->cpu;
	uint32_t fn = c->gpr[2], a0 = c->gpr[4], a1 = c->gpr[5];
	uint32_t ret = 0;
	switch (fn) {
	case HC_CONSOLE_WRITE: ret = hc_console_write(vm, a0, a1); break;
	case HC_VM_ID:         ret = (uint32_t)vm->id; break;
	case HC_NVMS:          ret = (uint32_t)vm->vmm->nvms; break;
	case HC_YIELD:         vm->yield = true; break;
	case HC_POWEROFF:
		vm->state = VM_POWEROFF;
		vm->exit_status = a0;
		break;
	default:               ret = (uint32_t)HC_ENOSYS; break;
	}
	c->gpr[2] = ret;
	done(vm, x, ISA_OP_HYPCALL, COST_INSN, VX_HYPERCALL);
}

/* ---- the privileged instructions ------------------------------------------------------------ */

void vm_emulate_priv(struct vm *vm, const struct cpu_exit *x)
{
	struct cpu *c = &vm->vmm->cpu;
	uint32_t w = x->word;
	enum isa_op op = isa_decode(w);
	uint64_t t = c->cycles;       /* the guest clock as the instruction starts */
	int r;

	if (!vcp0_usable(vm)) {
		/* the bare machine raises CpU here too */
		vm_reflect(vm, EXC_CPU, x->pc, x->bd, 0, false, COST_INSN + COST_EXC_ENTRY);
		return;
	}
	switch (op) {
	case ISA_OP_MFC0:
		r = cp0_find(RD(w), SEL(w));
		set_rt(c, w, r < 0 ? 0 : cp0_read(vm->cp0, &vm->tm, (unsigned)vm->tlb.n,
						   vm->irq_lines, (enum cp0_reg)r, t));
		break;
	case ISA_OP_MTC0:
		r = cp0_find(RD(w), SEL(w));
		if (r >= 0 && (cp0_write(vm->cp0, &vm->tm, (enum cp0_reg)r, c->gpr[RT(w)], t) &
			       (CP0W_MODE | CP0W_FLUSH)))
			vm_sync_real(vm);
		break;
	case ISA_OP_DI:
	case ISA_OP_EI:
		set_rt(c, w, vm->cp0[CP0_STATUS]);
		vm->cp0[CP0_STATUS] = op == ISA_OP_EI ? vm->cp0[CP0_STATUS] | ST_IE
						       : vm->cp0[CP0_STATUS] & ~ST_IE;
		break;
	case ISA_OP_ERET:          /* (in a delay slot the real CPU raised RI instead) */
		c->pc = cp0_eret(vm->cp0);
		c->in_ds = false;
		c->llbit = false;
		vm_sync_real(vm);
		vm_retire(c, COST_ERET);
		vm->emulated[op]++;
		vmm_record(vm, VX_EMULATE, x->code, op, x->pc, w, 0, COST_ERET, VCOST_EMULATE);
		return;
	case ISA_OP_WAIT:
		vm->waiting = true;
		break;
	case ISA_OP_CACHE:         /* no caches: a no-op, as on the bare machine */
		break;
	case ISA_OP_TLBR:
		if (cp0_tlb_read(vm->cp0, &vm->tlb))
			vm_sync_real(vm);
		break;
	case ISA_OP_TLBWI:
		tlb_write(vm, vm->cp0[CP0_INDEX] & ~INDEX_P);
		break;
	case ISA_OP_TLBWR:
		tlb_write(vm, cp0_random(vm->cp0, &vm->tm, (unsigned)vm->tlb.n, t));
		break;
	case ISA_OP_TLBP:
		if (!cp0_tlb_probe(vm->cp0, &vm->tlb)) {     /* two matches: Status.TS set */
			vm_reflect(vm, EXC_MCHECK, x->pc, x->bd, 0, false, COST_INSN + COST_EXC_ENTRY);
			return;
		}
		break;
	case ISA_OP_HYPCALL:
		if (vm_mode(vm) != MODE_KERNEL) {  /* usable through CU0: RI, as on the bare machine */
			vm_reflect(vm, EXC_RI, x->pc, x->bd, 0, false, COST_INSN + COST_EXC_ENTRY);
			return;
		}
		hypercall(vm, x);
		return;
	default:
		vm_stop(vm, "internal error: Coprocessor Unusable from '%s' (0x%08x) at 0x%08x",
			isa_table[op].mnemonic, w, x->pc);
		return;
	}
	done(vm, x, op, COST_INSN, VX_EMULATE);
}

/* RDHWR: the real HWREna is 0, so every RDHWR outside real kernel mode comes
 * here. MIPS32: allowed in kernel mode (or with CU0), else only for the
 * registers HWREna enables; others raise RI. */
void vm_emulate_ri(struct vm *vm, const struct cpu_exit *x)
{
	struct cpu *c = &vm->vmm->cpu;
	uint32_t w = x->word;
	unsigned r = RD(w);
	if (isa_decode(w) != ISA_OP_RDHWR || r > HWR_CCRES ||
	    (!vcp0_usable(vm) && !(vm->cp0[CP0_HWRENA] & (1u << r)))) {
		vm_reflect(vm, EXC_RI, x->pc, x->bd, 0, false, COST_INSN + COST_EXC_ENTRY);
		return;
	}
	uint32_t v = 0;
	switch (r) {
	case HWR_CPUNUM:     v = vm->cp0[CP0_EBASE] & 0x3ffu; break;
	case HWR_SYNCI_STEP: v = 0; break;
	case HWR_CC:         v = cp0_count(vm->cp0, &vm->tm, c->cycles); break;
	case HWR_CCRES:      v = COUNT_DIVISOR; break;
	}
	set_rt(c, w, v);
	done(vm, x, ISA_OP_RDHWR, COST_INSN, VX_EMULATE);
}
