/*
 * tlb.c - lookups in a MIPS32 TLB (MIPS32 Vol. III section 4.4). Pure
 * functions of the TLB contents: they never change it. The CPU (TLBP, address
 * translation) and the VMM's virtual TLB share them.
 */
#include <string.h>
#include "cp0bits.h"
#include "tlb.h"

void tlb_init(struct tlb *t, int n)
{
	memset(t, 0, sizeof *t);
	t->n = n;
	/* Reset contents are undefined on MIPS32; Trapeze starts every entry
	 * invalid (V = 0) and non-global at distinct kseg0 VPN2s, so that no two
	 * entries match anything a program can map (kseg0 is never mapped). */
	for (int i = 0; i < n; i++)
		t->e[i].entryhi = 0x80000000u + ((uint32_t)i << 13);
}

/* Bits of the VPN compared for an entry: above the page pair (PageMask|0x1fff). */
static inline uint32_t vpn2_mask(uint32_t pagemask)
{
	return ~(pagemask | 0x1fffu);
}

bool tlb_entry_matches(const struct tlb_entry *e, uint32_t va, uint8_t asid)
{
	uint32_t m = vpn2_mask(e->pagemask);
	if ((va & m) != (e->entryhi & m))
		return false;
	/* G is the AND of the two halves' G bits (set on TLBWI/TLBWR). */
	return (e->entrylo0 & e->entrylo1 & ENTRYLO_G) ||
	       (e->entryhi & ENTRYHI_ASID) == asid;
}

struct tlb_lookup tlb_lookup(const struct tlb *t, uint32_t va, uint8_t asid)
{
	struct tlb_lookup r = { .outcome = TLB_REFILL, .index = -1 };
	for (int i = 0; i < t->n; i++) {
		if (!tlb_entry_matches(&t->e[i], va, asid))
			continue;
		if (r.index >= 0) {           /* a second match: machine check */
			r.outcome = TLB_MULTIPLE;
			return r;
		}
		r.index = i;
	}
	if (r.index < 0)
		return r;
	const struct tlb_entry *e = &t->e[r.index];
	uint32_t size = tlb_page_size(e->pagemask);
	uint32_t lo = (va & size) ? e->entrylo1 : e->entrylo0;   /* odd or even */
	r.entrylo = lo;
	if (!(lo & ENTRYLO_V)) {
		r.outcome = TLB_INVALID;
		return r;
	}
	uint32_t pfn = (lo & ENTRYLO_PFN) >> ENTRYLO_PFN_SHIFT;
	/* PFN names a 4 KiB frame; for larger pages its low bits are ignored. */
	r.pa = ((pfn << 12) & ~(size - 1)) | (va & (size - 1));
	r.page_size = size;
	r.dirty = (lo & ENTRYLO_D) != 0;
	r.outcome = TLB_HIT;
	return r;
}

int tlb_probe(const struct tlb *t, uint32_t entryhi)
{
	int found = -1;
	uint8_t asid = entryhi & ENTRYHI_ASID;
	for (int i = 0; i < t->n; i++) {
		if (!tlb_entry_matches(&t->e[i], entryhi & ENTRYHI_VPN2, asid))
			continue;
		if (found >= 0)
			return -2;
		found = i;
	}
	return found;
}
