#!/usr/bin/env bash
# debug_tui.sh TRAPEZE BUILD_DIR: the full-screen debugger (`trapeze debug`,
# debugger/ui_*.c) in a real terminal. tmux runs it at 80x24 on the guest OS
# under the VMM with a fresh history file; keys go in with send-keys, the
# screen comes back with capture-pane. Checks, in one session:
#   start        the panes: disassembly at the entry symbol with "=>" at the
#                PC, registers, the key hint built from the command table
#   colour       colours on a terminal that has them
#   exit-step    F6 up to the first CpU exit: the kernel's first privileged
#                instruction (mtc0/mfc0) and its cause on screen
#   vmm-changed  F6 again: what the VMM changed ("->" lines) in the output
#   breakpoint   `break SYMBOL` typed, F5: stopped there, the PC line marked
#   resize       120x40: the vCP0 and TLB panes appear; 40x10, 20x5: no
#                crash; back to 80x24: the small layout again, one copy of
#                each pane; `info regs` and `step` still answer
#   complete     "unti" + Tab gives "until-exit" on the command line
#   run-console  `delete`, F5: running; keys typed go to the guest's shell,
#                which answers in the console pane
#   run-interrupt  Ctrl-C stops the run
#   quit         `quit`: status 0, terminal settings and screen restored,
#                the history file holds the commands typed
# and in a second one, --mono: no colour at all; F10 (quit's key) leaves.
# SKIP when tmux is missing.
source "$(dirname "$0")/lib.bash" "$1" "$2" debug-tui

if ! command -v tmux >/dev/null; then
	echo "SKIP cli-debug-tui: tmux is not installed"
	exit 0
fi
K=$B/guestos/kernel.elf
if [ ! -f "$K" ] || [ ! -f "$B/guestos/disk.img" ]; then
	fail setup "no $K or $B/guestos/disk.img (run make)"
	exit 0
fi
cp "$B/guestos/disk.img" "$OUT/disk.img"      # the guest writes its disk
W=${TTY_WAIT:-20}          # seconds to wait for anything to happen
NM=$(tool llvm-nm); READELF=$(tool llvm-readelf)
# the entry symbol, and a function the boot calls soon after its first exits
ENTRY=$("$READELF" -h "$K" | awk '/Entry point/ { sub(/^0[xX]/, "", $4); print tolower($4) }')
ENTRY_SYM=$("$NM" "$K" | awk -v a="$ENTRY" '$1 ~ a"$" && $2 ~ /^[Tt]$/ { print $3; exit }')
SYM=
for s in frames_init fs_init kputs; do
	if "$NM" "$K" | grep -q " [Tt] $s\$"; then SYM=$s; break; fi
done
if [ -z "$ENTRY_SYM" ] || [ -z "$SYM" ]; then
	fail setup "no entry symbol ($ENTRY) or none of frames_init, fs_init, kputs in $K"
	exit 0
fi

# ---- the terminal: a private tmux server, bounded waits ----
SOCK=${TMPDIR:-/tmp}/tz-dtui-$$.sock    # short: sockets have a path limit
unset TMUX
tm() { tmux -S "$SOCK" "$@"; }
cleanup() {
	tm kill-server 2>/dev/null
	local n p
	for n in dbg mono; do        # a trapeze that outlived its terminal
		p=$(cat "$OUT/$n.pid" 2>/dev/null) || continue
		if [ -n "$p" ] && grep -q trapeze "/proc/$p/cmdline" 2>/dev/null; then kill "$p" 2>/dev/null; fi
	done
	rm -f "$SOCK"
}
trap cleanup EXIT
# one idle session, so that the server outlives the sessions under test
tm new-session -d -s keep "sleep 600"

wait_for() {  # wait_for SECONDS COMMAND...: until the command succeeds
	local t=$(( $1 * 10 )); shift
	while ! "$@"; do
		t=$((t - 1)); [ $t -le 0 ] && return 1
		sleep 0.1
	done
}
S=dbg
screen() { tm capture-pane -p -t "$S"; }
shows() { screen | grep -qF -- "$1"; }
shows_re() { screen | grep -qE -- "$1"; }
status() { screen | tail -n 2 | head -n 1; }   # the row above the command line
cmdline() { screen | tail -n 1; }
status_has() { status | grep -qF -- "$1"; }
status_is_not() { [ "$(status)" != "$1" ]; }
cmdline_has() { cmdline | grep -qF -- "$1"; }
keys() { tm send-keys -t "$S" "$@"; }
typed() { tm send-keys -t "$S" -l "$1"; }
line() { typed "$1"; keys Enter; }   # a command typed and entered
why() { screen | sed 's/  *$//' | grep . | tr '\n' '|' | head -c 2000; }
expect() {  # expect NAME WHAT COMMAND...: a check that shows the screen when it fails
	local n=$1 what=$2; shift 2
	if "$@"; then pass "$n"; else fail "$n" "$what; the screen: $(why)"; fi
}

# session NAME ARGS...: trapeze debug ARGS at 80x24 in NAME; its pid, exit
# status, stty -g before and after, stderr in $OUT/NAME.*
session() {
	local n=$1; shift
	rm -f "$OUT/$n".{pid,st,before,after,err}
	tm new-session -d -s "$n" -x 80 -y 24 "unset NO_COLOR; cd '$OUT' && stty -g > $n.before &&
		TRAPEZE_HISTORY='$OUT/$n.hist' timeout --foreground 300 sh -c 'echo \$\$ > $n.pid; exec \"\$0\" \"\$@\" 2> $n.err' $(printf '%q ' "$T" debug "$@") ;
		echo \$? > $n.st; stty -g > $n.after; sleep 600"
}
finished() { wait_for "$W" test -s "$OUT/$1.after"; }

# ---- start ----
rm -f "$OUT/dbg.hist"
session dbg --vmm --disk "$OUT/disk.img" "$K"
if ! wait_for "$W" shows "Disassembly"; then
	fail start "no Disassembly pane: $(why) $(head -c 300 "$OUT/dbg.err" 2>/dev/null)"
	exit 0
fi
expect start "want the Registers pane, <$ENTRY_SYM> and a '=>' line, the F6 hint" \
	eval 'wait_for "$W" shows Registers && shows "<$ENTRY_SYM>" && shows_re "^=>" && shows "F6 exit-step"'

SGR=$'\e\\[[0-9;]*m'                                          # any attribute change
COLOUR=$'\e\\[([0-9;]*;)?(3[0-8]|4[0-8]|9[0-7]|10[0-7])[;m]'    # one that sets a colour
expect colour "no colour (trapping instructions in yellow) on a terminal that has colours" \
	eval 'tm capture-pane -e -p -t dbg | grep -qE "$COLOUR"'

# ---- F6 until the first CpU exit (shadow fills may come first) ----
cpu=no
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
	before=$(status)
	keys F6
	wait_for "$W" status_is_not "$before" || break
	if status_has "CpU"; then cpu=yes; break; fi
done
expect exit-step "no CpU exit after $i F6" \
	eval '[ $cpu = yes ] && shows_re "CpU.*m[tf]c0|m[tf]c0.*CpU" && shows_re "^=>.*m[tf]c0"'
before=$(status)
keys F6
expect vmm-changed "F6 after the CpU exit" \
	eval 'wait_for "$W" status_is_not "$before" && wait_for "$W" shows "changed" && shows_re "->"'

# ---- a breakpoint, continue ----
line "break $SYM"
wait_for "$W" shows "(trapeze) break $SYM"
keys F5
expect breakpoint "break $SYM, F5" \
	eval 'wait_for "$W" status_has "<$SYM>" && status | grep -qi breakpoint && shows_re "^=>"'

# ---- resizing ----
count() { screen | grep -cF -- "$1"; }
tm resize-window -t "$S" -x 120 -y 40
expect resize-large "at 120x40" \
	eval 'wait_for "$W" shows "Shadow TLB" && shows "Guest TLB" && shows "Virtual CP0" &&
	      [ "$(count Disassembly)" = 1 ] && [ "$(screen | wc -l)" = 40 ]'
tm resize-window -t "$S" -x 40 -y 10
wait_for "$W" eval '[ "$(screen | head -n 1 | wc -c)" -le 41 ]'
tm resize-window -t "$S" -x 20 -y 5
wait_for "$W" shows "too small"
tm resize-window -t "$S" -x 80 -y 24
expect resize-small "back at 80x24" \
	eval 'wait_for "$W" eval "! shows \"Shadow TLB\"" && wait_for "$W" shows Disassembly &&
	      [ "$(count Disassembly)" = 1 ] && [ "$(count Registers)" = 1 ] && ! shows "too small"'
line "info regs"
before=$(status)
line step
expect resize-responsive "info regs and step after the resizes" \
	eval 'wait_for "$W" shows "(trapeze) step" && wait_for "$W" status_is_not "$before"'

# ---- completion ----
typed unti
keys Tab
expect complete "unti + Tab" wait_for "$W" cmdline_has "until-exit"
keys C-c
wait_for "$W" eval '[ "$(cmdline | sed "s/ *$//")" = "(trapeze)" ]'

# ---- a run: keys go to the guest, Ctrl-C stops ----
line delete
wait_for "$W" shows "(trapeze) delete"
keys F5
if wait_for "$W" status_has "running" && wait_for "$W" shows_re '^\$ *$'; then
	typed "tui-nosuch-$$"; keys Enter     # the shell: "sh: NAME: why" for no such program
	expect run-console "typed 'tui-nosuch-$$' + Enter into the guest's shell while it runs" \
		wait_for "$W" shows_re "^sh: tui-nosuch-$$"
	keys C-c
	expect run-interrupt "Ctrl-C during the run" \
		eval 'wait_for "$W" eval "! status_has running" && status_has interrupted'
else
	fail run-console "F5 after delete: never running with the shell prompt: $(why)"
fi

# ---- quit ----
line quit
if ! finished dbg; then
	fail quit "trapeze did not exit: $(why) $(head -c 200 "$OUT/dbg.err")"
else
	check quit "status $(cat "$OUT/dbg.st"), stderr: $(head -c 300 "$OUT/dbg.err")" \
		eval '[ "$(cat "$OUT/dbg.st")" = 0 ] && ! grep -qE "Sanitizer|runtime error" "$OUT/dbg.err"'
	check quit-restored "stty -g before: $(cat "$OUT/dbg.before"), after: $(cat "$OUT/dbg.after"); screen: $(why)" \
		eval 'cmp -s "$OUT/dbg.before" "$OUT/dbg.after" && ! shows Disassembly'
	check history "history file: $(tr '\n' '|' < "$OUT/dbg.hist" 2>/dev/null)" \
		eval 'for c in "break $SYM" delete "info regs" step quit; do grep -qxF -- "$c" "$OUT/dbg.hist" || exit 1; done'
fi
tm kill-session -t dbg 2>/dev/null

# ---- monochrome, and quit by its key ----
S=mono
session mono --mono --vmm --disk "$OUT/disk.img" "$K"
if wait_for "$W" shows "Disassembly" && wait_for "$W" shows_re "^=>"; then
	check mono "colour escapes with --mono: $(tm capture-pane -e -p -t mono | grep -oE "$SGR" | sort -u | tr '\n' ' ' | cat -v)" \
		eval '! tm capture-pane -e -p -t mono | grep -qE "$COLOUR"' 
	keys F10
	check quit-key "F10 (quit): status $(cat "$OUT/mono.st" 2>/dev/null)" \
		eval 'finished mono && [ "$(cat "$OUT/mono.st")" = 0 ] && cmp -s "$OUT/mono.before" "$OUT/mono.after"'
else
	fail mono "no screen with --mono: $(why)"
fi
exit 0
