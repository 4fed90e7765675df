/*
 * test_exit.c - the machine's "exceptions exit to the host" switch, the hook
 * the VMM stands on (DESIGN.md section 6): with cpu.exit_to_host set, an
 * exception must not vector; machine_run stops with STOP_EXIT, cpu.exit
 * describes it, the CPU's state is untouched, and cpu_skip_insn resumes after
 * the instruction, completing its branch when it sat in a delay slot.
 */
#include <string.h>
#include "check.h"
#include "machine.h"

#define KSEG0(pa) (0x80000000u + (pa))

static void put(struct machine *m, uint32_t pa, uint32_t word)
{
	memcpy(m->bus.ram + pa, &word, 4);
}

int main(void)
{
	static struct machine m;
	struct machine_config cfg = { .ram_size = HW_RAM_DEFAULT, .in_fd = -1, .out_fd = -1 };
	char err[200];
	if (machine_init(&m, &cfg, err, sizeof err)) {
		printf("FAIL exit.init: %s\n", err);
		return 1;
	}
	struct cpu *c = &m.cpu;
	put(&m, 0x1000, 0x0000000c);          /* syscall                       */
	put(&m, 0x1004, 0x10000002);          /* beq $0, $0, +8 (to 0x1010)    */
	put(&m, 0x1008, 0x0000000c);          /* syscall, in the delay slot    */
	put(&m, 0x100c, 0x24020001);          /* addiu $2, $0, 1 (skipped)     */
	put(&m, 0x1010, 0x0000000d);          /* break                         */
	cpu_code_written(c, 0x1000, 0x14);
	c->cp0[CP0_STATUS] = 0;               /* kernel mode, EXL = ERL = 0    */
	cpu_mode_changed(c);
	cpu_flush_caches(c);
	c->pc = KSEG0(0x1000);
	c->exit_to_host = true;
	uint32_t epc_before = c->cp0[CP0_EPC];

	enum machine_stop s = machine_run(&m, 1000);
	CHECK("exit.syscall_stops", s == STOP_EXIT && c->exited, "stop %d", (int)s);
	CHECK("exit.syscall_record", c->exit.code == EXC_SYS && c->exit.pc == KSEG0(0x1000) &&
	      !c->exit.bd && c->exit.word == 0x0000000c && !c->exit.fetch,
	      "code %u pc %08x bd %d word %08x", c->exit.code, c->exit.pc, c->exit.bd, c->exit.word);
	CHECK("exit.no_vectoring", c->pc == KSEG0(0x1000) && c->cp0[CP0_EPC] == epc_before &&
	      !(c->cp0[CP0_STATUS] & ST_EXL) && c->stats.exceptions[EXC_SYS] == 1,
	      "pc %08x status %08x", c->pc, c->cp0[CP0_STATUS]);

	c->exited = false;                    /* the host handled it */
	cpu_skip_insn(c);
	s = machine_run(&m, 1000);
	CHECK("exit.delay_slot_record", s == STOP_EXIT && c->exit.code == EXC_SYS &&
	      c->exit.pc == KSEG0(0x1008) && c->exit.bd && c->in_ds &&
	      c->ds_target == KSEG0(0x1010),
	      "code %u pc %08x bd %d in_ds %d target %08x", c->exit.code, c->exit.pc,
	      c->exit.bd, c->in_ds, c->ds_target);

	c->exited = false;
	cpu_skip_insn(c);                     /* completes the branch */
	CHECK("exit.skip_completes_branch", c->pc == KSEG0(0x1010) && !c->in_ds,
	      "pc %08x in_ds %d", c->pc, c->in_ds);
	s = machine_run(&m, 1000);
	CHECK("exit.break_record", s == STOP_EXIT && c->exit.code == EXC_BP &&
	      c->exit.pc == KSEG0(0x1010) && !c->exit.bd && c->gpr[2] == 0,
	      "code %u pc %08x $2 %u", c->exit.code, c->exit.pc, c->gpr[2]);

	machine_free(&m);
	printf("test_exit: %s\n", check_failures ? "FAILED" : "all passed");
	return check_failures != 0;
}
