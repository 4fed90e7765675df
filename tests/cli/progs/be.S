/* be: assembled big-endian by badelf.sh (-triple=mips-unknown-elf). */
	.text
	.globl _start
_start:
	nop
