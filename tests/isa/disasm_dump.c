/*
 * disasm_dump.c - "llvm-objdump -d" for our ISA: disassemble the executable
 * sections of a little-endian MIPS ELF32 file with isa_disasm(), in the layout
 * of llvm-objdump (LLVM 14), so tests/isa/test_disasm.sh can compare the two.
 *
 *   usage: disasm_dump FILE.elf
 *
 * dump_elf() is self-contained (ELF reading, symbol lookup, printing) so that
 * it can move to cli/ as "trapeze disasm FILE.elf"; main() is only a wrapper.
 * Symbols follow llvm-objdump's rules:
 *   - a section's symbols are the named, non-STT_SECTION .symtab entries
 *     whose st_shndx is that section; the other named entries (SHN_ABS,
 *     SHN_UNDEF, ...) are "absolute" symbols;
 *   - an "ADDR <name>:" header is printed where a symbol of the section
 *     starts (if several share an address: the greatest name), and
 *     "ADDR <.section>:" at the section start if no symbol is there;
 *   - a branch target is named after the last symbol at or below it in the
 *     section(s) with the greatest start address at or below the target
 *     (larger sections first among equal addresses), whether or not the
 *     target lies inside that section; failing that, after an absolute symbol.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "isa.h"

#define SHT_SYMTAB     2
#define SHT_NOBITS     8
#define SHF_EXECINSTR  0x4
#define STT_SECTION    3
#define SHN_LORESERVE  0xff00
#define ABSOLUTE       0xffffffffu   /* our shndx for symbols in no section */

struct sym {
	uint32_t addr;
	const char *name;
	unsigned shndx;
	int dummy;      /* llvm-objdump's "<.section>" symbol, see dump_section */
};

struct sec {
	uint32_t type, flags, addr, offset, size;
	const char *name;
};

struct elf {
	const uint8_t *img;
	size_t len;
	struct sec *secs;
	unsigned nsecs;
	struct sym *syms;       /* sorted by (shndx, !dummy, addr, name) */
	size_t nsyms;           /* room for nsyms + nsecs (the dummies) */
};

static uint32_t rd16(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static uint32_t rd32(const uint8_t *p)
{
	return rd16(p) | rd16(p + 2) << 16;
}

static int sym_cmp(const void *a, const void *b)
{
	const struct sym *x = a, *y = b;
	if (x->shndx != y->shndx)
		return x->shndx < y->shndx ? -1 : 1;
	if (x->dummy != y->dummy)
		return x->dummy ? -1 : 1;
	if (x->addr != y->addr)
		return x->addr < y->addr ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* The last symbol (in sort order) of section shndx at or below addr. */
static const struct sym *last_at_or_below(const struct elf *e, unsigned shndx,
					  uint32_t addr)
{
	const struct sym *best = NULL;
	for (size_t i = 0; i < e->nsyms; i++)
		if (e->syms[i].shndx == shndx && e->syms[i].addr <= addr)
			best = &e->syms[i];
	return best;
}

/* isa_symbolizer: llvm-objdump's choice of a name for a branch target. */
static const char *elf_symbolize(void *ctx, uint32_t addr, uint32_t *offset)
{
	const struct elf *e = ctx;
	const struct sym *s = NULL;
	uint32_t start = 0;
	int have = 0;

	for (unsigned i = 0; i < e->nsecs; i++)
		if (e->secs[i].addr <= addr && (!have || e->secs[i].addr > start)) {
			start = e->secs[i].addr;
			have = 1;
		}
	/* Sections starting there: larger first, later index first on ties. */
	uint32_t below = UINT32_MAX;   /* size bound of the previous round */
	unsigned below_idx = e->nsecs;
	while (have && !s) {
		int pick = -1;
		for (unsigned i = 0; i < e->nsecs; i++) {
			const struct sec *c = &e->secs[i];
			if (c->addr != start)
				continue;
			if (c->size > below || (c->size == below && i >= below_idx))
				continue;   /* already tried */
			if (pick < 0 || c->size >= e->secs[pick].size)
				pick = (int)i;
		}
		if (pick < 0)
			break;
		s = last_at_or_below(e, (unsigned)pick, addr);
		below = e->secs[pick].size;
		below_idx = (unsigned)pick;
	}
	if (!s)
		s = last_at_or_below(e, ABSOLUTE, addr);
	if (!s)
		return NULL;
	*offset = addr - s->addr;
	return s->name;
}

static int load(struct elf *e, const char *path)
{
	FILE *f = fopen(path, "rb");
	long n;
	uint8_t *img = NULL;

	memset(e, 0, sizeof *e);
	if (!f || fseek(f, 0, SEEK_END) || (n = ftell(f)) < 52 || fseek(f, 0, SEEK_SET)
	    || !(img = malloc((size_t)n)) || fread(img, 1, (size_t)n, f) != (size_t)n) {
		if (f)
			fclose(f);
		free(img);
		fprintf(stderr, "%s: cannot read\n", path);
		return -1;
	}
	fclose(f);
	e->img = img;
	e->len = (size_t)n;
	if (memcmp(img, "\177ELF\1\1", 6) || rd16(img + 18) != 8 /* EM_MIPS */) {
		fprintf(stderr, "%s: not a little-endian MIPS ELF32 file\n", path);
		return -1;
	}
	uint32_t shoff = rd32(img + 32), shentsize = rd16(img + 46);
	unsigned shnum = rd16(img + 48), shstrndx = rd16(img + 50);
	if (shentsize < 40 || shstrndx >= shnum
	    || shoff > e->len || (uint64_t)shnum * shentsize > e->len - shoff) {
		fprintf(stderr, "%s: bad section header table\n", path);
		return -1;
	}
	e->nsecs = shnum;
	e->secs = calloc(shnum ? shnum : 1, sizeof *e->secs);
	if (!e->secs)
		return -1;
	for (unsigned i = 0; i < shnum; i++) {
		const uint8_t *h = img + shoff + (size_t)i * shentsize;
		struct sec *s = &e->secs[i];
		s->type = rd32(h + 4);
		s->flags = rd32(h + 8);
		s->addr = rd32(h + 12);
		s->offset = rd32(h + 16);
		s->size = rd32(h + 20);
		if (s->type != SHT_NOBITS
		    && (s->offset > e->len || s->size > e->len - s->offset)) {
			fprintf(stderr, "%s: section %u out of file\n", path, i);
			return -1;
		}
	}
	const struct sec *strs = &e->secs[shstrndx];
	for (unsigned i = 0; i < shnum; i++) {
		uint32_t nm = rd32(img + shoff + (size_t)i * shentsize);
		e->secs[i].name = nm < strs->size
			&& memchr(img + strs->offset + nm, 0, strs->size - nm)
			? (const char *)img + strs->offset + nm : "";
	}
	const struct sec *st = NULL, *str = NULL;
	for (unsigned i = 0; i < shnum && !st; i++) {
		uint32_t link = rd32(img + shoff + (size_t)i * shentsize + 24);
		if (e->secs[i].type == SHT_SYMTAB && link < shnum) {
			st = &e->secs[i];
			str = &e->secs[link];
		}
	}
	size_t cnt = st ? st->size / 16 : 0;
	e->syms = calloc(cnt + shnum, sizeof *e->syms);
	if (!e->syms)
		return -1;
	for (size_t k = 0; k < cnt; k++) {
		const uint8_t *p = img + st->offset + k * 16;
		uint32_t nm = rd32(p);
		unsigned shndx = rd16(p + 14);
		if (!nm || nm >= str->size || (p[12] & 0xf) == STT_SECTION
		    || !memchr(img + str->offset + nm, 0, str->size - nm))
			continue;
		struct sym *y = &e->syms[e->nsyms++];
		y->name = (const char *)img + str->offset + nm;
		y->addr = rd32(p + 4);
		y->shndx = shndx > 0 && shndx < SHN_LORESERVE && shndx < shnum
			? shndx : ABSOLUTE;
	}
	qsort(e->syms, e->nsyms, sizeof *e->syms, sym_cmp);
	return 0;
}

/* Disassemble one executable section, headers and all. */
static void dump_section(struct elf *e, unsigned idx, FILE *out)
{
	const struct sec *s = &e->secs[idx];
	const uint8_t *bytes = e->img + s->offset;
	char text[128];

	/* Like llvm-objdump, give the section a symbol named after itself at
	 * its start unless its first symbol is there; this symbol then also
	 * names branch targets, from here to the end of the dump. */
	size_t lo = 0, hi;
	while (lo < e->nsyms && e->syms[lo].shndx < idx)
		lo++;
	if (lo == e->nsyms || e->syms[lo].shndx != idx
	    || e->syms[lo].addr != s->addr) {
		struct sym d = { s->addr, s->name, idx, 1 };
		e->syms[e->nsyms++] = d;
		qsort(e->syms, e->nsyms, sizeof *e->syms, sym_cmp);
	}
	for (hi = lo; hi < e->nsyms && e->syms[hi].shndx == idx; hi++)
		;

	fprintf(out, "\nDisassembly of section %s:\n", s->name);
	size_t next = lo;   /* the section's symbols are sorted by address */
	for (uint32_t off = 0; off < s->size; off += 4) {
		uint32_t pc = s->addr + off;
		const struct sym *hdr = NULL;
		for (; next < hi && e->syms[next].addr <= pc; next++)
			if (e->syms[next].addr == pc)
				hdr = &e->syms[next];   /* the last: greatest name */
		if (hdr)
			fprintf(out, "\n%08x <%s>:\n", pc, hdr->name);
		/* Runs of 8 or more zero bytes up to the next symbol print as
		 * "..." (whole words only), as llvm-objdump does. */
		uint32_t end = s->size, zeros = 0;
		if (next < hi && e->syms[next].addr - s->addr < end)
			end = e->syms[next].addr - s->addr;
		while (off + zeros < end && !bytes[off + zeros])
			zeros++;
		if (zeros >= 8) {
			fprintf(out, "\t\t...\n");
			off += (zeros & ~3u) - 4;   /* the loop adds 4 */
			continue;
		}
		if (s->size - off < 4) {   /* a tail byte: one line each */
			for (uint32_t k = off; k < s->size; k++)
				fprintf(out, "%8x: %02x           \t<unknown>\n",
					s->addr + k, bytes[k]);
			break;
		}
		uint32_t w = rd32(bytes + off);
		isa_disasm(w, pc, text, sizeof text, elf_symbolize, e);
		fprintf(out, "%8x: %02x %02x %02x %02x  \t%s\n", pc,
			bytes[off], bytes[off + 1], bytes[off + 2], bytes[off + 3],
			text);
	}
}

/* Print the disassembly of every executable section of the ELF32 file at
 * path, as llvm-objdump -d does. Returns 0, or -1 after a message on stderr. */
int dump_elf(const char *path, FILE *out)
{
	struct elf e;
	int rc = load(&e, path);
	if (rc == 0) {
		fprintf(out, "\n%s:\tfile format elf32-mips\n", path);
		for (unsigned i = 0; i < e.nsecs; i++)
			if ((e.secs[i].flags & SHF_EXECINSTR) && e.secs[i].size
			    && e.secs[i].type != SHT_NOBITS)
				dump_section(&e, i, out);
	}
	free((void *)e.img);
	free(e.secs);
	free(e.syms);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: %s FILE.elf\n", argv[0]);
		return 2;
	}
	return dump_elf(argv[1], stdout) ? 1 : 0;
}
