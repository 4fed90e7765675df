#!/usr/bin/env bash
# run_asm.sh TRAPEZE OUTDIR [TEST.S...]: build and run machine tests; one line
# "PASS name" or "FAIL name: reason" each; exit status = number of failures.
# Directives in a test's first lines: see tests/asm/harness.h.
set -uo pipefail
trapeze=$1; out=$2; shift 2
here=$(cd "$(dirname "$0")" && pwd)
tests=("$@"); [ ${#tests[@]} -gt 0 ] || tests=("$here"/asm/*.S)
fails=0
for src in "${tests[@]}"; do
	name=$(basename "$src" .S)
	[ "$name" = rt ] && continue
	if ! err=$("$here/asm/build.sh" "$src" "$out" 2>&1); then
		echo "FAIL $name: does not build: $(echo "$err" | head -3 | tr '\n' ' ')"; fails=$((fails+1)); continue
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
		fails=$((fails+1)); continue
	fi
	if echo "$head" | grep -q '^// EXPECT-STDOUT' && ! cmp -s "$out/$name.out" "$here/asm/$name.expect"; then
		echo "FAIL $name: stdout differs from $name.expect"; fails=$((fails+1)); continue
	fi
	echo "PASS $name"
done
exit $fails
