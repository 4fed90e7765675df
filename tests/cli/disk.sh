#!/usr/bin/env bash
# disk.sh TRAPEZE BUILD_DIR: --disk FILE. progs/disk.S prints the sector
# count (8 hex digits, newline), reads sector 1 by DMA, prints its first 8
# bytes and powers off with 100 + STATUS (102 done, 106 done with error).
source "$(dirname "$0")/lib.bash" "$1" "$2" disk

build disk || { fail build "$(head -c 200 "$OUT/disk.build.err")"; exit 0; }
P=$OUT/disk.elf

# bad images: exit 2, one line naming the file
rm -f "$OUT/missing.img"
head -c 1000 /dev/zero >"$OUT/odd.img"
head -c 513 /dev/zero >"$OUT/odd513.img"
mkdir -p "$OUT/dir.img"
bad() {  # bad NAME IMAGE PATTERN
	run_t "$1" run --disk "$2" "$P" </dev/null
	usage_error "$1" "$(basename "$2")"
	if [ "$ST" = 2 ] && ! grep -qiE -- "$3" "$OUT/$1.err"; then
		fail "$1-says-why" "message does not match /$3/: $(head -c 200 "$OUT/$1.err")"
	else pass "$1-says-why"; fi
}
bad nonexistent "$OUT/missing.img" 'no such file'
bad size-1000 "$OUT/odd.img" '512'
bad size-513 "$OUT/odd513.img" '512'
bad directory "$OUT/dir.img" 'regular file|directory'
run_t disk-missing-arg run "$P" --disk </dev/null
usage_error disk-missing-arg ""

# a valid 4-sector image: sector 1 starts with "SECTOR1!"
{ head -c 512 /dev/zero; printf 'SECTOR1!'; head -c 504 /dev/zero; head -c 1024 /dev/zero; } >"$OUT/good.img"
cp "$OUT/good.img" "$OUT/good.orig"
run_t valid run --disk "$OUT/good.img" "$P" </dev/null
printf '00000004\nSECTOR1!' >"$OUT/valid.want"
if crashed "$OUT/valid.err"; then fail valid-image "crashed (status $ST)"
elif [ "$ST" != 102 ]; then fail valid-image "exit status $ST, want 102 (DONE): $(head -c 160 "$OUT/valid.err")"
elif ! cmp -s "$OUT/valid.want" "$OUT/valid.out"; then fail valid-image "stdout: $(od -An -c "$OUT/valid.out" | tr -s ' \n' '  ' | head -c 100)"
elif [ -s "$OUT/valid.err" ]; then fail valid-image "stderr: $(head -c 160 "$OUT/valid.err")"
else pass valid-image; fi
check read-leaves-image-unchanged "the image changed" cmp -s "$OUT/good.img" "$OUT/good.orig"
# the same through a relative path and an --disk=FILE spelling
( cd "$OUT" && timeout "$TMO" "$T" run --disk=good.img disk.elf </dev/null >valid2.out 2>valid2.err ); ST=$?
check valid-image-equals-form "status $ST: $(head -c 160 "$OUT/valid2.err")" eval '[ "$ST" = 102 ] && cmp -s "$OUT/valid.want" "$OUT/valid2.out"'

# an empty image (0 sectors) and no disk at all: the read fails cleanly
: >"$OUT/empty.img"
run_t empty run --disk "$OUT/empty.img" "$P" </dev/null
check empty-image "status $ST, stdout '$(head -1 "$OUT/empty.out")': $(head -c 160 "$OUT/empty.err")" \
	eval '{ [ "$ST" = 106 ] && [ "$(head -1 "$OUT/empty.out")" = 00000000 ]; } || { [ "$ST" = 2 ] && [ "$(wc -l <"$OUT/empty.err")" = 1 ]; }'
run_t nodisk run "$P" </dev/null
check no-disk "status $ST, stdout '$(head -1 "$OUT/nodisk.out")': $(head -c 160 "$OUT/nodisk.err")" \
	eval '[ "$ST" = 106 ] && [ "$(head -1 "$OUT/nodisk.out")" = 00000000 ] && ! crashed "$OUT/nodisk.err"'
exit 0
