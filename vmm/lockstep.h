/*
 * lockstep.h - run one program natively and under the VMM side by side and
 * compare guest-visible state after every step (vmm/lockstep.c).
 */
#ifndef TRAPEZE_LOCKSTEP_H
#define TRAPEZE_LOCKSTEP_H

#include <stdint.h>
#include <stdio.h>

struct machine;
struct vmm;
struct vm;

/* Both sides booted with the same program, options and input. Steps until
 * both stop (or the native clock reaches max_cycles). Returns 0 and sets
 * *insns (guest instructions executed) if they agreed all the way, or 1
 * after printing the first divergence, both states side by side, to out. */
int lockstep_run(struct machine *m, struct vmm *v, struct vm *vm, uint64_t max_cycles,
		 FILE *out, uint64_t *insns);

#endif
