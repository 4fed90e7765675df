#!/usr/bin/env bash
# badelf.sh TRAPEZE BUILD_DIR: files `trapeze run` must refuse, each with exit
# status 2 and one "trapeze: " line naming the file and the problem.
source "$(dirname "$0")/lib.bash" "$1" "$2" badelf

ELF_NAME=ok build poweroff "" -DVALUE=0 || fail build-ok "$(head -c 200 "$OUT/ok.build.err")"
build bigbss || fail build-bigbss "$(head -c 200 "$OUT/bigbss.build.err")"
ELF_NAME=useg build poweroff "$CLI_DIR/progs/useg.ld" -DVALUE=0 || fail build-useg "$(head -c 200 "$OUT/useg.build.err")"
# big-endian MIPS
"$MC" -triple=mips-unknown-elf -mcpu=mips32r2 -filetype=obj "$CLI_DIR/progs/be.S" -o "$OUT/be.o" 2>"$OUT/be.build.err" &&
	"$LD" -Ttext=0x80001000 -e _start "$OUT/be.o" -o "$OUT/be.elf" 2>>"$OUT/be.build.err" ||
	fail build-be "$(head -c 200 "$OUT/be.build.err")"

rm -rf "$OUT/missing.elf"; mkdir -p "$OUT/adir.elf"
: >"$OUT/empty.elf"
printf 'hello, this is not a program\n' >"$OUT/text.elf"
head -c 40 "$OUT/ok.elf" >"$OUT/trunc40.elf"
head -c 3 "$OUT/ok.elf" >"$OUT/trunc3.elf"
# ELFCLASS64, little-endian, x86-64 header (and a real one if there is one)
{ printf '\177ELF\002\001\001\000'; head -c 56 /dev/zero; } >"$OUT/elf64.elf"
# a valid header but a program header table past the end of the file
{ head -c 52 "$OUT/ok.elf"; } >"$OUT/nophdrs.elf"
# an object file (ET_REL)
cp "$OUT/ok.o" "$OUT/object.elf" 2>/dev/null

bad() {  # bad NAME FILE-SUBSTRING PROBLEM-SUBSTRING [extra run options]
	local n=$1 f=$2 what=$3; shift 3
	run_t "$n" run "$@" "$f" </dev/null
	usage_error "$n" "$(basename "$f")"
	if [ "$ST" = 2 ] && ! grep -qiE -- "$what" "$OUT/$n.err"; then
		fail "$n-says-why" "message does not match /$what/: $(head -c 200 "$OUT/$n.err")"
	else pass "$n-says-why"; fi
	local k; k=$(grep -oF -- "$f" "$OUT/$n.err" | wc -l)
	[ "$ST" = 2 ] && [ "$k" != 1 ] && { DUP+=" $n"; DUP_EX=$(head -c 160 "$OUT/$n.err"); }
}
DUP=""; DUP_EX=""
bad nonexistent "$OUT/missing.elf" 'no such file'
bad directory "$OUT/adir.elf" 'not a regular file|directory'
bad empty "$OUT/empty.elf" 'not an ELF|empty|truncated'
bad text "$OUT/text.elf" 'not an ELF'
bad truncated-40 "$OUT/trunc40.elf" 'truncated'
bad truncated-3 "$OUT/trunc3.elf" 'not an ELF|truncated'
bad elf64-synthetic "$OUT/elf64.elf" '64|class'
[ -r /bin/true ] && bad elf64-bin-true /bin/true '64|class'
bad big-endian "$OUT/be.elf" 'big-endian|endian|EI_DATA'
bad program-headers-past-end "$OUT/nophdrs.elf" 'truncated|past the end|program header'
[ -f "$OUT/object.elf" ] && bad object-file "$OUT/object.elf" 'executable|ET_REL|object'
bad useg "$OUT/useg.elf" 'useg'
bad bss-too-big-for-1M "$OUT/bigbss.elf" 'fit|RAM' --ram 1M
bad unreadable-dev-null /dev/null 'regular file|not an ELF|empty'
# one check for all of them: the message names the file once
if [ -z "$DUP" ]; then pass file-named-once
else fail file-named-once "the file name appears twice for:$DUP (e.g. $DUP_EX)"; fi

# the same big .bss fits in the default 32 MiB
run_t bigbss-fits run "$OUT/bigbss.elf" </dev/null
check bss-fits-in-default-ram "status $ST: $(head -c 160 "$OUT/bigbss-fits.err")" eval '[ "$ST" = 0 ]'
# disasm refuses the same files the same way
for f in missing empty text trunc40 elf64 be; do
	run_t "disasm-$f" disasm "$OUT/$f.elf" </dev/null
	usage_error "disasm-$f" "$f.elf"
done
exit 0
