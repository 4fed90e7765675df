#!/usr/bin/env bash
# make_autograder.sh LAB OUT.zip [HIDDEN_DIR]: the Gradescope autograder of
# lab LAB ("Programming Assignment" > "Configure Autograder" > "Zip file upload",
# base image Ubuntu 22.04).
#
# Gradescope unpacks the zip into /autograder/source and wants setup.sh and
# run_autograder at the zip's top, so it holds:
#
#   setup.sh          installs the packages, builds the tree, grades the reference
#   run_autograder    grades /autograder/submission (copied to /autograder/)
#   LAB               the lab number
#   trapeze/          the trusted tree: this one (the files git knows, untracked
#                     ones too, but no build output), reference solutions included
#   hidden/           HIDDEN_DIR, if given: instructor-only tests (its "tests"
#                     table and the programs it names, labs/grade --hidden)
#
# The zip holds the reference solutions: keep it to the instructors.
set -euo pipefail
usage() { echo "make_autograder.sh: usage: labs/gradescope/make_autograder.sh LAB OUT.zip [HIDDEN_DIR]" >&2; exit 2; }
[ $# = 2 ] || [ $# = 3 ] || usage
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
lab=$1 out=$2 hidden=${3:-}
case $lab in ''|*[!0-9]*) echo "make_autograder.sh: LAB must be a lab number, not '$lab'" >&2; exit 2;; esac
if [ -n "$hidden" ] && [ ! -f "$hidden/tests" ]; then
	echo "make_autograder.sh: $hidden has no 'tests' table" >&2; exit 2
fi
python3 - "$top" "$here" "$lab" "$out" "$hidden" <<'PY'
import os, sys, zipfile
top, here, lab, out, hidden = sys.argv[1:]
sys.path.insert(0, os.path.join(top, 'labs'))
import labkit
have = labkit.labs(top)
if int(lab) not in have:
    print(f"make_autograder.sh: there is no lab {lab} (labs: {', '.join(map(str, have))})",
          file=sys.stderr)
    sys.exit(2)

def add(z, path, arc, mode=None):
    info = zipfile.ZipInfo.from_file(path, arc)
    if mode is not None:
        info.external_attr = (0o100000 | mode) << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    with open(path, 'rb') as f:
        z.writestr(info, f.read())

tmp = out + '.tmp'
with zipfile.ZipFile(tmp, 'w') as z:
    add(z, os.path.join(here, 'setup.sh'), 'setup.sh', 0o755)
    add(z, os.path.join(here, 'run_autograder'), 'run_autograder', 0o755)
    info = zipfile.ZipInfo('LAB', (1980, 1, 1, 0, 0, 0))
    info.external_attr = 0o100644 << 16
    z.writestr(info, f"{int(lab)}\n")
    n = 0
    for rel in sorted(labkit.tree_files(top)):
        add(z, os.path.join(top, rel), 'trapeze/' + rel)
        n += 1
    if hidden:
        for d, dirs, names in os.walk(hidden):
            dirs.sort()
            for name in sorted(names):
                p = os.path.join(d, name)
                add(z, p, 'hidden/' + os.path.relpath(p, hidden))
os.replace(tmp, out)
print(f"make_autograder.sh: {out}: lab {lab}, setup.sh, run_autograder, LAB, "
      f"trapeze/ ({n} files){', hidden/' if hidden else ''}")
PY
