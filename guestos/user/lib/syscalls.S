/*
 * syscalls.S - one small function per system call of sys.h.
 *
 * Each puts the call's number in $v0 and executes `syscall`; the arguments
 * are already in $a0-$a2, where the caller put them, and the kernel leaves
 * its result in $v0 (>= 0 success, < 0 an E_* code). The kernel preserves
 * every other register, so these functions change nothing but $v0.
 * exit() is the exception: it flushes the output buffer first (print.S).
 */
#include "ulib.h"

/* SYSCALL(name, number): the function `name` that makes system call `number`. */
#define SYSCALL(name, number) \
	FUNC(name) li $v0, number; syscall; jr $ra; nop; END(name)

	.set noreorder
	.text

SYSCALL(write,  SYS_WRITE)      /* write(fd, buf, len) -> bytes written      */
SYSCALL(read,   SYS_READ)       /* read(fd, buf, len) -> bytes, 0 at the end */
SYSCALL(getpid, SYS_GETPID)     /* getpid() -> pid                           */
SYSCALL(yield,  SYS_YIELD)      /* yield() -> 0                              */
SYSCALL(sbrk,   SYS_SBRK)       /* sbrk(incr) -> the old break               */
SYSCALL(sleep,  SYS_SLEEP)      /* sleep(ticks) -> 0                         */
SYSCALL(spawn,  SYS_SPAWN)      /* spawn(cmdline) -> pid of the child        */
SYSCALL(wait,   SYS_WAIT)       /* wait(pid or -1, &status or 0) -> pid      */
SYSCALL(ps,     SYS_PS)         /* ps() -> number of processes               */
SYSCALL(ls,     SYS_LS)         /* ls() -> number of files                   */
SYSCALL(open,   SYS_OPEN)       /* open(name) -> fd                          */
SYSCALL(close,  SYS_CLOSE)      /* close(fd) -> 0                            */
SYSCALL(panic,  SYS_PANIC)      /* panic(msg): the kernel stops              */

/* exit(status) never returns: like C's exit, it first flushes the console
 * output buffer (print.S), then falls into _exit. */
FUNC(exit)
	jal flush
	move $s0, $a0                   /* keep status ($s0 need not survive: no return) */
	move $a0, $s0
END(exit)

/* _exit(status): the system call alone. Should the kernel ever return from
 * it, ask again rather than run on into whatever follows. */
FUNC(_exit)
1:	li $v0, SYS_EXIT
	syscall
	b 1b
	nop
END(_exit)
