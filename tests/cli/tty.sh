#!/usr/bin/env bash
# tty.sh TRAPEZE BUILD_DIR: the console on a terminal (cli/tty.c). In a
# pseudo-terminal (tmux, or script(1) when there is no tmux), progs/ttyecho
# answers each byte b it reads with "<hh>". While it runs the terminal must
# deliver bytes one at a time (no Enter needed), not echo them, map CR to
# NL, pass Ctrl-D and Ctrl-V to the guest and keep Ctrl-C working; the
# settings found (`stty -g`) must be back after a normal exit, Ctrl-C,
# SIGTERM, SIGHUP, SIGQUIT, a crash and an error exit (--max-cycles), natively and
# under --vmm; with stdin not a terminal nothing changes. Ctrl-Z stops
# trapeze with the terminal restored, `fg` makes it raw again.
# TTY_DRIVER=tmux|script picks the driver (default: tmux if installed).
source "$(dirname "$0")/lib.bash" "$1" "$2" tty

DRV=${TTY_DRIVER:-}
if [ -z "$DRV" ]; then
	if command -v tmux >/dev/null; then DRV=tmux
	elif command -v script >/dev/null; then DRV=script
	else echo "SKIP cli-tty: neither tmux nor script is installed"; exit 0; fi
fi
build ttyecho "$CLI_DIR/progs/sseg.ld" || { fail build "$(head -c 200 "$OUT/ttyecho.build.err")"; exit 0; }
E=$OUT/ttyecho.elf
W=${TTY_WAIT:-20}          # seconds to wait for anything to happen

# ---- the pseudo-terminal driver: start NAME CMD, text NAME STR, key NAME KEY
# (Enter C-c C-d C-v C-z), screen NAME (what the terminal showed), stop NAME
SOCK=${TMPDIR:-/tmp}/trapeze-tty-$$.sock     # short: sockets have a path limit
unset TMUX
declare -A SPID SFD
start() {
	local n=$1 cmd=$2
	if [ "$DRV" = tmux ]; then
		tmux -S "$SOCK" new-session -d -s "$n" -x 120 -y 30 "$cmd"
	else
		rm -f "$OUT/$n.fifo"; mkfifo "$OUT/$n.fifo"
		script -qfec "$cmd" /dev/null <"$OUT/$n.fifo" >"$OUT/$n.screen" 2>&1 &
		SPID[$n]=$!
		exec {fd}>"$OUT/$n.fifo"; SFD[$n]=$fd
	fi
}
text() {
	if [ "$DRV" = tmux ]; then tmux -S "$SOCK" send-keys -t "$1" -l "$2"
	else printf '%s' "$2" >&"${SFD[$1]}"; fi
}
key() {
	if [ "$DRV" = tmux ]; then tmux -S "$SOCK" send-keys -t "$1" "$2"; return; fi
	case $2 in
	Enter) printf '\r' ;; C-c) printf '\003' ;; C-d) printf '\004' ;;
	C-v) printf '\026' ;; C-z) printf '\032' ;;
	esac >&"${SFD[$1]}"
}
screen() {
	if [ "$DRV" = tmux ]; then tmux -S "$SOCK" capture-pane -p -t "$1"
	else cat "$OUT/$1.screen"; fi
}
stop() {
	if [ "$DRV" = tmux ]; then tmux -S "$SOCK" kill-session -t "$1" 2>/dev/null
	else
		local fd=${SFD[$1]}; exec {fd}>&-
		kill "${SPID[$1]}" 2>/dev/null; wait "${SPID[$1]}" 2>/dev/null
	fi
}
cleanup() { [ "$DRV" = tmux ] && tmux -S "$SOCK" kill-server 2>/dev/null; rm -f "$SOCK"; }
trap cleanup EXIT
# one idle session for the whole test, so that the server does not exit
# (and race with the next new-session) each time a test's session ends
[ "$DRV" = tmux ] && tmux -S "$SOCK" new-session -d -s keep "sleep 3600"

# wait_for SECONDS COMMAND...: until the command succeeds
wait_for() {
	local t=$(( $1 * 10 )); shift
	while ! "$@"; do
		t=$((t - 1)); [ $t -le 0 ] && return 1
		sleep 0.1
	done
}
has() { [ -f "$1" ] && grep -qF -- "$2" "$1"; }
settings() { stty -a <"$(cat "$OUT/$1.tty")" 2>/dev/null; }
is_raw() { settings "$1" | grep -qw -- -icanon && settings "$1" | grep -qw -- -echo; }
is_cooked() { settings "$1" | grep -qw icanon && settings "$1" | grep -qw echo; }

# session NAME ARGS...: trapeze ARGS in a fresh terminal, with its pid,
# terminal name, exit status and stty -g before and after in $OUT/NAME.*
session() {
	local n=$1; shift
	rm -f "$OUT/$n".{pid,tty,st,before,after,out,err}
	start "$n" "cd '$OUT' && tty > $n.tty && stty -g > $n.before &&
		sh -c 'echo \$\$ > $n.pid; exec \"\$0\" \"\$@\" > $n.out 2> $n.err' $(printf '%q ' "$T" "$@") ;
		echo \$? > $n.st; stty -g > $n.after; sleep 600"
	wait_for "$W" test -s "$OUT/$n.pid" && wait_for "$W" is_raw "$n"
}
finished() {  # finished NAME: it exited and wrote the settings after
	wait_for "$W" test -s "$OUT/$1.after"
}
restored() {  # restored NAME CHECK: the settings after are those before
	local n=$1 c=$2
	if ! finished "$n"; then fail "$c" "trapeze did not exit: $(head -c 200 "$OUT/$n.err")"
	elif ! cmp -s "$OUT/$n.before" "$OUT/$n.after"; then
		fail "$c" "stty -g before: $(cat "$OUT/$n.before"), after: $(cat "$OUT/$n.after")"
	else pass "$c"; fi
}

# ---- typing, natively and under the VMM ----
for mode in native vmm; do
	ses=type-$mode
	opt=; [ $mode = vmm ] && opt=--vmm
	if ! session "$ses" run $opt "$E"; then
		fail "$ses-raw" "the terminal never went non-canonical without echo: $(settings "$ses" | tr '\n' ' ' | head -c 300) $(head -c 200 "$OUT/$ses.err")"
		stop "$ses"; continue
	fi
	s=$(settings "$ses")
	check "$ses-settings" "stty -a during the run: $(echo "$s" | tr '\n' ' ' | head -c 400)" \
		eval 'for f in -icanon -echo -echonl -iexten icrnl isig; do grep -qw -- "$f" <<<"$s" || exit 1; done'
	text "$ses" a
	check "$ses-one-byte" "typed 'a' without Enter; the guest got: '$(cat "$OUT/$ses.out")'" \
		wait_for "$W" has "$OUT/$ses.out" "<61>"
	sleep 0.3
	check "$ses-no-echo" "the terminal shows: $(screen "$ses" | tr -s '\n' '|' | head -c 200)" \
		eval '[ -z "$(screen "$ses" | tr -d " \n")" ]'
	text "$ses" b
	check "$ses-second-byte" "got '$(cat "$OUT/$ses.out")'" wait_for "$W" has "$OUT/$ses.out" "<61><62>"
	key "$ses" Enter
	check "$ses-cr-to-nl" "Enter gave '$(cat "$OUT/$ses.out")'" wait_for "$W" has "$OUT/$ses.out" "<61><62><0a>"
	key "$ses" C-d
	key "$ses" C-v
	check "$ses-ctrl-d-ctrl-v" "got '$(cat "$OUT/$ses.out")'" wait_for "$W" has "$OUT/$ses.out" "<0a><04><16>"
	text "$ses" q
	finished "$ses"
	check "$ses-exit" "status $(cat "$OUT/$ses.st" 2>/dev/null), want 6; output '$(cat "$OUT/$ses.out")'; $(head -c 200 "$OUT/$ses.err")" \
		eval '[ "$(cat "$OUT/$ses.st" 2>/dev/null)" = 6 ] && [ "$(cat "$OUT/$ses.out")" = "<61><62><0a><04><16><71>" ]'
	restored "$ses" "$ses-restored"
	stop "$ses"
done

# ---- ways out by signal: Ctrl-C (natively and under the VMM), kill -TERM,
# -HUP, -QUIT; exit status 128 + signal, settings restored ----
sigtest() {  # sigtest NAME WANT-STATUS HOW [run options]
	local n=$1 want=$2 how=$3; shift 3
	if ! session "$n" run "$@" "$E"; then
		fail "$n" "the terminal never went raw: $(head -c 200 "$OUT/$n.err")"; stop "$n"; return
	fi
	case $how in
	C-c) key "$n" C-c ;;
	*) kill -s "$how" "$(cat "$OUT/$n.pid")" ;;
	esac
	if ! finished "$n"; then fail "$n" "did not exit after $how"
	elif [ "$(cat "$OUT/$n.st")" != "$want" ]; then fail "$n" "status $(cat "$OUT/$n.st") after $how, want $want"
	else restored "$n" "$n"; fi
	stop "$n"
}
sigtest ctrl-c 130 C-c
sigtest ctrl-c-vmm 130 C-c --vmm
sigtest sigterm 143 TERM
sigtest sighup 129 HUP
sigtest sigquit 131 QUIT
sigtest sigterm-vmm 143 TERM --vmm
# a crash (here a SIGSEGV sent from outside): restored, then the usual
# death (or the sanitizer's report)
ses=crash
if session "$ses" run "$E"; then
	kill -s SEGV "$(cat "$OUT/$ses.pid")"
	if ! finished "$ses"; then fail crash "did not die of SIGSEGV"
	elif [ "$(cat "$OUT/$ses.st")" = 0 ]; then fail crash "status 0 after SIGSEGV"
	else restored "$ses" crash; fi
else
	fail crash "the terminal never went raw: $(head -c 200 "$OUT/$ses.err")"
fi
stop "$ses"

# ---- an error exit (--max-cycles: status 124) restores them too ----
for mode in native vmm; do
	ses=max-cycles-$mode
	opt=; [ $mode = vmm ] && opt=--vmm
	session "$ses" run $opt --max-cycles 20000000 "$E"
	check "$ses" "status $(cat "$OUT/$ses.st" 2>/dev/null), want 124: $(head -c 200 "$OUT/$ses.err")" \
		eval 'finished "$ses" && [ "$(cat "$OUT/$ses.st")" = 124 ]'
	restored "$ses" "$ses-restored"
	stop "$ses"
done

# ---- Ctrl-Z in an interactive shell: stopped with the terminal restored,
# raw again after fg, restored at the end ----
ses=ctrl-z
rm -f "$OUT/$ses".{tty,before,after,out,st}
start "$ses" "cd '$OUT' && tty > $ses.tty && stty -g > $ses.before && PS1='$ ' exec bash --norc --noprofile --noediting -i"
if wait_for "$W" test -s "$OUT/$ses.tty"; then
	sleep 0.3
	text "$ses" "('$T' run '$E' > $ses.out 2> $ses.err; echo \$? > $ses.st; stty -g > $ses.after)"
	key "$ses" Enter
	if ! wait_for "$W" is_raw "$ses"; then
		fail ctrl-z "the terminal never went raw: $(screen "$ses" | tr -s '\n' '|' | head -c 200)"
	else
		key "$ses" C-z
		check ctrl-z-stopped "after Ctrl-Z: $(settings "$ses" | tr '\n' ' ' | head -c 300)" \
			wait_for "$W" is_cooked "$ses"
		text "$ses" fg; key "$ses" Enter
		check ctrl-z-fg-raw "after fg: $(settings "$ses" | tr '\n' ' ' | head -c 300)" \
			wait_for "$W" is_raw "$ses"
		text "$ses" zq
		check ctrl-z-input "status $(cat "$OUT/$ses.st" 2>/dev/null), output '$(cat "$OUT/$ses.out" 2>/dev/null)'" \
			eval 'finished "$ses" && [ "$(cat "$OUT/$ses.st")" = 2 ] && [ "$(cat "$OUT/$ses.out")" = "<7a><71>" ]'
		restored "$ses" ctrl-z-restored
	fi
else
	fail ctrl-z "the shell did not start"
fi
stop "$ses"

# ---- file mode untouched: stdin not a terminal, stdout one ----
ses=file-mode
session_file() {
	rm -f "$OUT/$ses".{tty,before,after,st}
	start "$ses" "cd '$OUT' && tty > $ses.tty && stty -g > $ses.before && printf 'xy' | '$T' run '$E' > $ses.out 2> $ses.err; echo \$? > $ses.st; stty -g > $ses.after; sleep 600"
}
session_file
check file-mode "status $(cat "$OUT/$ses.st" 2>/dev/null), output '$(cat "$OUT/$ses.out" 2>/dev/null)'" \
	eval 'finished "$ses" && [ "$(cat "$OUT/$ses.st")" = 2 ] && [ "$(cat "$OUT/$ses.out")" = "<78><79>" ] && cmp -s "$OUT/$ses.before" "$OUT/$ses.after"'
stop "$ses"
exit 0
