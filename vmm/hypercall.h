/*
 * hypercall.h - the paravirtual interface of the Trapeze VMM (DESIGN.md
 * section 6). #defines only: guest assembly includes it through cpp.
 *
 * A guest in virtual kernel mode executes HYPCALL (0x42000028) with the
 * function number in $v0 and arguments in $a0-$a3; the VMM performs the
 * call, puts the result in $v0 and resumes at the next instruction (after
 * the branch, if HYPCALL sat in a delay slot). Other registers are
 * preserved. HYPCALL costs the guest one instruction cycle.
 *
 * Outside virtual kernel mode HYPCALL raises Coprocessor Unusable in the
 * guest, exactly as on the bare machine (Reserved Instruction if the guest
 * set Status.CU0, as there too); on the bare machine in kernel mode it
 * raises Reserved Instruction (nobody to call), so a guest can tell
 * whether it runs under the VMM. These rules hold for every code field
 * (`hypcall CODE` below) and are applied before anything is done.
 */
#ifndef TRAPEZE_HYPERCALL_H
#define TRAPEZE_HYPERCALL_H

/* $a0 = guest-virtual address of the bytes, $a1 = length. Writes the first
 * min(length, HC_WRITE_MAX) of them to this VM's console output. $v0 = the
 * number written, or HC_EFAULT if any of those bytes is not mapped to RAM
 * (nothing is written then). */
#define HC_WRITE_MAX     4096
#define HC_CONSOLE_WRITE 1
/* $v0 = this VM's number: 0 for the first ELF on the command line, 1, ... */
#define HC_VM_ID         2
/* Give the CPU to the next VM now (round-robin). $v0 = 0. */
#define HC_YIELD         3
/* $a0 = exit status. This VM stops, as if it wrote POWEROFF. */
#define HC_POWEROFF      4
/* $v0 = number of VMs the VMM is running. */
#define HC_NVMS          5

/* $a0 = guest-virtual address (page-aligned, mapped to guest RAM now) of the
 * PV page; $a0 = 0 turns it off. $v0 = 0, HC_EFAULT if the page is not
 * mapped RAM, or HC_EINVAL if it is not page-aligned. From then on, whenever
 * the VMM delivers an exception or interrupt to this VM, it first writes the
 * virtual CP0 registers, as MFC0 would read them in the handler, into the PV
 * page at the PV_* offsets below, so the handler reads them with plain loads
 * instead of trapping MFC0s (Disco's "special memory" for privileged registers).
 * The page is a snapshot taken at delivery; the VMM never reads it back.
 *   - $a0 is translated once, now, as the guest's kernel sees it (its
 *     current mode, its TLB and ASID, a load); the VMM keeps the guest-
 *     physical page. The guest must keep that mapping (or at least not
 *     reuse the physical page): a page of the firmware's wired sseg window
 *     is the natural choice. kseg0 and useg addresses work too.
 *   - Alignment is checked first (HC_EINVAL even if unmapped); the whole
 *     4 KiB page must be guest RAM (HC_EFAULT for devices, past RAM, an
 *     invalid or missing TLB entry). A failed call leaves the previous
 *     registration in force.
 *   - Each word is the register as MFC0 would read it at the handler's
 *     first instruction (Cause.IP and TI included), stored little-endian.
 *     Words from PV_SIZE to the end of the page are not written. */
#define HC_PV_PAGE       6

#define PV_EPC       0x00
#define PV_CAUSE     0x04
#define PV_STATUS    0x08
#define PV_BADVADDR  0x0c
#define PV_ENTRYHI   0x10
#define PV_CONTEXT   0x14
#define PV_SIZE      0x18

/* ---- exception-path hypercalls: `hypcall CODE`, CODE != 0 --------------------
 * An exception handler cannot put a function number in $v0 without losing the
 * interrupted program's $v0, so these take the code field of the HYPCALL
 * instruction as the function and their arguments in $k0/$k1, the two
 * registers MIPS reserves for exception handlers. They change no GPR. Each
 * replaces a sequence of trapping instructions by a single exit. The guest
 * is charged COST_ERET for the two ERET forms and COST_INSN for HCX_IDLE
 * (then the WAIT idles as WAIT does). The mode rule is code 0's (above).
 * An unknown code raises Reserved Instruction in the guest at the HYPCALL
 * (nothing done, no register changed), as on the bare machine; so do the
 * two ERET forms in a branch delay slot, where ERET itself raises RI.
 * HCX_IDLE in a delay slot completes the branch when it wakes, as WAIT.
 *   HCX_ERET:       Status := $k1; EPC := $k0; ERET
 *                   (replaces mtc0 Status; mtc0 EPC; eret; with ERL in $k1
 *                   the ERET goes to ErrorEPC, as ERET does; the LL link
 *                   is cleared)
 *   HCX_TLBWR_ERET: EntryLo0 := $k0; EntryLo1 := $k1; TLBWR; ERET
 *                   (replaces the refill handler's mtc0, mtc0, tlbwr, eret;
 *                   EntryHi and PageMask are those the refill left; Random
 *                   is read at the HYPCALL; the replaced entry's shadows go)
 *   HCX_IDLE:       Status := $k0; WAIT
 *                   (replaces the idle loop's mtc0 Status; wait) */
#define HCX_ERET         1
#define HCX_TLBWR_ERET   2
#define HCX_IDLE         3

/* Results */
#define HC_ENOSYS  (-1)   /* unknown function number                        */
#define HC_EFAULT  (-2)   /* a buffer address is not mapped in the guest     */
#define HC_EINVAL  (-3)   /* a bad argument (alignment)                      */

#endif
