#!/usr/bin/env bash
# run_debug.sh BUILD: the debugger's batch mode (trapeze debug --batch).
# One line "PASS debug/..." or "FAIL debug/...: why" per check.
#
# Transcripts: each tests/debug/NAME.cmds is a batch script whose first line
# is "# args: OPTIONS PROGRAM" (@DBGT = tests/debug/progs/dbgt.S built in
# sseg, @KERNEL and @DISK the guest OS), run as
#   trapeze debug OPTIONS --batch NAME.cmds PROGRAM
# and its output must be NAME.expect byte for byte (exit status: NAME.status,
# default 0). Between them the scripts run every command, natively and under
# the VMM, and their errors.
# And once:
#   debug/equivalence.native, .vmm  stopping at every exit on the way does not
#       change the run: the guest OS booted, stepped exit by exit, run to the
#       end, ends with the cycle count and console output of `trapeze run`
#   debug/user-breakpoint, .vmm  a breakpoint stops in every address space:
#       hello's entry, in two runs of hello and in the shell's code there
#   debug/stdin-batch     commands on a stdin that is not a terminal
#   debug/usage-*         bad options and files: exit 2, one line
# Every run is bounded by `timeout`.
set -uo pipefail
B=$1
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
T=$B/trapeze
K=$B/guestos/kernel.elf
D=$B/guestos/disk.img
out=$B/tests/debug
mkdir -p "$out"
TMO=${DEBUG_TIMEOUT:-60}
pass() { echo "PASS debug/$1"; }
fail() { echo "FAIL debug/$1: $2"; }
tool() { if command -v "$1" >/dev/null; then echo "$1"; else echo "$1-14"; fi; }

# ---- the test program ----
DBGT=$out/dbgt.elf
if ! { cpp -P -x assembler-with-cpp -I"$top/machine" -I"$B/gen" "$here/debug/progs/dbgt.S" > "$out/dbgt.s" &&
       "$(tool llvm-mc)" -triple=mipsel-unknown-elf -mcpu=mips32r2 -filetype=obj "$out/dbgt.s" -o "$out/dbgt.o" &&
       "$(tool ld.lld)" -T "$here/cli/progs/sseg.ld" "$out/dbgt.o" -o "$DBGT"; } 2> "$out/dbgt.err"; then
	fail build "$(head -c 300 "$out/dbgt.err")"
	exit 0
fi

# ---- transcripts ----
for cmds in "$here"/debug/*.cmds; do
	n=$(basename "$cmds" .cmds)
	args=$(sed -n '1s/^# args: //p' "$cmds")
	if [ -z "$args" ]; then fail "$n" "first line is not '# args: ...'"; continue; fi
	args=${args//@DBGT/$DBGT}; args=${args//@KERNEL/$K}; args=${args//@DISK/$D}
	want=0; [ -f "$here/debug/$n.status" ] && want=$(cat "$here/debug/$n.status")
	# shellcheck disable=SC2086
	timeout "$TMO" "$T" debug $args --batch "$cmds" > "$out/$n.out" 2> "$out/$n.err" < /dev/null
	st=$?
	if [ "$st" != "$want" ]; then
		fail "$n" "exit status $st, want $want: $(head -c 200 "$out/$n.err")"
	elif [ ! -f "$here/debug/$n.expect" ]; then
		fail "$n" "no $n.expect (the output is in $out/$n.out)"
	elif ! cmp -s "$out/$n.out" "$here/debug/$n.expect"; then
		fail "$n" "output differs from $n.expect: $(diff "$here/debug/$n.expect" "$out/$n.out" | sed -n 2,3p | tr '\n' ' ')"
	elif [ -s "$out/$n.err" ]; then
		fail "$n" "unexpected stderr: $(head -c 200 "$out/$n.err")"
	else
		pass "$n"
	fi
done

# ---- equivalence: the debugger's stops change nothing the guest can see ----
# The guest OS with "exit" typed at its shell: `trapeze run` against the
# debugger stopping before and after each of the first 150 exits (natively:
# exceptions), then before the next MTC0 exit, 1000 single steps, then
# running to the end.
printf 'exit\n' > "$out/eq.in"
{
	echo "input exit"
	for i in $(seq 150); do echo "exit-step"; echo "exit-step"; done
	echo "until-exit cpu mtc0"
	echo "step 1000"
	echo "continue"
	echo "stats"
} > "$out/eq.cmds"
eq() {  # eq NAME [--vmm]
	local n=$1; shift
	timeout "$TMO" "$T" run "$@" --stats --disk "$D" "$K" < "$out/eq.in" > "$out/eq$n.run.out" 2> "$out/eq$n.run.stats"
	timeout "$TMO" "$T" debug "$@" --disk "$D" --batch "$out/eq.cmds" "$K" > "$out/eq$n.dbg.out" 2>&1
	# natively "cycles N"; under the VMM "vm0 guest cycles N" and the
	# VMM's own modelled cycles, which must not change either
	local pat='^\(cycles\|instructions\|vm0 guest cycles\|vm0 vmm cycles\) '
	local rc=$(grep "$pat" "$out/eq$n.run.stats" | tr -s ' ' | tr '\n' ' ')
	local dc=$(grep "$pat" "$out/eq$n.dbg.out" | tr -s ' ' | tr '\n' ' ')
	sed -n 's/^console| //p' "$out/eq$n.dbg.out" > "$out/eq$n.dbg.console"
	if [ -z "$rc" ] || [ "$rc" != "$dc" ]; then
		fail "equivalence$n" "cycles: run $rc, debugger $dc"
	elif [ "$(tr -d '\n' < "$out/eq$n.run.out")" != "$(tr -d '\n' < "$out/eq$n.dbg.console")" ]; then
		# (batch mode cuts the console's output into lines where a
		# command ended: compare without the line breaks)
		fail "equivalence$n" "console output differs"
	elif ! grep -q "powered off with status 0" "$out/eq$n.dbg.out"; then
		fail "equivalence$n" "the debugged guest did not power off with 0"
	else
		pass "equivalence$n"
	fi
}
eq .native
eq .vmm --vmm

# ---- a breakpoint is a virtual address in every address space ----
# A breakpoint at hello's entry address, hello run twice: it stops in both
# of hello's address spaces (two processes, two ASIDs), and in the shell's,
# whose own code lies at the same virtual address.
entry=$(llvm-readelf -h "$B/guestos/user/hello.elf" 2>/dev/null | sed -n 's/.*Entry point address: *0x//p')
entry=$(printf '%08x' "0x${entry:-0}")
hword=$(llvm-objdump -d --start-address="0x$entry" --stop-address=$((0x$entry + 4)) "$B/guestos/user/hello.elf" 2>/dev/null |
	sed -n "s/^ *${entry#00}: \(..\) \(..\) \(..\) \(..\).*/\4\3\2\1/p")
printf 'break 0x%s\ninput hello\ncontinue\ncontinue\ninput hello\ncontinue\ncontinue\ncontinue\n' "$entry" > "$out/user.cmds"
for v in "" --vmm; do
	n=user-breakpoint${v:+.vmm}
	timeout "$TMO" "$T" debug $v --disk "$D" --batch "$out/user.cmds" "$K" > "$out/$n.out" 2>&1
	inhello=$(grep -c "^=>1  $entry  $hword " "$out/$n.out")
	inshell=$(grep "^=>1  $entry  " "$out/$n.out" | grep -vc "  $hword ")
	worlds=$(grep -c '^console| hello, world' "$out/$n.out")
	if [ -n "$hword" ] && [ "$inhello" = 2 ] && [ "$inshell" -ge 1 ] && [ "$worlds" = 2 ]; then
		pass "$n"
	else
		fail "$n" "stops at 0x$entry: $inhello in hello (want 2), $inshell in the shell (want >= 1); $worlds hellos (want 2)"
	fi
done

# ---- batch from a stdin that is not a terminal ----
printf 'info regs\nstep\nquit\n' | timeout "$TMO" "$T" debug "$DBGT" > "$out/stdin.out" 2>&1
if grep -q '^(trapeze) step' "$out/stdin.out" && grep -q '^=>' "$out/stdin.out"; then
	pass stdin-batch
else
	fail stdin-batch "$(head -c 200 "$out/stdin.out")"
fi

# ---- bad usage: exit 2 and one line naming the problem ----
usage() {  # usage NAME WANT ARGS...
	local n=$1 want=$2; shift 2
	timeout "$TMO" "$T" debug "$@" > "$out/$n.out" 2> "$out/$n.err" < /dev/null
	local st=$? lines=$(wc -l < "$out/$n.err")
	if [ "$st" = 2 ] && [ "$lines" = 1 ] && grep -qF -- "$want" "$out/$n.err" && [ ! -s "$out/$n.out" ]; then
		pass "usage-$n"
	else
		fail "usage-$n" "status $st, $lines stderr lines: $(head -c 200 "$out/$n.err")"
	fi
}
usage no-program "no program" --batch /dev/null
usage bad-option "unknown option '--frobnicate'" --frobnicate "$DBGT"
usage missing-value "needs a value" "$DBGT" --batch
usage two-native "exactly one program" "$DBGT" "$DBGT"
usage not-elf "not an ELF" --batch /dev/null "$here/debug/progs/dbgt.S"
usage no-batch-file "cannot open" --batch "$out/does-not-exist" "$DBGT"
usage bad-ram "--ram" --ram 3 "$DBGT"
