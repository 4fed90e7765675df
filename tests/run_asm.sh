#!/usr/bin/env bash
# run_asm.sh TRAPEZE OUTDIR [TEST.S...]: build and run machine tests; one line
# "PASS name" or "FAIL name: reason" each; exit status = number of failures.
# Directives in a test's first lines: see tests/asm/harness.h. A test with
# "// LINK: both" runs twice: as NAME (kseg0) and as NAME.sseg (sseg).
set -uo pipefail
trapeze=$1; out=$2; shift 2
here=$(cd "$(dirname "$0")" && pwd)
tests=("$@"); [ ${#tests[@]} -gt 0 ] || tests=("$here"/asm/*.S)
fails=0

# run_one SRC VARIANT: VARIANT is "" (the test's own link) or "sseg".
run_one() {
	local src=$1 variant=$2 name head opts stdin_file want_exit disk in st expect
	name=$(basename "$src" .S)
	[ -n "$variant" ] && name=$name.$variant
	if ! err=$("$here/asm/build.sh" "$src" "$out" $variant 2>&1); then
		echo "FAIL $name: does not build: $(echo "$err" | head -3 | tr '\n' ' ')"; fails=$((fails+1)); return
	fi
	head=$(head -12 "$src")
	opts=$(echo "$head" | sed -n 's|^// RUN: ||p' | head -1)
	stdin_file=$(echo "$head" | sed -n 's|^// STDIN: ||p' | head -1)
	want_exit=$(echo "$head" | sed -n 's|^// EXPECT-EXIT: ||p' | head -1); want_exit=${want_exit:-0}
	# @tmpdisk: a fresh 64-sector disk image with sector i filled with byte i
	if [[ "$opts" == *@tmpdisk* ]]; then
		disk="$out/$name.disk"
		: > "$disk"
		for i in $(seq 0 63); do head -c 512 /dev/zero | tr '\0' "\\$(printf %03o "$i")" >> "$disk"; done
		opts=${opts//@tmpdisk/$disk}
	fi
	in=/dev/null; [ -n "$stdin_file" ] && in="$here/asm/$stdin_file"
	# shellcheck disable=SC2086
	timeout 60 "$trapeze" run --max-cycles 200000000 $opts "$out/$name.elf" < "$in" > "$out/$name.out" 2> "$out/$name.err"
	st=$?
	if [ "$st" != "$want_exit" ]; then
		echo "FAIL $name: exit $st, want $want_exit: $(head -c 600 "$out/$name.out" | grep -v '^PASS' | head -5 | tr '\n' ' ') $(head -2 "$out/$name.err" | tr '\n' ' ')"
		fails=$((fails+1)); return
	fi
	# the sseg variant may have its own NAME.sseg.expect (its PASS line differs)
	expect="$here/asm/$name.expect"
	[ -f "$expect" ] || expect="$here/asm/$(basename "$src" .S).expect"
	if echo "$head" | grep -q '^// EXPECT-STDOUT' && ! cmp -s "$out/$name.out" "$expect"; then
		echo "FAIL $name: stdout differs from $(basename "$expect")"; fails=$((fails+1)); return
	fi
	echo "PASS $name"
}

for src in "${tests[@]}"; do
	[ "$(basename "$src" .S)" = rt ] && continue
	run_one "$src" ""
	if head -5 "$src" | grep -q '^// LINK: both'; then
		run_one "$src" sseg
	fi
done
exit $fails
