/*
 * crt0.S - where every user program starts.
 *
 * The kernel enters _start in user mode with
 *   $a0 = the argument string (NUL-terminated, on the stack), $a1 = its length,
 *   $sp = the top of the stack, 8-byte aligned.
 * _start calls main($a0, $a1) and passes main's result to exit(): a program
 * ends by returning from main or by calling exit() itself.
 */
#include "ulib.h"

	.set noreorder
	.text

FUNC(_start)
	jal main                /* $a0, $a1 are main's arguments already */
	nop
	jal exit                /* exit(main's result): never returns */
	move $a0, $v0
END(_start)
