/*
 * exec_priv.c - the Coprocessor 0 instructions, RDHWR, and everything that
 * raises an exception on purpose (SYSCALL, BREAK, traps, reserved words).
 *
 * Every privileged instruction starts with REQUIRE_CP0(): outside kernel mode
 * with Status.CU0 = 0 it raises Coprocessor Unusable (Cause.CE = 0). This is
 * the hook the VMM lives on: its guests run with CU0 = 0.
 */
#include "exec.h"

/* ---- MFC0 / MTC0: IMM is the cp0.def row, or UINT32_MAX when unimplemented ---- */
EXEC(MFC0)
{
	REQUIRE_CP0();
	if (likely(d->flags & DI_CP0_PLAIN))
		GPR_DST = c->cp0[IMM];
	else
		GPR_DST = IMM == UINT32_MAX ? 0 : cpu_cp0_read(c, (enum cp0_reg)IMM);
	return X_NEXT;
}

/* MTC0 of a register with side effects (Status, Cause, EntryHi, Count,
 * Compare, Wired...): kept out of line, so that the plain case inlines. */
static __attribute__((noinline)) void mtc0_special(struct cpu *c, const struct dinst *d)
{
	if (IMM == UINT32_MAX)
		return;                         /* unimplemented: write ignored */
	unsigned fx = cp0_write(c->cp0, &c->tm, (enum cp0_reg)IMM, GPR_RT, c->cycles);
	if (fx & CP0W_FLUSH)
		cpu_flush_caches(c);
	if (fx & CP0W_MODE)
		cpu_mode_changed(c);
	if (fx & CP0W_IRQ)
		recheck_interrupts(c);
}

EXEC(MTC0)
{
	REQUIRE_CP0();
	if (likely(d->flags & DI_CP0_PLAIN)) {
		uint32_t w = cp0_table[IMM].writable;
		c->cp0[IMM] = (c->cp0[IMM] & ~w) | (GPR_RT & w);
	} else {
		mtc0_special(c, d);
	}
	return X_NEXT;
}

/* DI/EI rt: rt = Status, then Status.IE = 0 / 1. */
static int set_ie(struct cpu *c, const struct dinst *d, bool on)
{
	REQUIRE_CP0();
	uint32_t st = c->cp0[CP0_STATUS];
	GPR_DST = st;
	c->cp0[CP0_STATUS] = on ? st | ST_IE : st & ~ST_IE;
	if (cpu_interrupt_pending(c))
		c->event_at = 0;
	return X_NEXT;
}
EXEC(DI) { return set_ie(c, d, false); }
EXEC(EI) { return set_ie(c, d, true); }

/* ERET: return to ErrorEPC if Status.ERL (clearing ERL), else to EPC
 * (clearing EXL); clears the LL link; has no delay slot. */
EXEC(ERET)
{
	REQUIRE_CP0();
	bool erl = c->cp0[CP0_STATUS] & ST_ERL;
	c->pc = cp0_eret(c->cp0);
	if (erl)
		cpu_flush_caches(c);            /* useg is mapped again */
	c->llbit = false;
	cpu_mode_changed(c);
	cpu_charge(c, COST_ERET - COST_INSN, false);   /* the loop adds COST_INSN */
	if (cpu_interrupt_pending(c))   /* EXL or ERL cleared: one may be takeable */
		c->event_at = 0;
	return X_JUMP;
}

/* WAIT: idle until an interrupt is pending (machine.c); execution resumes,
 * or the interrupt is taken, at the instruction after WAIT. */
EXEC(WAIT)
{
	REQUIRE_CP0();
	c->waiting = true;
	return X_STOP;
}

/* CACHE: there are no caches to operate on; a no-op in kernel mode. */
EXEC(CACHE) { REQUIRE_CP0(); return X_NEXT; }

/* HYPCALL: on the bare machine there is nobody to call. Under the VMM the
 * guest runs without CU0 and the CpU exception reaches the hypervisor. */
EXEC(HYPCALL)
{
	REQUIRE_CP0();
	return cpu_exception(c, d, EXC_RI, 0, false);
}

/* ---- the TLB instructions --------------------------------------------------------- */

/* TLBWI/TLBWR: cp0_tlb_write (cp0.h) says what the entry takes. */
static int tlb_write(struct cpu *c, unsigned index, const char *how)
{
	cp0_tlb_write(c->cp0, &c->tlb, index);
	cpu_flush_caches(c);
	c->stats.tlb_writes++;
	if (c->trace & TRACE_TLB)
		trace_tlb_write(c, how, (int)(index % (unsigned)c->tlb.n));
	return X_NEXT;
}

EXEC(TLBWI)
{
	REQUIRE_CP0();
	return tlb_write(c, c->cp0[CP0_INDEX] & ~INDEX_P, "TLBWI");
}

EXEC(TLBWR)
{
	REQUIRE_CP0();
	return tlb_write(c, cpu_cp0_read(c, CP0_RANDOM), "TLBWR");
}

EXEC(TLBR)
{
	REQUIRE_CP0();
	if (cp0_tlb_read(c->cp0, &c->tlb))
		cpu_flush_caches(c);            /* TLBR changed the current ASID */
	return X_NEXT;
}

/* TLBP: Index = the matching entry, or Index.P = 1 when none matches; two
 * matches are a machine check (Trapeze detects them on lookup and probe). */
EXEC(TLBP)
{
	REQUIRE_CP0();
	if (!cp0_tlb_probe(c->cp0, &c->tlb))
		return cpu_exception(c, d, EXC_MCHECK, 0, false);
	return X_NEXT;
}

/* ---- RDHWR: hardware registers for user code, gated by HWREna ------------------------ */
EXEC(RDHWR)
{
	unsigned r = IMM;
	if (r > HWR_CCRES)
		return cpu_exception(c, d, EXC_RI, 0, false);
	if (!cp0_usable(c) && !(c->cp0[CP0_HWRENA] & (1u << r)))
		return cpu_exception(c, d, EXC_RI, 0, false);
	switch (r) {
	case HWR_CPUNUM:     GPR_DST = c->cp0[CP0_EBASE] & 0x3ffu; break;
	case HWR_SYNCI_STEP: GPR_DST = 0; break;                 /* no caches */
	case HWR_CC:         GPR_DST = cpu_cp0_read(c, CP0_COUNT); break;
	case HWR_CCRES:      GPR_DST = COUNT_DIVISOR; break;
	}
	return X_NEXT;
}

/* ---- exceptions on purpose -------------------------------------------------------------- */
/* SYSCALL and BREAK: cpu_exception() with the entry inlined, as system calls
 * are the most frequent exception of all. */
#define RAISE(code) cpu_enter(c, code, pc_of(c, d), d->word, false, 0, false, \
			      COST_INSN + COST_EXC_ENTRY)
EXEC(SYSCALL)  { return RAISE(EXC_SYS); }
EXEC(BREAK)    { return RAISE(EXC_BP); }
#undef RAISE
EXEC(RESERVED) { return cpu_exception(c, d, EXC_RI, 0, false); }

static inline int trap_if(struct cpu *c, const struct dinst *d, bool cond)
{
	return cond ? cpu_exception(c, d, EXC_TR, 0, false) : X_NEXT;
}
#define S(x) ((int32_t)(x))
EXEC(TEQ)   { return trap_if(c, d, GPR_RS == GPR_RT); }
EXEC(TNE)   { return trap_if(c, d, GPR_RS != GPR_RT); }
EXEC(TGE)   { return trap_if(c, d, S(GPR_RS) >= S(GPR_RT)); }
EXEC(TGEU)  { return trap_if(c, d, GPR_RS >= GPR_RT); }
EXEC(TLT)   { return trap_if(c, d, S(GPR_RS) < S(GPR_RT)); }
EXEC(TLTU)  { return trap_if(c, d, GPR_RS < GPR_RT); }
EXEC(TEQI)  { return trap_if(c, d, GPR_RS == IMM); }
EXEC(TNEI)  { return trap_if(c, d, GPR_RS != IMM); }
EXEC(TGEI)  { return trap_if(c, d, S(GPR_RS) >= SIMM); }
EXEC(TGEIU) { return trap_if(c, d, GPR_RS >= IMM); }    /* sign-extended, unsigned */
EXEC(TLTI)  { return trap_if(c, d, S(GPR_RS) < SIMM); }
EXEC(TLTIU) { return trap_if(c, d, GPR_RS < IMM); }
