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
 * guest, exactly as on the bare machine; on the bare machine in kernel mode
 * it raises Reserved Instruction (nobody to call), so a guest can tell
 * whether it runs under the VMM.
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

/* Results */
#define HC_ENOSYS  (-1)   /* unknown function number                        */
#define HC_EFAULT  (-2)   /* a buffer address is not mapped in the guest     */

#endif
