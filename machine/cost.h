/*
 * cost.h - the cycle model, all of it (DESIGN.md section 4).
 *
 * The machine is in-order: every instruction takes COST_INSN cycle, plus the
 * stalls below. There are no caches in the model (the C bits of TLB entries and
 * kseg0 versus kseg1 are accepted and reported, but cost the same).
 *
 * - load-use: an instruction that reads a GPR written by a load that
 *   immediately precedes it (in execution order) waits COST_LOAD_USE cycle.
 * - HI/LO: MULT/MULTU/MADD/MADDU/MSUB/MSUBU and DIV/DIVU start the multiply/
 *   divide unit; MFHI/MFLO (and a new multiply/divide) wait until its result
 *   is ready, COST_MULT or COST_DIV cycles after it started.
 * - MUL (to a GPR) stalls for COST_MUL_GPR cycles.
 * - exception entry costs COST_EXC_ENTRY cycles on top of the faulting
 *   instruction's own cycle; ERET costs COST_ERET in all.
 * - the disk finishes COST_DISK_SEEK + COST_DISK_SECTOR * count cycles after
 *   CMD is written.
 *
 * Count increments every COUNT_DIVISOR cycles; Random steps once per cycle.
 */
#ifndef TRAPEZE_COST_H
#define TRAPEZE_COST_H

#define COST_INSN         1
#define COST_LOAD_USE     1
#define COST_MULT         4
#define COST_DIV         35
#define COST_MUL_GPR      2
#define COST_EXC_ENTRY    4
#define COST_ERET         3
#define COST_DISK_SEEK 2000
#define COST_DISK_SECTOR 128
#define COUNT_DIVISOR     2

#endif
