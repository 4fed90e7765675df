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
 */
#include <stdint.h>
#include "cost.h"
#include "cpu.h"
#include "hw.h"

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

int cp0_find(unsigned num, unsigned sel)
{
	for (int r = 0; r < CP0_NREGS; r++)
		if (cp0_table[r].num == num && cp0_table[r].sel == sel)
			return r;
	return -1;
}

/* ---- the clock-derived registers ------------------------------------------- */

static uint32_t count_now(const struct cpu *c)
{
	if (c->cp0[CP0_CAUSE] & CAUSE_DC)
		return c->cp0[CP0_COUNT];
	return c->cp0[CP0_COUNT] + (uint32_t)((c->cycles - c->count_cycle) / COUNT_DIVISOR);
}

static uint32_t random_now(const struct cpu *c)
{
	uint32_t n = (uint32_t)c->tlb.n, wired = c->cp0[CP0_WIRED];
	if (wired >= n)
		return n - 1;
	return n - 1 - (uint32_t)((c->cycles - c->random_cycle) % (n - wired));
}

/* Remember a match that already happened, before Count or its base moves. */
static void timer_latch(struct cpu *c)
{
	c->ti = cpu_timer_pending(c);
}

/* Arm: the first cycle at which Count is incremented to equal Compare. */
static void timer_rearm(struct cpu *c)
{
	if (c->cp0[CP0_CAUSE] & CAUSE_DC) {
		c->timer_at = UINT64_MAX;
		return;
	}
	uint64_t ticks = (c->cycles - c->count_cycle) / COUNT_DIVISOR;
	uint64_t k = (uint32_t)(c->cp0[CP0_COMPARE] - count_now(c));
	if (k == 0)
		k = 1ull << 32;              /* equal now: next match after a wrap */
	c->timer_at = c->count_cycle + (ticks + k) * COUNT_DIVISOR;
}

uint32_t cpu_cp0_read(const struct cpu *c, enum cp0_reg r)
{
	switch (r) {
	case CP0_RANDOM:
		return random_now(c);
	case CP0_COUNT:
		return count_now(c);
	case CP0_CAUSE:
		return (c->cp0[CP0_CAUSE] & ~CAUSE_IP) | cpu_cause_ip(c) |
		       (cpu_timer_pending(c) ? CAUSE_TI : 0);
	default:
		return c->cp0[r];
	}
}

void cpu_cp0_write(struct cpu *c, enum cp0_reg r, uint32_t value)
{
	uint32_t old = c->cp0[r], mask = cp0_table[r].writable;
	uint32_t v = (old & ~mask) | (value & mask);

	switch (r) {
	case CP0_COUNT:
		timer_latch(c);
		c->cp0[CP0_COUNT] = v;
		c->count_cycle = c->cycles;
		timer_rearm(c);
		break;
	case CP0_COMPARE:
		c->cp0[CP0_COMPARE] = v;
		c->ti = false;                  /* writing Compare acknowledges */
		timer_rearm(c);
		break;
	case CP0_CAUSE:
		timer_latch(c);
		if ((v ^ old) & CAUSE_DC) {     /* freeze or restart Count */
			c->cp0[CP0_COUNT] = count_now(c);
			c->count_cycle = c->cycles;
		}
		c->cp0[CP0_CAUSE] = v;
		timer_rearm(c);
		break;
	case CP0_WIRED:
		c->cp0[CP0_WIRED] = v;
		c->random_cycle = c->cycles;    /* Random restarts at N-1 */
		break;
	case CP0_STATUS:
		c->cp0[CP0_STATUS] = v;
		if ((v ^ old) & ST_ERL)
			cpu_flush_caches(c);    /* useg mapping depends on ERL */
		cpu_mode_changed(c);
		break;
	case CP0_ENTRYHI:
		c->cp0[CP0_ENTRYHI] = v;
		if ((v ^ old) & ENTRYHI_ASID)
			cpu_flush_caches(c);
		break;
	default:
		c->cp0[r] = v;
		break;
	}
}

/* Reset values: kernel mode (the firmware then sets what DESIGN.md section 5
 * promises), Config describing a release 2 CPU with a TLB, no caches, no FPU. */
void cpu_cp0_reset(struct cpu *c)
{
	for (int r = 0; r < CP0_NREGS; r++)
		c->cp0[r] = 0;
	c->cp0[CP0_PRID] = CPU_PRID;
	c->cp0[CP0_CONFIG] = 0x80000000u        /* M: Config1 exists       */
			   | (1u << 10)         /* AR = 1: release 2       */
			   | (1u << 7)          /* MT = 1: standard TLB    */
			   | CACHE_CACHEABLE;   /* K0                      */
	c->cp0[CP0_CONFIG1] = (uint32_t)(c->tlb.n - 1) << 25;  /* MMU size - 1 */
	c->cp0[CP0_EBASE] = HW_EBASE_RESET;
	c->cp0[CP0_STATUS] = ST_ERL | ST_BEV;
	c->count_cycle = c->cycles;
	c->random_cycle = c->cycles;
	c->ti = false;
	timer_rearm(c);
}
