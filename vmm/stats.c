/*
 * stats.c - reading the exit records: --trace=exits lines, the history the
 * debugger shows, and the --stats tables.
 *
 * --trace=exits prints one line per exit, in this stable format:
 *
 *   exit <seq> vm<N> <guest-cycle> <kind> pc=<8 hex> <8 hex word> <disasm> [<detail>] guest+<g> vmm+<v>
 *
 *   <kind>    exits.def's name (emulate, shadow-fill, reflect, ...)
 *   <detail>  reflect/virq: "-> <ExcName>"; shadow-fill, dirty, mmio, kseg:
 *             "addr=<8 hex>"; hypercall: "(v0=<fn> <name>)" for `hypcall`,
 *             "(<name>)" for `hypcall CODE`; stop: the reason is printed
 *             by the caller
 *   <g>, <v>  cycles charged to the guest clock and to the VMM
 */
#include <inttypes.h>
#include <string.h>
#include "hypercall.h"
#include "vmm_int.h"

const char *const vmm_exit_names[VX_NKINDS] = {
#define VMM_EXIT(name, text, desc) [VX_##name] = text,
#include "exits.def"
#undef VMM_EXIT
};

/* Hypercall names for the trace and --stats: code-0 functions by $v0
 * (slot 0: an unknown one, answered HC_ENOSYS), `hypcall CODE` by code. */
static const char *const hc_names[VMM_HC_SLOTS] = {
	[0] = "enosys", [HC_CONSOLE_WRITE] = "console-write", [HC_VM_ID] = "vm-id",
	[HC_YIELD] = "yield", [HC_POWEROFF] = "poweroff", [HC_NVMS] = "nvms",
	[HC_PV_PAGE] = "pv-page",
};
static const char *const hcx_names[VMM_HC_SLOTS] = {
	[HCX_ERET] = "eret", [HCX_TLBWR_ERET] = "tlbwr+eret", [HCX_IDLE] = "idle",
};

static const char *hc_name(uint32_t fn)
{
	return fn < VMM_HC_SLOTS && hc_names[fn] ? hc_names[fn] : hc_names[0];
}

static const char *hcx_name(uint32_t code)
{
	return code < VMM_HC_SLOTS && hcx_names[code] ? hcx_names[code] : "?";
}

void vmm_format_exit(const struct vmm_exit_rec *r, char *buf, size_t size)
{
	char text[96] = "-", detail[48] = "";
	if (r->word || r->kind == VX_EMULATE || r->kind == VX_HYPERCALL)
		isa_disasm(r->word, r->pc, text, sizeof text, NULL, NULL);
	switch (r->kind) {
	case VX_REFLECT: case VX_VIRQ:
		snprintf(detail, sizeof detail, " -> %s", exc_name(r->detail));
		break;
	case VX_HYPERCALL:
		if (HYPCODE(r->word))
			snprintf(detail, sizeof detail, " (%s)", hcx_name(HYPCODE(r->word)));
		else
			snprintf(detail, sizeof detail, " (v0=%" PRId32 " %s)", (int32_t)r->addr,
				 hc_name(r->addr));
		break;
	case VX_FILL: case VX_DIRTY: case VX_MMIO: case VX_KSEG:
		snprintf(detail, sizeof detail, " addr=%08x", r->addr);
		break;
	default:
		break;
	}
	snprintf(buf, size, "exit %" PRIu64 " vm%u %" PRIu64 " %s pc=%08x %08x %s%s guest+%u vmm+%u",
		 r->seq, r->vm, r->guest_cycle, vmm_exit_names[r->kind], r->pc, r->word, text,
		 detail, r->guest_cost, r->vmm_cost);
}

int vmm_exit_history(const struct vmm *m, struct vmm_exit_rec *out, int n)
{
	uint64_t have = m->nexits < VMM_RING ? m->nexits : VMM_RING;
	if ((uint64_t)n > have)
		n = (int)have;
	for (int i = 0; i < n; i++)
		out[i] = m->ring[(m->nexits - (uint64_t)n + (uint64_t)i) % VMM_RING];
	return n;
}

/* "vmN hypercalls     name=count..." for the code-0 functions and
 * "vmN hcx calls      name=count..." for `hypcall CODE`; each line only
 * when there is something on it. */
static void print_hc_line(const struct vm *vm, FILE *f, const char *title,
			  const uint64_t *n, const char *(*name)(uint32_t))
{
	bool any = false;
	for (uint32_t i = 0; i < VMM_HC_SLOTS; i++) {
		if (!n[i])
			continue;
		if (!any)
			fprintf(f, "vm%d %-14s", vm->id, title);
		any = true;
		fprintf(f, " %s=%" PRIu64, name(i), n[i]);
	}
	if (any)
		fprintf(f, "\n");
}

static void print_hypercalls(const struct vm *vm, FILE *f)
{
	print_hc_line(vm, f, "hypercalls", vm->hc_calls, hc_name);
	print_hc_line(vm, f, "hcx calls", vm->hcx_calls, hcx_name);
}

static void print_vm(const struct vm *vm, FILE *f)
{
	struct vm_regs buf;
	const struct vm_regs *r = vm_regs(vm, &buf);
	uint64_t cycles = r->cycles, insns = r->stats.insns;
	uint64_t pages = 0;
	for (uint32_t g = 0; g < vm->ram_size >> 12; g++)
		pages += vm->dirty[g];

	fprintf(f, "vm%d guest cycles   %" PRIu64 "\n", vm->id, cycles);
	fprintf(f, "vm%d instructions   %" PRIu64 "\n", vm->id, insns);
	fprintf(f, "vm%d vmm cycles     %" PRIu64 " (%.1f%% of the guest's)\n", vm->id,
		vm->vmm_cycles, cycles ? 100.0 * (double)vm->vmm_cycles / (double)cycles : 0.0);
	fprintf(f, "vm%d reflected     ", vm->id);
	uint64_t total = 0;
	for (unsigned i = 0; i < EXC_NCODES; i++)
		if (vm->reflected[i]) {
			fprintf(f, " %s=%" PRIu64, exc_name(i), vm->reflected[i]);
			total += vm->reflected[i];
		}
	fprintf(f, "%s\n", total ? "" : " none");
	print_hypercalls(vm, f);
	fprintf(f, "vm%d pages written  %" PRIu64 "\n", vm->id, pages);
	fprintf(f, "vm%d %-14s %12s %14s %14s\n", vm->id, "exit kind", "count", "guest cycles",
		"vmm cycles");
	for (int k = 0; k < VX_NKINDS; k++) {
		if (!vm->exits[k])
			continue;
		fprintf(f, "vm%d %-14s %12" PRIu64 " %14" PRIu64 " %14" PRIu64 "\n", vm->id,
			vmm_exit_names[k], vm->exits[k], vm->exit_guest[k], vm->exit_vmm[k]);
		if (k != VX_EMULATE)
			continue;
		for (int op = 0; op < ISA_NOPS; op++)
			if (vm->emulated[op] && op != ISA_OP_HYPCALL)
				fprintf(f, "vm%d   %-12s %12" PRIu64 "\n", vm->id,
					isa_table[op].mnemonic, vm->emulated[op]);
	}
}

void vmm_print_stats(const struct vmm *m, FILE *f)
{
	for (int i = 0; i < m->nvms; i++)
		print_vm(m->vm[i], f);
	fprintf(f, "exits             %" PRIu64 "\n", m->nexits);
	fprintf(f, "shadow tlb writes %" PRIu64 "\n", m->shadow_writes);
}
