#!/usr/bin/env bash
# bench/guestos.sh BUILD: the guest OS run three ways, side by side:
#   native     trapeze run        kernel.elf      (the bare simulated machine)
#   full virt  trapeze run --vmm  kernel.elf      (trap-and-emulate, unmodified)
#   paravirt   trapeze run --vmm  kernel-pv.elf   (hypercalls on the hot paths)
# Each workload is a shell script fed to the guest's shell on stdin (the shell
# exits at end of input). One table per workload: host time, guest cycles and
# instructions, VMM exits by kind, the VMM's modelled cycles, slowdowns.
#
# Figures are printed, never checked. But every run must power off with
# status 0, and the console output of full virtualization must be
# byte-identical to the native one (paravirt: the same, except the banner line
# and the free-frame counts, which differ because the PV kernel reserves a
# page); otherwise a loud "MISMATCH" or "FAILED" line is printed above the
# table. Needs $BUILD/trapeze, $BUILD/guestos/{kernel,kernel-pv}.elf, disk.img.
set -euo pipefail
B=${1:-build}
here=$(cd "$(dirname "$0")" && pwd); top=$(cd "$here/.." && pwd)
out="$top/$B/bench/guestos"; mkdir -p "$out"
rm -f "$out"/*.mismatch.* "$out"/*.failed.stats

# Workload sizes: each native run takes about 40 ms on a 2020s x86-64 host
# (boot and demo are fixed: about 7 and 17 ms); the whole section about 2 s.
PRIMES_N=60000
SYSLOOP_N=100000
MEMTOUCH_PAGES=1200
RUNS=3

# Snapshot the binaries, so that a rebuild during the bench cannot mix two
# versions (or catch the executable half-written).
for f in trapeze guestos/kernel.elf guestos/kernel-pv.elf guestos/disk.img; do
	if [ ! -f "$top/$B/$f" ]; then
		echo "(f) guest OS: $B/$f is missing (make guestos PARAVIRT=1 && make)" >&2
		exit 1
	fi
	cp "$top/$B/$f" "$out/snap.${f##*/}"
done
T="$out/snap.trapeze"

# The workloads: NAME and the script typed to the shell.
: > "$out/boot.in"
printf 'primes %s\n' "$PRIMES_N" > "$out/compute.in"
printf 'sysloop %s\n' "$SYSLOOP_N" > "$out/syscalls.in"
printf 'memtouch %s\n' "$MEMTOUCH_PAGES" > "$out/memory.in"
cp "$top/guestos/demo.txt" "$out/demo.in"
WORKLOADS="boot compute syscalls memory demo"
describe() {
	case $1 in
	boot) echo "boot: boot, then exit (empty input)" ;;
	compute) echo "compute: primes $PRIMES_N" ;;
	syscalls) echo "syscalls: sysloop $SYSLOOP_N" ;;
	memory) echo "memory: memtouch $MEMTOUCH_PAGES" ;;
	demo) echo "demo: guestos/demo.txt" ;;
	esac
}

# now_us VAR: wall-clock time in microseconds into VAR: bash's $EPOCHREALTIME
# (bash 5: no fork, so nothing but the run falls between two readings),
# else date +%s%N.
now_us() {
	if [ -n "${EPOCHREALTIME:-}" ]; then
		local t=${EPOCHREALTIME/,/.}
		printf -v "$1" %s "${t%.*}${t#*.}"
	else
		printf -v "$1" %s $(($(date +%s%N) / 1000))
	fi
}

# run_once WORKLOAD MODE I: the I-th run of WORKLOAD in MODE; leaves
# $out/W.MODE.out and .stats (of the latest run), keeps in best[W.MODE] the
# best wall time in us of the runs that exited with 0 and in rc[W.MODE] the
# first nonzero status, and compares the output with that of native run 1
# (a mismatch is reported once per workload and mode: the first run that differs).
# The three modes take turns (native, full, para, native, ...), so that a
# burst of load on the host does not fall on one mode only.
declare -A best rc mm
mismatch=0 failed=0
run_once() {
	local w=$1 mode=$2 i=$3 t0 t1 st=0 k="$1.$2"
	local -a cmd
	case $mode in
	nat) cmd=("$T" run --stats --disk "$out/disk.img" "$out/snap.kernel.elf") ;;
	fv) cmd=("$T" run --vmm --stats --disk "$out/disk.img" "$out/snap.kernel.elf") ;;
	pv) cmd=("$T" run --vmm --stats --disk "$out/disk.img" "$out/snap.kernel-pv.elf") ;;
	esac
	# The disk is read and written in place: each run gets a fresh copy.
	cp "$out/snap.disk.img" "$out/disk.img"
	now_us t0
	"${cmd[@]}" < "$out/$w.in" > "$out/$k.out" 2> "$out/$k.stats" || st=$?
	now_us t1
	if [ "$st" -ne 0 ]; then
		# a failed run gives no time; its stderr is kept
		cp "$out/$k.stats" "$out/$k.failed.stats"
		if [ "${rc[$k]:-0}" -eq 0 ]; then rc[$k]=$st; fi
	elif [ -z "${best[$k]:-}" ] || [ $((t1 - t0)) -lt "${best[$k]}" ]; then
		best[$k]=$((t1 - t0))
	fi
	if [ "$mode" = nat ] && [ "$i" -eq 1 ]; then
		cp "$out/$w.nat.out" "$out/$w.ref.out"
	fi
	case $mode in
	nat | fv)
		if ! cmp -s "$out/$w.ref.out" "$out/$k.out" && [ -z "${mm[$k]:-}" ]; then
			mm[$k]=1; cp "$out/$k.out" "$out/$k.mismatch.out"
			echo "!!!!! MISMATCH: $w, $(label "$mode") run $i: console output differs from native run 1"
			echo "!!!!!   (compare $out/$w.ref.out and $out/$k.mismatch.out)"
			mismatch=1
		fi ;;
	pv)
		normalize "$out/$w.ref.out" > "$out/$w.ref.norm"
		normalize "$out/$k.out" > "$out/$k.norm"
		if ! cmp -s "$out/$w.ref.norm" "$out/$k.norm" && [ -z "${mm[$k]:-}" ]; then
			mm[$k]=1; cp "$out/$k.norm" "$out/$k.mismatch.norm"
			echo "!!!!! MISMATCH: $w, paravirt run $i: console output differs from native"
			echo "!!!!!   beyond the banner and free-frame counts (diff $out/$w.ref.norm $out/$k.mismatch.norm)"
			mismatch=1
		fi ;;
	esac
}
label() { case $1 in nat) echo native ;; fv) echo "full virt" ;; pv) echo paravirt ;; esac; }
# What paravirt may change in the output: the banner and the free-frame counts.
normalize() {
	sed -E -e '/^Trapeze OS.*booting/d' \
		-e 's/[0-9]+ page frames free/N page frames free/' \
		-e 's/page frames: [0-9]+ free of [0-9]+/page frames: N free of N/' "$1"
}

# table W: the three stats files -> one table
table() {
	local w=$1
	awk -v title="$(describe "$w")" -v runs="$RUNS" \
		-v us1="${best[$w.nat]:-}" -v us2="${best[$w.fv]:-}" -v us3="${best[$w.pv]:-}" '
	FNR == 1 { f++ }
	# native --stats
	$1 == "cycles" { cyc[f] = $2 }
	$1 == "instructions" { ins[f] = $2 }
	$1 == "exceptions" { n = 0; for (i = 2; i <= NF; i++) if (split($i, kv, "=") == 2) n += kv[2]; exc[f] = n }
	# --vmm --stats (one VM: vm0)
	$1 == "vm0" && $2 == "guest" && $3 == "cycles" { cyc[f] = $4 }
	$1 == "vm0" && $2 == "instructions" { ins[f] = $3 }
	$1 == "vm0" && $2 == "vmm" && $3 == "cycles" { vmm[f] = $4 }
	$1 == "vm0" && NF == 5 && $3 ~ /^[0-9]+$/ { x[f, $2] = $3 }     # exit kind: count, guest, vmm
	$1 == "vm0" && NF == 3 && $3 ~ /^[0-9]+$/ { x[f, "." $2] = $3 } # emulated instruction: count
	$1 == "vm0" && $2 == "hypercalls" { hc[f] = substr($0, index($0, $3)) }
	$1 == "vm0" && $2 == "hcx" { hcx[f] = substr($0, index($0, $4)) }
	$1 == "exits" { tot[f] = $2 }
	function v(f, k) { return ((f, k) in x) ? x[f, k] : 0 }
	function row(name, a, b, c) { printf "  %-32s %14s %14s %14s\n", name, a, b, c }
	function ms(us) { return (us == "") ? "FAILED" : sprintf("%.1f", us / 1000) }
	function ratio(a, b) { return (a != "" && b > 0) ? sprintf("%.2fx", a / b) : "-" }
	END {
		printf "\n(f) %s\n", title
		row("", "native", "full virt", "paravirt")
		row("host ms, best of " runs, ms(us1), ms(us2), ms(us3))
		row("slowdown (host time)", (us1 == "") ? "-" : "1.00x", ratio(us2, us1), ratio(us3, us1))
		row("guest cycles", cyc[1], cyc[2], cyc[3])
		row("guest instructions", ins[1], ins[2], ins[3])
		row("VMM cycles (modelled)", "-", vmm[2], vmm[3])
		row("slowdown (modelled)", "1.00x", ratio(cyc[2] + vmm[2], cyc[1]), ratio(cyc[3] + vmm[3], cyc[1]))
		row("exits: emulate", "-", v(2, "emulate"), v(3, "emulate"))
		row("        of which mfc0", "-", v(2, ".mfc0"), v(3, ".mfc0"))
		row("                 mtc0", "-", v(2, ".mtc0"), v(3, ".mtc0"))
		row("                 eret", "-", v(2, ".eret"), v(3, ".eret"))
		row("                 tlbwr", "-", v(2, ".tlbwr"), v(3, ".tlbwr"))
		row("       hypercall", "-", v(2, "hypercall"), v(3, "hypercall"))
		row("       shadow-fill", "-", v(2, "shadow-fill"), v(3, "shadow-fill"))
		row("       dirty", "-", v(2, "dirty"), v(3, "dirty"))
		row("       mmio", "-", v(2, "mmio"), v(3, "mmio"))
		row("       reflect", "-", v(2, "reflect"), v(3, "reflect"))
		row("       virq", "-", v(2, "virq"), v(3, "virq"))
		if (v(2, "kseg") + v(3, "kseg") > 0) row("       kseg", "-", v(2, "kseg"), v(3, "kseg"))
		if (v(2, "stop") + v(3, "stop") > 0) row("       stop", "-", v(2, "stop"), v(3, "stop"))
		row("       total (native: exceptions)", exc[1] + 0, tot[2], tot[3])
		if (hc[3] != "") printf "  paravirt hypercalls: %s\n", hc[3]
		if (hcx[3] != "") printf "  paravirt hcx calls:  %s\n", hcx[3]
	}' "$out/$w.nat.stats" "$out/$w.fv.stats" "$out/$w.pv.stats"
}

echo
echo "==== (f) guest OS: native vs full virtualization vs paravirtualization ===="
echo "host ms: wall time of the whole trapeze process (start-up included), best of $RUNS;"
echo "modelled slowdown: (guest cycles + VMM cycles) / native cycles."
for w in $WORKLOADS; do
	for ((i = 1; i <= RUNS; i++)); do
		for mode in nat fv pv; do
			run_once "$w" "$mode" "$i"
		done
	done
	for mode in nat fv pv; do
		if [ "${rc[$w.$mode]:-0}" -ne 0 ]; then
			echo "!!!!! FAILED: $w, $(label "$mode"): trapeze exited with status ${rc[$w.$mode]} (see $out/$w.$mode.failed.stats)"
			failed=1
		fi
	done
	table "$w"
done
if [ "$mismatch" -ne 0 ] || [ "$failed" -ne 0 ]; then
	echo
	echo "!!!!! (f) some runs FAILED or did not MATCH native: their figures above are suspect !!!!!"
fi
exit 0
