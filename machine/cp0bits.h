/*
 * cp0bits.h - bit fields of the CP0 registers (MIPS32 Vol. III, chapter 9).
 * #defines only, shared by C and guest assembly. Register numbers live in the
 * table machine/cp0.def (assembly gets them from the generated cp0regs.h).
 */
#ifndef TRAPEZE_CP0BITS_H
#define TRAPEZE_CP0BITS_H

/* Status (12,0) */
#define ST_IE        0x00000001   /* interrupt enable                        */
#define ST_EXL       0x00000002   /* exception level: forces kernel mode     */
#define ST_ERL       0x00000004   /* error level: kernel mode, useg unmapped */
#define ST_KSU_SHIFT 3
#define ST_KSU       0x00000018   /* 00 kernel, 01 supervisor, 10 user       */
#define ST_KSU_KERNEL 0x00000000
#define ST_KSU_SUPER  0x00000008
#define ST_KSU_USER   0x00000010
#define ST_IM_SHIFT  8
#define ST_IM        0x0000ff00   /* interrupt mask, one bit per Cause.IP    */
#define ST_IM_SW0    0x00000100
#define ST_IM_SW1    0x00000200
#define ST_IM_CONS   0x00000400   /* IP2 console                             */
#define ST_IM_DISK   0x00000800   /* IP3 disk                                */
#define ST_IM_TIMER  0x00008000   /* IP7 timer                               */
#define ST_NMI       0x00080000
#define ST_SR        0x00100000
#define ST_TS        0x00200000   /* TLB shutdown: set by a machine check    */
#define ST_BEV       0x00400000   /* bootstrap exception vectors             */
#define ST_CU0       0x10000000   /* CP0 usable outside kernel mode          */
#define ST_CU1       0x20000000

/* Cause (13,0) */
#define CAUSE_EXC_SHIFT 2
#define CAUSE_EXC    0x0000007c   /* ExcCode                                 */
#define CAUSE_IP_SHIFT 8
#define CAUSE_IP     0x0000ff00   /* pending interrupts                      */
#define CAUSE_IP_SW  0x00000300   /* IP1..0: software interrupts (writable)  */
#define CAUSE_IV     0x00800000   /* interrupts use the special vector +0x200 */
#define CAUSE_DC     0x08000000   /* disable Count                           */
#define CAUSE_CE_SHIFT 28
#define CAUSE_CE     0x30000000   /* coprocessor number of a CpU exception   */
#define CAUSE_TI     0x40000000   /* timer interrupt pending                 */
#define CAUSE_BD     0x80000000   /* exception in a branch delay slot        */

/* EntryHi (10,0) */
#define ENTRYHI_ASID 0x000000ff
#define ENTRYHI_VPN2 0xffffe000

/* EntryLo0/1 (2,0 and 3,0) */
#define ENTRYLO_G    0x00000001
#define ENTRYLO_V    0x00000002
#define ENTRYLO_D    0x00000004
#define ENTRYLO_C_SHIFT 3
#define ENTRYLO_C    0x00000038
#define ENTRYLO_PFN_SHIFT 6
#define ENTRYLO_PFN  0x03ffffc0
#define CACHE_UNCACHED  2
#define CACHE_CACHEABLE 3

/* PageMask (5,0): the legal page sizes */
#define PAGEMASK_4K   0x00000000
#define PAGEMASK_16K  0x00006000
#define PAGEMASK_64K  0x0001e000
#define PAGEMASK_256K 0x0007e000
#define PAGEMASK_1M   0x001fe000
#define PAGEMASK_4M   0x007fe000
#define PAGEMASK_16M  0x01ffe000

/* Index (0,0) */
#define INDEX_P      0x80000000   /* TLBP found no match                     */

/* Context (4,0) */
#define CONTEXT_PTEBASE   0xff800000
#define CONTEXT_BADVPN2   0x007ffff0
#define CONTEXT_BADVPN2_SHIFT 4

/* Exception vector offsets from EBase (or from 0xBFC00200 when Status.BEV) */
#define VEC_REFILL   0x000
#define VEC_GENERAL  0x180
#define VEC_INTERRUPT 0x200
#define VEC_BEV_BASE 0xBFC00200

/* RDHWR registers */
#define HWR_CPUNUM   0
#define HWR_SYNCI_STEP 1
#define HWR_CC       2
#define HWR_CCRES    3

#endif
