#!/usr/bin/env bash
# stats_trace.sh TRAPEZE BUILD_DIR: --stats and --trace=... output formats.
source "$(dirname "$0")/lib.bash" "$1" "$2" stats_trace

for p in mix timer rxirq; do build $p || fail "build-$p" "$(head -c 200 "$OUT/$p.build.err")"; done
ELF_NAME=short build poweroff "" -DVALUE=0 || fail build-short "$(head -c 200 "$OUT/short.build.err")"
M=$OUT/mix.elf    # 3 SYSCALLs, 1 TLBWI (index 5), 1 TLB refill, prints "ok\n", exits 7

# stat NAME FILE: the number after the stat's name
stat() { sed -n "s/^$1  *\([0-9][0-9]*\).*/\1/p" "$2" | head -1; }
ok_run() {  # ok_run NAME WANT-STATUS: stdout "ok\n", right status, no crash
	local n=$1 want=$2
	if crashed "$OUT/$n.err"; then fail "$n-runs" "crashed (status $ST)"
	elif [ "$ST" != "$want" ]; then fail "$n-runs" "exit status $ST, want $want: $(grep '^trapeze' "$OUT/$n.err" | head -c 160)"
	elif [ "$(cat "$OUT/$n.out")" != ok ]; then fail "$n-runs" "stdout is not 'ok': $(head -c 80 "$OUT/$n.out" | tr '\n' '|')"
	else pass "$n-runs"; fi
}

# ---- --stats ----
run_t stats run --stats "$M" </dev/null
ok_run stats 7
S=$OUT/stats.err
for re in '^cycles +[0-9]+$' '^instructions +[0-9]+$' '^stall cycles +[0-9]+( .*)?$' \
	'^exceptions +(none|( [A-Za-z]+=[0-9]+)+)$' '^tlb refills +[0-9]+$' '^tlb writes +[0-9]+$' \
	'^interrupts +[0-9]+$'; do
	name=$(echo "$re" | sed 's/^\^\([a-z ]*[a-z]\).*/\1/; s/ /-/g')
	check "stats-line-$name" "no line /$re/ on stderr" grep -qE "$re" "$S"
done
check stats-not-on-stdout "stdout: $(head -c 80 "$OUT/stats.out" | tr '\n' '|')" eval '[ "$(cat "$OUT/stats.out")" = ok ]'
check stats-exceptions-Sys=3 "$(grep '^exceptions' "$S")" grep -qE '^exceptions .* Sys=3( |$)' "$S"
check stats-exceptions-TLBL=1 "$(grep '^exceptions' "$S")" grep -qE '^exceptions .* TLBL=1( |$)' "$S"
check stats-tlb-writes=1 "$(grep '^tlb writes' "$S")" eval '[ "$(stat "tlb writes" "$S")" = 1 ]'
check stats-tlb-refills=1 "$(grep '^tlb refills' "$S")" eval '[ "$(stat "tlb refills" "$S")" = 1 ]'
check stats-interrupts=0 "$(grep '^interrupts' "$S")" eval '[ "$(stat interrupts "$S")" = 0 ]'
c=$(stat cycles "$S"); i=$(stat instructions "$S")
check stats-cycles-ge-instructions "cycles '$c', instructions '$i'" eval '[ -n "$c" ] && [ -n "$i" ] && [ "$c" -ge "$i" ] && [ "$i" -gt 0 ]'
run_t stats-none run --stats "$OUT/short.elf" </dev/null
check stats-no-exceptions "$(grep '^exceptions' "$OUT/stats-none.err")" grep -qE '^exceptions +none$' "$OUT/stats-none.err"

# ---- --trace=exc ----
run_t exc run --trace=exc "$M" </dev/null
ok_run exc 7
X=$OUT/exc.err
n=$(grep -cE '^exc  [0-9]+ Sys epc=[0-9a-f]{8} bd=0 badvaddr=[0-9a-f]{8} vector=80000180$' "$X")
check exc-Sys-lines "$n well-formed Sys lines, want 3: $(grep '^exc' "$X" | head -1)" [ "$n" = 3 ]
check exc-Sys-epcs "epcs: $(sed -n 's/.* Sys epc=\([0-9a-f]*\).*/\1/p' "$X" | tr '\n' ' ')" \
	eval '[ "$(sed -n "s/.* Sys epc=\([0-9a-f]*\).*/\1/p" "$X" | tr "\n" " ")" = "80001000 80001004 80001008 " ]'
check exc-refill-line "$(grep TLBL "$X" | head -1)" \
	grep -qE '^exc  [0-9]+ TLBL epc=8000103c bd=0 badvaddr=00400000 vector=80000000$' "$X"
check exc-only-exc-lines "other lines: $(grep -v '^exc  ' "$X" | head -2 | tr '\n' '|')" eval '! grep -qv "^exc  " "$X"'
cyc=$(sed -n 's/^exc  \([0-9]*\) .*/\1/p' "$X" | tr '\n' ' ')
check exc-cycles-increase "cycles: $cyc" eval 'sort -n -c <<<"$(tr " " "\n" <<<"$cyc" | grep .)" 2>/dev/null'

# ---- --trace=insn: one line per instruction ----
# short: no exception; mix: 4 exceptions (3 SYSCALL, 1 TLB refill on a LW);
# timer: one interrupt taken after WAIT. docs/machine.md: "instructions"
# counts completed instructions; the insn line is printed before an
# instruction runs, so an instruction that faults, or that an interrupt
# preempts (it runs later and is traced again), has a line but does not
# complete: insn lines = instructions + exceptions.
for p in short mix timer; do
	run_t "insn-$p" run --stats --trace=insn "$OUT/$p.elf" </dev/null
	want=$(stat instructions "$OUT/insn-$p.err")
	nexc=$(( $(grep '^exceptions' "$OUT/insn-$p.err" | grep -oE '=[0-9]+' | tr -d = | paste -sd+) + 0 ))
	got=$(grep -c '^insn ' "$OUT/insn-$p.err")
	check "insn-count-$p" "$got insn lines, --stats says '$want' instructions and ${nexc:-0} exceptions" \
		eval '[ -n "$want" ] && [ "$got" = "$((want + ${nexc:-0}))" ]'
done
check insn-count-short-no-exceptions "$(grep '^exceptions' "$OUT/insn-short.err")" grep -qE '^exceptions +none$' "$OUT/insn-short.err"
# the instruction an interrupt preempts is traced, then "exc ... Int
# epc=<its pc>", and it runs (is traced again) after the ERET
run_t insn-int run --trace=insn,exc "$OUT/timer.elf" </dev/null
pre=$(grep -B1 -m1 '^exc  [0-9]* Int ' "$OUT/insn-int.err" | head -1)
epc=$(sed -n 's/^exc  [0-9]* Int epc=\([0-9a-f]*\) .*/\1/p' "$OUT/insn-int.err" | head -1)
check insn-preempted-runs-later "before 'Int epc=$epc': '$pre'; lines at that pc: $(grep -cE "^insn [0-9]+ K $epc " "$OUT/insn-int.err")" \
	eval '[ -n "$epc" ] && grep -qE "^insn [0-9]+ K $epc " <<<"$pre" && [ "$(grep -cE "^insn [0-9]+ K $epc " "$OUT/insn-int.err")" = 2 ]'
I=$OUT/insn-short.err
check insn-format "first line: $(head -1 "$I")" \
	eval 'head -1 "$I" | grep -qE "^insn 0 K 80001000 [0-9a-f]{8} [a-z]"'
check insn-all-well-formed "bad: $(grep '^insn ' "$I" | grep -vE '^insn [0-9]+ [KSU] [0-9a-f]{8} [0-9a-f]{8} .+' | head -1)" \
	eval '! grep "^insn " "$I" | grep -qvE "^insn [0-9]+ [KSU] [0-9a-f]{8} [0-9a-f]{8} .+"'
check insn-last-is-poweroff-store "last: $(grep '^insn ' "$I" | tail -1)" eval 'grep "^insn " "$I" | tail -1 | grep -qE " sw\s"'

# ---- --trace=tlb ----
run_t tlb run --trace=tlb "$M" </dev/null
ok_run tlb 7
check tlb-TLBWI-line "$(head -2 "$OUT/tlb.err" | tr '\n' '|')" \
	grep -qxE 'tlb  [0-9]+ TLBWI index=5 hi=00010000 mask=00000000 lo0=00004006 lo1=00000000' "$OUT/tlb.err"
check tlb-one-line "$(grep -c . "$OUT/tlb.err") lines" eval '[ "$(grep -c . "$OUT/tlb.err")" = 1 ]'

# ---- --trace=dev ----
run_t dev run --trace=dev "$M" </dev/null
ok_run dev 7
D=$OUT/dev.err
got=$(grep -E '^dev  [0-9]+ console W[124] \+0x0 = 0x[0-9a-f]+$' "$D" | sed 's/.*= 0x//' | tr '\n' ' ')
check dev-console-W-lines "console writes: $got" eval '[ "$got" = "0000006f 0000006b 0000000a " ]'
check dev-sysctl-poweroff "$(grep sysctl "$D" | head -1)" grep -qE '^dev  [0-9]+ sysctl W4 \+0x0 = 0x00000007$' "$D"

# ---- --trace=irq: device lines only (docs/machine.md: the timer, IP7, does not appear) ----
run_t irq-timer run --stats --trace=irq "$OUT/timer.elf" </dev/null
check timer-runs "exit status $ST, want 1 (one interrupt): $(grep '^trapeze' "$OUT/irq-timer.err" | head -c 120)" [ "$ST" = 1 ]
check timer-stats-interrupts=1 "$(grep '^interrupts' "$OUT/irq-timer.err")" eval '[ "$(stat interrupts "$OUT/irq-timer.err")" = 1 ]'
printf A | timeout "$TMO" "$T" run --trace=irq "$OUT/rxirq.elf" >"$OUT/irq-rx.out" 2>"$OUT/irq-rx.err"; ST=$?
check rxirq-runs "exit status $ST, want 65 ('A')" [ "$ST" = 65 ]
check irq-console-raise-lower "irq lines: $(grep '^irq' "$OUT/irq-rx.err" | sed 's/^irq  [0-9]* //' | tr '\n' ' ')" \
	eval '[ "$(grep "^irq" "$OUT/irq-rx.err" | sed -n "s/^irq  [0-9][0-9]* \(lines=[0-9a-f][0-9a-f]\)$/\1/p" | tr "\n" " ")" = "lines=04 lines=00 " ]'

# ---- combinations ----
run_t combo run --stats --trace=insn,exc "$M" </dev/null
ok_run combo 7
C=$OUT/combo.err
check combo-insn-and-exc "insn $(grep -c '^insn ' "$C"), exc $(grep -c '^exc  ' "$C"), tlb/dev/irq $(grep -cE '^(tlb|dev|irq)  [0-9]' "$C")" \
	eval '[ "$(grep -c "^insn " "$C")" -ge "$(stat instructions "$C")" ] && [ "$(grep -c "^exc  " "$C")" = 4 ] && ! grep -qE "^(tlb|dev|irq)  [0-9]" "$C"'
check combo-exc-after-its-insn "line before the first exc: $(grep -B1 -m1 '^exc' "$C" | head -1)" \
	eval 'grep -B1 -m1 "^exc" "$C" | head -1 | grep -qE "^insn 0 K 80001000 0000000c syscall"'
run_t all run --trace=all "$M" </dev/null
ok_run all 7
check trace-all-kinds "kinds: $(cut -c1-4 "$OUT/all.err" | sort -u | tr '\n' ' ')" \
	eval 'for k in "insn" "exc " "tlb " "dev "; do grep -q "^$k" "$OUT/all.err" || exit 1; done'
run_t repeat run --trace=exc --trace=tlb "$M" </dev/null
check trace-option-repeated-adds "kinds: $(cut -c1-4 "$OUT/repeat.err" | sort -u | tr '\n' ' ')" \
	eval 'grep -q "^exc " "$OUT/repeat.err" && grep -q "^tlb " "$OUT/repeat.err"'

# ---- determinism ----
for k in 1 2; do run_t "det$k" run --stats --trace=all "$M" </dev/null; done
check deterministic-trace-and-stats "runs differ: $(diff <(grep -v '^host\|^simulated' "$OUT/det1.err") <(grep -v '^host\|^simulated' "$OUT/det2.err") | head -3 | tr '\n' ' ')" \
	eval 'cmp -s "$OUT/det1.out" "$OUT/det2.out" && diff -q <(grep -v "^host\|^simulated" "$OUT/det1.err") <(grep -v "^host\|^simulated" "$OUT/det2.err") >/dev/null'
for k in 1 2; do run_t "dett$k" run --stats "$OUT/timer.elf" </dev/null; done
check deterministic-timer "runs differ: $(diff <(grep -v '^host\|^simulated' "$OUT/dett1.err") <(grep -v '^host\|^simulated' "$OUT/dett2.err") | head -3 | tr '\n' ' ')" \
	eval 'diff -q <(grep -v "^host\|^simulated" "$OUT/dett1.err") <(grep -v "^host\|^simulated" "$OUT/dett2.err") >/dev/null'
# tracing does not change the simulated machine
check trace-does-not-change-stats "with/without trace: $(diff <(grep -E '^(cycles|instr)' "$OUT/stats.err") <(grep -E '^(cycles|instr)' "$OUT/det1.err") | tr '\n' ' ')" \
	eval 'diff -q <(grep -v "^host\|^simulated" "$OUT/stats.err") <(grep -v "^host\|^simulated" "$OUT/det1.err" | grep -vE "^(insn |(exc|tlb|dev|irq)  [0-9])") >/dev/null'
exit 0
