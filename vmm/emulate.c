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
 *
 * HYPCALL in virtual kernel mode is the paravirtual interface
 * (hypercall.h): code 0 takes a function in $v0; the exception-path codes
 * are sequences of the instructions above (mtc0, tlbwr, eret, wait), built
 * from the same helpers, so each does exactly what its sequence would.
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

/* Emulated: charge, record, go on after it. (Hypercalls: hc_record.) */
static void done(struct vm *vm, const struct cpu_exit *x, enum isa_op op, uint64_t cycles)
{
	struct cpu *c = &vm->vmm->cpu;
	vm_retire(c, cycles);
	vm->emulated[op]++;
	vmm_record(vm, VX_EMULATE, x->code, op, x->pc, x->word, 0, (uint32_t)cycles,
		   VCOST_EMULATE);
	cpu_skip_insn(c);
}

/* TLBWI/TLBWR: the virtual entry changes, so its shadows go first. */
static void tlb_write(struct vm *vm, unsigned index)
{
	/* LAB 2 BEGIN tlb_write */
	int i = (int)(index % (unsigned)vm->tlb.n);
	stlb_forget_ventry(vm->vmm, vm, i);
	cp0_tlb_write(vm->cp0, &vm->tlb, (unsigned)i);
	/* LAB 2 STUB
	(void)index;
	vm_lab_todo(vm, 2, "tlb_write");
	*/
	/* LAB 2 END */
}

/* TLBWR: the entry Random names at the guest clock t (the instruction's start). */
static void tlb_write_random(struct vm *vm, uint64_t t)
{
	tlb_write(vm, cp0_random(vm->cp0, &vm->tm, (unsigned)vm->tlb.n, t));
}

/* ERET (MIPS32 Vol. III): to ErrorEPC clearing Status.ERL if it is set,
 * else to EPC clearing Status.EXL; clears the LL link; no delay slot. The
 * mode and (ERL) the address map may change: the real CPU follows. */
static void eret(struct vm *vm)
{
	/* LAB 1 BEGIN eret */
	struct cpu *c = &vm->vmm->cpu;
	c->pc = cp0_eret(vm->cp0);
	c->in_ds = false;
	c->llbit = false;
	vm_sync_real(vm);
	/* LAB 1 STUB
	vm_lab_todo(vm, 1, "eret");
	*/
	/* LAB 1 END */
}

/* MTC0 reg, value at guest clock t: the writable bits (cp0.def) and the
 * register's side effects, exactly as the MTC0 path applies them. */
static void mtc0(struct vm *vm, enum cp0_reg reg, uint32_t value, uint64_t t)
{
	/* LAB 1 BEGIN mtc0 */
	if (cp0_write(vm->cp0, &vm->tm, reg, value, t) & (CP0W_MODE | CP0W_FLUSH))
		vm_sync_real(vm);
	/* LAB 1 STUB
	(void)reg; (void)value; (void)t;
	vm_lab_todo(vm, 1, "mtc0");
	*/
	/* LAB 1 END */
}

/* ---- hypercalls (vmm/hypercall.h) ------------------------------------------------------- */

static uint32_t hc_console_write(struct vm *vm, uint32_t va, uint32_t len)
{
	/* LAB 4 BEGIN hc_console_write */
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
	/* LAB 4 STUB
	(void)va; (void)len;
	vm_lab_todo(vm, 4, "hc_console_write");
	return (uint32_t)HC_ENOSYS;
	*/
	/* LAB 4 END */
}

/* HC_PV_PAGE: $a0 = the page's guest-virtual address as the guest's kernel
 * sees it now (vm_translate in the current, virtual kernel, mode; read
 * access: the guest only reads the page), 0 = off. Translated once, here. */
static uint32_t hc_pv_page(struct vm *vm, uint32_t va)
{
	/* LAB 4 BEGIN hc_pv_page */
	if (va == 0) {
		vm->pv_page = GPA(VM_PV_OFF);
		return 0;
	}
	if (va & 0xfffu)
		return (uint32_t)HC_EINVAL;
	struct vxlate v = vm_translate(vm, GVA(va), ACC_LOAD);
	if (v.exc || !vm_ram(vm, v.pa, 0x1000))
		return (uint32_t)HC_EFAULT;
	vm->pv_page = v.pa;
	return 0;
	/* LAB 4 STUB
	(void)va;
	vm_lab_todo(vm, 4, "hc_pv_page");
	return (uint32_t)HC_ENOSYS;
	*/
	/* LAB 4 END */
}

/* A hypercall served: the guest clock pays `cycles`, the call is counted
 * and recorded (addr = fn, the $v0 of a code-0 call, for the trace). The
 * caller sets the PC. */
static void hc_record(struct vm *vm, const struct cpu_exit *x, uint32_t fn, uint64_t cycles)
{
	vm_retire(&vm->vmm->cpu, cycles);
	vm->emulated[ISA_OP_HYPCALL]++;
	vmm_record(vm, VX_HYPERCALL, x->code, ISA_OP_HYPCALL, x->pc, x->word, fn,
		   (uint32_t)cycles, VCOST_HYPERCALL);
}

/* `hypcall` (code 0): function in $v0, arguments in $a0.., result in $v0. */
static void hypercall(struct vm *vm, const struct cpu_exit *x)
{
	/* LAB 4 BEGIN hypercall */
	struct cpu *c = &vm->vmm->cpu;
	uint32_t fn = c->gpr[2], a0 = c->gpr[4], a1 = c->gpr[5];
	uint32_t ret = 0, slot = fn;     /* slot: the --stats counter */
	switch (fn) {
	case HC_CONSOLE_WRITE: ret = hc_console_write(vm, a0, a1); break;
	case HC_VM_ID:         ret = (uint32_t)vm->id; break;
	case HC_NVMS:          ret = (uint32_t)vm->vmm->nvms; break;
	case HC_YIELD:         vm->yield = true; break;
	case HC_POWEROFF:
		vm->state = VM_POWEROFF;
		vm->exit_status = a0;
		break;
	case HC_PV_PAGE:       ret = hc_pv_page(vm, a0); break;
	default:               ret = (uint32_t)HC_ENOSYS; slot = 0; break;
	}
	_Static_assert(HC_PV_PAGE < VMM_HC_SLOTS, "vm->hc_calls too small");
	vm->hc_calls[slot]++;
	c->gpr[2] = ret;
	hc_record(vm, x, fn, COST_INSN);
	cpu_skip_insn(c);
	/* LAB 4 STUB
	(void)x; (void)hc_console_write; (void)hc_pv_page;
	vm_lab_todo(vm, 4, "hypercall");
	*/
	/* LAB 4 END */
}

/* `hypcall CODE`, CODE != 0: the exception-path calls, arguments in $k0/$k1,
 * no GPR changed (hypercall.h). Each is the instruction sequence it
 * replaces, by the same functions the CpU path uses for those instructions,
 * done at the guest clock t of the HYPCALL's start. Unknown codes, and the
 * two ERET forms in a delay slot (where ERET itself raises RI), reflect RI
 * with nothing done. */
static void hypercall_x(struct vm *vm, const struct cpu_exit *x, uint64_t t)
{
	/* LAB 4 BEGIN hypercall_x */
	struct cpu *c = &vm->vmm->cpu;
	unsigned code = HYPCODE(x->word);
	uint32_t k0 = c->gpr[26], k1 = c->gpr[27];
	bool eret_form = code == HCX_ERET || code == HCX_TLBWR_ERET;

	/* RI, as the bare machine would: an ERET form in a delay slot (ERET
	 * there is RI too), or a code that is none of ours. */
	if (eret_form ? x->bd : code != HCX_IDLE) {
		vm_reflect(vm, EXC_RI, x->pc, x->bd, 0, false, COST_INSN + COST_EXC_ENTRY);
		return;
	}
	_Static_assert(HCX_IDLE < VMM_HC_SLOTS, "vm->hcx_calls too small");
	vm->hcx_calls[code]++;
	switch (code) {
	case HCX_ERET:           /* mtc0 Status; mtc0 EPC; eret */
		mtc0(vm, CP0_STATUS, k1, t);
		mtc0(vm, CP0_EPC, k0, t);
		break;
	case HCX_TLBWR_ERET:     /* mtc0 EntryLo0; mtc0 EntryLo1; tlbwr; eret */
		mtc0(vm, CP0_ENTRYLO0, k0, t);
		mtc0(vm, CP0_ENTRYLO1, k1, t);
		tlb_write_random(vm, t);
		break;
	case HCX_IDLE:           /* mtc0 Status; wait */
		mtc0(vm, CP0_STATUS, k0, t);
		vm->waiting = true;
		hc_record(vm, x, 0, COST_INSN);
		cpu_skip_insn(c);    /* WAIT resumes after itself, branch completed */
		return;
	}
	eret(vm);
	hc_record(vm, x, 0, COST_ERET);
	/* LAB 4 STUB
	(void)x; (void)t; (void)hc_record;
	vm_lab_todo(vm, 4, "hypercall_x");
	*/
	/* LAB 4 END */
}

/* ---- the privileged instructions ------------------------------------------------------------ */

void vm_emulate_priv(struct vm *vm, const struct cpu_exit *x)
{
	struct cpu *c = &vm->vmm->cpu;
	uint32_t w = x->word;
	enum isa_op op = isa_decode(w);
	uint64_t t = c->cycles;       /* the guest clock as the instruction starts */

	/* LAB 1 BEGIN vm_emulate_priv (who may use CP0) */
	if (!vcp0_usable(vm)) {
		/* the bare machine raises CpU here too */
		vm_reflect(vm, EXC_CPU, x->pc, x->bd, 0, false, COST_INSN + COST_EXC_ENTRY);
		return;
	}
	/* LAB 1 STUB
	(void)vcp0_usable;
	vm_lab_todo(vm, 1, "vm_emulate_priv");
	return;
	*/
	/* LAB 1 END */
	switch (op) {
	/* LAB 1 BEGIN vm_emulate_priv (the CP0 instructions) */
	case ISA_OP_MFC0: {
		int r = cp0_find(RD(w), SEL(w));
		set_rt(c, w, r < 0 ? 0 : cp0_read(vm->cp0, &vm->tm, (unsigned)vm->tlb.n,
						   vm->irq_lines, (enum cp0_reg)r, t));
		break;
	}
	case ISA_OP_MTC0: {
		int r = cp0_find(RD(w), SEL(w));
		if (r >= 0)
			mtc0(vm, (enum cp0_reg)r, c->gpr[RT(w)], t);
		break;
	}
	case ISA_OP_DI:
	case ISA_OP_EI:
		set_rt(c, w, vm->cp0[CP0_STATUS]);
		vm->cp0[CP0_STATUS] = op == ISA_OP_EI ? vm->cp0[CP0_STATUS] | ST_IE
						       : vm->cp0[CP0_STATUS] & ~ST_IE;
		break;
	case ISA_OP_ERET:          /* (in a delay slot the real CPU raised RI instead) */
		eret(vm);
		vm_retire(c, COST_ERET);
		vm->emulated[op]++;
		vmm_record(vm, VX_EMULATE, x->code, op, x->pc, w, 0, COST_ERET, VCOST_EMULATE);
		return;
	case ISA_OP_WAIT:
		vm->waiting = true;
		break;
	case ISA_OP_CACHE:         /* no caches: a no-op, as on the bare machine */
		break;
	/* LAB 1 STUB
	case ISA_OP_MFC0: case ISA_OP_MTC0: case ISA_OP_DI: case ISA_OP_EI:
	case ISA_OP_ERET: case ISA_OP_WAIT: case ISA_OP_CACHE:
		(void)t; (void)set_rt;
		vm_lab_todo(vm, 1, "vm_emulate_priv");
		return;
	*/
	/* LAB 1 END */
	/* LAB 2 BEGIN vm_emulate_priv (the TLB instructions) */
	case ISA_OP_TLBR:
		if (cp0_tlb_read(vm->cp0, &vm->tlb))
			vm_sync_real(vm);
		break;
	case ISA_OP_TLBWI:
		tlb_write(vm, vm->cp0[CP0_INDEX] & ~INDEX_P);
		break;
	case ISA_OP_TLBWR:
		tlb_write_random(vm, t);
		break;
	case ISA_OP_TLBP:
		if (!cp0_tlb_probe(vm->cp0, &vm->tlb)) {     /* two matches: Status.TS set */
			vm_reflect(vm, EXC_MCHECK, x->pc, x->bd, 0, false, COST_INSN + COST_EXC_ENTRY);
			return;
		}
		break;
	/* LAB 2 STUB
	case ISA_OP_TLBR: case ISA_OP_TLBWI: case ISA_OP_TLBWR: case ISA_OP_TLBP:
		vm_lab_todo(vm, 2, "vm_emulate_priv (TLB instructions)");
		return;
	*/
	/* LAB 2 END */
	case ISA_OP_HYPCALL:       /* any code: the same mode rule */
		if (vm_mode(vm) != MODE_KERNEL) {  /* usable through CU0: RI, as on the bare machine */
			vm_reflect(vm, EXC_RI, x->pc, x->bd, 0, false, COST_INSN + COST_EXC_ENTRY);
			return;
		}
		if (HYPCODE(w))
			hypercall_x(vm, x, t);
		else
			hypercall(vm, x);
		return;
	default:
		vm_stop(vm, "internal error: Coprocessor Unusable from '%s' (0x%08x) at 0x%08x",
			isa_table[op].mnemonic, w, x->pc);
		return;
	}
	done(vm, x, op, COST_INSN);
}

/* RDHWR: the real HWREna is 0, so every RDHWR outside real kernel mode comes
 * here. MIPS32: allowed in kernel mode (or with CU0), else only for the
 * registers HWREna enables; others raise RI. */
void vm_emulate_ri(struct vm *vm, const struct cpu_exit *x)
{
	/* LAB 1 BEGIN vm_emulate_ri */
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
	done(vm, x, ISA_OP_RDHWR, COST_INSN);
	/* LAB 1 STUB
	(void)x;
	vm_lab_todo(vm, 1, "vm_emulate_ri");
	*/
	/* LAB 1 END */
}
