#!/bin/sh
# lint_delay_slots.sh FILE.s... - catch assembler macros in the branch delay
# slots of `.set noreorder` code (run on the preprocessed guestos sources).
#
# With noreorder, the one instruction after a branch or jump always runs.
# A macro such as `la`, a `li` of a 32-bit value, `lw $t0, symbol` or
# `sw $t0, symbol` expands into two or more instructions, and only the first
# would sit in the delay slot: a silent bug llvm-mc does not warn about.
# The lint copies every delay-slot instruction into a section of its own,
# assembles them all with llvm-mc, and reports each section longer than
# one instruction. Exit status 1 if any.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
for f in "$@"; do
	awk '
	function strip(s) {
		sub(/\/\/.*/, "", s)
		while (match(s, /^[ \t]*[A-Za-z0-9_.$]+:/)) s = substr(s, RLENGTH + 1)
		gsub(/^[ \t]+|[ \t]+$/, "", s)
		return s
	}
	BEGIN { print ".set noreorder" }
	{
		line = strip($0)
		if (line == "") next
		if (line ~ /^\.set[ \t]/) { print line; next }   # keep at/noat state
		if (line ~ /^\./) next                            # other directives
		split(line, w, /[ \t,]+/)
		op = w[1]
		if (inslot) printf ".section .ds_%d,\"ax\"\n%s\n", NR, line
		inslot = op ~ /^(b|bal|j|jal|jr|jalr|beq|bne|beqz|bnez|bgez|bgtz|blez|bltz|bgezal|bltzal|beql|bnel|beqzl|bnezl|bgezl|bgtzl|blezl|bltzl|bgezall|bltzall)$/
	}' "$f" > "$tmp/slots.s"
	llvm-mc -triple=mipsel-unknown-elf -mcpu=mips32r5 -mattr=+virt -filetype=obj \
		"$tmp/slots.s" -o "$tmp/slots.o" 2>"$tmp/err" || { cat "$tmp/err" >&2; status=1; continue; }
	llvm-readelf -S -W "$tmp/slots.o" | sed 's/^ *\[ *[0-9]*\] *//' | awk -v file="$f" '
		$1 ~ /^\.ds_/ && $5 !~ /^0*4$/ {
			printf "%s:%s: a macro in a branch delay slot (section size 0x%s)\n", file, substr($1, 5), $5
			bad = 1 }
		END { exit bad }' || status=1
done
exit $status
