#!/usr/bin/env bash
# run_all.sh BUILD...: every test against each build directory (the plain one
# and the ASan+UBSan one), the lab tools' tests once (tests/run_labs.sh, with
# the first build), then the one-line summary "N passed, N failed".
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
log=$(mktemp)
for b in "$@"; do
	echo "== tests against $b"
	"$here/run_pass.sh" "$b" | sed "s|^\(PASS\|FAIL\) |\1 [$b] |" | tee -a "$log" | grep -v '^PASS' || true
	echo "   $(grep -c '^PASS' "$log") passed so far"
done
# the lab tools (labs/handout, labs/grade, labs/gradescope): once, against
# the first (plain) build; lines "PASS labs/..."
if [ $# -gt 0 ]; then
	echo "== lab tools against $1"
	"$here/run_labs.sh" "$1" | grep '^\(PASS\|FAIL\) ' | tee -a "$log" | grep -v '^PASS' || true
	echo "   $(grep -c '^PASS' "$log") passed so far"
fi
p=$(grep -c '^PASS' "$log"); f=$(grep -c '^FAIL' "$log")
rm -f "$log"
echo "$p passed, $f failed"
[ "$f" = 0 ] && [ "$p" -gt 0 ]
