# normalise.awk - bring llvm-objdump -d output and ours to one comparable form
# (tests/isa/test_disasm.sh applies it to both sides; NOTES.md explains):
#   - whitespace runs become one space, lines are trimmed;
#   - Q1: a " <sym+0x..>" annotation is dropped unless the mnemonic is a
#     branch or jump (LLVM annotates any last immediate operand);
#   - Q2: LLVM's ".set push/.set mips32r2/rdhwr ../.set pop" becomes one line.
{
	line = $0
	if (line ~ /\t\.set\tpush$/) {             # Q2: hold the address part
		sub(/\t\.set\tpush$/, "\t", line)
		held = line
		next
	}
	if (held != "") {
		if (line ~ /^\t\.set\tmips32r2$/)
			next
		if (line !~ /^\t\.set\tpop( <[^>]*>)?$/) {
			sub(/^\t/, "", line)
			inner = line
			next
		}
		line = held inner
		held = inner = ""
	}
	gsub(/[ \t]+/, " ", line)
	sub(/^ /, "", line)
	sub(/ $/, "", line)
	if (line ~ /^[0-9a-f]+: [0-9a-f][0-9a-f] /) {   # Q1
		n = split(line, f, " ")
		for (i = 2; i <= n && f[i] ~ /^[0-9a-f][0-9a-f]$/; i++)
			;
		mn = f[i]
		if (mn != "<unknown>" && mn !~ /^(b|bal|beqzl?|beql?|bnezl?|bnel?|bgez(al)?l?|bltz(al)?l?|bgtzl?|blezl?|j|jal)$/)
			sub(/ <[^>]*>$/, "", line)
	}
	print line
}
