/*
 * stlb.c - the shadow TLB: what the real TLB holds while guests run.
 *
 * Invariants (docs/vmm.md explains why each one matters):
 *  S1. Every valid half of a real entry maps a 4 KiB guest page to the
 *      machine page pmap[guest page] of the VM that owns the entry, and was
 *      made from the guest mapping that virtual TLB entry owner.vidx[half]
 *      (or the ERL identity map, -2) gives now. So the real TLB never lets a
 *      guest reach memory its own virtual TLB does not map to its own RAM.
 *  S2. Real ASIDs belong to one (VM, ERL, guest ASID) at a time; an entry's
 *      ASID names its owner. Real entries are never global (G = 0): a guest's
 *      global page is shadowed once per guest ASID that touches it.
 *  S3. A real entry is writable (D = 1) only if the guest's entry is dirty
 *      and the VMM has seen a store to the page (vm->dirty).
 *  S4. No two real entries match one address: fills update the entry for
 *      (VPN2, ASID) if there is one.
 *  S5. Device pages are never shadowed: every access to them exits.
 * Guest pages of any size are shadowed by 4 KiB pages (PageMask 0).
 */
#include "vmm_int.h"

/* An entry no address can match: kseg0 is never looked up in a TLB. */
static void clear_entry(struct vmm *m, int i)
{
	struct tlb_entry *e = &m->cpu.tlb.e[i];
	e->entryhi = 0x80000000u + ((uint32_t)i << 13);
	e->pagemask = 0;
	e->entrylo0 = e->entrylo1 = 0;
	m->owner[i] = (struct stlb_owner){ .vm = NULL, .vidx = { -1, -1 } };
}

uint8_t stlb_asid(struct vmm *m, struct vm *vm, unsigned key)
{
	/* LAB 2 BEGIN stlb_asid */
	if (vm->rasid[key])
		return vm->rasid[key];
	/* Take the next real ASID round-robin (1..255; 0 is never used), taking
	 * it away from its owner: its shadow entries go too. */
	unsigned a = m->next_asid;
	m->next_asid = a == 255 ? 1 : a + 1;
	if (m->asid_owner[a].vm) {
		m->asid_owner[a].vm->rasid[m->asid_owner[a].key] = 0;
		for (int i = 0; i < m->cpu.tlb.n; i++)
			if (m->owner[i].vm && (m->cpu.tlb.e[i].entryhi & ENTRYHI_ASID) == a)
				clear_entry(m, i);
		cpu_flush_caches(&m->cpu);
	}
	m->asid_owner[a].vm = vm;
	m->asid_owner[a].key = (uint16_t)key;
	vm->rasid[key] = (uint8_t)a;
	return (uint8_t)a;
	/* LAB 2 STUB
	(void)m; (void)key;
	vm_lab_todo(vm, 2, "stlb_asid");
	return 1;
	*/
	/* LAB 2 END */
}

void stlb_fill(struct vmm *m, struct vm *vm, gva_t va, const struct vxlate *x)
{
	/* LAB 2 BEGIN stlb_fill */
	struct cpu *c = &m->cpu;
	uint32_t gpage = x->pa.v >> 12;
	mpa_t mpa = MPA(vm->pmap[gpage] << 12);
	uint32_t asid = c->cp0[CP0_ENTRYHI] & ENTRYHI_ASID;
	uint32_t ehi = (va.v & ENTRYHI_VPN2) | asid;
	unsigned half = (va.v >> 12) & 1;
	uint32_t lo = (mpa.v >> 12 << ENTRYLO_PFN_SHIFT) | ENTRYLO_V |
		      (x->vidx >= 0 ? (x->entrylo & ENTRYLO_C) : CACHE_CACHEABLE << ENTRYLO_C_SHIFT);
	if (x->dirty && vm->dirty[gpage])
		lo |= ENTRYLO_D;

	int i = tlb_probe(&c->tlb, ehi);                   /* S4 */
	if (i < 0) {
		i = (int)(m->victim++ % (unsigned)c->tlb.n);
		clear_entry(m, i);
		c->tlb.e[i].entryhi = ehi;
		m->owner[i].vm = vm;
	}
	if (half)
		c->tlb.e[i].entrylo1 = lo;
	else
		c->tlb.e[i].entrylo0 = lo;
	m->owner[i].vidx[half] = (int16_t)x->vidx;
	m->shadow_writes++;
	cpu_flush_caches(c);
	/* LAB 2 STUB
	(void)m; (void)va; (void)x; (void)clear_entry;
	vm_lab_todo(vm, 2, "stlb_fill");
	*/
	/* LAB 2 END */
}

void stlb_forget_ventry(struct vmm *m, struct vm *vm, int vidx)
{
	/* LAB 2 BEGIN stlb_forget_ventry */
	bool any = false;
	for (int i = 0; i < m->cpu.tlb.n; i++) {
		struct stlb_owner *o = &m->owner[i];
		if (o->vm != vm)
			continue;
		for (int h = 0; h < 2; h++)
			if (o->vidx[h] == vidx) {
				*(h ? &m->cpu.tlb.e[i].entrylo1 : &m->cpu.tlb.e[i].entrylo0) = 0;
				o->vidx[h] = -1;
				any = true;
			}
		if (o->vidx[0] == -1 && o->vidx[1] == -1)
			clear_entry(m, i);
	}
	if (any)
		cpu_flush_caches(&m->cpu);
	/* LAB 2 STUB
	(void)m; (void)vidx;
	vm_lab_todo(vm, 2, "stlb_forget_ventry");
	*/
	/* LAB 2 END */
}
