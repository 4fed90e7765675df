/*
 * exec_alu.c - arithmetic, logic, shifts, compares, conditional moves, bit
 * manipulation (MIPS32 Vol. II). Each function is the manual's Operation
 * section for one instruction.
 */
#include "exec.h"

/* ---- add and subtract: the trapping forms leave rd unchanged on overflow ---- */
EXEC(ADD)
{
	int32_t r;
	if (__builtin_add_overflow((int32_t)GPR_RS, (int32_t)GPR_RT, &r))
		return cpu_exception(c, d, EXC_OV, 0, false);
	GPR_DST = (uint32_t)r;
	return X_NEXT;
}
EXEC(ADDI)
{
	int32_t r;
	if (__builtin_add_overflow((int32_t)GPR_RS, SIMM, &r))
		return cpu_exception(c, d, EXC_OV, 0, false);
	GPR_DST = (uint32_t)r;
	return X_NEXT;
}
EXEC(SUB)
{
	int32_t r;
	if (__builtin_sub_overflow((int32_t)GPR_RS, (int32_t)GPR_RT, &r))
		return cpu_exception(c, d, EXC_OV, 0, false);
	GPR_DST = (uint32_t)r;
	return X_NEXT;
}
EXEC(ADDU)  { GPR_DST = GPR_RS + GPR_RT; return X_NEXT; }
EXEC(ADDIU) { GPR_DST = GPR_RS + IMM; return X_NEXT; }
EXEC(SUBU)  { GPR_DST = GPR_RS - GPR_RT; return X_NEXT; }

/* ---- logic (ANDI/ORI/XORI immediates are zero-extended at predecode) ------- */
EXEC(AND)   { GPR_DST = GPR_RS & GPR_RT; return X_NEXT; }
EXEC(OR)    { GPR_DST = GPR_RS | GPR_RT; return X_NEXT; }
EXEC(XOR)   { GPR_DST = GPR_RS ^ GPR_RT; return X_NEXT; }
EXEC(NOR)   { GPR_DST = ~(GPR_RS | GPR_RT); return X_NEXT; }
EXEC(ANDI)  { GPR_DST = GPR_RS & IMM; return X_NEXT; }
EXEC(ORI)   { GPR_DST = GPR_RS | IMM; return X_NEXT; }
EXEC(XORI)  { GPR_DST = GPR_RS ^ IMM; return X_NEXT; }
EXEC(LUI)   { GPR_DST = IMM; return X_NEXT; }       /* imm16 << 16 */

/* ---- set on less than (SLTIU: sign-extended immediate, unsigned compare) ---- */
EXEC(SLT)   { GPR_DST = (int32_t)GPR_RS < (int32_t)GPR_RT; return X_NEXT; }
EXEC(SLTU)  { GPR_DST = GPR_RS < GPR_RT; return X_NEXT; }
EXEC(SLTI)  { GPR_DST = (int32_t)GPR_RS < SIMM; return X_NEXT; }
EXEC(SLTIU) { GPR_DST = GPR_RS < IMM; return X_NEXT; }

/* ---- shifts: the variable forms use rs[4:0] -------------------------------- */
static inline uint32_t rotate_right(uint32_t x, unsigned n)
{
	n &= 31;
	return n ? (x >> n) | (x << (32 - n)) : x;
}
EXEC(SLL)   { GPR_DST = GPR_RT << d->sa; return X_NEXT; }
EXEC(SRL)   { GPR_DST = GPR_RT >> d->sa; return X_NEXT; }
EXEC(SRA)   { GPR_DST = (uint32_t)((int32_t)GPR_RT >> d->sa); return X_NEXT; }
EXEC(ROTR)  { GPR_DST = rotate_right(GPR_RT, d->sa); return X_NEXT; }
EXEC(SLLV)  { GPR_DST = GPR_RT << (GPR_RS & 31); return X_NEXT; }
EXEC(SRLV)  { GPR_DST = GPR_RT >> (GPR_RS & 31); return X_NEXT; }
EXEC(SRAV)  { GPR_DST = (uint32_t)((int32_t)GPR_RT >> (GPR_RS & 31)); return X_NEXT; }
EXEC(ROTRV) { GPR_DST = rotate_right(GPR_RT, GPR_RS); return X_NEXT; }

/* ---- conditional moves ------------------------------------------------------- */
EXEC(MOVZ)  { if (GPR_RT == 0) GPR_DST = GPR_RS; return X_NEXT; }
EXEC(MOVN)  { if (GPR_RT != 0) GPR_DST = GPR_RS; return X_NEXT; }

/* ---- count leading zeros / ones ---------------------------------------------- */
EXEC(CLZ)   { GPR_DST = GPR_RS ? (uint32_t)__builtin_clz(GPR_RS) : 32; return X_NEXT; }
EXEC(CLO)   { GPR_DST = ~GPR_RS ? (uint32_t)__builtin_clz(~GPR_RS) : 32; return X_NEXT; }

/* ---- release 2 bit manipulation ----------------------------------------------- */
EXEC(SEB)   { GPR_DST = (uint32_t)(int32_t)(int8_t)GPR_RT; return X_NEXT; }
EXEC(SEH)   { GPR_DST = (uint32_t)(int32_t)(int16_t)GPR_RT; return X_NEXT; }
EXEC(WSBH)
{
	uint32_t x = GPR_RT;
	GPR_DST = ((x & 0x00ff00ffu) << 8) | ((x >> 8) & 0x00ff00ffu);
	return X_NEXT;
}
/* EXT rt, rs, pos, size: rt = rs[pos+size-1 : pos]. pos = sa, size-1 = imm.
 * pos + size > 32 is UNPREDICTABLE; Trapeze takes the bits that exist. */
EXEC(EXT)
{
	unsigned pos = d->sa, size = IMM + 1;
	uint64_t field = ((uint64_t)GPR_RS >> pos) & ((1ull << size) - 1);
	GPR_DST = (uint32_t)field;
	return X_NEXT;
}
/* INS rt, rs, pos, size: rt[msb:pos] = rs[msb-pos:0]. msb = imm. msb < pos is
 * UNPREDICTABLE; Trapeze leaves rt unchanged. */
EXEC(INS)
{
	unsigned pos = d->sa, msb = IMM;
	if (msb < pos)
		return X_NEXT;
	uint32_t mask = (uint32_t)(((1ull << (msb - pos + 1)) - 1) << pos);
	GPR_DST = (GPR_RT & ~mask) | ((GPR_RS << pos) & mask);
	return X_NEXT;
}
