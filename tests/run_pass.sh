#!/usr/bin/env bash
# run_pass.sh BUILD: one pass of every test against one build directory.
# Prints "PASS name" / "FAIL name: why" lines (prefixed by the suite).
set -uo pipefail
B=$1
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/.."
export GEN_DIR=$PWD/build/gen
for t in "$B"/tests/unit/test_*; do
	[ -x "$t" ] || continue
	"$t" 2>&1 | sed -n "s/^\(PASS\|FAIL\) /\1 unit\/$(basename "$t")\//p"
	[ "${PIPESTATUS[0]}" = 0 ] || echo "FAIL unit/$(basename "$t"): exit status ${PIPESTATUS[0]}"
done
if [ -x "$B/tests/isa/test_table" ]; then
	"$B/tests/isa/test_table" 2>&1 | sed -n 's/^\(PASS\|FAIL\) /\1 isa\/table\//p'
	[ "${PIPESTATUS[0]}" = 0 ] || echo "FAIL isa/test_table: exit status ${PIPESTATUS[0]}"
fi
if [ -x tests/isa/test_disasm.sh ]; then
	out=$(tests/isa/test_disasm.sh "$B" 2>&1); st=$?
	if [ $st = 0 ]; then echo "PASS isa/disasm-vs-llvm-objdump"; else echo "FAIL isa/disasm-vs-llvm-objdump: $(echo "$out" | tail -5 | tr '\n' ' ')"; fi
fi
tests/run_asm.sh "$B/trapeze" "$B/tests/asm" | sed 's/^\(PASS\|FAIL\) /\1 asm\//'
# the VMM: the sseg machine tests natively vs --vmm and in lockstep, and the
# guests of tests/vmm (lines already read "PASS vmm/..." / "PASS lockstep/...")
tests/run_vmm.sh "$B/trapeze" "$B/tests/vmm" | grep '^\(PASS\|FAIL\) '
# the guest OS: every session natively, under the VMM and paravirtualized;
# lockstep over a long workload (lines read "PASS guestos/...")
tests/run_guestos.sh "$B" | grep '^\(PASS\|FAIL\) '
# the debugger's batch mode: transcripts of every command, natively and
# under the VMM; its stops change nothing the guest sees (lines "PASS debug/...")
tests/run_debug.sh "$B" | grep '^\(PASS\|FAIL\) '
for t in tests/cli/*.sh; do
	[ -x "$t" ] || continue
	"$t" "$B/trapeze" "$B" | sed -n "s/^\(PASS\|FAIL\) /\1 cli\//p"
done
