/*
 * dbg.h - the debugger's model (DESIGN.md section 8; docs/debugger.md).
 *
 * A struct dbg is one debugging session over one target: the bare machine
 * (native) or the VMM with its VMs. It owns breakpoints, watchpoints, the
 * log of exits (natively: of exceptions), the guest consoles' transcripts
 * and the "what changed in the last step" snapshots. Everything a user can
 * do is a command (dbg_exec); everything a user can see is a view: lines of
 * text with attributes (dbg_view). The batch mode prints those lines; the
 * TUI (ui_*.c) draws them in panes. Neither view knows how the target
 * works, and no view includes curses or readline except the ui_ files.
 *
 * Looking never changes the target: the views read it through
 * side-effect-free accessors (cpu_translate_peek, cpu_peek32, vm_regs,
 * vm_cp0_read, ...) and never fill a TLB, raise an exception or move a
 * counter.
 */
#ifndef TRAPEZE_DBG_H
#define TRAPEZE_DBG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct machine;
struct vmm;
struct elf_image;
struct dbg;

/* ---- a session ------------------------------------------------------------------ */
/* A session over a booted machine, or over a VMM with its VMs added (not yet
 * run). img[i] is VM i's program (natively img[0]), for symbols; the session
 * keeps the pointers, the caller keeps them alive. The session takes over
 * the consoles' output (dev_console_set_sink) and input
 * (dev_console_set_source): guest output is kept as a transcript per VM,
 * input is what dbg_console_input queued. */
struct dbg *dbg_new_native(struct machine *m, const struct elf_image *img);
struct dbg *dbg_new_vmm(struct vmm *v, const struct elf_image *const *img, int nimg);
void dbg_free(struct dbg *d);
/* Natively: stop a run at this cycle (--max-cycles; UINT64_MAX: none).
 * Under the VMM the VMM's own limit (vmm_config.max_cycles) applies. */
void dbg_set_max_cycles(struct dbg *d, uint64_t max);

/* Batch mode (dbg_batch.c): run the command lines of in, printing each
 * after "(trapeze) " and its output as plain text to out, guest console
 * output as "console| " lines. Lines starting with # are comments. Returns
 * 0 if every command succeeded, 1 if one failed (the rest still run). */
int dbg_batch(struct dbg *d, FILE *in, FILE *out);

/* Where command output goes: one call per line (no newline), with the line's
 * attributes (DBG_A_* below). */
struct dbg_out {
	void (*line)(void *ctx, unsigned attr, const char *text);
	void *ctx;
};

/* Run one command line ("step 3", "break main", "x/4 0xc0001000"). Errors
 * (unknown command, bad argument, a guest that cannot run any more) are one
 * line with DBG_A_ERROR and DBG_ERROR; never a crash. An empty line repeats
 * the last command when it was a stepping one (step, next, exit-step,
 * until-exit, continue), as gdb does; otherwise it does nothing. */
enum dbg_result { DBG_OK, DBG_ERROR, DBG_QUIT };
enum dbg_result dbg_exec(struct dbg *d, const char *line, const struct dbg_out *out);

/* While a command runs the target (continue, until-exit, a long step N), the
 * session calls poll about every 20 ms of host time. Returning true stops
 * the run at the next instruction boundary ("interrupted"), as Ctrl-C does
 * in gdb. The TUI forwards keys typed meanwhile to the guest console
 * (dbg_console_input) and refreshes the console pane from here. NULL: the
 * run goes on until it stops by itself (batch mode; --max-cycles bounds it). */
void dbg_set_poll(struct dbg *d, bool (*poll)(void *ctx), void *ctx);

/* ---- the guest console -------------------------------------------------------------- */
/* Queue bytes for the current VM's console input (natively: the console).
 * The console sees them as a terminal's: they arrive in real time, and a
 * guest that waits for input while nothing is queued stops the run with
 * "waiting for console input" instead of hanging. */
void dbg_console_input(struct dbg *d, const char *bytes, size_t n);
/* The number of VMs (natively 1), and the one looked at and stepped. */
int dbg_vm_count(const struct dbg *d);
int dbg_current_vm(const struct dbg *d);
/* The console output of VM vm (natively 0) so far: at most the last
 * DBG_CONSOLE_KEEP bytes, *len of them (0 for a VM that does not exist).
 * *total (may be NULL) is the number of bytes ever written, so a caller can
 * tell what is new. */
#define DBG_CONSOLE_KEEP (64u << 10)
const char *dbg_console_text(const struct dbg *d, int vm, size_t *len, uint64_t *total);

/* ---- views -------------------------------------------------------------------------- */
/* Line attributes; a line may have several. Batch mode prints the text only,
 * so every attribute that carries meaning also shows in the text itself
 * (a "=>" for the PC, a "*" for a change, "[trap]", "B1"). */
enum {
	DBG_A_TITLE   = 1 << 0,   /* a heading                                       */
	DBG_A_CURRENT = 1 << 1,   /* the instruction at the PC                        */
	DBG_A_BREAK   = 1 << 2,   /* a breakpoint is set here                         */
	DBG_A_TRAP    = 1 << 3,   /* this instruction traps in the current mode       */
	DBG_A_CHANGED = 1 << 4,   /* changed by the last command that ran the target  */
	DBG_A_ERROR   = 1 << 5,   /* an error message                                 */
	DBG_A_DIM     = 1 << 6,   /* less important (invalid TLB entries, ...)         */
	DBG_A_STOP    = 1 << 7,   /* why the target stopped                           */
};
#define DBG_LINE_MAX 200
struct dbg_line {
	unsigned attr;
	char text[DBG_LINE_MAX];
};
struct dbg_text {
	struct dbg_line *line;
	int n, cap;
};
void dbg_text_clear(struct dbg_text *t);  /* n = 0, keeps the memory       */
void dbg_text_free(struct dbg_text *t);

enum dbg_view {
	DBG_V_REGS,      /* GPRs, HI, LO, PC (changed ones marked)                    */
	DBG_V_CP0,       /* the real CP0, decoded                                     */
	DBG_V_VCP0,      /* the current VM's virtual CP0 (natively: the real one)     */
	DBG_V_DISASM,    /* instructions around the PC: symbols, breakpoints, traps   */
	DBG_V_EXITS,     /* the VM exit log (natively: the exception log), newest last */
	DBG_V_TLB,       /* the current VM's virtual TLB (natively: the TLB)          */
	DBG_V_STLB,      /* the real TLB with each entry's owner (shadow TLB)        */
	DBG_V_VMS,       /* the VMs and their states                                  */
	DBG_V_BREAKS,    /* breakpoints and watchpoints                               */
	DBG_V_CONSOLE,   /* the current VM's console output, last lines              */
	DBG_V_STATS,     /* counts: instructions, cycles, exits by kind, ...         */
	DBG_NVIEWS
};
/* Fill t (cleared first) with view v. rows > 0 asks for about that many
 * lines (the disassembly centred on the PC, the newest exits or console
 * lines); rows = 0 gives what the matching "info" command prints.
 * cols > 0 asks for lines that fit in that many columns where the view can
 * (narrower field layouts); 0 for the full layout. */
void dbg_view(struct dbg *d, enum dbg_view v, int rows, int cols, struct dbg_text *t);
/* One line for a status bar: target, VM, cycle, mode, PC and symbol, and
 * why it last stopped. */
void dbg_status(const struct dbg *d, char *buf, size_t size);
/* The target can run no more (all VMs powered off or stopped). */
bool dbg_finished(const struct dbg *d);
bool dbg_is_vmm(const struct dbg *d);
/* The view the last `info TOPIC` command showed (-1: none yet): the TUI
 * shows it in its pane of changing content, so `info tlb` (M-t) brings the
 * TLB into view there as well as printing it. */
int dbg_focus(const struct dbg *d);
/* Something in the session changed since the last call (a command ran, the
 * console got output): the TUI redraws. */
bool dbg_changed(struct dbg *d);

/* ---- the command table (for help, key bindings and completion) --------------------- */
struct dbg_command {
	const char *name;      /* "exit-step"                                         */
	const char *args;      /* "[N]", "ADDR|SYMBOL", ""                            */
	const char *key;       /* the TUI key: "F7", "M-b" (Alt/Meta-b)                 */
	bool needs_args;       /* the key only puts "name " on the command line        */
	const char *summary;   /* one line                                            */
	const char *help;      /* the rest of `help NAME` (several lines, \n-separated) */
};
const struct dbg_command *dbg_commands(int *n);
/* Tab completion. For the text before the cursor `line` and the word being
 * completed `word` (its last part), the i-th candidate (i = 0, 1, ...):
 * command names for the first word, info topics after "info", exit kinds and
 * mnemonics after "until-exit", symbols of the current VM's program
 * otherwise. NULL when there are no more. Candidates are in a buffer of d. */
const char *dbg_complete(struct dbg *d, const char *line, const char *word, int i);

#endif
