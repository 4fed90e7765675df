/*
 * vmm.h - the Trapeze VMM: trap-and-emulate virtual machines on the machine
 * of machine/ (DESIGN.md section 6). Read docs/vmm.md first.
 *
 * One struct vmm owns the real CPU (with "exceptions exit to host" on) and
 * the machine memory. Each struct vm is one guest: a vCPU (virtual CP0 and
 * virtual TLB, and the real CPU's registers while another VM runs), a slice
 * of machine memory reached through a pmap, virtual devices, and a guest
 * clock. The guest's kernel runs in real supervisor mode and its user code
 * in real user mode; every privileged instruction, every real TLB miss and
 * every access to a device or to kseg0/kseg1 comes back here as an exit.
 *
 * The three address spaces have distinct types, so that the compiler
 * refuses to let one stand for another:
 *   gva_t  guest-virtual: what the guest's instructions compute
 *   gpa_t  guest-physical: what the guest's TLB and kseg0/kseg1 map to
 *   mpa_t  machine-physical: where the bytes really are (the real TLB's PFNs)
 */
#ifndef TRAPEZE_VMM_H
#define TRAPEZE_VMM_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "../machine/bus.h"
#include "../machine/cpu.h"
#include "../machine/dev.h"
#include "../machine/elf.h"

typedef struct { uint32_t v; } gva_t;
typedef struct { uint32_t v; } gpa_t;
typedef struct { uint32_t v; } mpa_t;
#define GVA(x) ((gva_t){ (x) })
#define GPA(x) ((gpa_t){ (x) })
#define MPA(x) ((mpa_t){ (x) })

#define VMM_MAX_VMS 8
#define VMM_RING 4096                 /* exit records kept                 */
#define VMM_QUANTUM 200000            /* guest cycles per turn (several VMs) */
#define VMM_ASID_KEYS 512             /* guest ASID 0..255, x2 for Status.ERL */
#define VMM_HC_SLOTS 8                /* hypercall counters: function or code 0..7 */

/* ---- exits: what came back to the VMM, and what it did (vmm/exits.def) ---- */
enum vmm_exit_kind {
#define VMM_EXIT(name, text, desc) VX_##name,
#include "exits.def"
#undef VMM_EXIT
	VX_NKINDS
};
extern const char *const vmm_exit_names[VX_NKINDS];

struct vmm_exit_rec {
	uint64_t seq;            /* exits since the VMM started                 */
	uint64_t guest_cycle;    /* the VM's clock once the VMM had dealt with it */
	uint8_t vm;              /* VM number                                   */
	uint8_t kind;            /* enum vmm_exit_kind                          */
	uint8_t code;            /* Cause.ExcCode the real CPU raised (or reflected) */
	uint8_t detail;          /* enum isa_op emulated, or the reflected code */
	uint32_t pc;             /* guest PC of the instruction                  */
	uint32_t word;           /* the instruction word (0 if not fetched)      */
	uint32_t addr;           /* BadVAddr / the data address involved; for a
				    code-0 hypercall the function ($v0)        */
	uint32_t guest_cost;     /* cycles charged to the guest clock             */
	uint32_t vmm_cost;       /* cycles charged to the VMM (vcost.h)           */
};

/* ---- one virtual machine --------------------------------------------------------- */
enum vm_state {
	VM_RUNNING,
	VM_POWEROFF,     /* wrote POWEROFF or HC_POWEROFF; exit_status          */
	VM_LIMIT,        /* its guest clock reached --max-cycles                */
	VM_DEADLOCK,     /* WAIT for an interrupt that can never come           */
	VM_ERROR,        /* stopped for a guest error; error[] says what         */
};

struct vm {
	int id;
	struct vmm *vmm;
	enum vm_state state;
	uint32_t exit_status;
	char error[200];
	int lab_todo;            /* VM_ERROR from a lab handout's stub: the lab's number */

	/* --- the vCPU: virtual CP0 (same registers, masks and rules as the
	 * real one: machine/cp0.h) and virtual TLB, living by the guest clock */
	uint32_t cp0[CP0_NREGS];
	struct cp0_timer tm;
	struct tlb tlb;
	uint32_t irq_lines;          /* virtual device lines, as Cause.IP bits   */
	bool waiting;                /* executed WAIT; woken by an interrupt      */
	enum cpu_mode mode;          /* vm_mode(), as of the last vm_sync_real    */
	bool yield;                  /* give up the CPU at the next boundary      */
	/* The debugger's hold (vmm.pause_exits): an exit the real CPU raised,
	 * or a virtual interrupt that is due, not yet handled by the VMM. */
	enum vm_pause { VM_PAUSE_NONE, VM_PAUSE_EXIT, VM_PAUSE_VIRQ } paused;
	struct cpu_exit pending;     /* the exit (VM_PAUSE_EXIT)                  */
	/* The PV page (HC_PV_PAGE, vmm/hypercall.h): guest-physical address of
	 * the page vm_reflect fills at every delivery, or VM_PV_OFF. It is the
	 * translation of the guest-virtual address the guest registered, made
	 * once, at registration: the guest must keep that mapping (our guest
	 * kernel uses a page of its wired sseg window). Page-aligned RAM. */
	gpa_t pv_page;

	/* --- the real CPU's state while this VM is not the one running ------- */
	struct vm_regs {
		uint32_t gpr[32], hi, lo, pc, ds_target;
		bool in_ds, llbit;
		uint64_t cycles, hilo_ready;   /* cycles is the guest clock       */
		uint8_t resume_ld;             /* load-use stall still owed       */
		struct cpu_stats stats;
	} saved;

	/* --- memory: guest-physical [0, ram_size) is machine [base, base+size) --- */
	uint32_t ram_size;
	mpa_t base;
	uint32_t *pmap;              /* guest page number -> machine page number */
	uint8_t *dirty;              /* guest pages stored to (D-bit tracking)    */
	uint8_t rasid[VMM_ASID_KEYS];   /* real ASID per (ERL, guest ASID); 0 none */
	struct bus bus;              /* guest-physical space: RAM + virtual devices */

	/* --- virtual devices (the machine's device code, on this VM's host) --- */
	struct dev dev_sysctl, dev_console, dev_disk;
	struct dev *devs[3];
	struct dev_host host;
	uint64_t next_dev_event;
	struct vmm_out *out;         /* prefixing console sink, or NULL          */

	/* --- accounting --------------------------------------------------------------- */
	uint64_t vmm_cycles;         /* the VMM's own cost for this VM (vcost.h)  */
	uint64_t exits[VX_NKINDS], exit_guest[VX_NKINDS], exit_vmm[VX_NKINDS];
	uint64_t reflected[EXC_NCODES];
	uint64_t emulated[256];      /* by enum isa_op                            */
	uint64_t hc_calls[VMM_HC_SLOTS];  /* code-0 hypercalls by $v0; [0]: unknown */
	uint64_t hcx_calls[VMM_HC_SLOTS]; /* `hypcall CODE` by code ([0] unused)   */
};
/* Not a page address: no PV page (guest-physical 0 is a valid page). */
#define VM_PV_OFF 0xffffffffu

/* ---- the monitor ------------------------------------------------------------------- */
struct vmm_config {
	uint32_t machine_ram;        /* machine memory, bytes                      */
	int tlb_entries;             /* real TLB (and each virtual TLB) size       */
	uint64_t max_cycles;         /* per-VM guest clock limit (UINT64_MAX: none) */
	uint64_t quantum;            /* guest cycles per turn; 0: VMM_QUANTUM       */
	unsigned trace;              /* TRACE_INSN, TRACE_DEV, VMM_TRACE_EXITS     */
	FILE *trace_out;
};
#define VMM_TRACE_EXITS (1u << 8)

struct vm_config {
	uint32_t ram_size;
	const char *disk_path;       /* NULL: no disk                              */
	int in_fd, out_fd;           /* console; out_fd ignored when prefix        */
	const char *prefix;          /* "[vm1] " lines to out_fd, or NULL (< 16 chars) */
};

struct vmm {
	struct cpu cpu;              /* the real CPU                               */
	struct bus bus;              /* machine memory (no devices: nothing real is
					reachable from a guest)                    */
	struct vm *vm[VMM_MAX_VMS];
	int nvms;
	struct vm *cur;              /* whose registers are in the real CPU        */
	uint32_t mem_used;           /* machine memory handed out                 */
	struct vmm_config cfg;

	/* shadow TLB bookkeeping (stlb.c), one per real TLB entry */
	struct stlb_owner {
		struct vm *vm;           /* NULL: entry free                         */
		int16_t vidx[2];         /* virtual TLB entry each half was made from;
					    -1 none, -2 an ERL identity mapping       */
	} owner[TLB_MAX_ENTRIES];
	unsigned victim;             /* next real entry to replace              */
	struct { struct vm *vm; uint16_t key; } asid_owner[256];
	unsigned next_asid;
	uint64_t shadow_writes;      /* real TLB entries written by shadow fills  */

	/* the exit path's memory of decoded instruction words (isa_decode and
	   cp0_find are too slow to repeat on every MFC0 exit) */
	struct vmm_decoded {
		uint32_t word;
		uint8_t op;              /* enum isa_op                              */
		int8_t row;              /* cp0.def row for MFC0/MTC0, else -1       */
	} dcache[256];

	/* The debugger (debugger/): stop before handling each exit, and
	 * before delivering each virtual interrupt (vm->paused). */
	bool pause_exits;

	/* exit records */
	struct vmm_exit_rec ring[VMM_RING];
	uint64_t nexits;
};

/* Life cycle. Errors are the user's (one line in err) and return -1. */
int vmm_init(struct vmm *m, const struct vmm_config *cfg, char *err, size_t errsize);
void vmm_free(struct vmm *m);
/* A new VM booted with img by the protocol of DESIGN.md section 5 (the
 * image must be linked in sseg). Returns it, or NULL with err set. */
struct vm *vmm_add_vm(struct vmm *m, const struct vm_config *vc, const struct elf_image *img,
		      char *err, size_t errsize);

/* Run every VM round-robin until all have stopped. */
void vmm_run(struct vmm *m);
/* Run one VM until its guest clock reaches `until` or it stops or yields
 * (lockstep and the debugger step with this). */
void vmm_run_vm(struct vmm *m, struct vm *vm, uint64_t until);

/* For the debugger. With m->pause_exits set, vmm_run_vm returns BEFORE the
 * VMM handles an exit (vm->paused = VM_PAUSE_EXIT, vm->pending is the exit,
 * the guest's registers still as the trapping instruction found them) or
 * delivers a virtual interrupt (VM_PAUSE_VIRQ). vmm_finish_paused() handles
 * it and returns; vmm_run_vm first does that itself. It also returns when
 * a debugger breakpoint or watchpoint stops the real CPU (cpu.dbg->hit). */
void vmm_finish_paused(struct vmm *m, struct vm *vm);

/* Side-effect-free views. */
/* The guest clock: the real CPU's clock while the VM is the current one. */
static inline uint64_t vm_clock(const struct vm *vm)
{
	return vm->vmm->cur == vm ? vm->vmm->cpu.cycles : vm->saved.cycles;
}
uint64_t vm_insns(const struct vm *vm);
/* The VM's general registers and PC (from the real CPU when it is current). */
const struct vm_regs *vm_regs(const struct vm *vm, struct vm_regs *buf);
/* Virtual CP0 register value now (MFC0 semantics, no side effect). */
uint32_t vm_cp0_read(const struct vm *vm, enum cp0_reg r);
/* Put vm's registers into the real CPU (saving the current VM's): only
 * which VM the host has loaded changes, nothing the guests can see. */
void vm_switch_to(struct vmm *m, struct vm *vm);
/* Side-effect-free read of the word the guest would fetch at va; -1 if it
 * cannot (for traces, the load-use rule and the debugger). */
int vm_peek32(struct vm *vm, gva_t va, uint32_t *out);
/* The word a load by the guest at guest-virtual va would read now, in the
 * VM's current mode and ASID, by its own TLB (pa: where, may be NULL); or
 * at guest-physical pa. -1 if unmapped, misaligned or not RAM (a device). */
int vm_peek_virt(const struct vm *vm, gva_t va, uint32_t *out, gpa_t *pa);
int vm_peek_phys(const struct vm *vm, gpa_t pa, uint32_t *out);
/* The guest's own idea of its mode, from the virtual Status (EXL or ERL:
 * kernel; else KSU), exactly as the real CPU derives its mode. */
enum cpu_mode vm_mode(const struct vm *vm);
/* The last n exit records, oldest first; returns how many. */
int vmm_exit_history(const struct vmm *m, struct vmm_exit_rec *out, int n);
/* One line describing an exit record (the --trace=exits format). */
void vmm_format_exit(const struct vmm_exit_rec *r, char *buf, size_t size);

/* --stats */
void vmm_print_stats(const struct vmm *m, FILE *f);

#endif
