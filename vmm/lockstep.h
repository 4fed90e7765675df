/*
 * lockstep.h - run one program natively and under the VMM side by side and
 * compare guest-visible state after every step (vmm/lockstep.c says exactly
 * what is compared when).
 */
#ifndef TRAPEZE_LOCKSTEP_H
#define TRAPEZE_LOCKSTEP_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct machine;
struct vmm;
struct vm;

/* For testing lockstep itself: right after step `step`, before comparing,
 * XOR `mask` into one piece of the VM's state (booleans are toggled; stop
 * makes the VM stop with a guest error). The divergence must then be
 * reported at that step (a RAM byte at the next RAM comparison). */
enum lockstep_what {
	LI_CYCLE, LI_PC, LI_IN_DS, LI_HI, LI_LO, LI_LLBIT, LI_COUNT_CYCLE,
	LI_RANDOM_CYCLE, LI_TIMER_AT, LI_TI, LI_IRQ, LI_STOP,
	LI_GPR,         /* index: GPR number                                  */
	LI_CP0,         /* index: enum cp0_reg; the stored value is changed   */
	LI_TLB,         /* index: entry * 4 + field (hi, pm, lo0, lo1)        */
	LI_RAM,         /* index: guest-physical address (the low byte of mask) */
};
struct lockstep_inject {
	uint64_t step;
	enum lockstep_what what;
	uint32_t index;
	uint64_t mask;
};
/* "STEP:WHAT[^MASK]", WHAT one of cycle, pc, in_ds, hi, lo, llbit, a GPR
 * name (t0, sp, ...), c0.NAME (cp0.def), count_cycle, random_cycle,
 * timer_at, ti, irq, tlb.N.hi|pm|lo0|lo1, ram.HEXADDR, stop; MASK defaults
 * to 1. Returns 0, or -1 with a one-line reason in err. */
int lockstep_parse_inject(const char *spec, struct lockstep_inject *in, char *err,
			  size_t errsize);

/* Both sides booted with the same program, options and input. Steps until
 * both stop (or the native clock reaches max_cycles). Returns 0 and sets
 * *insns (guest instructions executed) if they agreed all the way, or 1
 * after printing the first divergence, both states side by side, to out.
 * inj: NULL, or a corruption to apply (above). */
int lockstep_run(struct machine *m, struct vmm *v, struct vm *vm, uint64_t max_cycles,
		 const struct lockstep_inject *inj, FILE *out, uint64_t *insns);

#endif
