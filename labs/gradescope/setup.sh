#!/usr/bin/env bash
# setup.sh: Gradescope runs this once, as root, when it builds the autograder
# image (Ubuntu 22.04), with the autograder zip unpacked in /autograder/source
# (make_autograder.sh: this script, run_autograder, LAB and the trusted tree
# in trapeze/).
#
# It installs the packages Trapeze needs with the tree's own check,
# tools/deps.sh (as root it apt-get installs what is missing; the Ubuntu
# names are the Debian ones: build-essential pkg-config libreadline-dev
# libncurses-dev llvm lld python3, and tmux for the debugger's tests), then
# builds the trusted tree once and grades the reference solution: that builds
# the test programs and proves the image gives full marks before any student
# submits. AUTOGRADER_ROOT (default /autograder) moves everything, for trying
# it out elsewhere.
set -euo pipefail
root=${AUTOGRADER_ROOT:-/autograder}
here=$(cd "$(dirname "$0")" && pwd)
src=$root/source
[ -d "$src/trapeze" ] || src=$here
tree=${TRAPEZE_TREE:-$src/trapeze}
export DEBIAN_FRONTEND=noninteractive

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
	# deps.sh probes with cc, so a bare image first needs the compiler
	command -v cc >/dev/null || { apt-get update && apt-get install -y --no-install-recommends build-essential; }
fi
sh "$tree/tools/deps.sh"

# zips made elsewhere may lose the executable bits
chmod +x "$tree/labs/grade" "$tree/labs/handout" "$here/run_autograder" 2>/dev/null || true
find "$tree" -name '*.sh' -exec chmod +x {} +

make -C "$tree" all
lab=${LAB:-$(tr -d ' \t\r\n' < "$src/LAB")}
echo "setup.sh: grading the reference solution of lab $lab once"
total=$("$tree/labs/grade" "$lab" --quiet | tail -1)
echo "setup.sh: $total"
read -r _ got _ max <<< "$total"
if [ "$got" != "$max" ]; then
	echo "setup.sh: the reference solution does not get full marks: this image would grade wrong" >&2
	exit 1
fi

# Grading needs no solution: the student's files replace the files that hold
# it. Strip this lab's reference code from the image (markers and stubs
# kept, labs/labkit.py strip_tree), sources and objects, so that student
# code cannot reach it on the grading machine.
python3 -c 'import sys; sys.path.insert(0, sys.argv[1]); import labkit; labkit.strip_tree(sys.argv[2], int(sys.argv[3]))' \
	"$tree/labs" "$tree" "$lab"
make -C "$tree" all
echo "setup.sh: lab $lab's reference code removed from the image"
