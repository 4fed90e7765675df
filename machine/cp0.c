/*
 * cp0.c - System Control Coprocessor registers (MIPS32 Vol. III ch. 9).
 *
 * Most registers are stored in c->cp0[] and MTC0 changes only the bits the
 * table (cp0.def) calls writable. Three are computed from the clock, which
 * keeps the per-instruction path free of timer work:
 *   Count  = cp0[COUNT] + (cycles - count_cycle) / COUNT_DIVISOR  (frozen by Cause.DC)
 *   Random = N-1 - (cycles - random_cycle) mod (N - Wired)
 *   Cause  = stored bits | hardware lines IP6..2 | (TI ? TI | IP7 : 0)
 * The timer interrupt (Cause.TI, on IP7) becomes pending when Count is
 * incremented to equal Compare, and stays pending until Compare is written.
 *
 * The rules are written once, as functions of (registers, timer state, now),
 * and serve two CP0s: the real CPU's (now = the machine's clock) and each
 * VM's virtual CP0 in vmm/ (now = that VM's guest clock). So the VMM cannot
 * get Count, Random or the timer subtly different from the hardware.
 */
#include <stdint.h>
#include "cost.h"
#include "cpu.h"
#include "hw.h"
#include "tlb.h"

const struct cp0_info cp0_table[CP0_NREGS] = {
#define CP0_REG(name, num, sel, wmask, kind, desc) \
	[CP0_##name] = { #name, num, sel, wmask, kind, desc },
#include "cp0.def"
#undef CP0_REG
};

static const struct { const char *name, *desc; } exc_info[EXC_NCODES] = {
#define EXC(name, code, shortname, desc) [code] = { shortname, desc },
#include "excode.def"
#undef EXC
};

const char *exc_name(unsigned code)
{
	return code < EXC_NCODES && exc_info[code].name ? exc_info[code].name : "?";
}

const char *exc_desc(unsigned code)
{
	return code < EXC_NCODES && exc_info[code].desc ? exc_info[code].desc : "?";
}

/* (number, select) -> table row + 1, 0 for none: built once from cp0.def. */
static int8_t cp0_index[32][8];
static bool cp0_index_built;

int cp0_find(unsigned num, unsigned sel)
{
	if (num > 31 || sel > 7)
		return -1;
	if (!cp0_index_built) {
		for (int r = 0; r < CP0_NREGS; r++)
			cp0_index[cp0_table[r].num][cp0_table[r].sel] = (int8_t)(r + 1);
		cp0_index_built = true;
	}
	return cp0_index[num][sel] - 1;
}

/* ---- the clock-derived registers ------------------------------------------- */

uint32_t cp0_count(const uint32_t *r, const struct cp0_timer *t, uint64_t now)
{
	if (r[CP0_CAUSE] & CAUSE_DC)
		return r[CP0_COUNT];
	return r[CP0_COUNT] + (uint32_t)((now - t->count_cycle) / COUNT_DIVISOR);
}

uint32_t cp0_random(const uint32_t *r, const struct cp0_timer *t, unsigned n, uint64_t now)
{
	uint32_t wired = r[CP0_WIRED];
	if (wired >= n)
		return n - 1;
	return n - 1 - (uint32_t)((now - t->random_cycle) % (n - wired));
}

/* Remember a match that already happened, before Count or its base moves. */
static void timer_latch(struct cp0_timer *t, uint64_t now)
{
	t->ti = cp0_timer_pending(t, now);
}

/* Arm: the first cycle at which Count is incremented to equal Compare. */
static void timer_rearm(const uint32_t *r, struct cp0_timer *t, uint64_t now)
{
	if (r[CP0_CAUSE] & CAUSE_DC) {
		t->timer_at = UINT64_MAX;
		return;
	}
	uint64_t ticks = (now - t->count_cycle) / COUNT_DIVISOR;
	uint64_t k = (uint32_t)(r[CP0_COMPARE] - cp0_count(r, t, now));
	if (k == 0)
		k = 1ull << 32;              /* equal now: next match after a wrap */
	t->timer_at = t->count_cycle + (ticks + k) * COUNT_DIVISOR;
}

uint32_t cp0_read(const uint32_t *r, const struct cp0_timer *t, unsigned tlb_n,
		  uint32_t irq_lines, enum cp0_reg reg, uint64_t now)
{
	switch (reg) {
	case CP0_RANDOM:
		return cp0_random(r, t, tlb_n, now);
	case CP0_COUNT:
		return cp0_count(r, t, now);
	case CP0_CAUSE:
		return (r[CP0_CAUSE] & ~CAUSE_IP) | cp0_cause_ip(r, t, irq_lines, now) |
		       (cp0_timer_pending(t, now) ? CAUSE_TI : 0);
	default:
		return r[reg];
	}
}

unsigned cp0_write(uint32_t *r, struct cp0_timer *t, enum cp0_reg reg, uint32_t value,
		   uint64_t now)
{
	uint32_t old = r[reg], mask = cp0_table[reg].writable;
	uint32_t v = (old & ~mask) | (value & mask);

	r[reg] = v;
	switch (reg) {
	case CP0_COUNT:
		r[CP0_COUNT] = old;
		timer_latch(t, now);
		r[CP0_COUNT] = v;
		t->count_cycle = now;
		timer_rearm(r, t, now);
		return CP0W_IRQ;
	case CP0_COMPARE:
		t->ti = false;                  /* writing Compare acknowledges */
		timer_rearm(r, t, now);
		return CP0W_IRQ;
	case CP0_CAUSE:
		r[CP0_CAUSE] = old;
		timer_latch(t, now);
		if ((v ^ old) & CAUSE_DC) {     /* freeze or restart Count */
			r[CP0_COUNT] = cp0_count(r, t, now);
			t->count_cycle = now;
		}
		r[CP0_CAUSE] = v;
		timer_rearm(r, t, now);
		return CP0W_IRQ;
	case CP0_WIRED:
		t->random_cycle = now;          /* Random restarts at N-1 */
		return 0;
	case CP0_STATUS:
		/* useg's mapping depends on ERL */
		return CP0W_MODE | CP0W_IRQ | ((v ^ old) & ST_ERL ? CP0W_FLUSH : 0);
	case CP0_ENTRYHI:
		return (v ^ old) & ENTRYHI_ASID ? CP0W_FLUSH : 0;
	default:
		return 0;
	}
}

/* Reset values: kernel mode (the firmware then sets what DESIGN.md section 5
 * promises), Config describing a release 2 CPU with a TLB, no caches, no FPU. */
void cp0_reset(uint32_t *r, struct cp0_timer *t, unsigned tlb_n, uint64_t now)
{
	for (int i = 0; i < CP0_NREGS; i++)
		r[i] = 0;
	r[CP0_PRID] = CPU_PRID;
	r[CP0_CONFIG] = 0x80000000u        /* M: Config1 exists       */
		      | (1u << 10)         /* AR = 1: release 2       */
		      | (1u << 7)          /* MT = 1: standard TLB    */
		      | CACHE_CACHEABLE;   /* K0                      */
	r[CP0_CONFIG1] = (tlb_n - 1) << 25;  /* MMU size - 1 */
	r[CP0_EBASE] = HW_EBASE_RESET;
	r[CP0_STATUS] = ST_ERL | ST_BEV;
	t->count_cycle = now;
	t->random_cycle = now;
	t->ti = false;
	timer_rearm(r, t, now);
}

/* ---- the TLB instructions' register side ------------------------------------------ */

void cp0_tlb_write(const uint32_t *r, struct tlb *t, unsigned index)
{
	struct tlb_entry *e = &t->e[index % (unsigned)t->n];
	uint32_t pm = r[CP0_PAGEMASK];
	uint32_t g = r[CP0_ENTRYLO0] & r[CP0_ENTRYLO1] & ENTRYLO_G;
	e->pagemask = pm;
	e->entryhi = r[CP0_ENTRYHI] & (ENTRYHI_VPN2 | ENTRYHI_ASID) & ~pm;
	e->entrylo0 = (r[CP0_ENTRYLO0] & ~ENTRYLO_G) | g;
	e->entrylo1 = (r[CP0_ENTRYLO1] & ~ENTRYLO_G) | g;
}

bool cp0_tlb_read(uint32_t *r, const struct tlb *t)
{
	const struct tlb_entry *e = &t->e[(r[CP0_INDEX] & ~INDEX_P) % (unsigned)t->n];
	uint32_t old_asid = r[CP0_ENTRYHI] & ENTRYHI_ASID;
	r[CP0_ENTRYHI] = e->entryhi;
	r[CP0_PAGEMASK] = e->pagemask;
	r[CP0_ENTRYLO0] = e->entrylo0;
	r[CP0_ENTRYLO1] = e->entrylo1;
	return (e->entryhi & ENTRYHI_ASID) != old_asid;
}

bool cp0_tlb_probe(uint32_t *r, const struct tlb *t)
{
	int i = tlb_probe(t, r[CP0_ENTRYHI]);
	if (i == -2) {
		r[CP0_STATUS] |= ST_TS;
		return false;
	}
	r[CP0_INDEX] = i < 0 ? INDEX_P : (uint32_t)i;
	return true;
}

/* ---- the real CPU's CP0: the functions above on c->cp0 and c->cycles --------------- */

uint32_t cpu_cp0_read(const struct cpu *c, enum cp0_reg r)
{
	return cp0_read(c->cp0, &c->tm, (unsigned)c->tlb.n, c->irq_lines, r, c->cycles);
}

void cpu_cp0_write(struct cpu *c, enum cp0_reg r, uint32_t value)
{
	unsigned fx = cp0_write(c->cp0, &c->tm, r, value, c->cycles);
	if (fx & CP0W_FLUSH)
		cpu_flush_caches(c);
	if (fx & CP0W_MODE)
		cpu_mode_changed(c);
}

void cpu_cp0_reset(struct cpu *c)
{
	cp0_reset(c->cp0, &c->tm, (unsigned)c->tlb.n, c->cycles);
}
