/*
 * vmem.c - the guest's memory as the guest sees it.
 *
 * vm_translate() is machine/mmu.c's translation with the guest's own state
 * in place of the real CPU's: the virtual Status decides the mode and
 * whether useg is unmapped (ERL), the virtual EntryHi gives the ASID, and
 * the virtual TLB maps. It answers "what would the bare machine do with
 * this access?": a guest-physical address, or the exception to reflect.
 *
 * The real CPU faults to us in three situations, handled here:
 *  - a real TLB miss (refill or invalid) or Mod: the guest's mapping says
 *    either "RAM page" (write a shadow entry and retry: the guest never
 *    knows), "device or nothing" (emulate the access), or "fault" (reflect);
 *  - an address error in virtual kernel mode: kseg0/kseg1/kseg3 are not
 *    reachable from real supervisor mode, so the load or store is emulated;
 *  - nothing else: every other memory fault is the guest's, reflected.
 */
#include <string.h>
#include "../machine/memops.h"
#include "vmm_int.h"

/* ---- translation ------------------------------------------------------------------------- */

static unsigned addr_exc(enum cpu_access acc) { return acc == ACC_STORE ? EXC_ADES : EXC_ADEL; }

struct vxlate vm_translate(const struct vm *vm, gva_t gva, enum cpu_access acc)
{
	struct vxlate x = { .vidx = -1 };
	uint32_t va = gva.v;
	enum cpu_mode mode = vm_mode(vm);

	if (va >= 0x80000000u) {
		bool sseg = va >= 0xC0000000u && va < 0xE0000000u;
		if (mode == MODE_USER || (mode == MODE_SUPER && !sseg)) {
			x.exc = addr_exc(acc);
			return x;
		}
		if (va < 0xC0000000u) {          /* kseg0, kseg1: unmapped */
			x.pa = GPA(va & 0x1fffffffu);
			x.dirty = true;
			return x;
		}
	} else if (vm->cp0[CP0_STATUS] & ST_ERL) {
		x.pa = GPA(va);                  /* ERL: useg is unmapped */
		x.dirty = true;
		x.vidx = -2;
		return x;
	}

	struct tlb_lookup l = tlb_lookup(&vm->tlb, va, vm->cp0[CP0_ENTRYHI] & ENTRYHI_ASID);
	x.vidx = l.index;
	x.exc = cpu_tlb_fault(&l, acc, &x.refill);      /* the real CPU's rule */
	x.pa = GPA(l.pa);
	x.dirty = l.dirty;
	x.entrylo = l.entrylo;
	return x;
}

uint8_t *vm_ram(struct vm *vm, gpa_t pa, uint32_t len)
{
	return bus_is_ram(&vm->bus, pa.v, len) ? vm->bus.ram + pa.v : NULL;
}

void vm_ram_written(struct vm *vm, gpa_t pa, uint32_t len)
{
	for (uint32_t g = pa.v >> 12; g <= (pa.v + len - 1) >> 12; g++)
		vm->dirty[g] = 1;
	cpu_code_written(&vm->vmm->cpu, vm->base.v + pa.v, len);
}

int vm_peek32(struct vm *vm, gva_t va, uint32_t *out)
{
	struct vxlate v = vm_translate(vm, va, ACC_FETCH);
	const uint8_t *p = (va.v & 3) || v.exc ? NULL : vm_ram(vm, v.pa, 4);
	if (!p)
		return -1;
	memcpy(out, p, 4);
	return 0;
}

int vm_peek_phys(const struct vm *vm, gpa_t pa, uint32_t *out)
{
	if ((pa.v & 3) || !bus_is_ram(&vm->bus, pa.v, 4))
		return -1;
	memcpy(out, vm->bus.ram + pa.v, 4);
	return 0;
}

int vm_peek_virt(const struct vm *vm, gva_t va, uint32_t *out, gpa_t *pa)
{
	struct vxlate x = vm_translate(vm, va, ACC_LOAD);
	if (x.exc)
		return -1;
	if (pa)
		*pa = x.pa;
	return vm_peek_phys(vm, x.pa, out);
}

/* ---- guest-physical accesses: RAM, a virtual device, or a bus error (-1) ---------------- */

static int gp_read(struct vm *vm, gpa_t pa, unsigned size, uint32_t *out)
{
	const uint8_t *p = vm_ram(vm, pa, size);
	if (p) {
		uint32_t v = 0;
		memcpy(&v, p, size);
		*out = v;
		return 0;
	}
	return bus_io_read(&vm->bus, pa.v, size, out);
}

static int gp_write(struct vm *vm, gpa_t pa, unsigned size, uint32_t val)
{
	uint8_t *p = vm_ram(vm, pa, size);
	if (p) {
		memcpy(p, &val, size);
		vm_ram_written(vm, pa, size);
		return 0;
	}
	return bus_io_write(&vm->bus, pa.v, size, val);
}

/* ---- emulating one load or store ----------------------------------------------------------- */

/* Bytes the instruction accesses, for the alignment rule (the unaligned
 * LWL/LWR/SWL/SWR never raise it: 1). */
static unsigned access_size(enum isa_op op)
{
	switch (op) {
	case ISA_OP_LH: case ISA_OP_LHU: case ISA_OP_SH:
		return 2;
	case ISA_OP_LW: case ISA_OP_SW: case ISA_OP_LL: case ISA_OP_SC:
		return 4;
	default:
		return 1;
	}
}

/* Translate for the emulated access; on a fault reflect it (BadVAddr =
 * report) and return false. */
static bool xlate_or_reflect(struct vm *vm, const struct cpu_exit *x, uint32_t va,
			     enum cpu_access acc, uint32_t report, gpa_t *pa)
{
	struct vxlate v = vm_translate(vm, GVA(va), acc);
	if (!v.exc) {
		*pa = v.pa;
		return true;
	}
	if (v.exc == EXC_MCHECK)
		vm->cp0[CP0_STATUS] |= ST_TS;
	vm_reflect(vm, v.exc, x->pc, x->bd, report, v.refill, COST_INSN + COST_EXC_ENTRY);
	return false;
}

/* The load-use stall of the instruction after an emulated load of GPR r,
 * charged when the bare machine charges it (machine/cpu_run.c): in a
 * straight line within a page, before the boundary that follows the load;
 * after a delay slot or across a page, when the next instruction is
 * fetched (c->resume_ld), unless an interrupt is taken first. */
static void load_use(struct vm *vm, const struct cpu_exit *x, unsigned r)
{
	struct cpu *c = &vm->vmm->cpu;
	uint32_t next;
	if (x->bd || (x->pc & 0xfff) == 0xffc)
		c->resume_ld = (uint8_t)r;
	else if (vm_peek32(vm, GVA(x->pc + 4), &next) == 0)
		c->cycles += cpu_load_use_of(next, r);
}

void vm_emulate_mem(struct vm *vm, const struct cpu_exit *x, enum vmm_exit_kind kind)
{
	/* LAB 3 BEGIN vm_emulate_mem */
	struct cpu *c = &vm->vmm->cpu;
	uint32_t w = x->word;
	enum isa_op op = isa_decode(w);
	uint32_t ea = c->gpr[RS(w)] + (uint32_t)SIMM16(w);
	uint32_t rt = c->gpr[RT(w)], val = 0, old, mask, bits;
	unsigned size = access_size(op);
	bool load = false;
	gpa_t pa;

	switch (op) {
	case ISA_OP_LB: case ISA_OP_LBU: case ISA_OP_LH: case ISA_OP_LHU:
	case ISA_OP_LW: case ISA_OP_LL:
		if (!xlate_or_reflect(vm, x, ea, ACC_LOAD, ea, &pa))
			return;
		if (gp_read(vm, pa, size, &val))
			goto bus_error;
		val = op == ISA_OP_LB ? mem_sext8(val) : op == ISA_OP_LH ? mem_sext16(val) : val;
		if (op == ISA_OP_LL)
			c->llbit = true;
		load = true;
		break;
	case ISA_OP_LWL: case ISA_OP_LWR:
		if (!xlate_or_reflect(vm, x, ea & ~3u, ACC_LOAD, ea, &pa))
			return;
		if (gp_read(vm, pa, 4, &old))
			goto bus_error;
		val = op == ISA_OP_LWL ? mem_lwl(old, rt, ea) : mem_lwr(old, rt, ea);
		load = true;
		break;
	case ISA_OP_SB: case ISA_OP_SH: case ISA_OP_SW: case ISA_OP_SC:
		if (!xlate_or_reflect(vm, x, ea, ACC_STORE, ea, &pa))
			return;
		if (gp_write(vm, pa, size, rt))
			goto bus_error;
		if (op == ISA_OP_SC) {      /* (an SC without the link never faults) */
			c->llbit = false;
			val = 1;
			load = true;
		}
		break;
	case ISA_OP_SWL: case ISA_OP_SWR:
		if (!xlate_or_reflect(vm, x, ea & ~3u, ACC_STORE, ea, &pa))
			return;
		if (gp_read(vm, pa, 4, &old))
			goto bus_error;
		if (op == ISA_OP_SWL)
			mem_swl(rt, ea, &mask, &bits);
		else
			mem_swr(rt, ea, &mask, &bits);
		if (gp_write(vm, pa, 4, (old & ~mask) | (bits & mask)))
			goto bus_error;
		break;
	default:
		/* A data fault from an instruction that does not access data:
		 * the exit record and the decoder disagree. Ours. */
		vm_stop(vm, "internal error: data fault at 0x%08x from '%s' (0x%08x)", x->pc,
			isa_table[op].mnemonic, w);
		return;
	}
	if (load && RT(w) != 0)
		c->gpr[RT(w)] = val;
	vm_retire(c, COST_INSN);
	if (load && RT(w) != 0)
		load_use(vm, x, RT(w));
	vmm_record(vm, kind, x->code, op, x->pc, w, ea, COST_INSN,
		   kind == VX_MMIO ? VCOST_MMIO : VCOST_KSEG);
	if (c->dbg && c->dbg->nwatch)         /* the debugger's watchpoints */
		cpu_debug_access(c, x->pc, ea, size ? size : 4, !load || op == ISA_OP_SC,
				 load ? val : rt);
	cpu_skip_insn(c);
	return;
bus_error:
	vm_reflect(vm, EXC_DBE, x->pc, x->bd, ea, false, COST_INSN + COST_EXC_ENTRY);
	/* LAB 3 STUB
	(void)x; (void)kind; (void)gp_read; (void)gp_write; (void)xlate_or_reflect; (void)load_use;
	vm_lab_todo(vm, 3, "vm_emulate_mem");
	*/
	/* LAB 3 END */
}

/* ---- the two kinds of memory exit ------------------------------------------------------------- */

void vm_tlb_exit(struct vm *vm, const struct cpu_exit *x)
{
	/* LAB 2 BEGIN vm_tlb_exit */
	uint32_t va = x->badvaddr;
	enum cpu_access acc = x->fetch ? ACC_FETCH : x->code == EXC_TLBL ? ACC_LOAD : ACC_STORE;
	struct vxlate v = vm_translate(vm, GVA(va), acc);

	if (v.exc) {                                  /* the guest's own fault */
		if (v.exc == EXC_MCHECK)
			vm->cp0[CP0_STATUS] |= ST_TS;
		vm_reflect(vm, v.exc, x->pc, x->bd, va, v.refill, COST_INSN + COST_EXC_ENTRY);
		return;
	}
	if (!vm_ram(vm, v.pa, 1)) {                   /* a device, or nothing */
		if (x->fetch)
			vm_reflect(vm, EXC_IBE, x->pc, x->bd, va, false, COST_INSN + COST_EXC_ENTRY);
		else
			vm_emulate_mem(vm, x, VX_MMIO);
		return;
	}
	/* A RAM page the guest may use: shadow it. Stores mark the page written
	 * first, so the shadow gets D (until then it is read-only, and the
	 * first store comes back here as Mod: that is how the VMM sees writes). */
	if (acc == ACC_STORE)
		vm->dirty[v.pa.v >> 12] = 1;
	stlb_fill(vm->vmm, vm, GVA(va), &v);
	vmm_record(vm, x->code == EXC_MOD ? VX_DIRTY : VX_FILL, x->code, 0, x->pc, x->word, va, 0,
		   x->code == EXC_MOD ? VCOST_DIRTY : VCOST_FILL);
	/* LAB 2 STUB
	(void)x;
	vm_lab_todo(vm, 2, "vm_tlb_exit");
	*/
	/* LAB 2 END */
}

void vm_address_exit(struct vm *vm, const struct cpu_exit *x)
{
	/* LAB 3 BEGIN vm_address_exit */
	uint32_t va = x->badvaddr;
	/* Outside virtual kernel mode the real mode has the same segment and
	 * alignment rules as the virtual one: the fault is the guest's. */
	if (vm_mode(vm) != MODE_KERNEL) {
		vm_reflect(vm, x->code, x->pc, x->bd, va, false, COST_INSN + COST_EXC_ENTRY);
		return;
	}
	if (x->fetch) {
		if (va & 3)
			vm_reflect(vm, x->code, x->pc, x->bd, va, false, COST_INSN + COST_EXC_ENTRY);
		else
			vm_stop(vm, "fetched an instruction at 0x%08x (%s): under the VMM guest code "
				"must run from sseg or useg (a documented limitation)", va,
				va < 0xA0000000u ? "kseg0" : va < 0xC0000000u ? "kseg1" : "kseg3");
		return;
	}
	/* Virtual kernel mode: misaligned is the guest's fault; otherwise it is
	 * kseg0/kseg1/kseg3, which real supervisor mode cannot reach. */
	if (va & (access_size(isa_decode(x->word)) - 1))
		vm_reflect(vm, x->code, x->pc, x->bd, va, false, COST_INSN + COST_EXC_ENTRY);
	else
		vm_emulate_mem(vm, x, VX_KSEG);
	/* LAB 3 STUB
	(void)x; (void)access_size;
	vm_lab_todo(vm, 3, "vm_address_exit");
	*/
	/* LAB 3 END */
}
