/*
 * ulib.h - the user library of the Trapeze guest OS: its conventions, the
 * list of its functions, and a few #define macros. Every user program and
 * every file of guestos/user/lib/ includes it through cpp.
 *
 * Calling convention (o32-like, simplified):
 *   arguments     $a0-$a3 (no argument save area on the stack, unlike o32)
 *   results       $v0 (and $v1 where said)
 *   preserved     $s0-$s7, $sp, $fp ($gp is not used at all)
 *   clobbered     $t0-$t9, $a0-$a3, $v0-$v1, $ra, HI/LO
 *   stack         grows down, $sp 8-byte aligned at every call; a function
 *                 that calls another saves $ra (and the $s registers it uses)
 *                 in its own frame.
 * Every file says `.set noreorder`: each branch and jump is followed by its
 * delay-slot instruction, written out (often a `nop`). Never put `la` or a
 * large `li` in a delay slot: they expand into two instructions.
 *
 * System calls (syscalls.S): one function per SYS_* of sys.h, same name
 * without the prefix, arguments in the same order. Result in $v0: >= 0
 * success, < 0 an E_* code. Only $v0 changes.
 *   exit(status)            flushes the output buffer, then _exit(status)
 *   _exit(status)           the system call alone; never returns
 *   write(fd, buf, len)     read(fd, buf, len)        getpid()
 *   yield()                 sbrk(incr)                sleep(ticks)
 *   spawn(cmdline)          wait(pid or -1, &status or 0)
 *   ps()   ls()   open(name)   close(fd)   panic(msg)
 *
 * Strings (string.S):
 *   strlen(s)               -> length
 *   strcmp(a, b)            -> < 0, 0, > 0 (bytes compared unsigned)
 *   streq(a, b)             -> 1 if equal, else 0
 *   strcpy(dst, src)        -> dst
 *   word(p)                 -> $v0 = the first word of p, $v1 = the rest.
 *                              Skips blanks (space, tab), ends the word with
 *                              a NUL written over the blank that follows it:
 *                              the string is split in place. $v0 points to ""
 *                              when no word is left.
 *   atoi(s)                 -> the value of a decimal number, or -1 if s is
 *                              empty, holds anything but the digits 0-9 (no
 *                              sign, no blanks), or is above 2147483647.
 *                              So every valid result is >= 0.
 *   argnum(args, dflt)      -> the first word of args as a number, dflt if
 *                              there is none, -1 if it is not a number
 *
 * Output to the console, fd 1 (print.S), line-buffered like C's stdout:
 * these append to a 128-byte buffer that goes out in one write() at each
 * newline, when full, at exit(), and when flush() is called. Call flush()
 * before reading after a prompt without a newline, and before mixing in
 * direct write() calls. One line per write() keeps the lines of processes
 * that print at the same time from mixing.
 *   putc(c)                 one byte
 *   puts(s)                 a NUL-terminated string; unlike C's puts it does
 *                           NOT add a newline
 *   putbytes(buf, n)        n bytes
 *   putdec(n)               n as signed decimal: "-42"
 *   puthex(n)               n as "0x" and 8 lowercase hex digits: "0x0000002a"
 *   flush()                 write out what is buffered
 *
 * Errors (strerror.S):
 *   strerror(code)          -> the text of an E_* code ("no such program or
 *                              file"); "unknown error" for anything else
 *   puterror(who, what, code)  prints "WHO: WHAT: TEXT\n", or "WHO: TEXT\n"
 *                              when WHAT is 0 (a null pointer)
 *
 * Start-up (crt0.S): the kernel enters _start in user mode with $a0 = the
 * argument string (the command line after the program name, leading blanks
 * removed, NUL-terminated, writable), $a1 = its length and $sp valid.
 * _start calls main($a0, $a1), then exit(main's $v0).
 */
#ifndef TRAPEZE_ULIB_H
#define TRAPEZE_ULIB_H

#include "sys.h"

/* FUNC(name) starts a global function; END(name) records its size. Both
 * only help llvm-objdump, readelf and the debugger name the code. */
#define FUNC(name)  .globl name; .type name, @function; name:
#define END(name)   .size name, . - name

#define PAGE_SIZE   4096
#define NL          10     /* '\n' */
#define TAB         9      /* '\t' */

#endif
