/*
 * exec_muldiv.c - the multiply/divide unit and HI/LO (MIPS32 Vol. II).
 *
 * Cycle model (cost.h): MULT-class instructions and DIV/DIVU start the unit,
 * whose result is ready COST_MULT or COST_DIV cycles later; anything that
 * reads or writes HI/LO, or starts the unit again, first waits for it.
 * These functions charge cycles, so they return X_SYNC rather than X_NEXT.
 */
#include "exec.h"

/* Wait for the multiply/divide unit; the stall is charged to the clock. */
static inline void hilo_wait(struct cpu *c)
{
	if (c->cycles < c->hilo_ready)
		cpu_charge(c, c->hilo_ready - c->cycles, true);
}

static inline void hilo_set(struct cpu *c, uint64_t v, uint64_t latency)
{
	c->lo = (uint32_t)v;
	c->hi = (uint32_t)(v >> 32);
	c->hilo_ready = c->cycles + latency;
}

static inline uint64_t hilo(const struct cpu *c)
{
	return ((uint64_t)c->hi << 32) | c->lo;
}

EXEC(MFHI)  { hilo_wait(c); GPR_DST = c->hi; return X_SYNC; }
EXEC(MFLO)  { hilo_wait(c); GPR_DST = c->lo; return X_SYNC; }
EXEC(MTHI)  { hilo_wait(c); c->hi = GPR_RS; return X_SYNC; }
EXEC(MTLO)  { hilo_wait(c); c->lo = GPR_RS; return X_SYNC; }

EXEC(MULT)
{
	hilo_wait(c);
	hilo_set(c, (uint64_t)((int64_t)(int32_t)GPR_RS * (int32_t)GPR_RT), COST_MULT);
	return X_SYNC;
}
EXEC(MULTU)
{
	hilo_wait(c);
	hilo_set(c, (uint64_t)GPR_RS * GPR_RT, COST_MULT);
	return X_SYNC;
}
EXEC(MADD)
{
	hilo_wait(c);
	hilo_set(c, hilo(c) + (uint64_t)((int64_t)(int32_t)GPR_RS * (int32_t)GPR_RT), COST_MULT);
	return X_SYNC;
}
EXEC(MADDU)
{
	hilo_wait(c);
	hilo_set(c, hilo(c) + (uint64_t)GPR_RS * GPR_RT, COST_MULT);
	return X_SYNC;
}
EXEC(MSUB)
{
	hilo_wait(c);
	hilo_set(c, hilo(c) - (uint64_t)((int64_t)(int32_t)GPR_RS * (int32_t)GPR_RT), COST_MULT);
	return X_SYNC;
}
EXEC(MSUBU)
{
	hilo_wait(c);
	hilo_set(c, hilo(c) - (uint64_t)GPR_RS * GPR_RT, COST_MULT);
	return X_SYNC;
}

/* MUL rd, rs, rt: the low word of the signed product into a GPR; HI and LO
 * are not changed. Stalls COST_MUL_GPR cycles. */
EXEC(MUL)
{
	GPR_DST = (uint32_t)((int64_t)(int32_t)GPR_RS * (int32_t)GPR_RT);
	cpu_charge(c, COST_MUL_GPR, true);
	return X_SYNC;
}

/* Division by zero does not trap; MIPS leaves HI and LO UNPREDICTABLE and
 * Trapeze defines LO = 0xFFFFFFFF, HI = rs. 0x80000000 / -1 gives
 * LO = 0x80000000, HI = 0 (no overflow exception on MIPS). */
EXEC(DIV)
{
	int32_t n = (int32_t)GPR_RS, m = (int32_t)GPR_RT;
	hilo_wait(c);
	if (m == 0)
		hilo_set(c, ((uint64_t)(uint32_t)n << 32) | 0xffffffffu, COST_DIV);
	else if (n == INT32_MIN && m == -1)
		hilo_set(c, (uint32_t)INT32_MIN, COST_DIV);
	else
		hilo_set(c, ((uint64_t)(uint32_t)(n % m) << 32) | (uint32_t)(n / m), COST_DIV);
	return X_SYNC;
}
EXEC(DIVU)
{
	uint32_t n = GPR_RS, m = GPR_RT;
	hilo_wait(c);
	if (m == 0)
		hilo_set(c, ((uint64_t)n << 32) | 0xffffffffu, COST_DIV);
	else
		hilo_set(c, ((uint64_t)(n % m) << 32) | (n / m), COST_DIV);
	return X_SYNC;
}
