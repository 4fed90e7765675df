/*
 * test_stlb.c - the shadow TLB's invariants (vmm/stlb.c) checked directly:
 * fills map guest pages to the VM's own machine pages through the pmap
 * (S1), one real ASID per (VM, ERL, guest ASID) and never global (S2), D
 * only after a store was seen (S3), no two real entries ever match (S4);
 * TLBWI's invalidation forgets exactly the shadows of the replaced entry;
 * taking a real ASID away from a VM forgets its shadows.
 */
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "../../vmm/vmm_int.h"

static struct elf_image guest_image(uint8_t *code)
{
	struct elf_image img;
	memset(&img, 0, sizeof img);
	img.entry = 0xC0001000u;
	img.nseg = 1;
	img.seg[0].vaddr = 0xC0001000u;
	img.seg[0].pa = 0x1000;
	img.seg[0].data = code;
	img.seg[0].filesz = 4;
	img.seg[0].memsz = 4;
	return img;
}

/* Does any pair of valid real entries match the same address? */
static int duplicates(const struct tlb *t)
{
	for (int i = 0; i < t->n; i++)
		for (int j = i + 1; j < t->n; j++)
			if (t->e[i].entryhi == t->e[j].entryhi &&
			    ((t->e[i].entrylo0 | t->e[i].entrylo1) & ENTRYLO_V))
				return 1;
	return 0;
}

int main(void)
{
	static struct vmm m;
	uint8_t code[4] = { 0, 0, 0, 0 };
	struct elf_image img = guest_image(code);
	struct vmm_config cfg = { .machine_ram = 8u << 20, .max_cycles = UINT64_MAX };
	struct vm_config vc = { .ram_size = 2u << 20, .in_fd = -1, .out_fd = -1 };
	char err[200];
	struct vm *a, *b;
	if (vmm_init(&m, &cfg, err, sizeof err) || !(a = vmm_add_vm(&m, &vc, &img, err, sizeof err)) ||
	    !(b = vmm_add_vm(&m, &vc, &img, err, sizeof err))) {
		printf("FAIL stlb.init: %s\n", err);
		return 1;
	}
	CHECK("stlb.pmap_slices", a->base.v == 0 && b->base.v == 2u << 20 &&
	      a->pmap[5] == 5 && b->pmap[5] == 512 + 5, "bases %x %x", a->base.v, b->base.v);

	/* A machine too small for another VM says so. */
	struct vm_config big = vc;
	big.ram_size = 8u << 20;
	CHECK("stlb.machine_memory_full", !vmm_add_vm(&m, &big, &img, err, sizeof err) &&
	      strstr(err, "machine memory"), "err '%s'", err);

	/* Guest A maps useg page 0x00400000 -> guest-physical 0x3000 in its TLB. */
	vm_switch_to(&m, a);
	struct cpu *c = &m.cpu;
	a->tlb.e[5] = (struct tlb_entry){ .entryhi = 0x00400000u, .pagemask = 0,
		.entrylo0 = (0x3u << ENTRYLO_PFN_SHIFT) | ENTRYLO_V | ENTRYLO_D | (3u << 3),
		.entrylo1 = (0x9u << ENTRYLO_PFN_SHIFT) | ENTRYLO_V | ENTRYLO_D | (3u << 3) };
	struct vxlate x = vm_translate(a, GVA(0x00400010u), ACC_LOAD);
	CHECK("stlb.vtranslate", !x.exc && x.pa.v == 0x3010 && x.vidx == 5, "exc %u pa %x", x.exc,
	      x.pa.v);
	stlb_fill(&m, a, GVA(0x00400010u), &x);
	struct tlb_lookup l = tlb_lookup(&c->tlb, 0x00400010u, c->cp0[CP0_ENTRYHI] & ENTRYHI_ASID);
	CHECK("stlb.S1_fill_maps_pmap", l.outcome == TLB_HIT && l.pa == (a->pmap[3] << 12) + 0x10,
	      "outcome %d pa %x", l.outcome, l.pa);
	CHECK("stlb.S3_no_D_before_a_store", !l.dirty, "dirty");
	CHECK("stlb.S2_not_global", !(c->tlb.e[l.index].entrylo0 & ENTRYLO_G), "G set");

	/* The odd half is filled into the same real entry (S4). */
	x = vm_translate(a, GVA(0x00401000u), ACC_STORE);
	a->dirty[x.pa.v >> 12] = 1;           /* what vm_tlb_exit does for a store */
	stlb_fill(&m, a, GVA(0x00401000u), &x);
	struct tlb_lookup l2 = tlb_lookup(&c->tlb, 0x00401004u, c->cp0[CP0_ENTRYHI] & ENTRYHI_ASID);
	CHECK("stlb.S4_pair_in_one_entry", l2.outcome == TLB_HIT && l2.index == l.index &&
	      l2.dirty && l2.pa == (a->pmap[9] << 12) + 4 && !duplicates(&c->tlb),
	      "outcome %d index %d/%d", l2.outcome, l2.index, l.index);

	/* B, with the same guest ASID and the same guest VA, gets its own real
	 * ASID and its own machine page. */
	vm_switch_to(&m, b);
	b->tlb.e[7] = a->tlb.e[5];
	x = vm_translate(b, GVA(0x00400010u), ACC_LOAD);
	stlb_fill(&m, b, GVA(0x00400010u), &x);
	uint8_t asid_b = c->cp0[CP0_ENTRYHI] & ENTRYHI_ASID;
	l2 = tlb_lookup(&c->tlb, 0x00400010u, asid_b);
	CHECK("stlb.S2_asid_per_vm", asid_b != a->rasid[0] && l2.outcome == TLB_HIT &&
	      l2.pa == (b->pmap[3] << 12) + 0x10 && l2.pa != l.pa && !duplicates(&c->tlb),
	      "asids %u %u pa %x", asid_b, a->rasid[0], l2.pa);

	/* TLBWI over A's entry 5 forgets A's shadows of it and nothing else. */
	stlb_forget_ventry(&m, a, 5);
	l = tlb_lookup(&c->tlb, 0x00400010u, a->rasid[0]);
	l2 = tlb_lookup(&c->tlb, 0x00400010u, asid_b);
	CHECK("stlb.forget_ventry", l.outcome != TLB_HIT && l2.outcome == TLB_HIT,
	      "a %d b %d", l.outcome, l2.outcome);

	/* Running out of real ASIDs takes one away, with its shadows. */
	unsigned owned = b->rasid[0];
	for (unsigned k = 1; k < 256; k++)
		stlb_asid(&m, a, k);
	CHECK("stlb.asid_recycled", b->rasid[0] == 0 &&
	      tlb_lookup(&c->tlb, 0x00400010u, (uint8_t)owned).outcome != TLB_HIT,
	      "b still owns %u", b->rasid[0]);

	/* Device pages are never shadowed: the guest's device window is not RAM. */
	vm_switch_to(&m, a);
	x = vm_translate(a, GVA(0xDF001000u), ACC_LOAD);
	CHECK("stlb.S5_devices_not_ram", !x.exc && x.pa.v == 0x1F001000u && !vm_ram(a, x.pa, 4),
	      "exc %u pa %x", x.exc, x.pa.v);
	vmm_free(&m);
	return check_failures != 0;
}
