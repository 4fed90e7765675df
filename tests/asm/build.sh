#!/usr/bin/env bash
# build.sh SRC.S OUTDIR: preprocess, assemble and link one machine test with
# the runtime (tests/asm/rt.S). Link segment from the "// LINK: sseg" line.
set -euo pipefail
src=$1; out=$2
here=$(cd "$(dirname "$0")" && pwd); top=$(cd "$here/../.." && pwd)
name=$(basename "$src" .S)
gen=${GEN_DIR:-$top/build/gen}
mkdir -p "$out"
def=(); ld="$here/kseg0.ld"; tag=k
if head -5 "$src" | grep -q '^// LINK: sseg'; then def=(-DTEST_SSEG); ld="$here/sseg.ld"; tag=s; fi
MC=(llvm-mc -triple=mipsel-unknown-elf -mcpu=mips32r5 -mattr=+virt -filetype=obj)
CPP=(cpp -P -x assembler-with-cpp "${def[@]}" -I"$top/machine" -I"$gen" -I"$here")
rt="$out/.rt_$tag.o"
if [ ! -f "$rt" ] || [ "$here/rt.S" -nt "$rt" ] || [ "$here/harness.h" -nt "$rt" ]; then
	"${CPP[@]}" -DTEST_NAME_STR='"rt"' "$here/rt.S" > "$out/.rt_$tag.s"
	"${MC[@]}" "$out/.rt_$tag.s" -o "$rt"
fi
"${CPP[@]}" -DTEST_NAME_STR="\"$name\"" "$src" > "$out/$name.s"
"${MC[@]}" "$out/$name.s" -o "$out/$name.o"
ld.lld -T "$ld" "$rt" "$out/$name.o" -o "$out/$name.elf"
