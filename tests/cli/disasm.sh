#!/usr/bin/env bash
# disasm.sh TRAPEZE BUILD_DIR: `trapeze disasm` prints what llvm-objdump -d
# prints, after tests/isa/normalise.awk (the normalisation of
# tests/isa/test_disasm.sh); bad input gives exit 2 and one line.
source "$(dirname "$0")/lib.bash" "$1" "$2" disasm
NORM=$TOP/tests/isa/normalise.awk

# compare NAME ELF: both disassemblies, normalised, identical
compare() {
	local n=$1 elf=$2
	"$OBJDUMP" --triple=mipsel-unknown-elf --mcpu=mips32r5 --mattr=+virt -d "$elf" 2>"$OUT/$n.llvm.err" |
		awk -f "$NORM" >"$OUT/$n.llvm"
	timeout "$TMO" "$T" disasm "$elf" >"$OUT/$n.raw" 2>"$OUT/$n.err"; ST=$?
	awk -f "$NORM" "$OUT/$n.raw" >"$OUT/$n.ours"
	if crashed "$OUT/$n.err"; then fail "$n" "crashed (status $ST)"
	elif [ "$ST" != 0 ]; then fail "$n" "exit status $ST: $(head -c 160 "$OUT/$n.err")"
	elif [ -s "$OUT/$n.err" ]; then fail "$n" "stderr: $(head -c 160 "$OUT/$n.err")"
	elif ! [ -s "$OUT/$n.llvm" ]; then fail "$n" "llvm-objdump printed nothing: $(head -c 160 "$OUT/$n.llvm.err")"
	elif ! diff "$OUT/$n.llvm" "$OUT/$n.ours" >"$OUT/$n.diff"; then
		fail "$n" "$(grep -c '^[<>]' "$OUT/$n.diff") differing lines (< llvm-objdump, > trapeze), first: $(grep -m2 '^[<>]' "$OUT/$n.diff" | tr '\n' ' ')"
	else pass "$n"; fi
}

# tests/isa/all_forms.S linked as tests/isa/test_disasm.sh links it
if "$MC" -triple=mipsel-unknown-elf -mcpu=mips32r5 -mattr=+virt -filetype=obj \
	"$TOP/tests/isa/all_forms.S" -o "$OUT/all_forms.o" 2>"$OUT/all_forms.mc.err"; then
	for addr in 0x80001000 0x00400000; do
		if "$LD" -Ttext="$addr" -e 0 "$OUT/all_forms.o" -o "$OUT/all_forms@$addr.elf" 2>"$OUT/all_forms.ld.err"; then
			compare "all_forms@$addr" "$OUT/all_forms@$addr.elf"
		else fail "all_forms@$addr" "ld.lld failed: $(head -1 "$OUT/all_forms.ld.err")"; fi
	done
else
	fail all_forms "llvm-mc failed: $(head -1 "$OUT/all_forms.mc.err")"
fi

# small programs: code after a padded vector section (runs of zero words),
# several sections and symbols, and the same file stripped of its symbols
for p in echo mix; do build $p || fail "build-$p" "$(head -c 200 "$OUT/$p.build.err")"; done
compare echo "$OUT/echo.elf"
compare vectors-and-text "$OUT/mix.elf"
if command -v "$(tool llvm-strip)" >/dev/null; then
	"$(tool llvm-strip)" --strip-all "$OUT/echo.elf" -o "$OUT/echo-stripped.elf" && compare stripped "$OUT/echo-stripped.elf"
fi

# bad input: exit 2, one "trapeze: " line
rm -f "$OUT/missing.elf"; printf 'not an elf\n' >"$OUT/text.elf"; : >"$OUT/empty.elf"; mkdir -p "$OUT/dir.elf"
head -c 40 "$OUT/echo.elf" >"$OUT/trunc.elf"
for f in missing text empty dir trunc; do
	run_t "bad-$f" disasm "$OUT/$f.elf" </dev/null
	usage_error "bad-$f" "$f.elf"
done
run_t bad-object disasm "$OUT/echo.o" </dev/null
usage_error bad-object "echo.o"
run_t bad-two-files disasm "$OUT/echo.elf" "$OUT/echo.elf" </dev/null
usage_error bad-two-files ""
exit 0
