/*
 * tlb.h - the MIPS32 joint TLB as a data structure (MIPS32 Vol. III ch. 4).
 *
 * Each entry maps a pair of pages: the even page (EntryLo0) and the odd page
 * (EntryLo1) of a 2 x page-size region starting at VPN2. An entry matches a
 * virtual address va and the current ASID when
 *     (va & ~(PageMask | 0x1fff)) == (EntryHi & ~(PageMask | 0x1fff))
 * and (G or EntryHi.ASID == ASID). The bit just above the page offset selects
 * the even or odd half. The real CPU and the VMM's virtual TLB both use this.
 */
#ifndef TRAPEZE_TLB_H
#define TRAPEZE_TLB_H

#include <stdbool.h>
#include <stdint.h>

#define TLB_MAX_ENTRIES 64
#define TLB_DEFAULT_ENTRIES 32

struct tlb_entry {
	uint32_t entryhi;   /* VPN2 (masked by PageMask) | ASID            */
	uint32_t pagemask;  /* PageMask bits 28:13                         */
	uint32_t entrylo0;  /* even page: PFN | C | D | V | G              */
	uint32_t entrylo1;  /* odd page                                    */
};

struct tlb {
	int n;                                  /* number of entries (Config1) */
	struct tlb_entry e[TLB_MAX_ENTRIES];
};

/* Result of looking an address up. */
enum tlb_outcome {
	TLB_HIT,        /* valid entry; pa and dirty are set                  */
	TLB_REFILL,     /* no entry matches: refill exception                 */
	TLB_INVALID,    /* the matching half has V = 0                        */
	TLB_MULTIPLE,   /* two or more entries match: machine check            */
};

struct tlb_lookup {
	enum tlb_outcome outcome;
	int index;          /* matching entry, or -1                              */
	uint32_t pa;        /* physical address (TLB_HIT)                         */
	uint32_t page_size; /* bytes in the matched half-page (TLB_HIT)           */
	bool dirty;         /* D bit of the matched half (writes allowed)         */
	uint32_t entrylo;   /* the matched half's EntryLo                         */
};

void tlb_init(struct tlb *t, int n);
/* Pure lookup: never changes the TLB. */
struct tlb_lookup tlb_lookup(const struct tlb *t, uint32_t va, uint8_t asid);
/* TLBP semantics: index of the unique matching entry for EntryHi (VPN2 and
 * ASID), -1 for no match, -2 for more than one match. */
int tlb_probe(const struct tlb *t, uint32_t entryhi);
/* Does entry e match va under asid? */
bool tlb_entry_matches(const struct tlb_entry *e, uint32_t va, uint8_t asid);
/* Bytes covered by one half of an entry with this PageMask. */
static inline uint32_t tlb_page_size(uint32_t pagemask)
{
	return ((pagemask >> 13) + 1) << 12;
}

#endif
