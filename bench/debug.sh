#!/usr/bin/env bash
# bench/debug.sh BUILD: (g) the debugger's `continue` against `trapeze run`
# (issue 5: >= 90% of run's speed with no breakpoints, >= 50% with
# breakpoints and watchpoints set). Host wall time, best of 3, of:
#   native   bench/checksum.elf (about 200 M instructions in one loop)
#   VMM      the guest OS running `primes 250000`, then exit
# The breakpoints and watchpoints are set where they are never hit (the
# program must run to its end), but in the pages the program runs and
# writes: what they cost is the cost of having them, not of stopping.
# Figures are printed, never checked; a run that does not end as `run`
# does prints FAILED.
set -euo pipefail
B=${1:-build}
here=$(cd "$(dirname "$0")" && pwd); top=$(cd "$here/.." && pwd)
out="$top/$B/bench/debug"; mkdir -p "$out"
T="$top/$B/trapeze"
CK="$top/$B/bench/checksum.elf"          # built by bench/run.sh
K="$top/$B/guestos/kernel.elf"
DISK="$top/$B/guestos/disk.img"

now_us() { local t=${EPOCHREALTIME/./}; printf -v "$1" '%s' "${t:-$(date +%s%6N)}"; }
# best3 CMD... : the best wall time of three runs, in ms (stdin from $IN)
best3() {
	local b="" t0 t1
	for i in 1 2 3; do
		now_us t0; "$@" < "$IN" > "$out/last.out" 2>&1 || true; now_us t1
		b=$(awk -v a="$b" -v v="$(( (t1 - t0) / 1000 ))" 'BEGIN{if(a==""||v<a)print v; else print a}')
	done
	echo "$b"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; }

# ---- native: the checksum loop ----
IN=/dev/null
printf 'continue\n' > "$out/ck.cmds"
cat > "$out/ck-points.cmds" <<'CMDS'
break 0x80001100
break 0x80001104
break 0x80001ff0
break 0x80001400
watch 0x80003010 4
rwatch 0x80003000 16
watch _gp
continue
CMDS
run_ms=$(best3 "$T" run "$CK")
IN=/dev/null
dbg_ms=$(best3 "$T" debug --batch "$out/ck.cmds" "$CK")
grep -q "powered off with status 0" "$out/last.out" || echo "(g) FAILED: debug continue did not run checksum to its end"
pts_ms=$(best3 "$T" debug --batch "$out/ck-points.cmds" "$CK")
grep -q "powered off with status 0" "$out/last.out" || echo "(g) FAILED: with breakpoints, checksum did not run to its end"
printf '%-44s %s\n' "(g) checksum: run, ms" "$run_ms"
printf '%-44s %s  (%s of run; target >= 0.90)\n' "(g) debug continue, ms" "$dbg_ms" "$(ratio "$run_ms" "$dbg_ms")"
printf '%-44s %s  (%s of run; target >= 0.50)\n' "(g)   with 4 breakpoints, 3 watchpoints" "$pts_ms" "$(ratio "$run_ms" "$pts_ms")"

# ---- under the VMM: the guest OS computing ----
printf 'primes 250000\nexit\n' > "$out/primes.in"
printf 'input primes 250000\ninput exit\ncontinue\n' > "$out/os.cmds"
# the watched words are never touched, but they share the kernel's busiest
# data page (current, ticks, trap_frame): every access to it takes the slow path
printf 'input primes 250000\ninput exit\nbreak boot_panic\nbreak fs_panic\nwatch init_cmd\nrwatch panic_regs\ncontinue\n' > "$out/os-points.cmds"
IN="$out/primes.in"
run_ms=$(best3 "$T" run --vmm --disk "$DISK" "$K")
IN=/dev/null
dbg_ms=$(best3 "$T" debug --vmm --disk "$DISK" --batch "$out/os.cmds" "$K")
grep -q "powered off with status 0" "$out/last.out" || echo "(g) FAILED: debug continue did not run the guest OS to its end"
pts_ms=$(best3 "$T" debug --vmm --disk "$DISK" --batch "$out/os-points.cmds" "$K")
grep -q "powered off with status 0" "$out/last.out" || echo "(g) FAILED: with breakpoints, the guest OS did not run to its end"
printf '%-44s %s\n' "(g) guest OS primes 250000 --vmm: run, ms" "$run_ms"
printf '%-44s %s  (%s of run; target >= 0.90)\n' "(g) debug --vmm continue, ms" "$dbg_ms" "$(ratio "$run_ms" "$dbg_ms")"
printf '%-44s %s  (%s of run; target >= 0.50)\n' "(g)   with 2 breakpoints, 2 watchpoints" "$pts_ms" "$(ratio "$run_ms" "$pts_ms")"
