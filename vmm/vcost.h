/*
 * vcost.h - what the VMM itself costs, in machine cycles. The guest never
 * sees these (DESIGN.md section 6, the equivalence rule): they go to the
 * VM's vmm_cycles, and --stats shows them beside the guest's cycles.
 *
 * A model, not a measurement: an exit costs the real exception entry and
 * the ERET back (machine/cost.h), plus a handler whose size is what a
 * hand-written MIPS VMM would roughly spend on that kind of exit.
 */
#ifndef TRAPEZE_VCOST_H
#define TRAPEZE_VCOST_H

#include "../machine/cost.h"

#define VCOST_TRAP       (COST_EXC_ENTRY + COST_ERET)   /* into the VMM and back */
#define VCOST_EMULATE    (VCOST_TRAP + 20)  /* decode, emulate against the vCP0 */
#define VCOST_HYPERCALL  (VCOST_TRAP + 30)
#define VCOST_FILL       (VCOST_TRAP + 40)  /* walk the vTLB, pmap, write a real entry */
#define VCOST_DIRTY      (VCOST_TRAP + 25)
#define VCOST_MMIO       (VCOST_TRAP + 60)  /* translate, decode, device model */
#define VCOST_KSEG       (VCOST_TRAP + 40)
#define VCOST_REFLECT    (VCOST_TRAP + 30)  /* update the vCP0, redirect        */
#define VCOST_VIRQ       30                 /* no trap: done at a boundary      */
#define VCOST_STOP       0

#endif
