/*
 * isa_words.c - helper of tests/isa/test_disasm.sh.
 *
 *   isa_words fuzz N SEED   print an assembler source of N random words per
 *                           row of isa.def (the row's match with random bits
 *                           in its don't-care positions), as .word lines
 *   isa_words rows          print the NAME of every row of isa.def
 *   isa_words names         read hex words (one per line) on stdin, print the
 *                           NAME of the row each decodes to (RESERVED if none)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "isa.h"

static uint64_t rng_state;

static uint32_t rnd(void)   /* xorshift64*: reproducible on every host */
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (uint32_t)((rng_state * 0x2545f4914f6cdd1dull) >> 32);
}

int main(int argc, char **argv)
{
	if (argc == 4 && !strcmp(argv[1], "fuzz")) {
		long n = atol(argv[2]);
		rng_state = strtoull(argv[3], NULL, 0) | 1;
		printf("\t.text\n\t.globl\tfuzz\nfuzz:\n");
		for (int op = 0; op < ISA_OP_RESERVED; op++)
			for (long k = 0; k < n; k++) {
				uint32_t r = rnd();
				/* one word in four with rs/rt/rd zero or all-ones
				 * fields, to reach the aliases and the edges */
				switch (k % 8) {
				case 1: r &= 0x0000ffff; break;
				case 3: r &= 0xffe0003f; break;
				case 5: r |= 0x03fff800; break;
				case 7: r &= 0x03ff0000; break;
				}
				printf("\t.word\t0x%08x\t# %s\n",
				       isa_table[op].match | (r & ~isa_table[op].mask),
				       isa_table[op].name);
			}
		return 0;
	}
	if (argc == 2 && !strcmp(argv[1], "rows")) {
		for (int op = 0; op < ISA_OP_RESERVED; op++)
			printf("%s\n", isa_table[op].name);
		return 0;
	}
	if (argc == 2 && !strcmp(argv[1], "names")) {
		char line[64];
		while (fgets(line, sizeof line, stdin))
			printf("%s\n", isa_table[isa_decode((uint32_t)
				strtoul(line, NULL, 16))].name);
		return 0;
	}
	fprintf(stderr, "usage: isa_words fuzz N SEED | rows | names\n");
	return 2;
}
