#!/usr/bin/env bash
# test_disasm.sh - compare our disassembler with llvm-objdump (LLVM 14).
#
#   tests/isa/test_disasm.sh [BUILD]      (BUILD defaults to "build")
#
# Compares `$BUILD/trapeze disasm` (cli/disasm.c) with llvm-objdump -d. Needs
# $BUILD/trapeze (make), $BUILD/tests/isa/isa_words (the top Makefile builds it) and
# llvm-mc, ld.lld, llvm-objdump (or their -14 names).
# Checks, one "PASS name" or "FAIL name: reason" line each:
#   - all_forms.S, linked at several addresses (kseg0, kseg1, sseg, kuseg),
#     disassembled by both tools, normalised by normalise.awk, identical;
#   - all_forms.S contains every row of isa.def;
#   - random words of every row (isa_words fuzz) disassemble identically.
# Exit status: 0 if every check passed, 1 otherwise.
set -u
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}
trapeze=$build/trapeze
words=$build/tests/isa/isa_words
work=$build/tests/isa/work
mkdir -p "$work" || exit 1

tool() {   # the LLVM 14 tool $1, under its plain or its versioned name
	if command -v "$1" >/dev/null; then echo "$1"
	elif command -v "$1-14" >/dev/null; then echo "$1-14"
	else echo "FAIL tools: $1 not found" >&2; exit 1
	fi
}
MC=$(tool llvm-mc) && LD=$(tool ld.lld) && OBJDUMP=$(tool llvm-objdump) || exit 1
[ -x "$trapeze" ] || { echo "FAIL tools: $trapeze not built (make)"; exit 1; }
[ -x "$words" ] || { echo "FAIL tools: $words not built (make test-isa)"; exit 1; }
TRIPLE=(-triple=mipsel-unknown-elf -mcpu=mips32r5 -mattr=+virt)
failed=0

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1: $2"; failed=1; }

# compare NAME OBJ TEXTADDR: link, disassemble both ways, diff.
compare() {
	local name=$1 obj=$2 addr=$3 elf=$work/$1.elf
	if ! "$LD" -Ttext="$addr" -e 0 "$obj" -o "$elf" 2>"$work/$name.ld.err"; then
		fail "$name" "ld.lld failed: $(head -1 "$work/$name.ld.err")"
		return
	fi
	"$OBJDUMP" --triple=mipsel-unknown-elf --mcpu=mips32r5 --mattr=+virt \
		-d "$elf" | awk -f "$here/normalise.awk" >"$work/$name.llvm"
	if ! "$trapeze" disasm "$elf" >"$work/$name.raw" 2>"$work/$name.err"; then
		fail "$name" "trapeze disasm failed: $(head -1 "$work/$name.err")"
		return
	fi
	awk -f "$here/normalise.awk" "$work/$name.raw" >"$work/$name.ours"
	local lines ndiff
	lines=$(grep -c . "$work/$name.llvm")
	if diff "$work/$name.llvm" "$work/$name.ours" >"$work/$name.diff"; then
		pass "$name ($lines lines)"
	else
		ndiff=$(grep -c '^[<>]' "$work/$name.diff")
		fail "$name" "$ndiff differing lines (< llvm-objdump, > ours), first ones:"
		head -20 "$work/$name.diff" | sed 's/^/    /'
	fi
}

# all_forms.S at several link addresses
obj=$work/all_forms.o
if "$MC" "${TRIPLE[@]}" -filetype=obj "$here/all_forms.S" -o "$obj" 2>"$work/mc.err"; then
	for addr in 0x80001000 0xa0000400 0xc0000000 0x00400000; do
		compare "disasm-all_forms@$addr" "$obj" "$addr"
	done
	# coverage: every isa.def row assembled at least once
	sed -n 's/^[0-9a-f]*: \(..\) \(..\) \(..\) \(..\) .*/\4\3\2\1/p' \
		"$work/disasm-all_forms@0x80001000.llvm" | "$words" names | sort -u \
		>"$work/covered"
	missing=$("$words" rows | sort | comm -23 - "$work/covered" | tr '\n' ' ')
	if [ -z "$missing" ]; then pass "all_forms-covers-every-row"
	else fail "all_forms-covers-every-row" "missing $missing"
	fi
else
	fail "assemble-all_forms" "$(head -3 "$work/mc.err")"
fi

# random words of every row
"$words" fuzz 300 12345 >"$work/fuzz.S"
if "$MC" "${TRIPLE[@]}" -filetype=obj "$work/fuzz.S" -o "$work/fuzz.o" 2>"$work/mc.err"; then
	for addr in 0x80001000 0xc0000000; do
		compare "disasm-fuzz@$addr" "$work/fuzz.o" "$addr"
	done
else
	fail "assemble-fuzz" "$(head -3 "$work/mc.err")"
fi

exit $failed
