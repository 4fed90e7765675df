/*
 * memops.h - the data side of MIPS32's partial-word and unaligned accesses
 * (Vol. II: LB/LH sign extension, LWL/LWR/SWL/SWR), little-endian, as pure
 * functions. The CPU's loads and stores (exec_mem.h) and the VMM's emulation
 * of a guest's device and kseg0 accesses (vmm/emulate.c) both use them.
 *
 * With b = EA & 3 and W the aligned word containing EA:
 *   LWL: the b+1 bytes W[b..0] become the most significant bytes of rt;
 *   LWR: the 4-b bytes W[3..b] become the least significant bytes of rt;
 *   SWL: the b+1 most significant bytes of rt go to W[b..0];
 *   SWR: the 4-b least significant bytes of rt go to W[3..b].
 */
#ifndef TRAPEZE_MEMOPS_H
#define TRAPEZE_MEMOPS_H

#include <stdint.h>

static inline uint32_t mem_sext8(uint32_t v)  { return (uint32_t)(int32_t)(int8_t)v; }
static inline uint32_t mem_sext16(uint32_t v) { return (uint32_t)(int32_t)(int16_t)v; }
static inline uint32_t mem_zext(uint32_t v)   { return v; }

/* New rt after LWL/LWR at ea, given the aligned word w and the old rt. */
static inline uint32_t mem_lwl(uint32_t w, uint32_t rt, uint32_t ea)
{
	unsigned sh = 8 * (3 - (ea & 3));
	return (w << sh) | (rt & (uint32_t)((1ull << sh) - 1));
}
static inline uint32_t mem_lwr(uint32_t w, uint32_t rt, uint32_t ea)
{
	unsigned sh = 8 * (ea & 3);
	return (w >> sh) | (rt & ~(0xffffffffu >> sh));
}
/* SWL/SWR: the bits of the aligned word that change (mask) and their new
 * values (bits); the word becomes (w & ~mask) | (bits & mask). */
static inline void mem_swl(uint32_t rt, uint32_t ea, uint32_t *mask, uint32_t *bits)
{
	unsigned sh = 8 * (3 - (ea & 3));
	*mask = 0xffffffffu >> sh;
	*bits = rt >> sh;
}
static inline void mem_swr(uint32_t rt, uint32_t ea, uint32_t *mask, uint32_t *bits)
{
	unsigned sh = 8 * (ea & 3);
	*mask = 0xffffffffu << sh;
	*bits = rt << sh;
}

#endif
