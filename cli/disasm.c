/*
 * disasm.c - `trapeze disasm PROGRAM.elf`: print every executable section
 * line for line as `llvm-objdump -d` (LLVM 14, our disassembler's oracle)
 * prints it. isa_disasm() gives each instruction's text; this file adds
 * objdump's layout and its choice of symbols (tests/isa/NOTES.md):
 *
 *   - objdump disassembles the sections with SHF_EXECINSTR, in section
 *     header order, except SHT_NOBITS and empty ones;
 *   - a section's symbols are the named, non-STT_SECTION .symtab symbols
 *     whose st_shndx is that section; the others (SHN_UNDEF, SHN_ABS, other
 *     reserved indexes) are "absolute" symbols;
 *   - "ADDR <name>:" heads the line where a symbol of the section starts (if
 *     several share the address: the greatest name, in strcmp order);
 *   - if the section's first symbol (by address) is not at its start, objdump
 *     inserts a symbol named after the section ("<.text>") there, first in
 *     the section's list; from then on it also names branch targets;
 *   - a branch or jump target is named after the last symbol at or below it
 *     among the symbols of the section that starts highest at or below the
 *     target, whether or not the target lies inside that section. Among
 *     sections starting at the same address the larger is tried first (the
 *     later one on equal sizes), then the next if it has no such symbol.
 *     Failing all, the last absolute symbol at or below the target names it;
 *   - a run of 8 or more zero bytes up to the next symbol (or the section's
 *     end) prints as "\t\t..." and is skipped in whole words;
 *   - a final partial word prints one byte per line, as <unknown>.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "../isa/isa.h"
#include "../machine/elf.h"

static const char disasm_usage[] =
	"usage: trapeze disasm PROGRAM.elf\n"
	"\n"
	"Disassemble the executable sections of an ELF32 little-endian MIPS file,\n"
	"line for line as llvm-objdump -d prints them.\n";

struct dsym {
	uint32_t addr;
	const char *name;
	uint32_t shndx;         /* section index, or ELF_SYM_ABSOLUTE (sorts last) */
	int dummy;              /* objdump's "<.section>" symbol */
};

struct disasm {
	const struct elf_image *img;
	struct dsym *sym;       /* sorted by (shndx, dummy first, addr, name) */
	size_t nsym;            /* room for img->nsect more: the dummies */
};

static int dsym_cmp(const void *a, const void *b)
{
	const struct dsym *x = a, *y = b;

	if (x->shndx != y->shndx)
		return x->shndx < y->shndx ? -1 : 1;
	if (x->dummy != y->dummy)
		return x->dummy ? -1 : 1;
	if (x->addr != y->addr)
		return x->addr < y->addr ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* The last symbol (in sort order) of section shndx at or below addr. */
static const struct dsym *last_at_or_below(const struct disasm *d, uint32_t shndx,
					   uint32_t addr)
{
	const struct dsym *best = NULL;

	for (size_t i = 0; i < d->nsym; i++)
		if (d->sym[i].shndx == shndx && d->sym[i].addr <= addr)
			best = &d->sym[i];
	return best;
}

/* isa_symbolizer: objdump's name for a branch or jump target (see the top). */
static const char *symbolize(void *ctx, uint32_t addr, uint32_t *offset)
{
	const struct disasm *d = ctx;
	const struct elf_section *sect = d->img->sect;
	int n = d->img->nsect, have = 0;
	uint32_t start = 0, below = UINT32_MAX;    /* size bound of the last try */
	int below_idx = n;
	const struct dsym *s = NULL;

	for (int i = 0; i < n; i++)
		if (sect[i].addr <= addr && (!have || sect[i].addr > start)) {
			start = sect[i].addr;
			have = 1;
		}
	/* the sections starting there: larger first, later index on equal sizes */
	while (have && !s) {
		int pick = -1;
		for (int i = 0; i < n; i++) {
			if (sect[i].addr != start || sect[i].size > below ||
			    (sect[i].size == below && i >= below_idx))
				continue;       /* elsewhere, or already tried */
			if (pick < 0 || sect[i].size >= sect[pick].size)
				pick = i;
		}
		if (pick < 0)
			break;
		s = last_at_or_below(d, (uint32_t)pick, addr);
		below = sect[pick].size;
		below_idx = pick;
	}
	if (!s)
		s = last_at_or_below(d, ELF_SYM_ABSOLUTE, addr);
	if (!s)
		return NULL;
	*offset = addr - s->addr;
	return s->name;
}

static uint32_t rd32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Disassemble section idx, headers and all. */
static void dump_section(struct disasm *d, uint32_t idx)
{
	const struct elf_section *s = &d->img->sect[idx];
	size_t lo = 0, hi, next;

	/* the dummy "<.section>" symbol, unless the first symbol is at the start */
	while (lo < d->nsym && d->sym[lo].shndx < idx)
		lo++;
	if (lo == d->nsym || d->sym[lo].shndx != idx || d->sym[lo].addr != s->addr) {
		d->sym[d->nsym++] = (struct dsym){ s->addr, s->name, idx, 1 };
		qsort(d->sym, d->nsym, sizeof *d->sym, dsym_cmp);
	}
	for (hi = lo; hi < d->nsym && d->sym[hi].shndx == idx; hi++)
		;

	printf("\nDisassembly of section %s:\n", s->name);
	next = lo;      /* the first of the section's symbols above pc */
	for (uint32_t off = 0; off < s->size; off += 4) {
		uint32_t pc = s->addr + off, end = s->size, zeros = 0;
		const struct dsym *head = NULL;
		char text[128];

		for (; next < hi && d->sym[next].addr <= pc; next++)
			if (d->sym[next].addr == pc)
				head = &d->sym[next];   /* the last: greatest name */
		if (head)
			printf("\n%08x <%s>:\n", pc, head->name);
		if (next < hi && d->sym[next].addr - s->addr < end)
			end = d->sym[next].addr - s->addr;
		while (off + zeros < end && !s->data[off + zeros])
			zeros++;
		if (zeros >= 8) {
			printf("\t\t...\n");
			off += (zeros & ~3u) - 4;       /* the loop adds 4 */
			continue;
		}
		if (s->size - off < 4) {
			for (uint32_t k = off; k < s->size; k++)
				printf("%8x: %02x           \t<unknown>\n", s->addr + k, s->data[k]);
			break;
		}
		const uint8_t *p = s->data + off;
		isa_disasm(rd32(p), pc, text, sizeof text, symbolize, d);
		printf("%8x: %02x %02x %02x %02x  \t%s\n", pc, p[0], p[1], p[2], p[3], text);
	}
}

int cli_disasm(int argc, char **argv)
{
	if (argc == 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
		fputs(disasm_usage, stdout);
		return 0;
	}
	if (argc != 2 || argv[1][0] == '-') {
		cli_error("disasm: give exactly one program (try 'trapeze disasm --help')");
		return EXIT_USAGE;
	}
	char err[256];
	struct elf_image img;
	if (elf_load_file(argv[1], &img, err, sizeof err)) {   /* err names the file */
		cli_error("%s", err);
		return EXIT_USAGE;
	}
	struct disasm d = { &img, calloc((size_t)img.nsym_all + (size_t)img.nsect + 1,
					 sizeof *d.sym), 0 };
	if (!d.sym) {
		cli_error("disasm: out of memory");
		elf_free(&img);
		return EXIT_SOFTWARE;
	}
	for (int i = 0; i < img.nsym_all; i++)
		d.sym[d.nsym++] = (struct dsym){ img.sym[i].addr, img.sym[i].name,
						 img.sym[i].shndx, 0 };
	qsort(d.sym, d.nsym, sizeof *d.sym, dsym_cmp);

	printf("\n%s:\tfile format elf32-mips\n", argv[1]);
	for (int i = 0; i < img.nsect; i++) {
		const struct elf_section *s = &img.sect[i];
		if ((s->flags & ELF_SHF_EXECINSTR) && s->size && s->data)
			dump_section(&d, (uint32_t)i);
	}
	free(d.sym);
	elf_free(&img);
	return 0;
}
