#!/usr/bin/env bash
# lockstep.sh TRAPEZE BUILD_DIR: `trapeze lockstep` finds a divergence at the
# first step where the guest-visible state differs. progs/lsmix.S (sseg)
# runs ~300000 steps of GPR, HI/LO, LL/SC and RAM work, CP0 moves, a TLB
# write and a SYSCALL. --inject STEP:WHAT corrupts one piece of the VM's
# state right after step STEP; each kind must be reported at exactly that
# step (RAM at the next RAM comparison: step 65536, or the last step). A
# real divergence: the same program with a HYPCALL in kernel mode (RI on the
# bare machine, a hypercall under the VMM) at step 4.
source "$(dirname "$0")/lib.bash" "$1" "$2" lockstep

P=$CLI_DIR/progs
build lsmix "$P/sseg.ld" || { fail build "$(head -c 200 "$OUT/lsmix.build.err")"; exit 0; }
ELF_NAME=lshyp build lsmix "$P/sseg.ld" -DHYP || fail build-hyp "$(head -c 200 "$OUT/lshyp.build.err")"
E=$OUT/lsmix.elf

out1() { head -c 300 "$OUT/$1.out" | tr '\n' '|'; }

# no divergence; the count is the native run's instruction count
run_t native run --stats "$E" </dev/null
want=$(sed -n 's/^instructions *//p' "$OUT/native.err")
run_t equivalent lockstep "$E" </dev/null
check equivalent "status $ST: $(out1 equivalent) $(head -c 200 "$OUT/equivalent.err")" \
	eval '[ "$ST" = 0 ] && [ -n "$want" ] && grep -qx "equivalent: $want guest instructions" "$OUT/equivalent.out"'
run_t max-cycles lockstep --max-cycles 5000 "$E" </dev/null
check max-cycles "status $ST: $(out1 max-cycles)" \
	eval '[ "$ST" = 0 ] && grep -qE "^equivalent: [0-9]+ guest instructions$" "$OUT/max-cycles.out"'

# inject NAME SPEC STEP ROW-REGEX: exit 1, "divergence at step STEP" first,
# a line matching ROW-REGEX, nothing on stderr
inject() {
	local n=$1 spec=$2 step=$3 re=$4
	run_t "$n" lockstep --inject "$spec" "$E" </dev/null
	if crashed "$OUT/$n.err"; then fail "$n" "crashed (status $ST)"
	elif [ "$ST" != 1 ]; then fail "$n" "status $ST, want 1: $(out1 "$n") $(head -c 120 "$OUT/$n.err")"
	elif ! head -1 "$OUT/$n.out" | grep -q "^divergence at step $step: "; then
		fail "$n" "not reported at step $step: $(out1 "$n")"
	elif ! grep -qE -- "$re" "$OUT/$n.out"; then fail "$n" "no line matches /$re/: $(out1 "$n")"
	elif [ -s "$OUT/$n.err" ]; then fail "$n" "stderr: $(head -c 120 "$OUT/$n.err")"
	else pass "$n"; fi
}
row() { echo "^  $1 +[0-9a-f]+ +[0-9a-f]+ *\$"; }
inject gpr-t0        1000:t0^0x10          1000 "$(row '\$8')"
inject gpr-ra-step1  1:ra^0x80000000       1    "$(row '\$ra')"
inject hi            1000:hi               1000 "$(row hi)"
inject lo            1000:lo^0x100         1000 "$(row lo)"
inject pc            1000:pc^4             1000 "$(row pc)"
inject cycle         1000:cycle            1000 "$(row cycle)"
inject llbit         1000:llbit            1000 "$(row llbit)"
inject in-ds         1000:in_ds            1000 "$(row in_ds)"
inject c0-epc        1000:c0.EPC^0x40      1000 "$(row c0.EPC)"
inject c0-entryhi    1000:c0.ENTRYHI^0x2000 1000 "$(row c0.ENTRYHI)"
inject c0-status     1000:c0.STATUS^0x8    1000 "$(row c0.STATUS)"
inject c0-ebase-exit 2:c0.EBASE^0x1000     2    "$(row c0.EBASE)"
inject c0-count      1000:count_cycle^2    1000 "$(row c0.COUNT)"
inject c0-random     1000:random_cycle     1000 "$(row c0.RANDOM)"
inject cause-ti      1000:ti               1000 "$(row c0.CAUSE)"
inject cause-ip      1000:irq^0x800        1000 "$(row c0.CAUSE)"
inject tlb-lo0       1000:tlb.5.lo0^2      1000 "$(row 'tlb\[5\]\.lo0')"
inject tlb-hi        1000:tlb.0.hi^0x2000  1000 "$(row 'tlb\[0\]\.hi')"
inject tlb-pm-last   1000:tlb.31.pm^0x6000 1000 "$(row 'tlb\[31\]\.pm')"
inject stop          1000:stop             1000 '^  stop +running +guest-error'
inject ram           1000:ram.100000       65536 '^  first difference at physical 0x00100000: 00 01$'
# a RAM byte the guest never reads, after the last periodic comparison:
# found at the last step (the power-off)
run_t ram-at-end lockstep --inject 299000:ram.100000 "$E" </dev/null
check ram-at-end "status $ST: $(out1 ram-at-end)" \
	eval '[ "$ST" = 1 ] && head -1 "$OUT/ram-at-end.out" | grep -qE "^divergence at step (29[0-9]{4}|3[0-9]{5}): RAM differs" &&
	      grep -q "first difference at physical 0x00100000" "$OUT/ram-at-end.out"'
# a RAM byte the guest loads: the loaded register shows it first
inject ram-read      1000:ram.2000         1001 "$(row '\$10')"
# the timer's deadline moved by one cycle, billions of cycles away: no MFC0
# can see it, so it is not a divergence
run_t invisible lockstep --inject 1000:timer_at "$E" </dev/null
check invisible-timer-state "status $ST: $(out1 invisible)" \
	eval '[ "$ST" = 0 ] && grep -qE "^equivalent: " "$OUT/invisible.out"'

# a real divergence: HYPCALL in kernel mode at step 4
run_t hypcall lockstep "$OUT/lshyp.elf" </dev/null
check hypcall "status $ST: $(out1 hypcall)" \
	eval '[ "$ST" = 1 ] && head -1 "$OUT/hypcall.out" | grep -q "^divergence at step 4: " &&
	      grep -qE "$(row pc)" "$OUT/hypcall.out" && grep -q "after the step at pc 0xc000100c: hypcall" "$OUT/hypcall.out"'

# bad --inject values are usage errors
run_t inject-step0 lockstep --inject 0:t0 "$E" </dev/null
usage_error inject-step0 "--inject"
run_t inject-what lockstep --inject 5:nothing "$E" </dev/null
usage_error inject-what "cannot corrupt"
run_t inject-form lockstep --inject t0 "$E" </dev/null
usage_error inject-form "STEP:WHAT"
exit 0
