#!/usr/bin/env bash
# build.sh SRC.S OUTDIR [sseg]: preprocess, assemble and link one machine test
# with the runtime (tests/asm/rt.S). The link segment comes from the test's
# "// LINK:" line (first 5 lines):
#   (none)           kseg0, OUTDIR/NAME.elf
#   // LINK: sseg    sseg,  OUTDIR/NAME.elf
#   // LINK: both    kseg0, OUTDIR/NAME.elf; with the third argument "sseg":
#                    sseg (-DTEST_SSEG), OUTDIR/NAME.sseg.elf, named NAME.sseg
# Also used for the VMM guests of tests/vmm (vmm/ is on the include path for
# hypercall.h; the source's own directory is searched first by cpp).
set -euo pipefail
src=$1; out=$2; variant=${3:-}
here=$(cd "$(dirname "$0")" && pwd); top=$(cd "$here/../.." && pwd)
name=$(basename "$src" .S)
gen=${GEN_DIR:-$top/build/gen}
mkdir -p "$out"
def=(); ld="$here/kseg0.ld"; tag=k
link=$(head -5 "$src" | sed -n 's|^// LINK: *\([a-z0-9]*\).*|\1|p' | head -1)
case "$link" in
sseg) def=(-DTEST_SSEG); ld="$here/sseg.ld"; tag=s ;;
both) if [ "$variant" = sseg ]; then def=(-DTEST_SSEG); ld="$here/sseg.ld"; tag=s; name=$name.sseg; fi ;;
""|kseg0) ;;
*) echo "build.sh: $src: unknown // LINK: $link (sseg, both)" >&2; exit 1 ;;
esac
MC=(llvm-mc -triple=mipsel-unknown-elf -mcpu=mips32r5 -mattr=+virt -filetype=obj)
CPP=(cpp -P -x assembler-with-cpp "${def[@]}" -I"$top/machine" -I"$gen" -I"$here" -I"$top/vmm")
rt="$out/.rt_$tag.o"
if [ ! -f "$rt" ] || [ "$here/rt.S" -nt "$rt" ] || [ "$here/harness.h" -nt "$rt" ]; then
	"${CPP[@]}" -DTEST_NAME_STR='"rt"' "$here/rt.S" > "$out/.rt_$tag.s.$$"
	"${MC[@]}" "$out/.rt_$tag.s.$$" -o "$rt.$$"
	mv -f "$out/.rt_$tag.s.$$" "$out/.rt_$tag.s"; mv -f "$rt.$$" "$rt"
fi
"${CPP[@]}" -DTEST_NAME_STR="\"$name\"" "$src" > "$out/$name.s"
"${MC[@]}" "$out/$name.s" -o "$out/$name.o"
ld.lld -T "$ld" "$rt" "$out/$name.o" -o "$out/$name.elf"
