# lib.bash - shared helpers of the tests/cli/*.sh scripts (sourced, not run).
#   source lib.bash TRAPEZE BUILD_DIR SUITE
# Sets T (the trapeze binary), OUT (a work directory of this suite), TOP.
# Every check prints one "PASS cli-SUITE/check" or "FAIL cli-SUITE/check: why".
set -u
T=$1; B=$2; SUITE=$3
case $T in /*) ;; *) T=$PWD/$T ;; esac
case $B in /*) ;; *) B=$PWD/$B ;; esac
CLI_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TOP=$(cd "$CLI_DIR/../.." && pwd)
OUT=$B/tests/cli/$SUITE
mkdir -p "$OUT"
TMO=${CLI_TIMEOUT:-20}     # seconds per trapeze invocation

tool() {   # an LLVM tool under its plain or its -14 name
	if command -v "$1" >/dev/null; then echo "$1"
	elif command -v "$1-14" >/dev/null; then echo "$1-14"
	else echo "$1"; fi
}
MC=$(tool llvm-mc); LD=$(tool ld.lld); OBJDUMP=$(tool llvm-objdump)

pass() { echo "PASS cli-$SUITE/$1"; }
fail() { echo "FAIL cli-$SUITE/$1: $2"; }
check() {  # check NAME WHY-IF-FALSE COMMAND...
	local n=$1 why=$2; shift 2
	if "$@"; then pass "$n"; else fail "$n" "$why"; fi
}

# build NAME [LINKER-SCRIPT [CPP-ARGS...]]: progs/NAME.S -> $OUT/NAME.elf.
# With CPP-ARGS the output is named by $ELF_NAME (default NAME).
# Returns non-zero (and leaves the reason in $OUT/NAME.build.err) on failure.
build() {
	local name=$1 ld=${2:-$CLI_DIR/progs/kseg0.ld}; shift; [ $# -gt 0 ] && shift
	local out=${ELF_NAME:-$name}
	{ cpp -P -x assembler-with-cpp -I"$TOP/machine" -I"$TOP/build/gen" -I"$CLI_DIR/progs" "$@" \
		"$CLI_DIR/progs/$name.S" > "$OUT/$out.s" &&
	  "$MC" -triple=mipsel-unknown-elf -mcpu=mips32r2 -filetype=obj "$OUT/$out.s" -o "$OUT/$out.o" &&
	  "$LD" -T "$ld" "$OUT/$out.o" -o "$OUT/$out.elf"; } 2>"$OUT/$out.build.err"
}

# run_t NAME ARGS...: run trapeze with a timeout; stdout to $OUT/NAME.out,
# stderr to $OUT/NAME.err, status in $ST. Stdin is the caller's.
run_t() {
	local n=$1; shift
	timeout "$TMO" "$T" "$@" >"$OUT/$n.out" 2>"$OUT/$n.err"
	ST=$?
}

# crashed FILE: the last run ($ST) died of a signal or FILE has a sanitizer report.
crashed() {
	[ "$ST" -ge 128 ] && [ "$ST" != 255 ] && return 0
	grep -qE 'Sanitizer|runtime error:|core dumped|Segmentation|Aborted' "$1"
}

# usage_error NAME WANT-SUBSTRING: exit 2, exactly one stderr line starting
# with "trapeze: " (containing WANT-SUBSTRING, a grep -F pattern, if given),
# no crash, nothing on stdout. Reports one check.
usage_error() {
	local n=$1 want=${2:-} e=$OUT/$1.err lines
	lines=$(wc -l <"$e")
	if crashed "$e"; then fail "$n" "crashed (status $ST): $(head -c 200 "$e" | tr '\n' ' ')"
	elif [ "$ST" = 124 ] && ! grep -q . "$e"; then fail "$n" "timed out"
	elif [ "$ST" != 2 ]; then fail "$n" "exit status $ST, want 2 ($(head -c 160 "$e" | tr '\n' ' '))"
	elif [ "$lines" != 1 ]; then fail "$n" "$lines lines on stderr, want 1: $(head -c 200 "$e" | tr '\n' '|')"
	elif ! grep -q '^trapeze: ' "$e"; then fail "$n" "stderr does not start with 'trapeze: ': $(head -c 120 "$e")"
	elif [ -n "$want" ] && ! grep -qiF -- "$want" "$e"; then fail "$n" "message lacks '$want': $(head -c 200 "$e")"
	elif [ -s "$OUT/$n.out" ]; then fail "$n" "unexpected stdout: $(head -c 80 "$OUT/$n.out")"
	else pass "$n"
	fi
}
