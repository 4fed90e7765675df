#!/usr/bin/env bash
# run_all.sh BUILD...: every test against each build directory (the plain one
# and the ASan+UBSan one), then the one-line summary "N passed, N failed".
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
log=$(mktemp)
for b in "$@"; do
	echo "== tests against $b"
	"$here/run_pass.sh" "$b" | sed "s|^\(PASS\|FAIL\) |\1 [$b] |" | tee -a "$log" | grep -v '^PASS' || true
	echo "   $(grep -c '^PASS' "$log") passed so far"
done
p=$(grep -c '^PASS' "$log"); f=$(grep -c '^FAIL' "$log")
rm -f "$log"
echo "$p passed, $f failed"
[ "$f" = 0 ] && [ "$p" -gt 0 ]
