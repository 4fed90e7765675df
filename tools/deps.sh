#!/bin/sh
# deps.sh: make sure the Debian packages Trapeze needs are installed.
# As root it installs what is missing with apt-get (non-interactive); as
# anyone else it prints the exact command and fails. Quiet when all is there.
set -eu
PKGS="build-essential pkg-config libreadline-dev libncurses-dev llvm lld tmux python3"
missing=""
have() { command -v "$1" >/dev/null 2>&1; }
hdr() { printf '#include <%s>\n' "$1" | cc -E -x c - >/dev/null 2>&1; }
have cc          || missing="$missing build-essential"
have make        || missing="$missing build-essential"
have pkg-config  || missing="$missing pkg-config"
have llvm-mc     || missing="$missing llvm"
have llvm-objdump || missing="$missing llvm"
have ld.lld      || missing="$missing lld"
have tmux        || missing="$missing tmux"
have python3     || missing="$missing python3"
if have cc; then
	hdr readline/readline.h || missing="$missing libreadline-dev"
	hdr ncurses.h           || missing="$missing libncurses-dev"
fi
[ -z "$missing" ] && exit 0
missing=$(echo $missing | tr ' ' '\n' | sort -u | tr '\n' ' ')
cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing"
if [ "$(id -u)" != 0 ]; then
	echo "trapeze: missing Debian packages:$missing" >&2
	echo "run as root:  $cmd" >&2
	exit 1
fi
echo "trapeze: installing$missing" >&2
sh -c "$cmd" >&2
