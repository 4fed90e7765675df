/*
 * cp0.h - names for the CP0 table (machine/cp0.def) and the exception codes
 * (machine/excode.def).
 */
#ifndef TRAPEZE_CP0_H
#define TRAPEZE_CP0_H

#include <stdbool.h>
#include <stdint.h>
#include "cp0bits.h"
#include "hw.h"

struct tlb;

/* One enumerator per implemented CP0 register, in table order. */
enum cp0_reg {
#define CP0_REG(name, num, sel, wmask, kind, desc) CP0_##name,
#include "cp0.def"
#undef CP0_REG
	CP0_NREGS
};

enum cp0_kind { PLAIN, SPECIAL };

struct cp0_info {
	const char *name;       /* the table's NAME column, "STATUS" */
	uint8_t num, sel;
	uint32_t writable;
	enum cp0_kind kind;
	const char *desc;
};


extern const struct cp0_info cp0_table[CP0_NREGS];

/* The table row for (number, select), or -1 if not implemented. */
int cp0_find(unsigned num, unsigned sel);

/* Exception codes, Cause.ExcCode values. */
enum exc_code {
#define EXC(name, code, shortname, desc) EXC_##name = code,
#include "excode.def"
#undef EXC
};
#define EXC_NCODES 32
/* Short name ("TLBL") and description of a code; "?" for an unused code. */
const char *exc_name(unsigned code);
const char *exc_desc(unsigned code);

/* ---- CP0 as data: the architecture's rules, shared by the real CPU and the
 * VMM's virtual CP0 (machine/cp0.c) ---------------------------------------------
 * A CP0 is its stored registers r[CP0_NREGS] (indexed by enum cp0_reg), the
 * clock-derived state below, and a TLB. `now` is whatever clock that CP0
 * lives by: the machine's cycles, or a VM's guest clock. */
struct cp0_timer {
	uint64_t count_cycle;   /* Count = r[COUNT] + (now - count_cycle) / 2    */
	uint64_t random_cycle;  /* Random counts down from N-1 since this cycle  */
	uint64_t timer_at;      /* first cycle at which Count equals Compare     */
	bool ti;                /* a match latched (Cause.TI) until Compare is written */
};

uint32_t cp0_count(const uint32_t *r, const struct cp0_timer *t, uint64_t now);
uint32_t cp0_random(const uint32_t *r, const struct cp0_timer *t, unsigned tlb_n, uint64_t now);
/* Has Count reached Compare since Compare was last written (Cause.TI)? */
static inline bool cp0_timer_pending(const struct cp0_timer *t, uint64_t now)
{
	return t->ti || now >= t->timer_at;
}
/* Cause.IP: software bits, hardware lines (IP bits), and the timer on IP7. */
static inline uint32_t cp0_cause_ip(const uint32_t *r, const struct cp0_timer *t,
				    uint32_t irq_lines, uint64_t now)
{
	uint32_t ip = (r[CP0_CAUSE] | irq_lines) & CAUSE_IP;
	return cp0_timer_pending(t, now) ? ip | 1u << (CAUSE_IP_SHIFT + HW_IRQ_TIMER) : ip;
}
/* Would an interrupt be taken now? Status.IE = 1, EXL = ERL = 0, and a
 * pending Cause.IP bit not masked by Status.IM (MIPS32 Vol. III 6.1.1). */
static inline bool cp0_interrupt_pending(const uint32_t *r, const struct cp0_timer *t,
					 uint32_t irq_lines, uint64_t now)
{
	uint32_t st = r[CP0_STATUS];
	if ((st & (ST_IE | ST_EXL | ST_ERL)) != ST_IE)
		return false;
	return (cp0_cause_ip(r, t, irq_lines, now) & st & ST_IM) != 0;
}
/* MFC0: the value of register reg now. */
uint32_t cp0_read(const uint32_t *r, const struct cp0_timer *t, unsigned tlb_n,
		  uint32_t irq_lines, enum cp0_reg reg, uint64_t now);
/* MTC0: change the writable bits of reg (cp0.def) and apply the register's
 * side effects on the timer state. Returns what else the caller must redo: */
enum {
	CP0W_MODE = 1,    /* Status changed: the execution mode may have changed */
	CP0W_FLUSH = 2,   /* the address map changed (EntryHi.ASID, Status.ERL)  */
	CP0W_IRQ = 4,     /* whether an interrupt is pending may have changed    */
};
unsigned cp0_write(uint32_t *r, struct cp0_timer *t, enum cp0_reg reg, uint32_t value,
		   uint64_t now);
/* Architectural reset values (kernel mode, ERL = BEV = 1). */
void cp0_reset(uint32_t *r, struct cp0_timer *t, unsigned tlb_n, uint64_t now);

/* Exception entry, MIPS32 Vol. III 6.2.1, on the registers only: for the
 * exception `code` of the instruction at pc (in a delay slot when bd):
 *   if Status.EXL = 0:  EPC = pc (the branch, pc - 4, with Cause.BD = 1, when
 *                       bd); offset 0x000 for a TLB refill, 0x200 for an
 *                       interrupt when Cause.IV, else 0x180
 *   else:               EPC and BD unchanged; offset 0x180 (refills too)
 *   Cause.ExcCode = code, Cause.CE = ce; BadVAddr for address and TLB faults;
 *   Context.BadVPN2 and EntryHi.VPN2 for TLB faults; Status.EXL = 1.
 * Returns the vector: (Status.BEV ? 0xBFC00200 : EBase) + offset. */
#define CP0_TLB_FAULTS ((1u << EXC_MOD) | (1u << EXC_TLBL) | (1u << EXC_TLBS))
#define CP0_ADDR_FAULTS (CP0_TLB_FAULTS | (1u << EXC_ADEL) | (1u << EXC_ADES))
static inline uint32_t cp0_exception_entry(uint32_t *r, unsigned code, unsigned ce,
					   uint32_t pc, bool bd, uint32_t badvaddr, bool refill)
{
	uint32_t st = r[CP0_STATUS], cause = r[CP0_CAUSE];
	uint32_t offset = VEC_GENERAL;
	if (__builtin_expect(!(st & ST_EXL), 1)) {
		r[CP0_EPC] = bd ? pc - 4 : pc;
		cause = bd ? cause | CAUSE_BD : cause & ~CAUSE_BD;
		if (refill)
			offset = VEC_REFILL;
		else if (code == EXC_INT && (cause & CAUSE_IV))
			offset = VEC_INTERRUPT;
	}
	r[CP0_CAUSE] = (cause & ~(CAUSE_EXC | CAUSE_CE)) | (code << CAUSE_EXC_SHIFT) |
		       (ce << CAUSE_CE_SHIFT);
	if ((1u << code) & CP0_ADDR_FAULTS) {
		r[CP0_BADVADDR] = badvaddr;
		if ((1u << code) & CP0_TLB_FAULTS) {
			uint32_t vpn2 = badvaddr & ENTRYHI_VPN2;
			r[CP0_CONTEXT] = (r[CP0_CONTEXT] & CONTEXT_PTEBASE) |
					 (vpn2 >> 13 << CONTEXT_BADVPN2_SHIFT);
			r[CP0_ENTRYHI] = (r[CP0_ENTRYHI] & ENTRYHI_ASID) | vpn2;
		}
	}
	r[CP0_STATUS] = st | ST_EXL;
	uint32_t base = (st & ST_BEV) ? VEC_BEV_BASE : (r[CP0_EBASE] & 0xfffff000u);
	return base + offset;
}

/* ERET, MIPS32 Vol. III: if Status.ERL, clear it and return ErrorEPC, else
 * clear Status.EXL and return EPC. (The caller also clears the LL link.) */
static inline uint32_t cp0_eret(uint32_t *r)
{
	uint32_t st = r[CP0_STATUS];
	if (st & ST_ERL) {
		r[CP0_STATUS] = st & ~ST_ERL;
		return r[CP0_ERROREPC];
	}
	r[CP0_STATUS] = st & ~ST_EXL;
	return r[CP0_EPC];
}

/* TLBWI/TLBWR: entry `index` takes EntryHi (VPN2 masked by PageMask, ASID),
 * PageMask and EntryLo0/1; its G is EntryLo0.G AND EntryLo1.G. */
void cp0_tlb_write(const uint32_t *r, struct tlb *t, unsigned index);
/* TLBR: EntryHi, PageMask, EntryLo0/1 = entry Index. Returns whether the
 * ASID in EntryHi changed. */
bool cp0_tlb_read(uint32_t *r, const struct tlb *t);
/* TLBP: Index = the matching entry, or Index.P = 1 when none does. Two
 * matches: sets Status.TS and returns false (a machine check). */
bool cp0_tlb_probe(uint32_t *r, const struct tlb *t);

#endif
