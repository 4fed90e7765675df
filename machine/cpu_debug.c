/*
 * cpu_debug.c - breakpoints, watchpoints and the exception log for the
 * debugger (the contract is in cpu.h, "debugger support").
 *
 * Breakpoints cost nothing per instruction: a breakpoint word's predecoded
 * dinst gets the dispatcher's check label instead of its own, so only the
 * words that are breakpoints pay. Patching happens where the CPU enters a
 * virtual page through the fetch cache's slow path (cpu_fetch_slow calls
 * cpu_debug_patch), because a breakpoint is a virtual address and only
 * there are virtual and physical page known together. Since every change of
 * translation (TLB write, ASID, mode caches) and every change of the
 * breakpoint list empties the fetch cache, every entry into a page passes
 * there first.
 *
 * Watchpoints cost nothing on pages that hold no watched byte: pages that
 * do are never given a host-cache entry for the watched kind of access
 * (cpu_debug_uncached), so those accesses come to mmu.c's slow paths, which
 * call cpu_debug_access.
 */
#include "exec.h"

void cpu_debug_attach(struct cpu *c, struct cpu_debug *g)
{
	if (c->dbg)
		cpu_debug_changed(c);        /* remove the old patches */
	c->dbg = g;
	if (g)
		c->trace |= TRACE_LOG;
	else
		c->trace &= ~(unsigned)TRACE_LOG;
	cpu_debug_changed(c);
}

void cpu_debug_changed(struct cpu *c)
{
	const void *brk = cpu_label(CPU_LABEL_BREAK);
	for (uint32_t p = 0; p < c->code_pages; p++) {
		struct dpage *dp = c->code[p];
		if (!dp)
			continue;
		for (int i = 0; i < CPU_PAGE_WORDS; i++)
			if (dp->d[i].label == brk) {
				dp->d[i].label = cpu_label(dp->d[i].op);
				dp->d[i].flags &= (uint8_t)~DI_BP;
			}
	}
	cpu_flush_caches(c);     /* fetches re-patch; watched pages lose their entries */
}

void cpu_debug_patch(struct cpu *c, struct dpage *dp, uint32_t page_va)
{
	const struct cpu_debug *g = c->dbg;
	for (int i = 0; i < g->nbrk; i++)
		if ((g->brk[i] & ~0xfffu) == page_va && !(g->brk[i] & 3))
			cpu_debug_patch_word(&dp->d[(g->brk[i] & 0xfff) >> 2]);
}

void cpu_debug_patch_word(struct dinst *d)
{
	d->label = cpu_label(CPU_LABEL_BREAK);
	d->flags |= DI_BP;
}

bool cpu_debug_break(struct cpu *c, uint32_t pc, uint64_t insns)
{
	struct cpu_debug *g = c->dbg;
	if (!g || g->hit != HIT_NONE)
		return false;
	if (g->skip && pc == g->skip_pc && insns == g->skip_insns)
		return false;
	for (int i = 0; i < g->nbrk; i++)
		if (g->brk[i] == pc) {
			g->hit = HIT_BREAK;
			g->hit_index = i;
			g->hit_pc = pc;
			cpu_request_stop(c);
			return true;
		}
	return false;
}

/* Does [va, va+len) meet the watched range w? */
static bool meets(const struct cpu_watch *w, uint32_t va, uint32_t len)
{
	return va < w->va + w->len && w->va < va + len;
}

void cpu_debug_uncached(const struct cpu *c, uint32_t page_va, bool *no_read, bool *no_write)
{
	const struct cpu_debug *g = c->dbg;
	for (int i = 0; i < g->nwatch; i++)
		if (meets(&g->watch[i], page_va, 0x1000)) {
			*no_read |= g->watch[i].on_read;
			*no_write |= g->watch[i].on_write;
		}
}

void cpu_debug_access(struct cpu *c, uint32_t pc, uint32_t va, unsigned size, bool write,
		      uint32_t value)
{
	struct cpu_debug *g = c->dbg;
	if (g->hit != HIT_NONE)
		return;
	for (int i = 0; i < g->nwatch; i++) {
		const struct cpu_watch *w = &g->watch[i];
		if ((write ? w->on_write : w->on_read) && meets(w, va, size)) {
			g->hit = HIT_WATCH;
			g->hit_index = i;
			g->hit_pc = pc;
			g->hit_va = va;
			g->hit_size = size;
			g->hit_write = write;
			g->hit_value = value;
			cpu_request_stop(c);     /* after this instruction */
			return;
		}
	}
}
