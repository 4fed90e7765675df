/*
 * sys.h - the guest OS's system-call interface: what a user program may ask
 * of the kernel, and the user address-space layout the kernel promises.
 * #defines only: the kernel and the user programs include it through cpp.
 *
 * Calling convention (like MIPS Linux, simplified):
 *   $v0 = system-call number, $a0-$a2 = arguments, then `syscall`.
 *   The result comes back in $v0: >= 0 success, < 0 one of the E_* codes
 *   below. Every other register except $k0/$k1 is preserved.
 *   A system call that must wait (read with no line typed yet, wait with no
 *   child finished, sleep) blocks the process; others run meanwhile.
 */
#ifndef TRAPEZE_GUESTOS_SYS_H
#define TRAPEZE_GUESTOS_SYS_H

/* ---- system-call numbers ---------------------------------------------------- */
#define SYS_EXIT     1   /* exit(status): never returns; status 0..255 to wait()  */
#define SYS_WRITE    2   /* write(fd, buf, len) -> len; fd 1 and 2 are the console */
#define SYS_READ     3   /* read(fd, buf, len) -> bytes (0 = end of input/file);
                          * fd 0 is the console: returns at most one edited line,
                          * newline included; other fds come from open()          */
#define SYS_GETPID   4   /* getpid() -> pid                                        */
#define SYS_YIELD    5   /* yield() -> 0: give the CPU to the next ready process   */
#define SYS_SBRK     6   /* sbrk(incr >= 0) -> old break; heap pages appear
                          * zero-filled on first touch (demand-zero)               */
#define SYS_SLEEP    7   /* sleep(ticks) -> 0: block for that many timer ticks     */
#define SYS_SPAWN    8   /* spawn(cmdline) -> pid: "NAME ARGS": load program NAME
                          * from the disk; it starts with $a0 = its ARGS string
                          * (NUL-terminated, on its stack) and $a1 = its length    */
#define SYS_WAIT     9   /* wait(pid or -1, &status or 0) -> pid of a finished
                          * child (blocks until one finishes); status is stored   */
#define SYS_PS      10   /* ps() -> number of processes; prints the process table */
#define SYS_LS      11   /* ls() -> number of files; prints the disk's file table  */
#define SYS_OPEN    12   /* open(name) -> fd >= 3: a file of the disk, read-only   */
#define SYS_CLOSE   13   /* close(fd) -> 0                                          */
#define SYS_PANIC   14   /* panic(msg): for teaching - the kernel panics on purpose */
#define SYS_NCALLS  15   /* one past the last number                               */

/* ---- error codes (negative results) ------------------------------------------ */
#define E_NOENT    -1    /* no such program or file                               */
#define E_NOMEM    -2    /* out of physical page frames                            */
#define E_PROCLIM  -3    /* the process table is full                              */
#define E_FAULT    -4    /* a pointer argument is not valid user memory            */
#define E_INVAL    -5    /* a bad argument (fd, negative length, ...)              */
#define E_CHILD    -6    /* no such child to wait for                              */
#define E_FDLIM    -7    /* too many open files in this process                    */
#define E_NOEXEC   -8    /* the file is not a program this kernel can load         */
#define E_NOSYS    -9    /* unknown system-call number                             */

/* ---- sizes and statuses programs can rely on ---------------------------------- */
#define LINE_MAX      128   /* a console line, newline included: longer input is
                             * refused by the line editor (it rings the bell)    */
#define CMD_MAX       128   /* spawn's command line, NUL included                */
#define KILL_STATUS_BASE 128 /* a process the kernel kills (it did something the
                             * machine forbids) exits with 128 + Cause.ExcCode,
                             * e.g. 130 for a TLB load fault                      */

/* ---- file descriptors ---------------------------------------------------------- */
#define FD_STDIN     0
#define FD_STDOUT    1
#define FD_STDERR    2

/* ---- the user address space (useg, mapped through the process's page table) --- */
#define USER_TEXT      0x00400000   /* programs are linked here (guestos/user/user.ld) */
#define USER_STACK_TOP 0x7ffff000   /* initial $sp is just below the argument string  */
#define USER_STACK_MAX 0x00010000   /* 64 KiB below USER_STACK_TOP grow on demand     */
#define USER_TOP       0x80000000   /* end of useg                                    */

#endif
