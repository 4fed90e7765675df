/*
 * cpu.h - the CPU core: architectural state, the predecoded instruction
 * format, and the run interface.
 *
 * Contract with the rest of the machine (DESIGN.md rule 3): the core executes
 * instructions and takes exceptions. It touches memory and devices only
 * through the bus (machine/bus.h). It never calls the VMM or the debugger:
 * cpu_run() returns a stop reason, and when c->exit_to_host is set an
 * exception fills c->exit and stops instead of vectoring.
 */
#ifndef TRAPEZE_CPU_H
#define TRAPEZE_CPU_H

#include <stdbool.h>
#include <stdint.h>
#include "cp0.h"
#include "tlb.h"
#include "cost.h"
#include "hw.h"

struct bus;
struct cpu;
struct dinst;

/* ---- predecoded instructions --------------------------------------------------
 * Each physical page of RAM that is executed gets a struct dpage: one dinst per
 * instruction word, decoded once from isa.def, plus a sentinel after the last
 * word that moves execution to the next page. Stores into such a page re-decode
 * the words they change, so a dpage always agrees with memory. */
typedef int cpu_exec_fn(struct cpu *c, const struct dinst *d);

/* op of the sentinel after a page's last word (one past the isa.def ops) */
#define CPU_OP_PAGE_END 255
/* not an op: the index of the dispatcher's label for a word patched with a
 * debugger breakpoint (cpu_label(CPU_LABEL_BREAK)); d->op stays the word's */
#define CPU_LABEL_BREAK 254

struct dinst {
	const void *label;  /* where the dispatcher (cpu_run.c) runs it        */
	uint32_t imm;       /* immediate, pre-extended as the instruction needs  */
	uint32_t word;      /* the instruction word                             */
	uint8_t rs, rt;     /* GPRs read (0 when not read: $0 never stalls)     */
	uint8_t dst;        /* GPR written; CPU_SINK when the target is $0      */
	uint8_t sa;         /* shift amount / small field                       */
	uint16_t off;       /* byte offset of this word in its page             */
	uint8_t ldreg;      /* GPR this load writes (load-use stall), else 0    */
	uint8_t op;         /* enum isa_op, or CPU_OP_PAGE_END                   */
	uint8_t flags;      /* DI_* below                                        */
	uint8_t stall;      /* load-use stall cycles when reached from the word
			       before it (predecoded: that word loads a GPR this
			       one reads)                                       */
	uint8_t pad[6];
};
#define DI_CTI     0x01 /* branch, jump or ERET: not allowed in a delay slot */
#define DI_CP0_PLAIN 0x04 /* MFC0/MTC0 of a PLAIN register (cp0.def): a masked
			     move, nothing else                             */
#define DI_BP      0x08 /* patched to stop here for a debugger breakpoint
			     (cpu_debug.c): runs through the check first   */
#define DI_SIMPLE  0x02 /* ordinary, cannot raise an exception, charges no extra
			   cycles, reads no clock: may run as a delay slot
			   without any bookkeeping                         */
#define CPU_SINK   32   /* gpr[32] absorbs writes to $0                      */
#define CPU_PAGE_WORDS 1024

/* Results of an exec function. */
enum {
	X_NEXT = 0,  /* fall through to the next word                            */
	X_BRANCH,    /* c->ds_target is set: run the delay slot, then go there     */
	X_JUMP,      /* c->pc is set, no delay slot (likely not taken, ERET)      */
	X_EXC,       /* an exception was taken (c->pc is the vector) or exited    */
	X_STOP,      /* completed; leave the run loop now (WAIT)                   */
	X_REFETCH,   /* nothing executed: continue at c->pc (end of a page)        */
	X_SYNC,      /* like X_NEXT, but c->cycles was charged extra (stalls): the
			loop keeps the clock in a register and must reload it     */
};

/* ---- host-side translation caches ----------------------------------------------
 * Invisible to the guest (DESIGN.md section 3): a direct-mapped cache per
 * execution mode from virtual page to host address, filled from the real
 * TLB/segment rules on a miss and emptied (by bumping c->gen) on every TLB
 * write, ASID change, ERL change or code-page creation. A tag is
 * (va & ~0xfff) | gen, with gen a multiple of 4 in bits 11..2, so one compare
 * checks page, generation and (with the low bits of va) alignment. */
#define HC_BITS 10
#define HC_SIZE (1u << HC_BITS)
struct hc_entry {
	uint32_t rtag;      /* tag when loads may use this entry              */
	uint32_t wtag;      /* tag when stores may (D set, not a code page)    */
	uintptr_t addend;   /* host address = addend + va                      */
};
struct fc_entry {
	uint32_t tag;
	struct dpage *page;
};
enum cpu_mode { MODE_KERNEL, MODE_SUPER, MODE_USER, MODE_NMODES };

/* ---- an exception that leaves the CPU for the host (exit-to-host mode) --------- */
struct cpu_exit {
	unsigned code;       /* Cause.ExcCode                                     */
	uint32_t pc;         /* address of the instruction that faulted           */
	bool bd;             /* it was in a branch delay slot (EPC = pc - 4)       */
	bool refill;         /* TLB refill (would use the refill vector)           */
	bool fetch;          /* the fault happened fetching the instruction        */
	uint32_t badvaddr;   /* for address and TLB exceptions                     */
	uint32_t word;       /* the instruction word (0 if the fetch failed)       */
	unsigned ce;         /* coprocessor number for CpU                         */
	uint64_t cycle;      /* when                                               */
};

struct cpu_stats {
	uint64_t insns;                 /* instructions completed               */
	uint64_t extra;                 /* cycles charged by cpu_charge: HI/LO and
					   MUL stalls, exceptions, ERET, WAIT    */
	uint64_t exceptions[32];        /* by ExcCode                           */
	uint64_t refills;               /* TLB refill exceptions                 */
	uint64_t tlb_writes;
	uint64_t stalls;                /* HI/LO and MUL stall cycles (load-use
					   stalls are the rest: cpu_load_use_stalls) */
};

/* Trace flags (machine/trace.c prints the lines). */
enum {
	TRACE_INSN = 1 << 0, TRACE_EXC = 1 << 1, TRACE_TLB = 1 << 2,
	TRACE_IRQ = 1 << 3, TRACE_DEV = 1 << 4,
	TRACE_LOG = 1 << 5,   /* log exceptions in c->dbg (set by cpu_debug_attach) */
};

/* ---- debugger support (cpu_debug.c) -----------------------------------------------
 * Breakpoints and watchpoints the guest cannot see, and a log of the
 * exceptions taken, for the debugger (debugger/). With c->dbg NULL none of
 * it costs anything. With it set:
 *  - breakpoints are guest-virtual PCs, in any mode and address space. The
 *    words are found where instructions are fetched: a page entered through
 *    the fetch cache's slow path gets the breakpoint words of its virtual
 *    page patched (their dinst's label becomes the check, DI_BP set), so the
 *    dispatcher pays nothing for the words that are not breakpoints. The
 *    check stops BEFORE the instruction (d->op is unchanged and runs after
 *    a check that does not stop, e.g. the same physical page at another
 *    virtual address).
 *  - watchpoints are guest-virtual byte ranges: loads (on_read) and stores
 *    (on_write) that touch them are seen in the slow paths of mmu.c, since a
 *    page holding a watched range never gets a host-cache entry for the
 *    watched kind of access. They stop AFTER the instruction completes.
 *  - a hit sets hit and asks cpu_run to stop (cpu_request_stop): cpu_run
 *    returns X_STOP, machine_run STOP_DEBUG, the VMM's run loop returns.
 *  - every exception the CPU takes natively is logged (log, nlog).
 * After changing brk[] or watch[], call cpu_debug_changed(). */
#define CPU_MAX_BREAKS 64
#define CPU_MAX_WATCHES 16
#define CPU_EXC_LOG 1024
enum cpu_debug_hit { HIT_NONE, HIT_BREAK, HIT_WATCH };
struct cpu_exc_rec {
	uint64_t seq, cycle;         /* the how-many-th exception; cycle taken    */
	uint32_t pc, word;           /* the instruction (word 0: not fetched)      */
	uint32_t badvaddr, vector;   /* BadVAddr given; where execution went       */
	uint8_t code, mode;          /* ExcCode; enum cpu_mode it came from        */
	bool bd, refill;
};
struct cpu_debug {
	uint32_t brk[CPU_MAX_BREAKS];
	int nbrk;
	struct cpu_watch { uint32_t va, len; bool on_read, on_write; } watch[CPU_MAX_WATCHES];
	int nwatch;
	/* Resuming from a stop at a breakpoint: the instruction at skip_pc runs
	 * without a check while the instruction count is still skip_insns. */
	bool skip;
	uint32_t skip_pc;
	uint64_t skip_insns;
	/* what stopped the run (the debugger sets hit = HIT_NONE to go on) */
	enum cpu_debug_hit hit;
	int hit_index;               /* brk[] or watch[] index                     */
	uint32_t hit_pc;             /* the instruction                            */
	uint32_t hit_va;             /* a watchpoint: the address accessed ...      */
	unsigned hit_size;           /* ... its size ...                            */
	bool hit_write;              /* ... and whether it was a store             */
	uint32_t hit_value;          /* the value loaded or stored                 */
	struct cpu_exc_rec log[CPU_EXC_LOG];
	uint64_t nlog;
};

struct cpu {
	/* --- hot state: every instruction touches some of this ------------------- */
	uint32_t gpr[33];          /* gpr[0] is always 0; gpr[32] is the $0 sink  */
	uint32_t hi, lo;
	uint64_t cycles;           /* the clock                                  */
	uint64_t event_at;         /* cpu_run returns once cycles >= event_at     */
	uint64_t hilo_ready;       /* cycle at which HI/LO results are ready      */
	struct hc_entry *hc;       /* host cache of the current mode              */
	struct fc_entry *fc;       /* fetch cache of the current mode             */
	uint32_t gen;              /* current host-cache generation               */
	enum cpu_mode mode;        /* derived from Status (KSU, EXL, ERL)         */

	/* --- where execution continues -------------------------------------------
	 * pc is the next instruction. When in_ds, pc is a branch delay slot and
	 * after it execution goes to ds_target; an exception there sets
	 * Cause.BD and EPC = pc - 4 (the branch). */
	uint32_t pc;
	bool in_ds;
	uint32_t ds_target;
	uint32_t page_va;          /* virtual page of the instructions being run  */

	/* --- CP0 ------------------------------------------------------------------- */
	uint32_t cp0[CP0_NREGS];   /* stored values; see cp0.c for computed ones   */
	struct cp0_timer tm;       /* Count, Random and the timer (cp0.h)          */
	uint32_t irq_lines;        /* Cause.IP7..2 hardware lines, as IP bits      */
	bool llbit;                /* LL/SC link                                   */
	struct tlb tlb;

	/* --- memory ------------------------------------------------------------------ */
	struct bus *bus;
	struct dpage **code;       /* one per RAM page, NULL until executed         */
	uint32_t code_pages;
	struct hc_entry hcache[MODE_NMODES][HC_SIZE];
	struct fc_entry fcache[MODE_NMODES][HC_SIZE];

	/* --- control ------------------------------------------------------------------ */
	bool exit_to_host;         /* exceptions stop with c->exit instead of vectoring */
	bool exited;               /* set when an exit record is waiting           */
	struct cpu_exit exit;
	bool waiting;              /* WAIT executed; woken by an interrupt          */
	bool stop_req;             /* cpu_request_stop was called                   */
	uint8_t resume_ld;         /* the GPR whose load-use stall the next
				      instruction still owes, kept between runs
				      (cpu_run) and set by a host that emulated a
				      load (the VMM)                               */
	const char *guest_error;   /* why the guest cannot go on, or NULL           */
	char guest_error_buf[160];
	uint64_t until;            /* the current cpu_run's time limit              */
	unsigned trace;            /* TRACE_* bits                                 */
	struct cpu_debug *dbg;     /* the debugger's, or NULL (cpu_debug.c)         */
	struct cpu_stats stats;
};

/* PRId: company 0 (not a MIPS Technologies part), processor 0x54 ('T'), rev 1 */
#define CPU_PRID 0x00005401

/* ---- life cycle ----------------------------------------------------------------- */
int cpu_init(struct cpu *c, struct bus *bus, int tlb_entries);
void cpu_free(struct cpu *c);
/* Architectural reset values of CP0 (Config, PRId, ...), kernel mode. */
void cpu_reset(struct cpu *c);

/* Run until c->cycles >= until, a stop request, an exit to the host (when
 * c->exit_to_host), or WAIT. Returns X_NEXT when the time ran out, X_EXC for
 * an exit (c->exit is filled), X_STOP otherwise. Takes pending interrupts at
 * instruction boundaries (never between a branch and its delay slot). */
int cpu_run(struct cpu *c, uint64_t until);
/* Ask a running cpu_run to return after the current instruction. */
static inline void cpu_request_stop(struct cpu *c) { c->stop_req = true; c->event_at = 0; }

/* Cycles are one per completed instruction, plus what cpu_charge added, plus
 * load-use stalls: so those need not be counted one by one. */
static inline uint64_t cpu_insns(const struct cpu *c)
{
	return c->stats.insns;
}
static inline uint64_t cpu_load_use_stalls(const struct cpu *c)
{
	return c->cycles - c->stats.insns * COST_INSN - c->stats.extra;
}
/* Spend n cycles that complete no instruction (stall == counted as a stall). */
static inline void cpu_charge(struct cpu *c, uint64_t n, bool stall)
{
	c->cycles += n;
	c->stats.extra += n;
	if (stall)
		c->stats.stalls += n;
}

/* ---- exceptions and interrupts (cpu_exc.c) --------------------------------------- */
/* Raise exception `code` for the instruction d being executed, or, with d
 * NULL, for the instruction at c->pc that could not be fetched. Native mode
 * vectors per MIPS32; exit-to-host mode records c->exit and stops. Returns X_EXC. */
int cpu_exception(struct cpu *c, const struct dinst *d, unsigned code,
		  uint32_t badvaddr, bool refill);
/* Take the pending interrupt now (at a boundary). */
void cpu_take_interrupt(struct cpu *c);
/* The cp0.h rules on the real CPU's registers and clock. */
static inline bool cpu_timer_pending(const struct cpu *c)
{
	return cp0_timer_pending(&c->tm, c->cycles);
}
static inline uint32_t cpu_cause_ip(const struct cpu *c)
{
	return cp0_cause_ip(c->cp0, &c->tm, c->irq_lines, c->cycles);
}
static inline bool cpu_interrupt_pending(const struct cpu *c)
{
	return cp0_interrupt_pending(c->cp0, &c->tm, c->irq_lines, c->cycles);
}
/* Set the hardware interrupt lines (IP bits 10..15 of Cause as a mask). */
void cpu_set_irq_lines(struct cpu *c, uint32_t ip_bits);
/* After the host handled an exit: resume at the instruction after the one that
 * exited, completing its branch if it was in a delay slot. */
static inline void cpu_skip_insn(struct cpu *c)
{
	if (c->in_ds) {
		c->pc = c->ds_target;
		c->in_ds = false;
	} else {
		c->pc += 4;
	}
}

/* ---- the debugger's support (cpu_debug.c) ---------------------------------------- */
/* Attach (or with g NULL detach) the debugger's state. */
void cpu_debug_attach(struct cpu *c, struct cpu_debug *g);
/* brk[] or watch[] changed: remove every patch and let fetches re-patch. */
void cpu_debug_changed(struct cpu *c);
/* The exception recorded in c->exit (exit-to-host mode) is taken after all,
 * as the bare machine would have taken it: the debugger stops natively
 * before each exception with exit_to_host set, shows it, then calls this.
 * Charges what the bare machine charges; the statistics count it once. */
void cpu_deliver_exit(struct cpu *c);
/* A load or store of size bytes at va by the instruction at pc succeeded:
 * check the watchpoints (mmu.c, and the VMM for accesses it emulates). */
void cpu_debug_access(struct cpu *c, uint32_t pc, uint32_t va, unsigned size, bool write,
		      uint32_t value);

/* ---- CP0 (cp0.c): the side-effect-free read, and the architectural write ------ */
uint32_t cpu_cp0_read(const struct cpu *c, enum cp0_reg r);
void cpu_cp0_reset(struct cpu *c);
void cpu_cp0_write(struct cpu *c, enum cp0_reg r, uint32_t value);
/* Cycle at which the timer interrupt becomes pending (UINT64_MAX: it is). */
static inline uint64_t cpu_timer_deadline(const struct cpu *c)
{
	return cpu_timer_pending(c) ? UINT64_MAX : c->tm.timer_at;
}
/* Status changed: recompute the mode (EXL or ERL force kernel; KSU 00 kernel,
 * 01 supervisor, 10 user; 11 is reserved and treated as user) and switch to
 * that mode's host caches. */
static inline void cpu_mode_changed(struct cpu *c)
{
	static const enum cpu_mode by_ksu[4] = { MODE_KERNEL, MODE_SUPER, MODE_USER, MODE_USER };
	uint32_t st = c->cp0[CP0_STATUS];
	c->mode = (st & (ST_EXL | ST_ERL)) ? MODE_KERNEL : by_ksu[(st & ST_KSU) >> ST_KSU_SHIFT];
	c->hc = c->hcache[c->mode];
	c->fc = c->fcache[c->mode];
}
void cpu_flush_caches(struct cpu *c);

/* Load-use stall (cost.h) of the instruction `word` when the one before it
 * loaded GPR prev_ldreg (0: none): for a host that emulated that load. */
unsigned cpu_load_use_of(uint32_t word, unsigned prev_ldreg);

/* ---- memory (mmu.c) ------------------------------------------------------------------ */
enum cpu_access { ACC_LOAD, ACC_STORE, ACC_FETCH };
/* Side-effect-free translation of va in the CPU's current mode and ASID:
 * returns 0 and sets *pa, or the exception code the access would raise. Never
 * fills a TLB or a cache. For the debugger and tracing. */
unsigned cpu_translate_peek(const struct cpu *c, uint32_t va, enum cpu_access acc,
			    uint32_t *pa);
/* The exception a TLB lookup's outcome raises for acc (0: none): MCheck for
 * two matches, TLBL/TLBS for a refill (*refill = true) or an invalid entry,
 * Mod for a store to a clean page. Shared with the VMM's virtual TLB. */
struct tlb_lookup;
unsigned cpu_tlb_fault(const struct tlb_lookup *l, enum cpu_access acc, bool *refill);
/* Side-effect-free read of guest memory by virtual address; -1 if unmapped or
 * a device. */
int cpu_peek32(const struct cpu *c, uint32_t va, uint32_t *out);
/* Coherence: the words of [pa, pa+len) changed behind the CPU's back (DMA). */
void cpu_code_written(struct cpu *c, uint32_t pa, uint32_t len);

#endif
