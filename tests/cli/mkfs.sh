#!/usr/bin/env bash
# mkfs.sh TRAPEZE BUILD_DIR: tools/mkfs, the host tool that writes the guest
# OS's disk images (guestos/include/fs.h). Builds the expected images byte by
# byte with printf and compares; checks every error case (exit status 2, one
# "mkfs: " line on stderr, nothing on stdout, the output left alone).
# TRAPEZE is not used. The Makefile builds BUILD_DIR/tools/mkfs (guestos.mk);
# if it is missing, this script compiles tools/mkfs.c itself.
source "$(dirname "$0")/lib.bash" "$1" "$2" mkfs

M=$B/tools/mkfs
if [ ! -x "$M" ]; then
	M=$OUT/mkfs
	cc -std=gnu11 -Wall -Wextra -Werror -I"$TOP/guestos/include" -o "$M" "$TOP/tools/mkfs.c" \
		2>"$OUT/build.err" || { fail build "$(head -c 200 "$OUT/build.err")"; exit 0; }
fi
cd "$OUT" || exit 0
rm -rf in && mkdir in

# ---- helpers to write the expected bytes ----------------------------------------
le32() {  # le32 N: N as 4 little-endian bytes
	local v=$1 i s=""
	for i in 0 1 2 3; do s+=$(printf '\\%03o' $(( (v >> (8 * i)) & 255 ))); done
	printf "$s"
}
zeros() { head -c "$1" /dev/zero; }
entry() {  # entry NAME SECTOR SIZE: one 32-byte table entry
	printf '%s' "$1"; zeros $(( 24 - ${#1} )); le32 "$2"; le32 "$3"
}
pad() {  # pad FILE: zeros up to the next multiple of 512
	local n; n=$(wc -c <"$1")
	zeros $(( (512 - n % 512) % 512 ))
}

# ---- a small image --------------------------------------------------------------
# a (6 bytes), empty (0), a 23-character name (600 bytes: two sectors), sec
# (exactly 512). Table: 16 + 4 * 32 = 144 bytes, one sector. So: a at sector
# 1, empty at 2 with size 0 (it takes no sector), the long name at 2-3, sec
# at 4; 5 sectors in all.
printf 'hello\n' >in/a
: >in/empty
for i in $(seq 0 59); do printf '%09d\n' "$i"; done >in/six     # 600 bytes
for i in $(seq 64); do printf 'sect%03d\n' "$i"; done >in/sec           # 512 bytes
L=abcdefghijklmnopqrstuvw   # 23 characters: the longest name
{
	printf 'TPZF'; le32 4; le32 1; le32 5
	entry a 1 6; entry empty 2 0; entry "$L" 2 600; entry sec 4 512
	zeros $(( 512 - 16 - 4 * 32 ))
	cat in/a; pad in/a
	cat in/six; pad in/six
	cat in/sec
} >small.want
"$M" small.img a=in/a empty=in/empty "$L=in/six" sec=in/sec >small.out 2>small.err; ST=$?
if [ "$ST" != 0 ]; then fail small-image "exit status $ST: $(head -c 200 small.err)"
elif [ -s small.err ] || [ -s small.out ]; then fail small-image "output: $(head -c 200 small.err small.out)"
elif ! cmp -s small.want small.img; then fail small-image "differs: $(cmp small.want small.img 2>&1 | head -1)"
else pass small-image; fi
# the same fields read back with od, independently of the helpers above
check small-header "header words: $(od -An -tu4 -N16 small.img 2>/dev/null)" \
	eval '[ "$(head -c 4 small.img)" = TPZF ] && [ "$(od -An -tu4 -j4 -N12 small.img | tr -s " ")" = " 4 1 5" ]'
check small-size "$(wc -c <small.img) bytes, want 2560" eval '[ "$(wc -c <small.img)" = 2560 ]'
check small-entry3 "entry 3: $(od -An -c -j80 -N32 small.img | tr -s ' \n' ' ')" \
	eval '[ "$(od -An -tu4 -j104 -N8 small.img | tr -s " ")" = " 2 600" ]'

# the same inputs give the same bytes
"$M" small2.img a=in/a empty=in/empty "$L=in/six" sec=in/sec 2>/dev/null
check deterministic "two runs differ" cmp -s small.img small2.img

# ---- a table of 16 entries: 16 + 512 bytes, two sectors ---------------------------
args=(); for i in $(seq 0 15); do printf "$(printf '\\%03o' $((65 + i)))" >"in/f$i"; args+=("file$i=in/f$i"); done
{
	printf 'TPZF'; le32 16; le32 2; le32 18
	for i in $(seq 0 15); do entry "file$i" $((2 + i)) 1; done
	zeros $(( 1024 - 16 - 16 * 32 ))
	for i in $(seq 0 15); do cat "in/f$i"; zeros 511; done
} >table2.want
"$M" table2.img "${args[@]}" 2>table2.err; ST=$?
check two-sector-table "status $ST, $(head -c 160 table2.err) $(cmp table2.want table2.img 2>&1 | head -1)" \
	eval '[ "$ST" = 0 ] && cmp -s table2.want table2.img'

# ---- errors: status 2, one "mkfs: " (or "usage: ") line, no stdout, no image ------
mkdir -p in/dir
bad() {  # bad NAME WANT-REGEX ARGS...: mkfs ARGS... must fail writing bad.img
	local n=$1 re=$2; shift 2
	rm -f bad.img
	"$M" "$@" >"$n.out" 2>"$n.err"; ST=$?
	local lines; lines=$(wc -l <"$n.err")
	if [ "$ST" != 2 ]; then fail "$n" "exit status $ST, want 2"
	elif [ "$lines" != 1 ]; then fail "$n" "$lines lines on stderr, want 1: $(head -c 200 "$n.err" | tr '\n' '|')"
	elif ! grep -qE "^(mkfs|usage): " "$n.err"; then fail "$n" "stderr: $(head -c 160 "$n.err")"
	elif ! grep -qiE -- "$re" "$n.err"; then fail "$n" "message does not match /$re/: $(head -c 160 "$n.err")"
	elif [ -s "$n.out" ]; then fail "$n" "unexpected stdout"
	elif [ -e bad.img ]; then fail "$n" "bad.img was written"
	else pass "$n"; fi
}
bad no-arguments 'usage'
bad no-files 'no files' bad.img
bad missing-file 'in/nope.*no such file' bad.img a=in/a b=in/nope
bad directory 'in/dir.*directory' bad.img a=in/dir
bad name-too-long '23' bad.img "${L}x=in/a"
bad name-empty 'empty name' bad.img =in/a
bad name-slash "'/'" bad.img bin/sh=in/a
bad name-blank 'blank' bad.img "two words=in/a"
bad not-name-equals-path 'NAME=PATH' bad.img in/a
bad duplicate-name 'duplicate' bad.img a=in/a b=in/empty a=in/six
bad unwritable-output 'no such file' nodir/bad.img a=in/a

# an error leaves an existing image as it was
cp small.img keep.img
"$M" keep.img a=in/a a=in/a 2>/dev/null
check error-keeps-image "keep.img changed" cmp -s small.img keep.img
exit 0
