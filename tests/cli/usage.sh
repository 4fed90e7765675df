#!/usr/bin/env bash
# usage.sh TRAPEZE BUILD_DIR: help, version and bad command lines.
source "$(dirname "$0")/lib.bash" "$1" "$2" usage

ELF_NAME=ok build poweroff "" -DVALUE=0 || fail build "$(head -c 200 "$OUT/ok.build.err")"
ok=$OUT/ok.elf

# help texts: exit 0, on stdout, naming their options
help() {  # help NAME OPTION... -- ARGS...
	local n=$1; shift; local opts=()
	while [ "$1" != -- ]; do opts+=("$1"); shift; done; shift
	run_t "$n" "$@" </dev/null
	local missing=""
	for w in "${opts[@]}"; do grep -qF -- "$w" "$OUT/$n.out" || missing+=" $w"; done
	if crashed "$OUT/$n.err"; then fail "$n" "crashed (status $ST)"
	elif [ "$ST" != 0 ]; then fail "$n" "exit status $ST, want 0"
	elif [ -n "$missing" ]; then fail "$n" "stdout does not mention:$missing"
	else pass "$n"; fi
}
help help run disasm --help -- --help
help help-h run disasm -- -h
help run-help --ram --max-cycles --disk --stats --trace insn exc tlb irq dev -- run --help
help run-h --ram --max-cycles -- run -h
help disasm-help "disasm" -- disasm --help

run_t version --version </dev/null
check version "got status $ST, stdout '$(head -c 80 "$OUT/version.out")'" \
	eval '[ "$ST" = 0 ] && grep -qxE "trapeze [0-9]+\.[0-9]+\.[0-9]+" "$OUT/version.out" && [ "$(wc -l <"$OUT/version.out")" = 1 ]'

run_t noargs </dev/null
check noargs-usage-on-stderr "status $ST, stderr $(wc -l <"$OUT/noargs.err") lines, stdout $(wc -c <"$OUT/noargs.out") bytes" \
	eval '[ "$ST" = 2 ] && grep -q "^usage: trapeze" "$OUT/noargs.err" && [ ! -s "$OUT/noargs.out" ]'

# bad command lines: exit 2, one "trapeze: " line
bad() {  # bad NAME WANT -- ARGS...
	local n=$1 want=$2; shift 3
	run_t "$n" "$@" </dev/null
	usage_error "$n" "$want"
}
bad unknown-command frobnicate -- frobnicate
bad unknown-option-top --bogus -- --bogus
bad run-unknown-option bogus -- run --bogus "$ok"
bad run-unknown-short-option "" -- run -x "$ok"
bad run-ram-missing-arg --ram -- run --ram
bad run-max-cycles-missing-arg --max-cycles -- run --max-cycles
bad run-no-program program -- run
bad run-no-program-after-options program -- run --stats
bad run-two-programs one -- run "$ok" "$ok"
bad run-ram-3 3 -- run --ram 3 "$ok"
bad run-ram-1G 1G -- run --ram 1G "$ok"
bad run-ram-0 "" -- run --ram 0 "$ok"
bad run-ram-negative "" -- run --ram -4M "$ok"
bad run-ram-unaligned "" -- run --ram 1048577 "$ok"
bad run-ram-garbage "" -- run --ram 4X "$ok"
bad run-ram-huge "" -- run --ram 99999999999999999999999 "$ok"
bad run-max-cycles-abc abc -- run --max-cycles abc "$ok"
bad run-max-cycles-0 "" -- run --max-cycles 0 "$ok"
bad run-max-cycles-negative "" -- run --max-cycles -5 "$ok"
bad run-max-cycles-empty "" -- run --max-cycles= "$ok"
bad run-trace-bogus bogus -- run --trace=bogus "$ok"
bad run-trace-empty-flag "" -- run --trace=insn,,bogus "$ok"
bad run-trace-long "" -- run --trace="$(printf 'x%.0s' {1..300})" "$ok"
bad run-stats-with-arg --stats -- run --stats=1 "$ok"
bad disasm-no-program "" -- disasm
bad disasm-two-programs "" -- disasm "$ok" "$ok"
bad disasm-bogus-option "" -- disasm --bogus

# valid sizes are accepted
run_t ram-forms run --ram 4096K --ram 1M --ram 448M --ram 2m "$ok" </dev/null
check ram-valid-sizes "status $ST: $(head -c 160 "$OUT/ram-forms.err")" eval '[ "$ST" = 0 ] && [ ! -s "$OUT/ram-forms.err" ]'
exit 0
