/*
 * kernel.h - the guest OS kernel's data layouts and constants.
 * #defines and assembler macros only; every kernel .S includes it.
 *
 * How the kernel is built (docs/guestos.md tells the story):
 *  - It is linked in sseg at 0xC0000000 (kernel.ld). The firmware's wired
 *    TLB entry 0 maps sseg 0xC0000000-0xC07FFFFF to physical 0-8 MiB, so the
 *    kernel reaches its code, data, stack and every page frame it hands out
 *    through that window without ever missing in the TLB: frame at physical
 *    address P is at kernel address P + KVA_BASE. Wired entry 1 maps the
 *    devices at 0xDF000000.
 *  - The kernel runs with Status.EXL = 1 from boot to the ERET that enters a
 *    user process. EXL masks interrupts, so the kernel is never interrupted
 *    and needs no locks; each exception starts on an empty kernel stack and
 *    ends by running some process (or idling), never by returning into
 *    half-done kernel work. A system call that must wait is restarted.
 *  - Function calls follow o32: arguments $a0-$a3, results $v0/$v1, $s0-$s7,
 *    $sp and $ra preserved by the callee ($ra saved on the stack by non-leaf
 *    functions), $t0-$t9 free. $k0/$k1 belong to the exception vectors.
 */
#ifndef TRAPEZE_GUESTOS_KERNEL_H
#define TRAPEZE_GUESTOS_KERNEL_H

#include "hw.h"
#include "cp0bits.h"
#include "cp0regs.h"
#include "hypercall.h"
#include "sys.h"
#include "fs.h"

/* ---- memory ------------------------------------------------------------------- */
#define KVA_BASE      HW_SSEG_BASE         /* kernel VA of physical address 0     */
#define KVA_LIMIT     HW_SSEG_RAM_WINDOW   /* only the first 8 MiB are reachable  */
#define PAGE_SIZE     4096
#define PAGE_SHIFT    12
#define KSTACK_SIZE   8192                 /* the one kernel stack                */

/* Page tables: a two-level tree per process, walked by the refill handler.
 * The directory is one frame of 1024 words, one per 4 MiB of the address
 * space (only the 512 for useg are used); each is 0 or the kernel VA of a
 * page table: one frame of 1024 PTEs, one per 4 KiB page. A PTE is exactly
 * an EntryLo value (PFN, C, D, V; never G), so the refill handler copies
 * the even/odd pair into EntryLo0/EntryLo1 untouched; 0 means "no page". */
#define PDX_SHIFT     22                   /* VA bits 31..22 index the directory  */
#define PTX_PAIR_SHIFT 10                  /* (VA >> 10) & PTX_PAIR_MASK = byte   */
#define PTX_PAIR_MASK 0xff8                /*  offset of the even PTE of the pair */
#define PTE_FLAGS_RO  ((CACHE_CACHEABLE << ENTRYLO_C_SHIFT) | ENTRYLO_V)
#define PTE_FLAGS_RW  (PTE_FLAGS_RO | ENTRYLO_D)

/* ---- processes -------------------------------------------------------------- */
#define NPROC         8          /* slots; slot i runs with ASID i + 1          */
#define NFD           4          /* open files per process (fds 3 .. 3+NFD-1)    */
#define FD_FIRST      3
#define NAME_LEN      16         /* process name, NUL included                    */

/* The trap frame: the user registers saved at exception entry, restored at
 * ERET. Register $n is at offset 4*n ($zero's slot is unused). */
#define TF_REG(n)     ((n) * 4)
#define TF_HI         128
#define TF_LO         132
#define TF_EPC        136
#define TF_STATUS     140
#define TF_CAUSE      144        /* as read at entry: for panic and kill reports  */
#define TF_BADVADDR   148
#define TF_SIZE       152

/* struct proc (one per slot). The trap frame comes first, so a proc's
 * address is also its trap frame's. */
#define P_TF          0
#define P_STATE       152        /* PS_* below                                    */
#define P_PID         156
#define P_PARENT      160        /* parent's proc address; 0 for init             */
#define P_ASID        164
#define P_PGDIR       168        /* kernel VA of the page directory               */
#define P_HEAP        172        /* first heap address (page-aligned)             */
#define P_BRK         176        /* current break                                 */
#define P_CHAN        180        /* what a blocked process waits for              */
#define P_WAKE        184        /* tick at which a sleeping process wakes        */
#define P_XSTATUS     188        /* exit status, for wait()                       */
#define P_TICKS       192        /* timer ticks spent running (ps)                */
#define P_NAME        196        /* NAME_LEN bytes                                */
#define P_FD          212        /* NFD x { file entry address or 0, offset }     */
#define PROC_SIZE     256

#define PS_FREE       0
#define PS_READY      1
#define PS_RUNNING    2
#define PS_BLOCKED    3
#define PS_ZOMBIE     4

/* Status while a user process runs, as its trap frame holds it before the
 * ERET: user mode, interrupts on for the timer and the console, EXL still 1
 * (ERET clears it). The kernel's own Status: kernel mode, EXL = 1. The disk
 * line is in IM too, only so that a completion nobody waits for is
 * acknowledged (interrupt()); the disk driver waits with its own Status,
 * IM = the disk alone (disk.S). */
#define ST_IM_KERNEL  (ST_IM_TIMER | ST_IM_CONS | ST_IM_DISK)
#define STATUS_USER   (ST_IM_KERNEL | ST_KSU_USER | ST_EXL | ST_IE)
#define STATUS_KERNEL (ST_IM_KERNEL | ST_EXL)
#define STATUS_IDLE   (ST_IM_KERNEL | ST_IE)

/* A system call that must wait returns E_RESTART after proc_block(): the
 * dispatcher then leaves the caller's registers alone and backs EPC up to
 * the SYSCALL, which runs again when the process is woken (syscall.S).
 * Never seen by user programs. */
#define E_RESTART     -100

/* ---- time ------------------------------------------------------------------------- */
/* Count runs at half the cycle rate; a tick is TICK_COUNT Count steps
 * (10,000 cycles). The scheduler preempts the running process every tick. */
#define TICK_COUNT    5000

/* ---- exit statuses ------------------------------------------------------------------- */
#define PANIC_STATUS  99         /* POWEROFF value after a panic                   */

/* ---- the privileged registers an exception handler reads ------------------------
 * EXC_REG(reg, NAME) loads EPC, CAUSE, STATUS, BADVADDR, ENTRYHI or CONTEXT
 * as it was when the exception was delivered. Natively (and fully
 * virtualized) that is an MFC0 - which traps under the VMM. The paravirtual
 * build reads the PV page, which the VMM fills at every delivery
 * (vmm/hypercall.h): a plain load, no exit. */
#ifdef PARAVIRT
#define EXC_REG(reg, NAME) lui reg, %hi(pv_page + PV_##NAME); lw reg, %lo(pv_page + PV_##NAME)(reg)
#else
#define EXC_REG(reg, NAME) mfc0 reg, C0_##NAME
#endif

/* Kernel-stack frames of non-leaf functions: FRAME(n) reserves n words plus
 * the o32 argument area; SAVE/RESTORE $ra and $s registers by slot. */
#define FRAME_SIZE(n) (16 + 4 * (n))
#define SLOT(i)       (16 + 4 * (i))

#endif
