#!/usr/bin/env bash
# console.sh TRAPEZE BUILD_DIR: console input and output are byte-exact.
# progs/echo.S copies input to output until EOF and powers off with the
# number of bytes & 0xff.
source "$(dirname "$0")/lib.bash" "$1" "$2" console

build echo || { fail build "$(head -c 200 "$OUT/echo.build.err")"; exit 0; }
E=$OUT/echo.elf

# all 256 byte values; binary data (an ELF file); 200 KB + 77 bytes
: >"$OUT/all256.in"
fmt=""; for i in $(seq 0 255); do printf -v o '\\%03o' "$i"; fmt+=$o; done
printf "$fmt" >"$OUT/all256.in"
cp "$E" "$OUT/binary.in"
cp "$OUT/all256.in" "$OUT/big.tmp"
for i in $(seq 10); do cat "$OUT/big.tmp" "$OUT/big.tmp" >"$OUT/big.tmp2"; mv "$OUT/big.tmp2" "$OUT/big.tmp"; done
head -c $((800 * 256)) "$OUT/big.tmp" >"$OUT/big.in"
head -c 77 "$OUT/binary.in" >>"$OUT/big.in"; rm -f "$OUT/big.tmp"
printf 'line one\r\nline two\n\n\0tail' >"$OUT/crlf.in"

size() { wc -c <"$1" | tr -d ' '; }
# echo_check NAME INPUT-FILE WAYS: feed the input (redirect or pipe), compare
echo_check() {
	local n=$1 in=$2 how=$3 want
	want=$(( $(size "$in") & 255 ))
	case $how in
	redirect) timeout "$TMO" "$T" run "$E" <"$in" >"$OUT/$n.out" 2>"$OUT/$n.err"; ST=$? ;;
	pipe)     cat "$in" | timeout "$TMO" "$T" run "$E" >"$OUT/$n.out" 2>"$OUT/$n.err"; ST=$? ;;
	pipe-out) timeout "$TMO" "$T" run "$E" <"$in" 2>"$OUT/$n.err" | cat >"$OUT/$n.out"; ST=${PIPESTATUS[0]} ;;
	esac
	if crashed "$OUT/$n.err"; then fail "$n" "crashed (status $ST)"
	elif ! cmp -s "$in" "$OUT/$n.out"; then
		fail "$n" "output differs from input ($(size "$OUT/$n.out") of $(size "$in") bytes; $(cmp "$in" "$OUT/$n.out" 2>&1 | head -1))"
	elif [ "$ST" != "$want" ]; then fail "$n" "exit status $ST, want $want"
	elif [ -s "$OUT/$n.err" ]; then fail "$n" "stderr not empty: $(head -c 120 "$OUT/$n.err")"
	else pass "$n"; fi
}
echo_check all-bytes-pipe "$OUT/all256.in" pipe
echo_check all-bytes-redirect "$OUT/all256.in" redirect
echo_check binary-pipe "$OUT/binary.in" pipe
echo_check binary-redirect "$OUT/binary.in" redirect
echo_check crlf-nul-redirect "$OUT/crlf.in" redirect
echo_check stdout-to-pipe "$OUT/all256.in" pipe-out
echo_check large-200k-pipe "$OUT/big.in" pipe
echo_check large-200k-redirect "$OUT/big.in" redirect
echo_check empty-dev-null /dev/null redirect

# input that arrives slowly, in pieces: no byte lost, no early EOF
{ printf 'abc'; sleep 0.3; printf 'de\0f'; sleep 0.2; printf 'gh\n'; } |
	timeout "$TMO" "$T" run "$E" >"$OUT/slow.out" 2>"$OUT/slow.err"; ST=$?
printf 'abcde\0fgh\n' >"$OUT/slow.want"
check slow-pipe "status $ST, got $(od -An -c "$OUT/slow.out" | tr -s ' ' | head -c 80)" \
	eval '[ "$ST" = 10 ] && cmp -s "$OUT/slow.want" "$OUT/slow.out"'

# stdin closed: input ended from the start, no crash
timeout "$TMO" "$T" run "$E" <&- >"$OUT/closed.out" 2>"$OUT/closed.err"; ST=$?
check stdin-closed "status $ST, stdout $(size "$OUT/closed.out") bytes: $(head -c 120 "$OUT/closed.err")" \
	eval '[ "$ST" = 0 ] && [ ! -s "$OUT/closed.out" ] && ! crashed "$OUT/closed.err"'

# determinism: the same input twice gives the same output and statistics
for k in 1 2; do
	timeout "$TMO" "$T" run --stats "$E" <"$OUT/binary.in" >"$OUT/det$k.out" 2>"$OUT/det$k.err"
done
check deterministic-stats "stats differ: $(diff <(grep -v '^host\|^simulated' "$OUT/det1.err") <(grep -v '^host\|^simulated' "$OUT/det2.err") | head -2 | tr '\n' ' ')" \
	eval 'cmp -s "$OUT/det1.out" "$OUT/det2.out" && [ -s "$OUT/det1.err" ] && diff -q <(grep -v "^host\|^simulated" "$OUT/det1.err") <(grep -v "^host\|^simulated" "$OUT/det2.err") >/dev/null'
exit 0
