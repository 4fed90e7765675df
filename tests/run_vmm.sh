#!/usr/bin/env bash
# run_vmm.sh TRAPEZE OUTDIR: the VMM tests. One line "PASS name" or
# "FAIL name: why" per check; exit status = the number of failures.
#
# 1. Every sseg-built machine test of tests/asm ("// LINK: sseg" tests as
#    NAME, the sseg builds of "// LINK: both" tests as NAME.sseg) runs natively
#    (`trapeze run`) and under the VMM (`trapeze run --vmm`) with the same
#    options and stdin and a fresh copy of any @tmpdisk each:
#      vmm/NAME       stdout and exit status byte-identical (and the disk
#                     image afterwards), the native run passing as expected;
#      lockstep/NAME  `trapeze lockstep` prints "equivalent: N guest
#                     instructions" and exits 0.
# 2. Every tests/vmm/*.S is built (sseg, with the tests/asm runtime); those
#    with directives are run by them (tests/vmm/README.md):
#      vmm/NAME        the `// VMM:` run and its EXPECT-* checks;
#      vmm/NAME.equiv  `// NATIVE-EQUIV:` native vs --vmm, alone;
#      lockstep/NAME   `// LOCKSTEP:`.
# Every trapeze invocation is bounded by `timeout`. Logs: OUTDIR/run/.
set -uo pipefail
trapeze=$1; out=$2
here=$(cd "$(dirname "$0")" && pwd)
asmdir=$here/asm; vdir=$here/vmm
mkdir -p "$out/asm" "$out/vmm" "$out/run"
out=$(cd "$out" && pwd)
run=$out/run
MAXC=200000000
T_NATIVE=${VMM_T_NATIVE:-60}
T_VMM=${VMM_T_VMM:-180}
T_LOCKSTEP=${VMM_T_LOCKSTEP:-300}
fails=0

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1: $2"; fails=$((fails+1)); }
oneline() { tr '\n' ' ' | cut -c1-${1:-300}; }

# the runner's disk image: 64 sectors, sector i filled with byte i
template=$out/fresh.disk
if [ ! -s "$template" ]; then
	: > "$template.tmp"
	for i in $(seq 0 63); do head -c 512 /dev/zero | tr '\0' "\\$(printf %03o "$i")" >> "$template.tmp"; done
	mv "$template.tmp" "$template"
fi

# where two files first differ, for messages
firstdiff() { cmp "$1" "$2" 2>&1 | head -1 | sed 's|.*differ: ||'; }

# ---------------------------------------------------------------------------
# 1. tests/asm, sseg builds: native vs --vmm, and lockstep
# ---------------------------------------------------------------------------
for src in "$asmdir"/*.S; do
	n=$(basename "$src" .S)
	[ "$n" = rt ] && continue
	link=$(head -5 "$src" | sed -n 's|^// LINK: *\([a-z0-9]*\).*|\1|p' | head -1)
	case "$link" in
	sseg) name=$n; variant= ;;
	both) name=$n.sseg; variant=sseg ;;
	*) continue ;;
	esac
	if ! err=$("$asmdir/build.sh" "$src" "$out/asm" $variant 2>&1); then
		fail "vmm/$name" "does not build: $(echo "$err" | head -3 | oneline)"
		continue
	fi
	elf=$out/asm/$name.elf
	head=$(head -12 "$src")
	opts=$(echo "$head" | sed -n 's|^// RUN: ||p' | head -1)
	stdin_file=$(echo "$head" | sed -n 's|^// STDIN: ||p' | head -1)
	want_exit=$(echo "$head" | sed -n 's|^// EXPECT-EXIT: ||p' | head -1); want_exit=${want_exit:-0}
	in=/dev/null; [ -n "$stdin_file" ] && in="$asmdir/$stdin_file"
	for mode in native vmm lockstep; do
		o=${opts//@tmpdisk/$run/$name.$mode.disk}
		[[ "$opts" == *@tmpdisk* ]] && cp "$template" "$run/$name.$mode.disk"
		case $mode in
		native)   cmd=(timeout "$T_NATIVE" "$trapeze" run --max-cycles "$MAXC") ;;
		vmm)      cmd=(timeout "$T_VMM" "$trapeze" run --vmm --max-cycles "$MAXC") ;;
		lockstep) cmd=(timeout "$T_LOCKSTEP" "$trapeze" lockstep --max-cycles "$MAXC") ;;
		esac
		# shellcheck disable=SC2206
		cmd+=($o "$elf")
		echo "${cmd[*]} < $in" > "$run/$name.$mode.cmd"
		"${cmd[@]}" < "$in" > "$run/$name.$mode.out" 2> "$run/$name.$mode.err"
		echo $? > "$run/$name.$mode.st"
	done
	nst=$(cat "$run/$name.native.st"); vst=$(cat "$run/$name.vmm.st"); lst=$(cat "$run/$name.lockstep.st")
	why=
	if [ "$nst" != "$want_exit" ]; then
		why="the native run itself fails (exit $nst, want $want_exit)"
	else
		[ "$vst" = "$nst" ] || why="exit $vst under --vmm, $nst native;"
		if ! cmp -s "$run/$name.native.out" "$run/$name.vmm.out"; then
			why="$why stdout differs ($(firstdiff "$run/$name.native.out" "$run/$name.vmm.out")): $(grep -v '^PASS' "$run/$name.vmm.out" | head -4 | oneline 240);"
		fi
		if [[ "$opts" == *@tmpdisk* ]] && ! cmp -s "$run/$name.native.disk" "$run/$name.vmm.disk"; then
			why="$why the disk image afterwards differs ($(firstdiff "$run/$name.native.disk" "$run/$name.vmm.disk"));"
		fi
		[ -z "$why" ] || why="$why stderr: $(head -3 "$run/$name.vmm.err" | oneline 240)"
	fi
	if [ -z "$why" ]; then pass "vmm/$name"; else fail "vmm/$name" "$why"; fi
	if [ "$lst" = 0 ] && grep -Eq '^equivalent: [0-9]+ guest instructions$' "$run/$name.lockstep.out"; then
		pass "lockstep/$name"
	else
		fail "lockstep/$name" "exit $lst: $(cat "$run/$name.lockstep.out" "$run/$name.lockstep.err" | head -8 | oneline 400)"
	fi
done

# ---------------------------------------------------------------------------
# 2. tests/vmm: guests and their directives
# ---------------------------------------------------------------------------
declare -A built
for src in "$vdir"/*.S; do
	n=$(basename "$src" .S)
	if err=$("$asmdir/build.sh" "$src" "$out/vmm" 2>&1); then built[$n]=1
	else built[$n]=0; fail "vmm/$n" "does not build: $(echo "$err" | head -3 | oneline)"; fi
done

# expand NAME TOKENS...: the words of a directive into the array `args`
# (@self, @NAME, @asm/NAME, @src/PATH, @tmpdisk, @dir); disks go to `disks`,
# the console directory to `cdir`. Returns 1 (with `why`) if a guest is missing.
expand() {
	local name=$1 tag=$2 tok k; shift 2
	args=(); disks=(); cdir=
	for tok in "$@"; do
		case "$tok" in
		@self) args+=("$out/vmm/$name.elf") ;;
		@tmpdisk)
			k=${#disks[@]}
			cp "$template" "$run/$name.$tag.disk$k"
			disks+=("$run/$name.$tag.disk$k"); args+=("$run/$name.$tag.disk$k") ;;
		@dir)
			cdir=$run/$name.$tag.console
			rm -rf "$cdir"; mkdir -p "$cdir"; args+=("$cdir") ;;
		@asm/*)
			local a=${tok#@asm/} v=
			[[ "$a" == *.sseg ]] && v=sseg
			if ! "$asmdir/build.sh" "$asmdir/${a%.sseg}.S" "$out/asm" $v >/dev/null 2>&1; then
				why="cannot build tests/asm/${a%.sseg}.S"; return 1
			fi
			args+=("$out/asm/$a.elf") ;;
		@src/*) args+=("$vdir/${tok#@src/}") ;;
		@*)
			if [ "${built[${tok#@}]:-0}" != 1 ]; then why="guest ${tok#@} not built"; return 1; fi
			args+=("$out/vmm/${tok#@}.elf") ;;
		*) args+=("$tok") ;;
		esac
	done
	case " ${args[*]} " in *" --max-cycles "*) ;; *) args=(--max-cycles "$MAXC" "${args[@]}") ;; esac
	return 0
}

for src in "$vdir"/*.S; do
	name=$(basename "$src" .S)
	[ "${built[$name]:-0}" = 1 ] || continue
	head=$(head -24 "$src")
	get() { echo "$head" | sed -n "s|^// $1: *||p"; }
	stdin_file=$(get STDIN | head -1)
	in=/dev/null; [ -n "$stdin_file" ] && in="$vdir/$stdin_file"

	# ---- the // VMM: run ----
	vline=$(get VMM | head -1)
	if [ -n "$vline" ]; then
		why=
		# shellcheck disable=SC2086
		if expand "$name" vmm $vline; then
			cmd=(timeout "$T_VMM" "$trapeze" run --vmm "${args[@]}")
			echo "${cmd[*]} < $in" > "$run/$name.vmm.cmd"
			"${cmd[@]}" < "$in" > "$run/$name.vmm.out" 2> "$run/$name.vmm.err"
			st=$?
			o=$run/$name.vmm.out; e=$run/$name.vmm.err
			want=$(get EXPECT-EXIT | head -1); want=${want:-0}
			[ "$st" = "$want" ] || why="$why exit $st, want $want;"
			f=$(get EXPECT-STDOUT | head -1)
			if [ -n "$f" ] && ! cmp -s "$o" "$vdir/$f"; then
				why="$why stdout differs from $f ($(firstdiff "$o" "$vdir/$f"));"
			fi
			if echo "$head" | grep -q '^// EXPECT-STDOUT-EMPTY' && [ -s "$o" ]; then
				why="$why stdout not empty: $(head -3 "$o" | oneline 160);"
			fi
			vl=$(get EXPECT-VM-LINES)
			if [ -n "$vl" ]; then
				if grep -Evq '^\[vm[0-9]+\] ' "$o"; then
					why="$why stdout line without a [vmN] prefix: $(grep -Ev '^\[vm[0-9]+\] ' "$o" | head -2 | oneline 160);"
				fi
				while read -r vmn f; do
					sed -n "s/^\[vm$vmn\] //p" "$o" > "$run/$name.vmm.vm$vmn.lines"
					if ! cmp -s "$run/$name.vmm.vm$vmn.lines" "$vdir/$f"; then
						why="$why the [vm$vmn] lines differ from $f ($(firstdiff "$run/$name.vmm.vm$vmn.lines" "$vdir/$f"));"
					fi
				done <<< "$vl"
			fi
			fl=$(get EXPECT-FILE)
			if [ -n "$fl" ]; then
				while read -r cf f; do
					if [ -z "$cdir" ] || [ ! -f "$cdir/$cf" ]; then
						why="$why no console file $cf;"
					elif ! cmp -s "$cdir/$cf" "$vdir/$f"; then
						why="$why $cf differs from $f ($(firstdiff "$cdir/$cf" "$vdir/$f")): $(grep -v '^PASS' "$cdir/$cf" | head -3 | oneline 200);"
					fi
				done <<< "$fl"
			fi
			nl=$(wc -l < "$e")
			x=$(get EXPECT-STDERR-LINES | head -1)
			[ -z "$x" ] || [ "$nl" = "$x" ] || why="$why $nl stderr lines, want $x;"
			x=$(get EXPECT-STDERR-MAX-LINES | head -1)
			[ -z "$x" ] || [ "$nl" -le "$x" ] || why="$why $nl stderr lines, want at most $x;"
			while IFS= read -r re; do
				[ -z "$re" ] || grep -Eq -- "$re" "$e" || why="$why no stderr line matches /$re/;"
			done <<< "$(get EXPECT-STDERR-MATCH)"
			while IFS= read -r re; do
				[ -z "$re" ] || ! grep -Evq -- "$re" "$e" || why="$why a stderr line does not match /$re/;"
			done <<< "$(get EXPECT-STDERR-ALL-MATCH)"
			for k in $(get EXPECT-DISK-FRESH); do
				if [ -z "${disks[$k]:-}" ] || ! cmp -s "${disks[$k]}" "$template"; then
					why="$why disk image $k changed;"
				fi
			done
			[ -z "$why" ] || why="$why stderr: $(head -3 "$e" | oneline 300)"
		fi
		if [ -z "$why" ]; then pass "vmm/$name"; else fail "vmm/$name" "$why"; fi
	fi

	# ---- // NATIVE-EQUIV: alone, natively and under --vmm ----
	if echo "$head" | grep -q '^// NATIVE-EQUIV:'; then
		why=
		eline=$(get NATIVE-EQUIV | head -1)
		nwant=$(get NATIVE-EXIT | head -1); nwant=${nwant:-0}
		for mode in native vmm; do
			# shellcheck disable=SC2086
			expand "$name" "eq$mode" $eline @self || break
			eval "d_$mode=(\"\${disks[@]}\")"
			if [ $mode = native ]; then cmd=(timeout "$T_NATIVE" "$trapeze" run "${args[@]}")
			else cmd=(timeout "$T_VMM" "$trapeze" run --vmm "${args[@]}"); fi
			echo "${cmd[*]} < $in" > "$run/$name.eq$mode.cmd"
			"${cmd[@]}" < "$in" > "$run/$name.eq$mode.out" 2> "$run/$name.eq$mode.err"
			echo $? > "$run/$name.eq$mode.st"
		done
		if [ -z "$why" ]; then
			nst=$(cat "$run/$name.eqnative.st"); vst=$(cat "$run/$name.eqvmm.st")
			if [ "$nst" != "$nwant" ]; then
				why="the native run itself fails (exit $nst, want $nwant): $(grep -v '^PASS' "$run/$name.eqnative.out" | head -3 | oneline 200)"
			else
				[ "$vst" = "$nst" ] || why="exit $vst under --vmm, $nst native;"
				if ! cmp -s "$run/$name.eqnative.out" "$run/$name.eqvmm.out"; then
					why="$why stdout differs ($(firstdiff "$run/$name.eqnative.out" "$run/$name.eqvmm.out")): $(grep -v '^PASS' "$run/$name.eqvmm.out" | head -3 | oneline 200);"
				fi
				# shellcheck disable=SC2154
				for k in "${!d_native[@]}"; do
					cmp -s "${d_native[$k]}" "${d_vmm[$k]}" || why="$why disk image $k afterwards differs;"
				done
				[ -z "$why" ] || why="$why stderr: $(head -3 "$run/$name.eqvmm.err" | oneline 240)"
			fi
		fi
		if [ -z "$why" ]; then pass "vmm/$name.equiv"; else fail "vmm/$name.equiv" "$why"; fi
	fi

	# ---- // LOCKSTEP: ----
	if echo "$head" | grep -q '^// LOCKSTEP:'; then
		why=
		lline=$(get LOCKSTEP | head -1)
		# shellcheck disable=SC2086
		if expand "$name" lockstep $lline @self; then
			cmd=(timeout "$T_LOCKSTEP" "$trapeze" lockstep "${args[@]}")
			echo "${cmd[*]} < $in" > "$run/$name.lockstep.cmd"
			"${cmd[@]}" < "$in" > "$run/$name.lockstep.out" 2> "$run/$name.lockstep.err"
			st=$?
			if [ "$st" != 0 ] || ! grep -Eq '^equivalent: [0-9]+ guest instructions$' "$run/$name.lockstep.out"; then
				why="exit $st: $(cat "$run/$name.lockstep.out" "$run/$name.lockstep.err" | head -8 | oneline 400)"
			fi
		fi
		if [ -z "$why" ]; then pass "lockstep/$name"; else fail "lockstep/$name" "$why"; fi
	fi
done
exit $fails
