#!/usr/bin/env bash
# run_labs.sh BUILD: the lab tools' tests - labs/handout, labs/grade and the
# Gradescope autograder (labs/gradescope/). One line "PASS labs/NAME" or
# "FAIL labs/NAME: why" per check; exit status = the number of failures.
# Scratch space: BUILD/tests/labs/. The grader's oracle is always the
# trusted tree's own build/ (labs/grade makes it), and the handouts are built
# by copying its objects, so this runs once, not per build (tests/run_all.sh).
#
# For every lab n (labs/labkit.py finds them):
#   handout-n            labs/handout n DIR: lab n's markers gone, the other
#                        labs' kept, and DIR builds (only the student files
#                        are recompiled: the trusted objects are copied in)
#   handout-run-n        the handout's VMM stops with exit status 4 and one
#                        stderr line "lab n: not implemented"
#   grade-handout-n      labs/grade n --tree DIR: every test fails
#   grade-reference-n    labs/grade n: every test passes, full marks
#   (each grade also checks its results.json and JUnit XML)
# Then, on lab 1, student files with one bug each, made at test time from
# the reference ones: grade-crash, grade-hang, grade-flood-stdout,
# grade-flood-stderr, grade-memory, grade-nobuild; and grade-flat (the
# student files flat), grade-deterministic, grade-hidden (--hidden), usage,
# gradescope (run_autograder with /autograder faked, make_autograder.sh) and
# classroom (the grading step of labs/gradescope/classroom.yml).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
[ $# = 1 ] || { echo "usage: tests/run_labs.sh BUILD" >&2; exit 2; }
mkdir -p "$1" && B=$(cd "$1" && pwd) && cd "$top" || exit 2
W=$B/tests/labs
rm -rf "$W" && mkdir -p "$W"
fails=0
pass() { echo "PASS labs/$1"; }
fail() { echo "FAIL labs/$1: $2"; fails=$((fails+1)); }
oneline() { tr '\n' ' ' | sed 's/  */ /g' | cut -c1-"${1:-300}"; }
# elapsed seconds since $1 (date +%s.%N)
since() { python3 -c "import sys, time; print(f'{time.time() - float(sys.argv[1]):.1f}')" "$1"; }

if ! command -v python3 >/dev/null; then
	fail setup "python3 is missing (tools/deps.sh installs it)"; exit "$fails"
fi

# ---- check.py: what the shell would do badly: results.json, JUnit, tables --------------
cat > "$W/check.py" <<'PY'
"""check.py CMD ...: the checks of tests/run_labs.sh. Prints one line (the
reason) and exits 1 when a check fails; prints an optional note otherwise."""
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

TIMING = {'execution_time', 'time', 'seconds', 'duration', 'elapsed'}


def table_names(path):
    names = []
    for line in open(path).read().split('\n'):
        w = line.split('#', 1)[0].split()
        if w and w[0] != 'title':
            names.append(w[0])
    return names


def load(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        sys.exit(print(f"{path}: not valid JSON: {e}") or 1)


def no(msg):
    print(msg)
    sys.exit(1)


def validate(lab, jpath, xpath, stdout, *tables):
    """results.json and the JUnit XML as the contract says, agreeing with
    each other, with the tables and with the "total:" line on stdout."""
    d = load(jpath)
    for k, ty in (('score', (int, float)), ('output', str), ('tests', list),
                  ('visibility', str), ('stdout_visibility', str)):
        if not isinstance(d.get(k), ty):
            no(f"results.json: '{k}' missing or not a {ty}")
    for t in d['tests']:
        for k, ty in (('name', str), ('score', (int, float)), ('max_score', (int, float)),
                      ('status', str), ('output', str), ('visibility', str)):
            if not isinstance(t.get(k), ty):
                no(f"results.json: test {t.get('name')}: '{k}' missing or not a {ty}")
        if t['status'] not in ('passed', 'failed'):
            no(f"results.json: test {t['name']}: status '{t['status']}'")
        if not -1e-9 <= t['score'] <= t['max_score'] + 1e-9:
            no(f"results.json: test {t['name']}: score {t['score']} not in 0..{t['max_score']}")
        if (t['status'] == 'passed') != (abs(t['score'] - t['max_score']) < 1e-6):
            no(f"results.json: test {t['name']}: {t['status']} with {t['score']} / {t['max_score']}")
    names = [t['name'] for t in d['tests']]
    want = [n for tb in tables for n in table_names(tb)]
    if names != want:
        no(f"results.json: tests {names}, the tables have {want}")
    total = sum(t['score'] for t in d['tests'])
    mx = sum(t['max_score'] for t in d['tests'])
    if abs(d['score'] - total) > 0.011:
        no(f"results.json: score {d['score']}, its tests add up to {total}")
    last = open(stdout).read().rstrip('\n').split('\n')[-1]
    m = re.fullmatch(r'total: (\d+\.\d\d) / (\d+\.\d\d)', last)
    if not m:
        no(f"stdout: last line '{last}', want 'total: S / M'")
    if abs(float(m.group(1)) - d['score']) > 0.011 or abs(float(m.group(2)) - mx) > 0.011:
        no(f"stdout says '{last}', results.json {d['score']} / {mx}")
    try:
        root = ET.parse(xpath).getroot()
    except (OSError, ET.ParseError) as e:
        no(f"JUnit XML: {e}")
    if root.tag != 'testsuites':
        no(f"JUnit XML: root <{root.tag}>, want <testsuites>")
    suites = root.findall('testsuite')
    suite = f"lab{lab}"
    if len(suites) != 1 or suites[0].get('name') != suite:
        no(f"JUnit XML: want one <testsuite name=\"{suite}\">")
    s = suites[0]
    cases = s.findall('testcase')
    failed = [c for c in cases if c.find('failure') is not None]
    nfail = sum(t['status'] == 'failed' for t in d['tests'])
    if [c.get('name') for c in cases] != names:
        no(f"JUnit XML: testcases {[c.get('name') for c in cases]}, results.json {names}")
    if s.get('tests') != str(len(cases)) or s.get('failures') != str(len(failed)):
        no(f"JUnit XML: tests={s.get('tests')} failures={s.get('failures')}, "
           f"but {len(cases)} testcases, {len(failed)} failures")
    if len(failed) != nfail:
        no(f"JUnit XML: {len(failed)} failures, results.json {nfail} failed tests")
    for c in cases:
        if c.get('classname') != suite:
            no(f"JUnit XML: testcase {c.get('name')}: classname {c.get('classname')}")
        try:
            float(c.get('time'))
        except (TypeError, ValueError):
            no(f"JUnit XML: testcase {c.get('name')}: time={c.get('time')}")
        f = c.find('failure')
        if f is not None and f.get('message') is None:
            no(f"JUnit XML: testcase {c.get('name')}: <failure> without a message")


def tests_of(jpath):
    return load(jpath)['tests']


def first(t):
    return t['output'].split('\n', 1)[0][:120]


def all_failed(jpath, pattern=None):
    """Every test failed (and says PATTERN); the total is noted if not 0."""
    d = load(jpath)
    passed = [t['name'] for t in d['tests'] if t['status'] == 'passed']
    if passed:
        no(f"passed vacuously: {', '.join(passed)}")
    if pattern:
        other = [f"{t['name']} ({first(t)})" for t in d['tests']
                 if not re.search(pattern, t['output'])]
        if other:
            no(f"failed without /{pattern}/: {'; '.join(other)}")
    if d['score']:
        print(f"(every test failed, but with partial credit: total {d['score']})")


def all_passed(jpath):
    d = load(jpath)
    bad = [f"{t['name']} ({t['score']} / {t['max_score']}: {first(t)})"
           for t in d['tests'] if t['status'] != 'passed']
    if bad:
        no(f"failed: {'; '.join(bad)}")
    mx = sum(t['max_score'] for t in d['tests'])
    if abs(d['score'] - mx) > 0.011:
        no(f"total {d['score']}, max {mx}")


def failed_say(jpath, pattern):
    """At least one test failed; every failed one says PATTERN."""
    d = load(jpath)
    failed = [t for t in d['tests'] if t['status'] == 'failed']
    if not failed:
        no("no test failed")
    other = [f"{t['name']} ({first(t)})" for t in failed if not re.search(pattern, t['output'])]
    if other:
        no(f"failed without /{pattern}/: {'; '.join(other)}")
    print(f"({len(failed)} of {len(d['tests'])} tests: /{pattern}/)")


def strip(x):
    if isinstance(x, dict):
        return {k: strip(v) for k, v in x.items() if k not in TIMING}
    if isinstance(x, list):
        return [strip(v) for v in x]
    return x


def same(a, b, what='all'):
    """Two results.json alike but for timing fields (WHAT=tests: their
    tests only, for gradings whose headers name different trees)."""
    da, db = strip(load(a)), strip(load(b))
    if what == 'tests':
        da, db = da['tests'], db['tests']
    sa, sb = json.dumps(da, indent=1), json.dumps(db, indent=1)
    if sa != sb:
        la, lb = sa.split('\n'), sb.split('\n')
        i = next((i for i in range(min(len(la), len(lb))) if la[i] != lb[i]), min(len(la), len(lb)))
        no(f"differ at line {i + 1}: '{la[i] if i < len(la) else ''}' vs '{lb[i] if i < len(lb) else ''}'"[:400])


def partial(jpath):
    """A total strictly between 0 and the maximum."""
    d = load(jpath)
    mx = sum(t['max_score'] for t in d['tests'])
    if not 0 < d['score'] < mx:
        no(f"total {d['score']} / {mx}: want partial credit")


def visibility(jpath, name, vis):
    ts = [t for t in load(jpath)['tests'] if t['name'] == name]
    if not ts:
        no(f"no test {name} in results.json")
    if ts[0]['visibility'] != vis:
        no(f"test {name}: visibility '{ts[0]['visibility']}', want '{vis}'")
    others = {t['visibility'] for t in load(jpath)['tests'] if t['name'] != name}
    if others != {'visible'}:
        no(f"the lab's own tests have visibility {sorted(others)}, want 'visible'")


def score_zero(jpath):
    d = load(jpath)
    if d.get('score') != 0 or not d.get('output'):
        no(f"score {d.get('score')}, output {d.get('output')!r:.80}")


if __name__ == '__main__':
    globals()[sys.argv[1].replace('-', '_')](*sys.argv[2:])
PY
chk() { python3 "$W/check.py" "$@"; }

# grade NAME ARGS...: labs/grade with ARGS, its outputs in $W/NAME.{out,err,json,xml};
# sets gst (exit status) and gsec (seconds taken).
grade() {
	local name=$1 t0; shift
	t0=$(date +%s.%N)
	timeout 300 labs/grade "$@" --json "$W/$name.json" --junit "$W/$name.xml" \
		> "$W/$name.out" 2> "$W/$name.err" < /dev/null
	gst=$?
	gsec=$(since "$t0")
}
# graded NAME CHECK LAB TABLES...: the grading NAME finished (exit 0), its
# reports are valid; the reason on stdout and status 1 if not.
graded() {
	local name=$1 lab=$2; shift 2
	if [ "$gst" != 0 ]; then
		echo "labs/grade exited with status $gst: $(oneline 300 < "$W/$name.err")"; return 1
	fi
	chk validate "$lab" "$W/$name.json" "$W/$name.xml" "$W/$name.out" "$@"
}

# student DIR: DIR/vmm/ with lab L's student files copied from the trusted
# tree (the variants below then edit one of them).
student() {
	local d=$1 f
	mkdir -p "$d/vmm"
	for f in "${lab1_files[@]}"; do cp "$f" "$d/vmm/"; done
}
# inject FILE FUNCTION CODE: CODE as the first statement of FUNCTION in FILE
# (and #includes for what it uses at the top). Fails if FUNCTION is not there.
inject() {
	python3 - "$@" <<'PY'
import re, sys
path, func, code = sys.argv[1:]
text = open(path).read()
m = re.search(r'^[a-z][^;\n]*\b' + re.escape(func) + r'\([^;]*?\)\s*\n\{\n', text, re.M)
if not m:
    sys.exit(f"no definition of {func} in {path}")
text = ('#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n' + text[:m.end()] +
        '\t' + code + '\n' + text[m.end():])
open(path, 'w').write(text)
PY
}

labs=$(cd labs && python3 -c 'import labkit; print(*labkit.labs(".."))' 2>&1) || {
	fail labkit "cannot list the labs: $labs"; exit "$fails"; }
[ -n "$labs" ] || { fail labkit "no lab has LAB markers in vmm/"; exit "$fails"; }

# the trusted build: the grader's oracle, and the objects the handouts reuse
if ! out=$(timeout 600 make --no-print-directory -s all build/guestos/kernel-pv.elf 2>&1); then
	fail build "make of the trusted tree fails: $(echo "$out" | tail -3 | oneline)"; exit "$fails"
fi

for n in $labs; do
	H=$W/handout$n
	# ---- handout-n ----
	ok=1
	if ! out=$(timeout 60 labs/handout "$n" "$H" 2>&1); then
		fail "handout-$n" "labs/handout $n failed: $(echo "$out" | oneline)"; ok=0
	elif left=$(grep -rlE --include='*.[ch]' "/\* LAB $n (BEGIN|STUB|END)" "$H" 2>/dev/null) && [ -n "$left" ]; then
		fail "handout-$n" "LAB $n markers left in $(echo "$left" | sed "s|^$H/||" | oneline)"; ok=0
	else
		# the other labs' regions are intact: each one's marker count as in the trusted tree
		for m in $labs; do
			[ "$m" = "$n" ] && continue
			for k in BEGIN STUB END; do
				a=$(cat vmm/*.c vmm/*.h 2>/dev/null | grep -c "LAB $m $k")
				b=$(cat "$H"/vmm/*.c "$H"/vmm/*.h 2>/dev/null | grep -c "LAB $m $k")
				[ "$a" = "$b" ] || { fail "handout-$n" "LAB $m $k: $b markers in the handout, $a in the tree"; ok=0; break 2; }
			done
		done
		# the handout grades itself (labs/grade N inside it): it still knows
		# lab N and its student files, with no markers of lab N left
		k=$(python3 -c 'import sys; sys.path.insert(0, sys.argv[1] + "/labs"); import labkit
n = int(sys.argv[2]); print(n in labkit.labs(sys.argv[1]), *labkit.student_files(sys.argv[1], n))' "$H" "$n")
		want=$(python3 -c 'import sys; sys.path.insert(0, "labs"); import labkit
print(True, *labkit.student_files(".", int(sys.argv[1])))' "$n")
		[ "$k" = "$want" ] || { fail "handout-$n" "inside the handout, labkit sees lab $n as '$k', want '$want'"; ok=0; }
	fi
	if [ $ok = 1 ]; then
		mkdir -p "$H/build" && cp -a build/obj build/gen build/libtrapeze.a "$H/build/"
		if ! out=$(timeout 300 make --no-print-directory -C "$H" build/trapeze 2>&1); then
			fail "handout-$n" "the handout does not build: $(echo "$out" | grep -i error | head -3 | oneline)"; ok=0
		else
			# only the student files were compiled: the copied objects were reused
			compiled=$(echo "$out" | sed -n 's/.* -c \([^ ]*\.c\) .*/\1/p' | sort | tr '\n' ' ')
			want=$(cd labs && python3 -c "import labkit; print(*labkit.student_files('..', $n))")
			extra=$(for f in $compiled; do case " $want " in *" $f "*) ;; *) echo "$f";; esac; done | tr '\n' ' ')
			if [ -n "$extra" ]; then
				fail "handout-$n" "make recompiled $extra(not student files of lab $n: is build/ up to date?)"; ok=0
			elif [ -z "$compiled" ]; then
				fail "handout-$n" "make recompiled nothing: the student files were not cut?"; ok=0
			else
				pass "handout-$n"
			fi
		fi
	fi

	# ---- handout-run-n: a guest of the lab's table under the handout's VMM ----
	if [ $ok = 1 ]; then
		# the guest OS (the paravirtual kernel if the lab's table has pv tests)
		kernel=kernel.elf
		grep -q '^[^#]*[[:space:]]pv[[:space:]]' "labs/lab$n/tests" && kernel='kernel-pv.elf'
		cp build/guestos/disk.img "$W/disk$n.img"
		timeout 60 "$H/build/trapeze" run --vmm --max-cycles 500000000 --disk "$W/disk$n.img" \
			"build/guestos/$kernel" < guestos/demo.txt > "$W/run$n.out" 2> "$W/run$n.err"
		st=$?
		lines=$(grep -c . "$W/run$n.err")
		if [ $st != 4 ]; then
			fail "handout-run-$n" "exit status $st, want 4: $(oneline 200 < "$W/run$n.err")"
		elif [ "$lines" != 1 ] || ! grep -q "lab $n: not implemented" "$W/run$n.err"; then
			fail "handout-run-$n" "want one stderr line 'lab $n: not implemented', got $lines: $(oneline 200 < "$W/run$n.err")"
		else
			pass "handout-run-$n"
		fi
	else
		fail "handout-run-$n" "no handout"
	fi

	# ---- grade-handout-n ----
	if [ $ok = 1 ]; then
		grade "handout$n" "$n" --tree "$H" --jobs 2
		if ! why=$(graded "handout$n" "$n" "labs/lab$n/tests"); then
			fail "grade-handout-$n" "$why"
		elif ! why=$(chk all-failed "$W/handout$n.json"); then
			fail "grade-handout-$n" "$why"
		else
			pass "grade-handout-$n${why:+ $why}"
		fi
	else
		fail "grade-handout-$n" "no handout"
	fi

	# ---- grade-reference-n ----
	grade "reference$n" "$n" --jobs 2
	if ! why=$(graded "reference$n" "$n" "labs/lab$n/tests"); then
		fail "grade-reference-$n" "$why"
	elif ! why=$(chk all-passed "$W/reference$n.json"); then
		fail "grade-reference-$n" "$why"
	else
		pass "grade-reference-$n"
	fi
done

# ---- lab 1's student files with one bug each --------------------------------------------
L=1
case " $labs " in *" $L "*) ;; *) L=${labs%% *};; esac
mapfile -t lab1_files < <(cd labs && python3 -c "import labkit; print(*labkit.student_files('..', $L), sep='\n')" | sed "s|^|$top/|")
T1=labs/lab$L/tests
emulate=$(for f in "${lab1_files[@]}"; do grep -l '^void vm_emulate_priv(' "$f"; done | head -1)
reflect=$(for f in "${lab1_files[@]}"; do grep -l '^void vm_reflect(' "$f"; done | head -1)

# variant NAME FILE FUNCTION CODE: $W/NAME/vmm/ = the student files with CODE
# first in FUNCTION of FILE; 0 if made.
variant() {
	local name=$1 file=$2 func=$3 code=$4 err
	student "$W/$name"
	if [ -z "$file" ]; then echo "no student file of lab $L defines $func"; return 1; fi
	err=$(inject "$W/$name/vmm/$(basename "$file")" "$func" "$code" 2>&1) || { echo "$err"; return 1; }
}

# bounded NAME SECONDS PATTERN [MODE]: the grading NAME finished within SECONDS
# and every test failed saying PATTERN (MODE failed-say: at least one failed,
# and every failed test says it).
bounded() {
	local name=$1 limit=$2 pattern=$3 mode=${4:-all-failed} why
	if ! why=$(graded "$name" "$L" "$T1"); then fail "grade-$name" "$why"; return; fi
	if ! why=$(chk "$mode" "$W/$name.json" "$pattern"); then fail "grade-$name" "$why"; return; fi
	if python3 -c "import sys; sys.exit(float(sys.argv[1]) >= float(sys.argv[2]))" "$gsec" "$limit"; then
		pass "grade-$name ($gsec s)${why:+ $why}"
	else
		fail "grade-$name" "took $gsec s, more than $limit s"
	fi
}

# grade-crash: a NULL dereference in vm_emulate_priv
if why=$(variant crash "$emulate" vm_emulate_priv '{ int *volatile np = 0; *np = 1; }'); then
	grade crash "$L" --tree "$W/crash" --jobs 4
	bounded crash 120 'crashed \(SIGSEGV\)'
else
	fail grade-crash "$why"
fi

# grade-hang: an endless host loop in vm_reflect (each run stopped by --timeout)
if why=$(variant hang "$reflect" vm_reflect 'for (;;) __asm__ volatile("");'); then
	grade hang "$L" --tree "$W/hang" --jobs 4 --timeout 3
	bounded hang 60 'timed out after 3 s' failed-say
else
	fail grade-hang "$why"
fi

# grade-flood-stdout, grade-flood-stderr: vm_emulate_priv writes without end
for s in stdout stderr; do
	if why=$(variant "flood-$s" "$emulate" vm_emulate_priv "for (;;) fputs(\"flood flood flood flood flood flood flood flood\\n\", $s);"); then
		grade "flood-$s" "$L" --tree "$W/flood-$s" --jobs 4 --timeout 20
		bounded "flood-$s" 60 'output flood \(more than 1 MiB\)'
	else
		fail "grade-flood-$s" "$why"
	fi
done

# grade-memory: allocates and touches memory without end (the grader's memory
# limit ends it; ulimit -v is the belt to its braces, should it have none)
if why=$(variant memory "$emulate" vm_emulate_priv '{ static char *volatile keep; for (;;) { keep = malloc(1 << 20); memset(keep, 1, 1 << 20); } }'); then
	rm -f "$W/memory.st"; gst=1 gsec=0
	( ulimit -v 6291456; grade memory "$L" --tree "$W/memory" --jobs 2 --timeout 20
	  echo "$gst $gsec" > "$W/memory.st" )
	[ -f "$W/memory.st" ] && read -r gst gsec < "$W/memory.st"
	bounded memory 90 '.'
else
	fail grade-memory "$why"
fi

# grade-nobuild: a syntax error in a student file
student "$W/nobuild"
echo 'int this is not C;' >> "$W/nobuild/vmm/$(basename "$emulate")"
grade nobuild "$L" --tree "$W/nobuild" --jobs 2
if ! why=$(graded nobuild "$L" "$T1"); then
	fail grade-nobuild "$why"
elif ! why=$(chk all-failed "$W/nobuild.json" '^the build failed'); then
	fail grade-nobuild "$why"
elif ! grep -q 'error' "$W/nobuild.json"; then
	fail grade-nobuild "the compiler's error lines are not in results.json"
else
	pass grade-nobuild
fi

# grade-flat, grade-deterministic: a tree that earns partial credit (the
# reference vm_emulate_priv, the handout's vm_reflect), graded twice as a tree
# and once flat
H1=$W/handout$L
if [ -f "$H1/vmm/$(basename "$reflect")" ]; then
	student "$W/mixed"
	cp "$H1/vmm/$(basename "$reflect")" "$W/mixed/vmm/"
	mkdir -p "$W/flat" && cp "$W"/mixed/vmm/* "$W/flat/"
	grade mixed "$L" --tree "$W/mixed" --jobs 2
	if ! why=$(graded mixed "$L" "$T1") || ! why=$(chk partial "$W/mixed.json"); then
		fail grade-flat "the tree form: $why"
		fail grade-deterministic "the tree form: $why"
	else
		grade flat "$L" --tree "$W/flat" --jobs 2
		if ! why=$(graded flat "$L" "$T1") || ! why=$(chk same "$W/mixed.json" "$W/flat.json" tests); then
			fail grade-flat "$why"
		else
			pass grade-flat
		fi
		cp "$W/mixed.json" "$W/mixed1.json"
		grade mixed "$L" --tree "$W/mixed" --jobs 4
		if ! why=$(graded mixed "$L" "$T1") || ! why=$(chk same "$W/mixed1.json" "$W/mixed.json"); then
			fail grade-deterministic "$why"
		else
			pass grade-deterministic
		fi
	fi
else
	fail grade-flat "no handout of lab $L"
	fail grade-deterministic "no handout of lab $L"
fi

# grade-hidden: a --hidden directory adds its tests, visible after publication
mkdir -p "$W/hidden"
hname=hidden-alu
printf 'title hidden tests\n%s  5  equiv  asm/i_alu\n' "$hname" > "$W/hidden/tests"
grade hidden "$L" --hidden "$W/hidden" --jobs 2
if ! why=$(graded hidden "$L" "$T1" "$W/hidden/tests"); then
	fail grade-hidden "$why"
elif ! why=$(chk visibility "$W/hidden.json" "$hname" after_published) ||
     ! why=$(chk all-passed "$W/hidden.json"); then
	fail grade-hidden "$why"
else
	pass grade-hidden
fi

# usage: exit status 2 and one line "grade: ..." on stderr
ok=1
for args in "$L --bogus" "" "9" "x" "$L --jobs 0" "$L --tree $W/nonexistent"; do
	# shellcheck disable=SC2086
	timeout 60 labs/grade $args > "$W/usage.out" 2> "$W/usage.err" < /dev/null
	st=$?
	if [ $st != 2 ] || [ "$(grep -c . "$W/usage.err")" != 1 ] || ! grep -q '^grade: ' "$W/usage.err"; then
		fail usage "labs/grade $args: exit status $st, stderr: $(oneline 200 < "$W/usage.err")"; ok=0
	fi
done
timeout 60 labs/handout 9 "$W/handout-9" > /dev/null 2> "$W/usage.err"; st=$?
if [ $st != 2 ]; then
	fail usage "labs/handout 9: exit status $st, want 2: $(oneline 200 < "$W/usage.err")"; ok=0
fi
[ $ok = 1 ] && pass usage

# gradescope: run_autograder with /autograder faked under $W/ag, and
# make_autograder.sh's zip
AG=$W/ag
mkdir -p "$AG/source" "$AG/submission"
ln -s "$top" "$AG/source/trapeze"
echo "$L" > "$AG/source/LAB"
cp "${lab1_files[@]}" "$AG/submission/"          # a flat upload of the reference
ok=1
out=$(env -u LAB AUTOGRADER_ROOT="$AG" GRADE_OPTS="--jobs 2" timeout 300 labs/gradescope/run_autograder 2>&1); st=$?
if [ $st != 0 ]; then
	fail gradescope "run_autograder: exit status $st: $(echo "$out" | tail -3 | oneline)"; ok=0
elif ! why=$(chk all-passed "$AG/results/results.json"); then
	fail gradescope "run_autograder on the reference: $why"; ok=0
fi
# a grader that fails still leaves a results.json (score 0, the reason)
out=$(AUTOGRADER_ROOT=$AG LAB=9 timeout 300 labs/gradescope/run_autograder 2>&1); st=$?
if [ $st != 0 ] || ! why=$(chk score-zero "$AG/results/results.json"); then
	fail gradescope "run_autograder with LAB=9: exit status $st, ${why:-}"; ok=0
fi
if out=$(timeout 120 labs/gradescope/make_autograder.sh "$L" "$W/autograder.zip" 2>&1); then
	listing=$(python3 -c 'import sys, zipfile; print(*zipfile.ZipFile(sys.argv[1]).namelist(), sep="\n")' "$W/autograder.zip")
	for f in setup.sh run_autograder LAB trapeze/labs/grade trapeze/Makefile; do
		echo "$listing" | grep -qx "$f" || { fail gradescope "the zip has no $f"; ok=0; }
	done
	if echo "$listing" | grep -q '^trapeze/build'; then fail gradescope "the zip holds build output"; ok=0; fi
else
	fail gradescope "make_autograder.sh: $(echo "$out" | oneline)"; ok=0
fi
for f in labs/gradescope/setup.sh labs/gradescope/run_autograder labs/gradescope/make_autograder.sh; do
	bash -n "$f" 2>/dev/null || { fail gradescope "$f: $(bash -n "$f" 2>&1 | oneline)"; ok=0; }
done
[ $ok = 1 ] && pass gradescope

# classroom: the "Grade" step of labs/gradescope/classroom.yml, run as GitHub
# Actions would (grader/ the trusted tree, student/ the partial-credit tree
# above): its step output "result" is what the Classroom reporter adds up
CR=$W/classroom
mkdir -p "$CR" && ln -s "$top" "$CR/grader" && cp -r "$W/mixed" "$CR/student"
if [ ! -f "$W/mixed.json" ]; then
	fail classroom "no partial-credit tree (see grade-flat)"
elif ! python3 - labs/gradescope/classroom.yml > "$CR/step.sh" <<'PY'
import sys, textwrap
lines = open(sys.argv[1]).read().split('\n')
try:
    import yaml        # python3-yaml, if there: the whole file parses
    yaml.safe_load('\n'.join(lines))
except ImportError:
    pass
i = next(i for i, l in enumerate(lines) if l.strip() == 'id: trapeze')
j = next(j for j in range(i, len(lines)) if lines[j].strip() == 'run: |')
ind = len(lines[j]) - len(lines[j].lstrip())
body = []
for l in lines[j + 1:]:
    if l.strip() and len(l) - len(l.lstrip()) <= ind:
        break
    body.append(l)
print(textwrap.dedent('\n'.join(body)))
PY
then
	fail classroom "cannot find the step 'id: trapeze' in labs/gradescope/classroom.yml"
else
	: > "$CR/output"; : > "$CR/summary"
	(cd "$CR" && LAB=$L GITHUB_OUTPUT=$CR/output GITHUB_STEP_SUMMARY=$CR/summary \
		timeout 300 bash -e step.sh > step.out 2> step.err)
	st=$?
	if [ $st != 0 ]; then
		fail classroom "the Grade step: exit status $st: $(oneline 200 < "$CR/step.err")"
	elif ! why=$(python3 - "$CR/output" "$CR/results.json" "$W/mixed.json" <<'PY'
import base64, json, sys
out = open(sys.argv[1]).read().split('\n')
res = [l[len('result='):] for l in out if l.startswith('result=')]
if len(res) != 1:
    sys.exit(print(f"want one line result=... in GITHUB_OUTPUT, got {len(res)}") or 1)
r = json.loads(base64.b64decode(res[0]))
g = json.load(open(sys.argv[2]))
want = json.load(open(sys.argv[3]))
mx = sum(t['max_score'] for t in g['tests'])
got = sum(t['score'] for t in r['tests'])
ok = (r.get('version') == 1 and r.get('max_score') == mx and abs(got - g['score']) < 0.011
      and r.get('status') == 'fail' and [t['name'] for t in r['tests']] == [t['name'] for t in g['tests']]
      and all(t['status'] == ('pass' if u['status'] == 'passed' else 'fail')
              for t, u in zip(r['tests'], g['tests']))
      and abs(g['score'] - want['score']) < 0.011)
if not ok:
    sys.exit(print(f"the reporter would get {got} / {r.get('max_score')} ({r.get('status')}), "
                   f"labs/grade says {g['score']} / {mx}") or 1)
print(f"(Points {got:g}/{mx:g})")
PY
	); then
		fail classroom "$why"
	else
		pass "classroom $why"
	fi
fi

exit "$fails"
