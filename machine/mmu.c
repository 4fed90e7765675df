/*
 * mmu.c - virtual to physical translation (MIPS32 Vol. III ch. 4 and
 * DESIGN.md section 3), the host-side translation caches, and the slow paths
 * of loads, stores and instruction fetch.
 *
 *  segment  range                   mapped  modes
 *  useg     0x00000000-0x7FFFFFFF   TLB     U S K  (unmapped, PA = VA, when ERL)
 *  kseg0    0x80000000-0x9FFFFFFF   no      K      PA = VA - 0x80000000
 *  kseg1    0xA0000000-0xBFFFFFFF   no      K      PA = VA - 0xA0000000
 *  sseg     0xC0000000-0xDFFFFFFF   TLB     S K
 *  kseg3    0xE0000000-0xFFFFFFFF   TLB     K
 *
 * Exceptions, in priority order: address error (misaligned, or a segment the
 * mode may not use), machine check (two TLB entries match), TLB refill, TLB
 * invalid, TLB modified (store to a page with D = 0), bus error (no RAM or
 * device at the physical address).
 */
#include <stdlib.h>
#include <string.h>
#include "bus.h"
#include "exec.h"

#define INVALID_TAG 0xffffffffu
#define GEN_STEP 4u
#define GEN_LAST 0xff8u      /* gens 4..0xff8: a key can never equal INVALID_TAG */

/* ---- the pure translation -------------------------------------------------------- */

struct xlate {
	unsigned exc;        /* 0, or the exception code                       */
	bool refill;         /* TLB refill (vs. invalid)                        */
	uint32_t pa;
	bool writable;       /* stores may go straight to the page              */
};

static unsigned tlb_exc(enum cpu_access acc)
{
	return acc == ACC_STORE ? EXC_TLBS : EXC_TLBL;
}

static unsigned addr_exc(enum cpu_access acc)
{
	return acc == ACC_STORE ? EXC_ADES : EXC_ADEL;
}

static struct xlate translate(const struct cpu *c, uint32_t va, enum cpu_access acc)
{
	struct xlate x = { 0 };
	enum cpu_mode mode = c->mode;

	if (va >= 0x80000000u) {
		bool sseg = va >= 0xC0000000u && va < 0xE0000000u;
		if (mode == MODE_USER || (mode == MODE_SUPER && !sseg)) {
			x.exc = addr_exc(acc);
			return x;
		}
		if (va < 0xC0000000u) {          /* kseg0 and kseg1: unmapped */
			x.pa = va & 0x1fffffffu;
			x.writable = true;
			return x;
		}
	} else if (c->cp0[CP0_STATUS] & ST_ERL) {
		x.pa = va;                       /* ERL: useg is unmapped */
		x.writable = true;
		return x;
	}

	struct tlb_lookup l = tlb_lookup(&c->tlb, va, c->cp0[CP0_ENTRYHI] & ENTRYHI_ASID);
	x.exc = cpu_tlb_fault(&l, acc, &x.refill);
	x.pa = l.pa;
	x.writable = l.dirty;
	return x;
}

unsigned cpu_tlb_fault(const struct tlb_lookup *l, enum cpu_access acc, bool *refill)
{
	*refill = l->outcome == TLB_REFILL;
	switch (l->outcome) {
	case TLB_MULTIPLE:
		return EXC_MCHECK;
	case TLB_REFILL:
	case TLB_INVALID:
		return tlb_exc(acc);
	case TLB_HIT:
		break;
	}
	return acc == ACC_STORE && !l->dirty ? EXC_MOD : 0;
}

unsigned cpu_translate_peek(const struct cpu *c, uint32_t va, enum cpu_access acc,
			    uint32_t *pa)
{
	struct xlate x = translate(c, va, acc);
	*pa = x.pa;
	return x.exc;
}

int cpu_peek32(const struct cpu *c, uint32_t va, uint32_t *out)
{
	uint32_t pa;
	if ((va & 3) || cpu_translate_peek(c, va, ACC_LOAD, &pa) || !bus_is_ram(c->bus, pa, 4))
		return -1;
	memcpy(out, c->bus->ram + pa, 4);
	return 0;
}

/* ---- host caches ---------------------------------------------------------------------- */

void cpu_flush_caches(struct cpu *c)
{
	c->gen += GEN_STEP;
	if (c->gen > GEN_LAST) {             /* generations ran out: really empty */
		memset(c->hcache, 0xff, sizeof c->hcache);
		memset(c->fcache, 0xff, sizeof c->fcache);
		c->gen = GEN_STEP;
	}
}

/* Remember a successful RAM translation for the page of va. */
static void hc_fill(struct cpu *c, uint32_t va, const struct xlate *x)
{
	struct hc_entry *e = &c->hc[(va >> 12) & (HC_SIZE - 1)];
	uint32_t page = va & ~0xfffu, ppage = x->pa & ~0xfffu;
	e->rtag = page | c->gen;
	/* Stores to pages holding predecoded code take the slow path, which
	 * keeps the predecoded copy coherent. */
	e->wtag = x->writable && !c->code[ppage >> 12] ? page | c->gen : INVALID_TAG;
	e->addend = (uintptr_t)(c->bus->ram + ppage) - page;
	if (unlikely(c->dbg) && c->dbg->nwatch) {      /* watched: keep the slow path */
		bool no_read = false, no_write = false;
		cpu_debug_uncached(c, page, &no_read, &no_write);
		if (no_read)
			e->rtag = INVALID_TAG;
		if (no_write)
			e->wtag = INVALID_TAG;
	}
}

/* ---- slow paths --------------------------------------------------------------------------- */

static int raise(struct cpu *c, const struct dinst *d, const struct xlate *x, uint32_t va)
{
	if (x->exc == EXC_MCHECK)
		c->cp0[CP0_STATUS] |= ST_TS;
	return cpu_exception(c, d, x->exc, va, x->refill);
}

int cpu_access_check(struct cpu *c, const struct dinst *d, uint32_t va,
		     enum cpu_access acc, uint32_t report_va)
{
	struct xlate x = translate(c, va, acc);
	return x.exc ? raise(c, d, &x, report_va) : X_NEXT;
}

int cpu_load_slow(struct cpu *c, const struct dinst *d, uint32_t va, unsigned size,
		  uint32_t *out)
{
	if (va & (size - 1))
		return cpu_exception(c, d, EXC_ADEL, va, false);
	struct xlate x = translate(c, va, ACC_LOAD);
	if (x.exc)
		return raise(c, d, &x, va);
	if (bus_is_ram(c->bus, x.pa, size)) {
		hc_fill(c, va, &x);
		const uint8_t *p = c->bus->ram + x.pa;
		uint32_t v = 0;
		memcpy(&v, p, size);             /* little-endian host and guest */
		*out = v;
	} else if (bus_io_read(c->bus, x.pa, size, out)) {
		return cpu_exception(c, d, EXC_DBE, va, false);
	}
	if (unlikely(c->dbg) && c->dbg->nwatch)
		cpu_debug_access(c, pc_of(c, d), va, size, false, *out);
	return X_NEXT;
}

int cpu_store_slow(struct cpu *c, const struct dinst *d, uint32_t va, unsigned size,
		   uint32_t val)
{
	if (va & (size - 1))
		return cpu_exception(c, d, EXC_ADES, va, false);
	struct xlate x = translate(c, va, ACC_STORE);
	if (x.exc)
		return raise(c, d, &x, va);
	if (bus_is_ram(c->bus, x.pa, size)) {
		hc_fill(c, va, &x);
		memcpy(c->bus->ram + x.pa, &val, size);
		if (c->code[x.pa >> 12])
			cpu_code_written(c, x.pa, size);
	} else if (bus_io_write(c->bus, x.pa, size, val)) {
		return cpu_exception(c, d, EXC_DBE, va, false);
	}
	if (unlikely(c->dbg) && c->dbg->nwatch)
		cpu_debug_access(c, pc_of(c, d), va, size, true, val);
	return X_NEXT;
}

const struct dinst *cpu_fetch_slow(struct cpu *c, uint32_t pc)
{
	if (pc & 3) {
		cpu_exception(c, NULL, EXC_ADEL, pc, false);
		return NULL;
	}
	struct xlate x = translate(c, pc, ACC_FETCH);
	if (x.exc) {
		raise(c, NULL, &x, pc);
		return NULL;
	}
	if (!bus_is_ram(c->bus, x.pa, 4)) {
		cpu_exception(c, NULL, EXC_IBE, pc, false);
		return NULL;
	}
	struct dpage *dp = cpu_dpage_get(c, x.pa);   /* may flush the caches */
	struct fc_entry *f = &c->fc[(pc >> 12) & (HC_SIZE - 1)];
	f->tag = (pc & ~0xfffu) | c->gen;
	f->page = dp;
	c->page_va = pc & ~0xfffu;
	if (unlikely(c->dbg) && c->dbg->nbrk)
		cpu_debug_patch(c, dp, c->page_va);
	return &dp->d[(pc & 0xfff) >> 2];
}

/* ---- predecoded pages ----------------------------------------------------------------------- */

struct dpage *cpu_dpage_get(struct cpu *c, uint32_t pa)
{
	uint32_t n = pa >> 12;
	if (c->code[n])
		return c->code[n];
	struct dpage *dp = malloc(sizeof *dp);
	if (!dp)
		abort();                     /* out of host memory: ours */
	const uint8_t *ram = c->bus->ram + (pa & ~0xfffu);
	for (uint32_t i = 0; i < CPU_PAGE_WORDS; i++) {
		uint32_t w;
		memcpy(&w, ram + 4 * i, 4);
		cpu_decode_into(&dp->d[i], w, 4 * i);
	}
	for (uint32_t i = 1; i < CPU_PAGE_WORDS; i++)
		cpu_set_stall(&dp->d[i], &dp->d[i - 1]);
	memset(&dp->d[CPU_PAGE_WORDS], 0, sizeof dp->d[0]);
	dp->d[CPU_PAGE_WORDS].op = CPU_OP_PAGE_END;
	dp->d[CPU_PAGE_WORDS].label = cpu_label(CPU_OP_PAGE_END);
	dp->d[CPU_PAGE_WORDS].off = 4 * CPU_PAGE_WORDS;
	dp->d[CPU_PAGE_WORDS].flags = DI_CTI;
	c->code[n] = dp;
	cpu_flush_caches(c);   /* no cached store may bypass this page any more */
	return dp;
}

void cpu_code_written(struct cpu *c, uint32_t pa, uint32_t len)
{
	if (!len || pa >= c->bus->ram_size)
		return;
	uint32_t end = pa + len > c->bus->ram_size ? c->bus->ram_size : pa + len;
	for (uint32_t a = pa & ~3u; a < end; a += 4) {
		struct dpage *dp = c->code[a >> 12];
		if (!dp) {
			a = (a | 0xfffu) - 3;    /* skip to the next page */
			continue;
		}
		uint32_t w, i = (a & 0xfff) >> 2;
		bool bp = dp->d[i].flags & DI_BP;      /* a breakpoint stays */
		memcpy(&w, c->bus->ram + a, 4);
		cpu_decode_into(&dp->d[i], w, a & 0xfff);
		if (bp)
			cpu_debug_patch_word(&dp->d[i]);
		if (i > 0)
			cpu_set_stall(&dp->d[i], &dp->d[i - 1]);
		if (i + 1 < CPU_PAGE_WORDS)
			cpu_set_stall(&dp->d[i + 1], &dp->d[i]);
	}
}
