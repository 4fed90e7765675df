/*
 * test_elf.c - the ELF loader and the firmware boot state (machine/elf.c).
 * Builds ELF images in memory: a valid one, then one mutation per check,
 * each of which must fail with a sensible one-line message and no crash
 * (the tests also run under ASan + UBSan), then 20000 random mutations.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "check.h"
#include "elf.h"
#include "hw.h"

/* ---- a small valid executable ---------------------------------------------------
 * Layout: ELF header, 2 program headers (text R+X, data RW with .bss), text,
 * data, .strtab, .shstrtab, .symtab, section headers:
 * [0] NULL [1] .text [2] .data [3] .symtab [4] .strtab [5] .shstrtab */
enum {
	O_PH = 52, O_TEXT = 128, TEXT_SZ = 64, O_DATA = O_TEXT + TEXT_SZ, DATA_SZ = 16,
	O_STR = O_DATA + DATA_SZ, O_SHSTR = O_STR + 64, O_SYM = O_SHSTR + 64, NSYM = 9,
	O_SH = O_SYM + NSYM * 16, NSH = 6, IMG_LEN = O_SH + NSH * 40,
	BSS_SZ = 0x100, DATA_OFF_VA = 0x1000,   /* data VA = text VA + 0x1000 */
};
static const char strtab[] = "\0_start\0data_obj\0helper\0file.c\0undef\0alias";
enum { N_START = 1, N_DATA = 8, N_HELPER = 17, N_FILE = 24, N_UNDEF = 31, N_ALIAS = 37 };
static const char shstrtab[] = "\0.text\0.data\0.symtab\0.strtab\0.shstrtab";
enum { SN_TEXT = 1, SN_DATA = 7, SN_SYMTAB = 13, SN_STRTAB = 21, SN_SHSTRTAB = 29 };

static void w16(uint8_t *p, uint32_t off, uint16_t v) { p[off] = (uint8_t)v; p[off + 1] = (uint8_t)(v >> 8); }
static void w32(uint8_t *p, uint32_t off, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[off + i] = (uint8_t)(v >> (8 * i));
}

static void phdr(uint8_t *b, int i, uint32_t off, uint32_t va, uint32_t filesz, uint32_t memsz,
		 uint32_t flags)
{
	uint32_t o = O_PH + 32 * i;
	w32(b, o, 1); w32(b, o + 4, off); w32(b, o + 8, va); w32(b, o + 12, va);
	w32(b, o + 16, filesz); w32(b, o + 20, memsz); w32(b, o + 24, flags); w32(b, o + 28, 4);
}

static void shdr(uint8_t *b, int i, uint32_t name, uint32_t type, uint32_t flags, uint32_t addr,
		 uint32_t off, uint32_t size, uint32_t link, uint32_t entsize)
{
	uint32_t o = O_SH + 40 * i;
	w32(b, o, name); w32(b, o + 4, type); w32(b, o + 8, flags); w32(b, o + 12, addr);
	w32(b, o + 16, off); w32(b, o + 20, size); w32(b, o + 24, link); w32(b, o + 36, entsize);
}

static void sym(uint8_t *b, int i, uint32_t name, uint32_t value, uint32_t size, uint8_t info,
		uint16_t shndx)
{
	uint32_t o = O_SYM + 16 * i;
	w32(b, o, name); w32(b, o + 4, value); w32(b, o + 8, size); b[o + 12] = info;
	w16(b, o + 14, shndx);
}

/* A valid image with text at va (and data at va + DATA_OFF_VA). */
static uint8_t *build(uint32_t va)
{
	uint8_t *b = calloc(1, IMG_LEN);

	memcpy(b, "\177ELF", 4);
	b[4] = 1; b[5] = 1; b[6] = 1;                       /* ELFCLASS32, LSB, v1 */
	w16(b, 16, 2); w16(b, 18, 8); w32(b, 20, 1);        /* ET_EXEC, EM_MIPS   */
	w32(b, 24, va); w32(b, 28, O_PH); w32(b, 32, O_SH);
	w16(b, 40, 52); w16(b, 42, 32); w16(b, 44, 2); w16(b, 46, 40); w16(b, 48, NSH);
	w16(b, 50, 5);
	phdr(b, 0, O_TEXT, va, TEXT_SZ, TEXT_SZ, 5);
	phdr(b, 1, O_DATA, va + DATA_OFF_VA, DATA_SZ, DATA_SZ + BSS_SZ, 6);
	for (int i = 0; i < TEXT_SZ; i += 4)
		w32(b, O_TEXT + i, 0x24020000u + (uint32_t)i);  /* addiu v0, zero, i */
	memcpy(b + O_STR, strtab, sizeof strtab);
	memcpy(b + O_SHSTR, shstrtab, sizeof shstrtab);
	sym(b, 1, N_START, va, 0, 0x12, 1);                 /* GLOBAL FUNC        */
	sym(b, 2, N_DATA, va + DATA_OFF_VA, 4, 0x11, 2);    /* GLOBAL OBJECT      */
	sym(b, 3, N_HELPER, va + 0x20, 0, 0x10, 1);         /* GLOBAL NOTYPE      */
	sym(b, 4, N_FILE, 0, 0, 0x04, 0xfff1);              /* FILE: skipped      */
	sym(b, 5, 0, va, 0, 0x03, 1);                       /* SECTION: skipped   */
	sym(b, 6, N_UNDEF, 0, 0, 0x10, 0);                  /* undefined: skipped */
	sym(b, 7, 0, va + 8, 0, 0x00, 1);                   /* no name: skipped   */
	sym(b, 8, N_ALIAS, va, 0, 0x00, 1);                 /* label at _start    */
	shdr(b, 1, SN_TEXT, 1, 6, va, O_TEXT, TEXT_SZ, 0, 0);
	shdr(b, 2, SN_DATA, 1, 3, va + DATA_OFF_VA, O_DATA, DATA_SZ, 0, 0);
	shdr(b, 3, SN_SYMTAB, 2, 0, 0, O_SYM, NSYM * 16, 4, 16);
	shdr(b, 4, SN_STRTAB, 3, 0, 0, O_STR, sizeof strtab, 0, 0);
	shdr(b, 5, SN_SHSTRTAB, 3, 0, 0, O_SHSTR, sizeof shstrtab, 0, 0);
	return b;
}

static uint8_t *dup_buf(const uint8_t *b, size_t len)
{
	uint8_t *c = malloc(len ? len : 1);
	memcpy(c, b, len);
	return c;
}

/* Parse (and place, when ram != 0) a copy of b; expect failure whose
 * message contains want. */
static void expect_fail(const char *name, const uint8_t *b, size_t len, uint32_t ram,
			const char *want)
{
	struct elf_image img;
	char err[256] = "";
	int rc = elf_parse(dup_buf(b, len), len, &img, err, sizeof err);

	if (rc == 0 && ram) {
		rc = elf_place(&img, ram, err, sizeof err);
		elf_free(&img);
	} else if (rc == 0) {
		elf_free(&img);
	}
	CHECK(name, rc == -1 && strstr(err, want) && !strchr(err, '\n'),
	      "rc %d, err \"%s\", want \"%s\"", rc, err, want);
}

static void test_valid(void)
{
	uint8_t *b = build(0x80001000);
	struct elf_image img;
	char err[256] = "";
	uint32_t off = 99;
	const struct elf_symbol *s;
	int rc = elf_parse(b, IMG_LEN, &img, err, sizeof err);

	CHECK("valid.parse", rc == 0, "%s", err);
	if (rc)
		return;
	CHECK("valid.segments", img.nseg == 2 && img.entry == 0x80001000 &&
	      img.seg[1].memsz == DATA_SZ + BSS_SZ && img.seg[1].filesz == DATA_SZ &&
	      img.seg[0].data == img.buf + O_TEXT && img.seg[0].flags == 5, "nseg %d", img.nseg);
	CHECK("valid.place", elf_place(&img, 32u << 20, err, sizeof err) == 0 &&
	      img.seg[0].pa == 0x1000 && img.seg[1].pa == 0x2000, "%s", err);
	CHECK("valid.symbols", img.nsym == 4 && img.sym[0].addr == 0x80001000 &&
	      !strcmp(img.sym[0].name, "_start") && img.sym[0].is_func &&
	      !strcmp(img.sym[1].name, "alias") && !strcmp(img.sym[2].name, "helper") &&
	      !strcmp(img.sym[3].name, "data_obj"), "nsym %d", img.nsym);
	s = elf_symbol_at(&img, 0x80001004, &off);
	CHECK("valid.symbol_at", s && !strcmp(s->name, "_start") && off == 4, "%s+%u",
	      s ? s->name : "NULL", off);
	s = elf_symbol_at(&img, 0x80001024, &off);
	CHECK("valid.symbol_at_label", s && !strcmp(s->name, "helper") && off == 4, "%s",
	      s ? s->name : "NULL");
	CHECK("valid.symbol_at_sized", !elf_symbol_at(&img, 0x80002004, &off) &&
	      elf_symbol_at(&img, 0x80002003, &off) && !elf_symbol_at(&img, 0x80000fff, &off),
	      "containment of sized symbols / before the first symbol");
	s = elf_symbol_named(&img, "data_obj");
	CHECK("valid.symbol_named", s && s->addr == 0x80002000 && s->size == 4 && !s->is_func &&
	      !elf_symbol_named(&img, "file.c") && !elf_symbol_named(&img, "undef"), "lookup");
	CHECK("valid.symbol_sections", img.sym[0].shndx == 1 && img.sym[3].shndx == 2 &&
	      img.nsym_all == 6, "shndx %u %u, nsym_all %d", img.sym[0].shndx, img.sym[3].shndx,
	      img.nsym_all);
	CHECK("valid.other_symbols", img.nsym_all == 6 &&   /* file.c and undef, absolute */
	      img.sym[4].shndx == ELF_SYM_ABSOLUTE && img.sym[5].shndx == ELF_SYM_ABSOLUTE &&
	      (!strcmp(img.sym[4].name, "file.c") ^ !strcmp(img.sym[5].name, "file.c")) &&
	      (!strcmp(img.sym[4].name, "undef") ^ !strcmp(img.sym[5].name, "undef")), "others");
	CHECK("valid.sections", img.nsect == NSH && !strcmp(img.sect[1].name, ".text") &&
	      img.sect[1].addr == 0x80001000 && img.sect[1].size == TEXT_SZ &&
	      (img.sect[1].flags & ELF_SHF_EXECINSTR) && img.sect[1].data == img.buf + O_TEXT &&
	      !strcmp(img.sect[2].name, ".data") && !(img.sect[2].flags & ELF_SHF_EXECINSTR) &&
	      img.sect[0].size == 0, "nsect %d", img.nsect);
	elf_free(&img);
	CHECK("valid.free", img.buf == NULL && img.nsym == 0, "elf_free clears img");
}

static void check_fw(const char *name, uint32_t va, uint32_t ram, uint32_t want_sp)
{
	struct elf_image img;
	struct fw_boot fw;
	char err[256] = "";

	if (elf_parse(build(va), IMG_LEN, &img, err, sizeof err) < 0 ||
	    elf_place(&img, ram, err, sizeof err) < 0) {
		CHECK(name, 0, "%s", err);
		elf_free(&img);
		return;
	}
	fw_boot_state(&img, ram, &fw);
	/* expected values written out by hand from DESIGN.md section 5 */
	CHECK(name, fw.tlb[0].entryhi == 0xC0000000 && fw.tlb[0].pagemask == 0x007fe000 &&
	      fw.tlb[0].entrylo0 == (0u << 6 | 3u << 3 | 7) &&
	      fw.tlb[0].entrylo1 == (0x400u << 6 | 3u << 3 | 7) &&
	      fw.tlb[1].entryhi == 0xDF000000 && fw.tlb[1].pagemask == 0x0001e000 &&
	      fw.tlb[1].entrylo0 == (0x1F000u << 6 | 2u << 3 | 7) && fw.tlb[1].entrylo1 == 1 &&
	      fw.pc == va && fw.a0 == ram && fw.sp == want_sp && fw.status == 0 &&
	      fw.ebase == 0x80000000,
	      "tlb0 %08x/%08x %08x %08x tlb1 %08x/%08x %08x %08x pc %08x a0 %08x sp %08x "
	      "status %08x ebase %08x", fw.tlb[0].entryhi, fw.tlb[0].pagemask, fw.tlb[0].entrylo0,
	      fw.tlb[0].entrylo1, fw.tlb[1].entryhi, fw.tlb[1].pagemask, fw.tlb[1].entrylo0,
	      fw.tlb[1].entrylo1, fw.pc, fw.a0, fw.sp, fw.status, fw.ebase);
	elf_free(&img);
}

static void test_fw(void)
{
	check_fw("fw.kseg0_32M", 0x80001000, 32u << 20, 0x80800000);
	check_fw("fw.kseg0_4M", 0x80001000, 4u << 20, 0x80400000);
	check_fw("fw.sseg_32M", 0xC0001000, 32u << 20, 0xC0800000);
	check_fw("fw.sseg_4M", 0xC0001000, 4u << 20, 0xC0400000);
	check_fw("fw.kseg1_32M", 0xA0001000, 32u << 20, 0xA0800000);
}

#define MUT(name, len, want, ...)                                               \
	do {                                                                    \
		uint8_t *b = build(0x80001000);                                 \
		__VA_ARGS__;                                                    \
		expect_fail(name, b, len, 0, want);                             \
		free(b);                                                        \
	} while (0)
#define PLACE(name, va, ram, want, ...)                                         \
	do {                                                                    \
		uint8_t *b = build(va);                                         \
		__VA_ARGS__;                                                    \
		expect_fail(name, b, IMG_LEN, ram, want);                       \
		free(b);                                                        \
	} while (0)

static void test_bad_files(void)
{
	const uint32_t M32 = 32u << 20;

	MUT("bad.magic", IMG_LEN, "not an ELF file", b[1] = 'X');
	MUT("bad.tiny", 2, "not an ELF file", );
	MUT("bad.empty", 0, "not an ELF file", );
	MUT("bad.class64", IMG_LEN, "EI_CLASS is 2 (ELFCLASS64)", b[4] = 2);
	MUT("bad.bigendian", IMG_LEN, "big-endian", b[5] = 2);
	MUT("bad.machine", IMG_LEN, "e_machine is 62", w16(b, 18, 62));
	MUT("bad.et_rel", IMG_LEN, "ET_REL", w16(b, 16, 1));
	MUT("bad.truncated_header", 40, "truncated ELF header", );
	MUT("bad.no_phdrs", IMG_LEN, "no program headers", w16(b, 44, 0));
	MUT("bad.phentsize", IMG_LEN, "program header size 40", w16(b, 42, 40));
	MUT("bad.phoff_past_end", IMG_LEN, "truncated program header", w32(b, 28, IMG_LEN - 16));
	MUT("bad.phoff_overflow", IMG_LEN, "truncated program header", w32(b, 28, 0xFFFFFFF0));
	MUT("bad.phnum_huge", IMG_LEN, "truncated program header", w16(b, 44, 0xFFFF));
	MUT("bad.segment_past_end", IMG_LEN, "past the end", w32(b, O_PH + 4, IMG_LEN - 8));
	MUT("bad.segment_offset_overflow", IMG_LEN, "past the end", w32(b, O_PH + 4, 0xFFFFFFF0));
	MUT("bad.segment_filesz_overflow", IMG_LEN, "past the end",
	    w32(b, O_PH + 16, 0xFFFFFFF0); w32(b, O_PH + 20, 0xFFFFFFF0));
	MUT("bad.filesz_gt_memsz", IMG_LEN, "p_filesz 0x40 > p_memsz 0x20", w32(b, O_PH + 20, 32));
	MUT("bad.segment_wraps", IMG_LEN, "wraps around",
	    w32(b, O_PH + 8, 0xFFFFFFF0));
	MUT("bad.no_load", IMG_LEN, "no loadable", w32(b, O_PH, 0); w32(b, O_PH + 32, 0));
	MUT("bad.shoff_overflow", IMG_LEN, "truncated section header", w32(b, 32, 0xFFFFFFF0));
	MUT("bad.shentsize", IMG_LEN, "section header size", w16(b, 46, 20));
	MUT("bad.symtab_offset", IMG_LEN, "past the", w32(b, O_SH + 3 * 40 + 16, 0xFFFFFFF0));
	MUT("bad.symtab_link", IMG_LEN, ".symtab: sh_link 0", w32(b, O_SH + 3 * 40 + 24, 0));
	MUT("bad.symtab_link_range", IMG_LEN, ".symtab: sh_link 77", w32(b, O_SH + 3 * 40 + 24, 77));
	MUT("bad.symbol_name", IMG_LEN, "symbol 2: name offset 0xffff",
	    w32(b, O_SYM + 2 * 16, 0xFFFF));
	/* cut .strtab inside "alias": its name is no longer NUL-terminated */
	MUT("bad.strtab_unterminated", IMG_LEN, "symbol 8: name offset",
	    w32(b, O_SH + 4 * 40 + 20, sizeof strtab - 2));
	MUT("bad.text_section_past_end", IMG_LEN, "section 1 (.text)",
	    w32(b, O_SH + 40 + 16, IMG_LEN));
	{       /* 17 PT_LOAD program headers */
		size_t len = IMG_LEN + 17 * 32;
		uint8_t *b = build(0x80001000), *big = calloc(1, len);
		memcpy(big, b, IMG_LEN);
		for (int i = 0; i < 17; i++)
			memcpy(big + IMG_LEN + 32 * i, b + O_PH, 32);
		w32(big, 28, IMG_LEN);
		w16(big, 44, 17);
		expect_fail("bad.too_many_segments", big, len, 0, "too many PT_LOAD segments");
		free(b);
		free(big);
	}

	PLACE("place.useg", 0x00400000, M32,
	      "segment at 0x00400000 is in useg: the firmware loads only kseg0, kseg1 and sseg", );
	PLACE("place.kseg3", 0xE0001000, M32, "is in kseg3", );
	PLACE("place.beyond_ram", 0x81FFF000, M32, "does not fit in RAM", );
	PLACE("place.beyond_small_ram", 0x80101000, 1u << 20, "does not fit in RAM", );
	PLACE("place.sseg_window", 0xC07FF000, M32, "sseg window", );
	PLACE("place.crosses", 0x80001000, M32, "crosses from kseg0 into kseg1",
	      w32(b, O_PH + 32 + 8, 0x9FFFFFF0));
	PLACE("place.entry_useg", 0x80001000, M32, "entry point 0x00001000 is in useg",
	      w32(b, 24, 0x1000));
	PLACE("place.entry_outside", 0x80001000, M32, "entry point 0x80500000 is not inside",
	      w32(b, 24, 0x80500000));
	PLACE("place.overlap", 0x80001000, M32, "overlap",
	      w32(b, O_PH + 32 + 8, 0xA0001010));
}

static void test_load_file(void)
{
	char path[] = "/tmp/trapeze_test_elf_XXXXXX";
	int fd = mkstemp(path);
	uint8_t *b = build(0xC0001000);
	struct elf_image img;
	char err[256] = "";

	CHECK("file.mkstemp", fd >= 0 && write(fd, b, IMG_LEN) == IMG_LEN, "cannot write %s", path);
	close(fd);
	CHECK("file.load", elf_load_file(path, &img, err, sizeof err) == 0 && img.nsym == 4 &&
	      elf_place(&img, 32u << 20, err, sizeof err) == 0 && img.seg[0].pa == 0x1000, "%s", err);
	elf_free(&img);
	CHECK("file.truncated", truncate(path, 100) == 0 &&
	      elf_load_file(path, &img, err, sizeof err) == -1 && strstr(err, path) &&
	      strstr(err, "truncated program header"), "%s", err);
	unlink(path);
	CHECK("file.missing", elf_load_file(path, &img, err, sizeof err) == -1 && strstr(err, path) &&
	      strstr(err, "No such file"), "%s", err);
	CHECK("file.directory", elf_load_file("/tmp", &img, err, sizeof err) == -1 &&
	      strstr(err, "not a regular file"), "%s", err);
	free(b);
}

static uint32_t rng = 0x2545F491;
static uint32_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng;
}

static volatile uint8_t sink;   /* keeps the fuzz loop's reads */

/* Random byte mutations: any outcome but a crash (or a sanitizer report). */
static void test_fuzz(void)
{
	static const uint32_t vas[] = { 0x80001000, 0xC0001000, 0xA0001000 };
	int parsed = 0, placed = 0;

	for (int it = 0; it < 20000; it++) {
		uint8_t *b = build(vas[it % 3]);
		size_t len = IMG_LEN;
		struct elf_image img;
		char err[256];
		int n = 1 + (int)(rnd() % 8);

		for (int k = 0; k < n; k++) {
			/* half the hits go to the headers, where they matter most */
			uint32_t pos = rnd() % 2 ? rnd() % (O_TEXT) : rnd() % IMG_LEN;
			if (rnd() % 4 == 0)
				pos = O_SH + rnd() % (NSH * 40);
			b[pos] = rnd() % 3 ? (uint8_t)rnd() : (uint8_t)(rnd() % 2 ? 0xff : 0);
		}
		if (rnd() % 16 == 0)
			len = rnd() % IMG_LEN;
		if (elf_parse(b, len, &img, err, sizeof err) < 0)
			continue;       /* b was freed */
		parsed++;
		if (elf_place(&img, 32u << 20, err, sizeof err) == 0) {
			struct fw_boot fw;
			uint32_t off;
			placed++;
			fw_boot_state(&img, 32u << 20, &fw);
			for (int i = 0; i < img.nsect; i++)
				if (img.sect[i].data && img.sect[i].size)
					sink ^= img.sect[i].data[img.sect[i].size - 1];
			for (int i = 0; i < img.nseg; i++)
				if (img.seg[i].filesz)
					sink ^= img.seg[i].data[img.seg[i].filesz - 1];
			(void)elf_symbol_at(&img, rnd(), &off);
		}
		for (int i = 0; i < img.nsym_all; i++)
			sink ^= (uint8_t)strlen(img.sym[i].name);
		elf_free(&img);
	}
	printf("fuzz: 20000 mutations, %d parsed, %d placed\n", parsed, placed);
	CHECK("fuzz.no_crash", 1, "unreachable");
}

int main(void)
{
	test_valid();
	test_fw();
	test_bad_files();
	test_load_file();
	test_fuzz();
	printf("test_elf: %s\n", check_failures ? "FAILED" : "all passed");
	return check_failures != 0;
}
