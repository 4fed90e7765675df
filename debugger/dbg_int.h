/*
 * dbg_int.h - private to the debugger's model (debugger/dbg_*.c).
 *
 *   dbg_target.c  the target: one interface over the bare machine and the
 *                 VMM (registers, CP0, TLBs, memory, consoles), and the run
 *                 primitive every stepping command is made of
 *   dbg_run.c     step, next, exit-step, until-exit, continue
 *   dbg_cmd.c     the command table, parsing, the commands that only look
 *   dbg_points.c  breakpoints and watchpoints
 *   dbg_view.c    the views (what `info` prints and the TUI's panes show)
 *   dbg_batch.c   batch mode
 */
#ifndef TRAPEZE_DBG_INT_H
#define TRAPEZE_DBG_INT_H

#include <stdlib.h>
#include "../machine/machine.h"

/* Every text the debugger makes is a display line, cut at DBG_LINE_MAX (or
 * a field's width) on purpose: snprintf's truncation is the intent. */
#pragma GCC diagnostic ignored "-Wformat-truncation"
#include "../vmm/vmm.h"
#include "dbg.h"

/* ---- why the target stopped ------------------------------------------------------ */
enum dbg_stop {
	DS_NONE,         /* the time given ran out (or nothing ran)                */
	DS_STEP,         /* a step completed                                       */
	DS_BREAK,        /* a breakpoint (stop_bp)                                 */
	DS_WATCH,        /* a watchpoint                                           */
	DS_EXIT,         /* before an exit (natively: an exception) is handled      */
	DS_HANDLED,      /* an exit was just handled (exit-step's second half)      */
	DS_POWEROFF,     /* the guest powered off                                  */
	DS_LIMIT,        /* --max-cycles                                           */
	DS_DEADLOCK,     /* WAIT for an interrupt that can never come               */
	DS_INPUT,        /* waits for console input and none is queued (batch)      */
	DS_ERROR,        /* a guest error stopped it                               */
	DS_INTERRUPTED,  /* the user (the TUI's poll) stopped it                   */
};

#define DBG_MAX_BREAKS 32             /* user breakpoints (+ internal ones)      */
#define DBG_MAX_WATCHES 8
#define DBG_CHUNK (1u << 22)          /* cycles run between polls                */
#define DBG_STARVED 4                 /* batch: slices asking for input in vain  */

struct dbg_bp {
	int id;                /* the user's number; 0 for internal (next)         */
	uint32_t addr;
	bool temp;             /* tbreak, next: deleted when hit                    */
	uint64_t hits;
};
struct dbg_wp {
	int id;
	uint32_t va, len;
	bool on_read, on_write;
	uint64_t hits;
};

/* What a stop looked like, for "what changed" (DBG_A_CHANGED). */
struct dbg_snap {
	bool valid;
	int vm;
	uint32_t gpr[32], hi, lo, pc;
	uint32_t cp0[CP0_NREGS];        /* the guest's (virtual under the VMM)      */
	struct tlb tlb, rtlb;           /* the guest's TLB and the real one         */
	void *rowner[TLB_MAX_ENTRIES];  /* the shadow entries' owners (VMM)         */
};

struct dbg_console {
	char *buf;               /* the last DBG_CONSOLE_KEEP bytes of output       */
	size_t len;
	uint64_t total;
	uint8_t in[4096];        /* queued input: in[in_pos .. in_len)             */
	size_t in_pos, in_len;
	/* The guest asked for input and none was queued (the source found
	 * nothing); since_valid/hungry_since: the guest clock when a run
	 * first noticed. Input arriving clears both. */
	bool hungry, since_valid;
	uint64_t hungry_since;
};

struct dbg {
	bool is_vmm;
	struct machine *m;
	struct vmm *v;
	int cur;                                 /* the VM looked at and stepped    */
	int nvm;
	const struct elf_image *img[VMM_MAX_VMS];
	struct dbg_console con[VMM_MAX_VMS];
	struct dbg_console_ctx { struct dbg *d; int vm; } con_ctx[VMM_MAX_VMS];

	struct cpu_debug cd;                     /* the real CPU's (cpu.h)          */
	struct dbg_bp bp[DBG_MAX_BREAKS + 2];
	int nbp, next_bp_id;
	struct dbg_wp wp[DBG_MAX_WATCHES];
	int nwp;

	/* the last stop */
	enum dbg_stop stop;
	char stop_text[DBG_LINE_MAX];
	int stop_id;                             /* breakpoint/watchpoint number    */
	bool stop_temp;                          /* ... a temporary one (deleted)   */
	struct dbg_snap before;                  /* state when the last run began  */

	uint64_t log_mark;                       /* exits/exceptions when it began  */
	struct { uint32_t pc; uint64_t insns; } skip[VMM_MAX_VMS];  /* each VM's
						    instruction to step over  */
	uint64_t max_cycles;                     /* natively; 0 none (VMM: its cfg) */

	bool (*poll)(void *ctx);
	void *poll_ctx;
	bool long_run;                           /* a run by chunks (not a step)    */
	bool changed;
	int focus;
	char last_cmd[DBG_LINE_MAX];
	char complete_buf[96];
	struct vmm_exit_rec *ring_buf;           /* scratch for views              */
};

/* ---- dbg_target.c ----------------------------------------------------------------- */
struct cpu *dbg_cpu(const struct dbg *d);        /* the real CPU                   */
struct vm *dbg_vm(const struct dbg *d);          /* the current VM (NULL natively)  */
struct dbg_regs {
	uint32_t gpr[32], hi, lo, pc;
	bool in_ds;
	uint64_t cycles, insns;
};
void dbg_regs(const struct dbg *d, struct dbg_regs *r);
/* The guest's CP0 register (virtual under the VMM), MFC0's value. */
uint32_t dbg_cp0(const struct dbg *d, enum cp0_reg r);
enum cpu_mode dbg_mode(const struct dbg *d);
const struct tlb *dbg_tlb(const struct dbg *d);       /* the guest's TLB         */
/* Side-effect-free reads: the word a load at va would see now (pa: where),
 * or at physical pa (guest-physical under the VMM). 0, or -1. */
int dbg_peek(const struct dbg *d, uint32_t va, uint32_t *w, uint32_t *pa);
int dbg_peek_phys(const struct dbg *d, uint32_t pa, uint32_t *w);
/* The word at pc as the CPU would fetch it (for the disassembly). */
int dbg_peek_insn(const struct dbg *d, uint32_t pc, uint32_t *w);
/* Symbol of the current VM's program at addr ("main+0x8"), or "". */
const char *dbg_symbol(const struct dbg *d, uint32_t addr, char *buf, size_t size);
/* Address of a symbol of the current VM's program; -1 if none. */
int dbg_symbol_addr(const struct dbg *d, const char *name, uint32_t *addr);
/* Whether the instruction word traps (raises an exception, or exits to the
 * VMM) when executed in the current mode, and why ("CpU", ...); at_pc: it
 * is the one at the PC, so its memory access can be predicted too. */
const char *dbg_traps(const struct dbg *d, uint32_t word, bool at_pc);
/* Something is waiting to be handled (paused before an exit). */
bool dbg_paused(const struct dbg *d);
/* The pending exit: code, pc, word, badvaddr; false if none. A virtual
 * interrupt pending delivery gives code EXC_INT and *virq. */
bool dbg_pending(const struct dbg *d, struct cpu_exit *x, bool *virq);
/* The current VM is still running (not powered off or stopped). */
bool dbg_alive(const struct dbg *d);
/* Run: handle a pending exit first (returns DS_HANDLED after only that when
 * finish_only), then run the current VM (all VMs when all) until its clock
 * reaches until or something stops it; with pause, stop before the next exit. */
enum dbg_stop dbg_run_target(struct dbg *d, uint64_t until, bool pause, bool all);
/* Handle a pending exit (true if there was one). */
bool dbg_finish_paused(struct dbg *d);
uint64_t dbg_clock(const struct dbg *d);
uint64_t dbg_insns(const struct dbg *d);
void dbg_snapshot(const struct dbg *d, struct dbg_snap *s);
/* The last n exit records (natively: exceptions) as text lines, oldest
 * first; narrower when cols (> 0) is under 90. Returns how many. */
int dbg_exit_lines(struct dbg *d, int n, int cols, struct dbg_text *t);

/* ---- dbg_run.c -------------------------------------------------------------------- */
enum dbg_result dbg_cmd_step(struct dbg *d, const char *args, const struct dbg_out *o);
enum dbg_result dbg_cmd_next(struct dbg *d, const char *args, const struct dbg_out *o);
enum dbg_result dbg_cmd_exit_step(struct dbg *d, const char *args, const struct dbg_out *o);
enum dbg_result dbg_cmd_until_exit(struct dbg *d, const char *args, const struct dbg_out *o);
enum dbg_result dbg_cmd_continue(struct dbg *d, const char *args, const struct dbg_out *o);
/* Batch mode: the current VM waits for console input that nobody will
 * queue: idle in WAIT, or asking for it for DBG_STARVED slices of guest
 * time (polling the console's STATUS). Never in the TUI (a person may type). */
bool dbg_starving(struct dbg *d);
/* until-exit's kinds, for help and completion: NULL past the last. */
const char *dbg_kind_name(int i);
const char *dbg_kind_help(int i);

/* ---- dbg_points.c: breakpoints and watchpoints ------------------------------------ */
/* Copy the session's lists into the CPU's (cpu_debug_changed). */
void dbg_sync_points(struct dbg *d);
/* Index + 1 of a breakpoint at addr, 0 if none. */
int dbg_bp_at(const struct dbg *d, uint32_t addr);
void dbg_delete_bp(struct dbg *d, int index);
/* next's breakpoint (id 0, temporary); removed by dbg_remove_internal. */
int dbg_add_internal(struct dbg *d, uint32_t addr);
void dbg_remove_internal(struct dbg *d);
enum dbg_result dbg_cmd_break(struct dbg *d, const char *args, const struct dbg_out *o);
enum dbg_result dbg_cmd_tbreak(struct dbg *d, const char *args, const struct dbg_out *o);
enum dbg_result dbg_cmd_delete(struct dbg *d, const char *args, const struct dbg_out *o);
enum dbg_result dbg_cmd_watch(struct dbg *d, const char *args, const struct dbg_out *o);
enum dbg_result dbg_cmd_rwatch(struct dbg *d, const char *args, const struct dbg_out *o);

/* ---- dbg_cmd.c / output ------------------------------------------------------------ */
void dbg_printf(const struct dbg_out *o, unsigned attr, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
enum dbg_result dbg_error(const struct dbg_out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* "12" -> 12 (a positive count); non-zero if malformed. */
int dbg_parse_count(const char *s, uint64_t *out);
/* The registers, CP0 registers and TLB entries that differ from
 * d->before, one line each (exit-step's "what the VMM changed"). */
void dbg_print_changes(struct dbg *d, const struct dbg_out *o);
/* Parse an address: a number (0x.., decimal), a symbol, symbol+off, or a
 * register ($pc, $sp, $31). NULL on success, else the error text. */
const char *dbg_parse_addr(const struct dbg *d, const char *s, uint32_t *out);
/* The instruction word at pc as llvm-objdump prints it, branch targets
 * named by the current VM's symbols, tabs as spaces. Returns buf. */
char *dbg_disasm(const struct dbg *d, uint32_t word, uint32_t pc, char *buf, size_t size);
/* ABI names of the GPRs ("zero", "at", "v0", ...). */
extern const char *const dbg_gpr_names[32];
/* Append a line to t. */
void dbg_text_add(struct dbg_text *t, unsigned attr, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Print view v (rows 0) to o. */
void dbg_print_view(struct dbg *d, enum dbg_view v, const struct dbg_out *o);

#endif
