/*
 * disasm.c - `trapeze disasm PROGRAM.elf`: print every executable section in
 * the layout of `llvm-objdump -d` (our disassembler's oracle), with symbols.
 */
#include <stdio.h>
#include <string.h>
#include "cli.h"
#include "../isa/isa.h"
#include "../machine/elf.h"

static const char disasm_usage[] =
	"usage: trapeze disasm PROGRAM.elf\n"
	"\n"
	"Disassemble the executable sections of an ELF32 little-endian MIPS file,\n"
	"line for line as llvm-objdump -d prints them.\n";

static const char *symbolize(void *ctx, uint32_t addr, uint32_t *offset)
{
	const struct elf_symbol *s = elf_symbol_at(ctx, addr, offset);
	return s ? s->name : NULL;
}

/* Does a symbol start exactly at addr? Returns the last such (objdump shows one). */
static const char *label_at(const struct elf_image *img, uint32_t addr)
{
	const char *name = NULL;
	for (int i = 0; i < img->nsym; i++)
		if (img->sym[i].addr == addr)
			name = img->sym[i].name;
	return name;
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
	printf("\n%s:\tfile format elf32-mips\n", argv[1]);
	for (int s = 0; s < img.nsect; s++) {
		printf("\nDisassembly of section %s:\n", img.sect[s].name);
		uint32_t base = img.sect[s].addr, size = img.sect[s].size & ~3u;
		const uint8_t *p = img.sect[s].data;
		if (!label_at(&img, base))
			printf("\n%08x <%s>:\n", base, img.sect[s].name);
		for (uint32_t off = 0; off < size; off += 4) {
			uint32_t pc = base + off;
			const char *label = label_at(&img, pc);
			if (label)
				printf("\n%08x <%s>:\n", pc, label);
			uint32_t w = (uint32_t)p[off] | (uint32_t)p[off + 1] << 8 |
				     (uint32_t)p[off + 2] << 16 | (uint32_t)p[off + 3] << 24;
			char text[128];
			isa_disasm(w, pc, text, sizeof text, symbolize, &img);
			printf("%8x: %02x %02x %02x %02x  \t%s\n", pc, p[off], p[off + 1],
			       p[off + 2], p[off + 3], text);
		}
	}
	elf_free(&img);
	return 0;
}
