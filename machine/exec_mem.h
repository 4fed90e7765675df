/*
 * exec_mem.c - loads and stores (MIPS32 Vol. II). Effective address =
 * GPR[base] + sign-extended offset. Little-endian: the byte at the lowest
 * address is the least significant.
 */
#include "exec.h"
#include "memops.h"

#define EA (GPR_RS + IMM)

/* A load: read size bytes at EA, extend them to 32 bits into rt. On an
 * exception rt is not written. */
#define LOAD(name, size, extend) \
	EXEC(name) \
	{ \
		uint32_t v; \
		int r = mem_load(c, d, EA, size, &v); \
		if (likely(r == X_NEXT)) \
			GPR_DST = extend(v); \
		return r; \
	}
LOAD(LB,  1, mem_sext8)
LOAD(LBU, 1, mem_zext)
LOAD(LH,  2, mem_sext16)
LOAD(LHU, 2, mem_zext)
LOAD(LW,  4, mem_zext)

EXEC(SB) { return mem_store(c, d, EA, 1, GPR_RT); }
EXEC(SH) { return mem_store(c, d, EA, 2, GPR_RT); }
EXEC(SW) { return mem_store(c, d, EA, 4, GPR_RT); }

/* ---- unaligned word access, little-endian (Vol. II, LWL/LWR/SWL/SWR) ------------
 * The merging is memops.h's. Translation faults are checked first on the aligned word, reporting
 * BadVAddr = EA, and with store permission for the stores (TLBS, Mod).
 */
static int load_aligned(struct cpu *c, const struct dinst *d, uint32_t ea, uint32_t *w)
{
	int r = cpu_access_check(c, d, ea & ~3u, ACC_LOAD, ea);
	return r != X_NEXT ? r : mem_load(c, d, ea & ~3u, 4, w);
}

EXEC(LWL)
{
	uint32_t ea = EA, w;
	int r = load_aligned(c, d, ea, &w);
	if (r != X_NEXT)
		return r;
	GPR_DST = mem_lwl(w, GPR_RT, ea);
	return X_NEXT;
}
EXEC(LWR)
{
	uint32_t ea = EA, w;
	int r = load_aligned(c, d, ea, &w);
	if (r != X_NEXT)
		return r;
	GPR_DST = mem_lwr(w, GPR_RT, ea);
	return X_NEXT;
}
/* Read-modify-write of the aligned word: replace the bits in mask. */
static int store_merge(struct cpu *c, const struct dinst *d, uint32_t ea,
		       uint32_t mask, uint32_t bits)
{
	uint32_t w;
	int r = cpu_access_check(c, d, ea & ~3u, ACC_STORE, ea);
	if (r == X_NEXT)
		r = mem_load(c, d, ea & ~3u, 4, &w);
	if (r != X_NEXT)
		return r;
	return mem_store(c, d, ea & ~3u, 4, (w & ~mask) | (bits & mask));
}
EXEC(SWL)
{
	uint32_t ea = EA, mask, bits;
	mem_swl(GPR_RT, ea, &mask, &bits);
	return store_merge(c, d, ea, mask, bits);
}
EXEC(SWR)
{
	uint32_t ea = EA, mask, bits;
	mem_swr(GPR_RT, ea, &mask, &bits);
	return store_merge(c, d, ea, mask, bits);
}

/* ---- LL/SC: the link is c->llbit, cleared by ERET (and by SC itself) ------------- */
EXEC(LL)
{
	uint32_t v;
	int r = mem_load(c, d, EA, 4, &v);
	if (likely(r == X_NEXT)) {
		GPR_DST = v;
		c->llbit = true;
	}
	return r;
}
EXEC(SC)
{
	if (!c->llbit) {
		GPR_DST = 0;
		return X_NEXT;
	}
	int r = mem_store(c, d, EA, 4, GPR_RT);
	if (r != X_NEXT)
		return r;
	c->llbit = false;
	GPR_DST = 1;
	return X_NEXT;
}

/* Hints that need no work on a machine without caches or other processors. */
EXEC(PREF)  { (void)c; (void)d; return X_NEXT; }
EXEC(SYNC)  { (void)c; (void)d; return X_NEXT; }
