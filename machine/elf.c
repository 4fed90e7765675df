/*
 * elf.c - reading ELF32 little-endian MIPS executables (System V gABI and
 * the MIPS psABI), and the firmware's boot protocol (DESIGN.md section 5).
 *
 * Files are untrusted: every offset and size is checked against the file
 * length in 64-bit arithmetic before anything is read, and each problem
 * gives one line naming it and the offending value. Sections are optional
 * (a stripped file loads fine); when present, the ones we use (.symtab, its
 * string table, executable sections other than SHT_NOBITS) must be well
 * formed; the data of the others is only used when it lies inside the file.
 *
 * Ownership: elf_parse() takes buf (from malloc) in every case. On success
 * img owns it (elf_free releases it); on failure it has already been freed
 * and img is zeroed. Symbol names and section data point into buf.
 */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cp0bits.h"
#include "elf.h"
#include "hw.h"

/* ---- the ELF32 format (gABI), as much as we read --------------------------- */
#define ELFCLASS32 1
#define ELFDATA2LSB 1
#define ELFDATA2MSB 2
#define ET_REL 1
#define ET_EXEC 2
#define EM_MIPS 8
#define PT_LOAD 1
#define SHT_SYMTAB 2
#define SHT_STRTAB 3
#define SHT_NOBITS 8
#define SHF_EXECINSTR 0x4
#define SHN_UNDEF 0
#define SHN_LORESERVE 0xff00
#define SHN_XINDEX 0xffff
#define STT_NOTYPE 0
#define STT_OBJECT 1
#define STT_FUNC 2
#define STT_SECTION 3
#define ST_TYPE(info) ((info) & 0xf)

enum {  /* byte offsets of fields */
	EI_CLASS = 4, EI_DATA = 5,
	E_TYPE = 16, E_MACHINE = 18, E_ENTRY = 24, E_PHOFF = 28, E_SHOFF = 32,
	E_PHENTSIZE = 42, E_PHNUM = 44, E_SHENTSIZE = 46, E_SHNUM = 48, E_SHSTRNDX = 50,
	EHDR_SIZE = 52,
	P_TYPE = 0, P_OFFSET = 4, P_VADDR = 8, P_FILESZ = 16, P_MEMSZ = 20, P_FLAGS = 24,
	PHDR_SIZE = 32,
	SH_NAME = 0, SH_TYPE = 4, SH_FLAGS = 8, SH_ADDR = 12, SH_OFFSET = 16, SH_SIZE = 20,
	SH_LINK = 24, SHDR_SIZE = 40,
	ST_NAME = 0, ST_VALUE = 4, ST_SIZE = 8, ST_INFO = 12, ST_SHNDX = 14, SYM_SIZE = 16,
};
static const uint8_t elf_magic[4] = { 0x7f, 'E', 'L', 'F' };

#define ELF_MAX_FILE (1u << 30)   /* elf_load_file refuses larger files */

/* ---- the segments of the address space (DESIGN.md section 3) --------------- */
#define KSEG0_BASE 0x80000000u
#define KSEG1_BASE 0xA0000000u
#define KSEG3_BASE 0xE0000000u
#define KSEG_PA_MASK 0x1FFFFFFFu     /* kseg0/kseg1: PA = VA & this */
#define PAGE_SHIFT 12                /* EntryLo.PFN holds PA bits 31..12 */

enum aseg { USEG, KSEG0, KSEG1, SSEG, KSEG3 };
static const char *const aseg_name[] = { "useg", "kseg0", "kseg1", "sseg", "kseg3" };
static const uint32_t aseg_base[] = { 0, KSEG0_BASE, KSEG1_BASE, HW_SSEG_BASE, KSEG3_BASE };

static enum aseg aseg_of(uint32_t va)
{
	return va < KSEG0_BASE ? USEG : va < KSEG1_BASE ? KSEG0 : va < HW_SSEG_BASE ? KSEG1 :
	       va < KSEG3_BASE ? SSEG : KSEG3;
}

/* ---- helpers ------------------------------------------------------------------ */
static uint16_t rd16(const uint8_t *p) { return (uint16_t)(p[0] | p[1] << 8); }
static uint32_t rd32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Do count items of size bytes at off lie inside a file of len bytes? */
static int in_file(size_t len, uint64_t off, uint64_t count, uint64_t size)
{
	return off <= len && count * size <= len - off;   /* count, size < 2^32 */
}

__attribute__((format(printf, 3, 4)))
static int fail(char *err, size_t errsize, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errsize, fmt, ap);
	va_end(ap);
	return -1;
}

/* The NUL-terminated string at off inside tab[0..size), or NULL. */
static const char *str_at(const uint8_t *tab, uint32_t size, uint32_t off)
{
	if (!tab || off >= size || !memchr(tab + off, 0, size - off))
		return NULL;
	return (const char *)tab + off;
}

/* ---- parsing ------------------------------------------------------------------ */
static int parse_header(struct elf_image *img, char *err, size_t es)
{
	const uint8_t *b = img->buf;
	unsigned t;

	if (img->len < sizeof elf_magic || memcmp(b, elf_magic, sizeof elf_magic))
		return fail(err, es, "not an ELF file (no \\177ELF magic)");
	if (img->len < EHDR_SIZE)
		return fail(err, es, "truncated ELF header (%zu bytes, need %d)", img->len, EHDR_SIZE);
	if (b[EI_CLASS] != ELFCLASS32)
		return fail(err, es, "not 32-bit little-endian MIPS: EI_CLASS is %u%s", b[EI_CLASS],
			    b[EI_CLASS] == 2 ? " (ELFCLASS64)" : "");
	if (b[EI_DATA] != ELFDATA2LSB)
		return fail(err, es, "not 32-bit little-endian MIPS: EI_DATA is %u%s", b[EI_DATA],
			    b[EI_DATA] == ELFDATA2MSB ? " (big-endian)" : "");
	if ((t = rd16(b + E_MACHINE)) != EM_MIPS)
		return fail(err, es, "not 32-bit little-endian MIPS: e_machine is %u (want %d, EM_MIPS)",
			    t, EM_MIPS);
	if ((t = rd16(b + E_TYPE)) != ET_EXEC)
		return fail(err, es, "not an executable: e_type is %u%s", t,
			    t == ET_REL ? " (ET_REL, an object file: link it first)" : "");
	img->entry = rd32(b + E_ENTRY);
	return 0;
}

static int parse_segments(struct elf_image *img, char *err, size_t es)
{
	const uint8_t *b = img->buf;
	uint32_t phoff = rd32(b + E_PHOFF);
	unsigned phnum = rd16(b + E_PHNUM), phentsize = rd16(b + E_PHENTSIZE);

	if (phnum == 0)
		return fail(err, es, "no program headers (e_phnum is 0)");
	if (phentsize != PHDR_SIZE)
		return fail(err, es, "bad program header size %u (want %d)", phentsize, PHDR_SIZE);
	if (!in_file(img->len, phoff, phnum, PHDR_SIZE))
		return fail(err, es, "truncated program header table: e_phoff 0x%x, %u entries, "
			    "file is %zu bytes", phoff, phnum, img->len);
	for (unsigned i = 0; i < phnum; i++) {
		const uint8_t *p = b + phoff + (size_t)i * PHDR_SIZE;
		struct elf_segment *s = &img->seg[img->nseg];
		uint32_t off = rd32(p + P_OFFSET);

		if (rd32(p + P_TYPE) != PT_LOAD || rd32(p + P_MEMSZ) == 0)
			continue;
		if (img->nseg == ELF_MAX_SEGMENTS)
			return fail(err, es, "too many PT_LOAD segments (more than %d)",
				    ELF_MAX_SEGMENTS);
		s->vaddr = rd32(p + P_VADDR);
		s->memsz = rd32(p + P_MEMSZ);
		s->filesz = rd32(p + P_FILESZ);
		s->flags = rd32(p + P_FLAGS);
		if (s->filesz > s->memsz)
			return fail(err, es, "segment at 0x%08x: p_filesz 0x%x > p_memsz 0x%x",
				    s->vaddr, s->filesz, s->memsz);
		if (!in_file(img->len, off, s->filesz, 1))
			return fail(err, es, "segment at 0x%08x: data at offset 0x%x size 0x%x "
				    "is past the end of the file (%zu bytes)", s->vaddr, off,
				    s->filesz, img->len);
		if ((uint64_t)s->vaddr + s->memsz > UINT32_MAX + 1ull)
			return fail(err, es, "segment at 0x%08x: size 0x%x wraps around the "
				    "address space", s->vaddr, s->memsz);
		s->data = b + off;
		img->nseg++;
	}
	if (img->nseg == 0)
		return fail(err, es, "no loadable (PT_LOAD) segments");
	return 0;
}

struct shdr { uint32_t name, type, flags, addr, offset, size, link; };

static struct shdr shdr_at(const struct elf_image *img, uint32_t shoff, unsigned i)
{
	const uint8_t *p = img->buf + shoff + (size_t)i * SHDR_SIZE;

	return (struct shdr){ rd32(p + SH_NAME), rd32(p + SH_TYPE), rd32(p + SH_FLAGS),
		rd32(p + SH_ADDR), rd32(p + SH_OFFSET), rd32(p + SH_SIZE), rd32(p + SH_LINK) };
}

static int sym_cmp(const void *a, const void *b)
{
	const struct elf_symbol *x = a, *y = b;

	if (x->addr != y->addr)
		return x->addr < y->addr ? -1 : 1;
	if (x->is_func != y->is_func)          /* functions first, then sized ones */
		return y->is_func - x->is_func;
	if (x->size != y->size)
		return x->size > y->size ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* Every named symbol but STT_SECTION ones (llvm-objdump's set): the defined
 * STT_NOTYPE/OBJECT/FUNC ones go to sym[0..nsym), sorted; the others after. */
static int parse_symbols(struct elf_image *img, const struct shdr *st, const struct shdr *str,
			 unsigned shnum, char *err, size_t es)
{
	const uint8_t *b = img->buf;
	uint32_t n = st->size / SYM_SIZE, front = 0, back;

	if (!in_file(img->len, st->offset, st->size, 1))
		return fail(err, es, ".symtab at offset 0x%x size 0x%x is past the end of the file "
			    "(%zu bytes)", st->offset, st->size, img->len);
	if (!in_file(img->len, str->offset, str->size, 1))
		return fail(err, es, ".symtab's string table at offset 0x%x size 0x%x is past the "
			    "end of the file (%zu bytes)", str->offset, str->size, img->len);
	if (n < 2)
		return 0;
	img->sym = calloc(n - 1, sizeof *img->sym);
	if (!img->sym)
		return fail(err, es, "out of memory for %u symbols", n);
	back = n - 1;           /* the others fill sym[back..n-1) downwards */
	for (uint32_t i = 1; i < n; i++) {
		const uint8_t *p = b + st->offset + (size_t)i * SYM_SIZE;
		unsigned type = ST_TYPE(p[ST_INFO]), shndx = rd16(p + ST_SHNDX);
		const char *name;

		if (type == STT_SECTION)
			continue;
		name = str_at(b + str->offset, str->size, rd32(p + ST_NAME));
		if (!name)
			return fail(err, es, "symbol %u: name offset 0x%x is not a string in the "
				    "string table", i, rd32(p + ST_NAME));
		if (!*name)
			continue;
		struct elf_symbol s = { rd32(p + ST_VALUE), rd32(p + ST_SIZE), name,
			type == STT_FUNC, shndx != SHN_UNDEF && shndx < SHN_LORESERVE &&
			shndx < shnum ? shndx : ELF_SYM_ABSOLUTE };
		if ((type == STT_NOTYPE || type == STT_OBJECT || type == STT_FUNC) &&
		    shndx != SHN_UNDEF)
			img->sym[front++] = s;
		else
			img->sym[--back] = s;
	}
	memmove(img->sym + front, img->sym + back, (n - 1 - back) * sizeof *img->sym);
	img->nsym = (int)front;
	img->nsym_all = (int)(front + (n - 1 - back));
	qsort(img->sym, (size_t)img->nsym, sizeof *img->sym, sym_cmp);
	return 0;
}

static int parse_sections(struct elf_image *img, char *err, size_t es)
{
	const uint8_t *b = img->buf;
	uint32_t shoff = rd32(b + E_SHOFF);
	unsigned shnum = rd16(b + E_SHNUM), ent = rd16(b + E_SHENTSIZE);
	unsigned strndx = rd16(b + E_SHSTRNDX);
	const uint8_t *names = NULL;
	uint32_t names_size = 0;
	int symtab = -1;

	if (shoff == 0 || shnum == 0)
		return 0;                   /* no section headers: nothing to read */
	if (ent != SHDR_SIZE)
		return fail(err, es, "bad section header size %u (want %d)", ent, SHDR_SIZE);
	if (!in_file(img->len, shoff, shnum, SHDR_SIZE))
		return fail(err, es, "truncated section header table: e_shoff 0x%x, %u entries, "
			    "file is %zu bytes", shoff, shnum, img->len);
	if (strndx == SHN_XINDEX)
		strndx = shdr_at(img, shoff, 0).link;
	if (strndx != SHN_UNDEF && strndx < shnum) {
		struct shdr s = shdr_at(img, shoff, strndx);
		if (s.type == SHT_STRTAB && in_file(img->len, s.offset, s.size, 1)) {
			names = b + s.offset;
			names_size = s.size;
		}
	}
	if (!(img->sect = calloc(shnum, sizeof *img->sect)))
		return fail(err, es, "out of memory for %u sections", shnum);
	img->nsect = (int)shnum;
	for (unsigned i = 0; i < shnum; i++) {
		struct shdr s = shdr_at(img, shoff, i);
		const char *name = str_at(names, names_size, s.name);
		int inside = in_file(img->len, s.offset, s.size, 1);

		if (s.type == SHT_SYMTAB && symtab < 0 && i > 0)
			symtab = (int)i;
		/* the sections llvm-objdump -d disassembles must be sound */
		if ((s.flags & SHF_EXECINSTR) && s.type != SHT_NOBITS && s.size) {
			if (!inside)
				return fail(err, es, "section %u (%s): data at offset 0x%x size 0x%x "
					    "is past the end of the file (%zu bytes)", i,
					    name ? name : "?", s.offset, s.size, img->len);
			if ((uint64_t)s.addr + s.size > UINT32_MAX + 1ull)
				return fail(err, es, "section %u (%s): address 0x%08x size 0x%x "
					    "wraps around", i, name ? name : "?", s.addr, s.size);
		}
		img->sect[i] = (struct elf_section){ name ? name : "", s.addr, s.size, s.flags,
			s.type != SHT_NOBITS && inside ? b + s.offset : NULL };
	}
	if (symtab >= 0) {
		struct shdr st = shdr_at(img, shoff, (unsigned)symtab), str;
		if (st.link == SHN_UNDEF || st.link >= shnum ||
		    (str = shdr_at(img, shoff, st.link)).type != SHT_STRTAB)
			return fail(err, es, ".symtab: sh_link %u is not a string table", st.link);
		return parse_symbols(img, &st, &str, shnum, err, es);
	}
	return 0;
}

int elf_parse(uint8_t *buf, size_t len, struct elf_image *img, char *err, size_t errsize)
{
	memset(img, 0, sizeof *img);
	img->buf = buf;
	img->len = len;
	if (parse_header(img, err, errsize) < 0 || parse_segments(img, err, errsize) < 0 ||
	    parse_sections(img, err, errsize) < 0) {
		elf_free(img);
		return -1;
	}
	return 0;
}

int elf_load_file(const char *path, struct elf_image *img, char *err, size_t errsize)
{
	struct stat sb;
	uint8_t *buf = NULL;
	size_t len, got = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	memset(img, 0, sizeof *img);
	if (fd < 0)
		return fail(err, errsize, "%s: %s", path, strerror(errno));
	if (fstat(fd, &sb) < 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		return fail(err, errsize, "%s: not a regular file", path);
	}
	if (sb.st_size > ELF_MAX_FILE) {
		close(fd);
		return fail(err, errsize, "%s: file too large (%jd bytes)", path, (intmax_t)sb.st_size);
	}
	len = (size_t)sb.st_size;
	buf = malloc(len ? len : 1);
	while (buf && got < len) {
		ssize_t n = read(fd, buf + got, len - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	close(fd);
	if (!buf || got < len) {
		free(buf);
		return fail(err, errsize, "%s: cannot read the file", path);
	}
	if (elf_parse(buf, len, img, err, errsize) < 0) {
		char msg[256];
		snprintf(msg, sizeof msg, "%s", err);
		return fail(err, errsize, "%s: %s", path, msg);
	}
	return 0;
}

void elf_free(struct elf_image *img)
{
	free(img->buf);
	free(img->sym);
	free(img->sect);
	memset(img, 0, sizeof *img);
}

/* ---- the firmware's placement rule (elf.h) ------------------------------------ */
static int place_one(struct elf_segment *s, uint32_t ram_size, char *err, size_t es)
{
	enum aseg a = aseg_of(s->vaddr), z = aseg_of(s->vaddr + (s->memsz - 1));

	if (a == USEG || a == KSEG3)
		return fail(err, es, "segment at 0x%08x is in %s: the firmware loads only kseg0, "
			    "kseg1 and sseg", s->vaddr, aseg_name[a]);
	if (z != a)
		return fail(err, es, "segment at 0x%08x (size 0x%x) crosses from %s into %s",
			    s->vaddr, s->memsz, aseg_name[a], aseg_name[z]);
	if (a == SSEG) {
		s->pa = s->vaddr - HW_SSEG_BASE;
		if (s->memsz > HW_SSEG_RAM_WINDOW || s->pa > HW_SSEG_RAM_WINDOW - s->memsz)
			return fail(err, es, "segment at 0x%08x (size 0x%x) ends beyond the firmware's "
				    "sseg window 0x%08x-0x%08x", s->vaddr, s->memsz, HW_SSEG_BASE,
				    HW_SSEG_BASE + HW_SSEG_RAM_WINDOW - 1);
	} else {
		s->pa = s->vaddr & KSEG_PA_MASK;
	}
	if (s->memsz > ram_size || s->pa > ram_size - s->memsz)
		return fail(err, es, "segment at 0x%08x (PA 0x%08x, size 0x%x) does not fit in "
			    "RAM (0x%x bytes)", s->vaddr, s->pa, s->memsz, ram_size);
	return 0;
}

int elf_place(struct elf_image *img, uint32_t ram_size, char *err, size_t errsize)
{
	enum aseg a = aseg_of(img->entry);
	int inside = 0;

	for (int i = 0; i < img->nseg; i++) {
		struct elf_segment *s = &img->seg[i];
		if (place_one(s, ram_size, err, errsize) < 0)
			return -1;
		for (int j = 0; j < i; j++) {
			const struct elf_segment *t = &img->seg[j];
			if (s->pa < t->pa + t->memsz && t->pa < s->pa + s->memsz)
				return fail(err, errsize, "segments at 0x%08x and 0x%08x overlap in "
					    "physical memory", t->vaddr, s->vaddr);
		}
		inside |= img->entry - s->vaddr < s->memsz;
	}
	if (a == USEG || a == KSEG3)
		return fail(err, errsize, "entry point 0x%08x is in %s: the firmware starts only "
			    "kseg0, kseg1 and sseg code", img->entry, aseg_name[a]);
	if (!inside)
		return fail(err, errsize, "entry point 0x%08x is not inside a loaded segment",
			    img->entry);
	return 0;
}

/* ---- symbols ------------------------------------------------------------------- */
/* Among the symbols at the greatest address <= addr, the first (in sort
 * order: functions, then sized) that contains addr; a symbol of size 0 (an
 * assembly label) extends to the next address that has a symbol. */
const struct elf_symbol *elf_symbol_at(const struct elf_image *img, uint32_t addr,
				       uint32_t *offset)
{
	int lo = 0, hi = img->nsym;     /* first symbol above addr, in [lo, hi] */

	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		if (img->sym[mid].addr <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return NULL;
	while (lo > 1 && img->sym[lo - 2].addr == img->sym[lo - 1].addr)
		lo--;
	for (int i = lo - 1; i < img->nsym && img->sym[i].addr == img->sym[lo - 1].addr; i++) {
		const struct elf_symbol *s = &img->sym[i];
		if (s->size == 0 || addr - s->addr < s->size) {
			if (offset)
				*offset = addr - s->addr;
			return s;
		}
	}
	return NULL;
}

const struct elf_symbol *elf_symbol_named(const struct elf_image *img, const char *name)
{
	for (int i = 0; i < img->nsym; i++)
		if (!strcmp(img->sym[i].name, name))
			return &img->sym[i];
	return NULL;
}

/* ---- the boot state (DESIGN.md section 5) -------------------------------------- */
static uint32_t entrylo(uint32_t pa, uint32_t cache, uint32_t bits)
{
	return ((pa >> PAGE_SHIFT) << ENTRYLO_PFN_SHIFT & ENTRYLO_PFN) |
	       (cache << ENTRYLO_C_SHIFT & ENTRYLO_C) | bits;
}

/* Requires a successful elf_place (the entry is in kseg0, kseg1 or sseg). */
void fw_boot_state(const struct elf_image *img, uint32_t ram_size, struct fw_boot *fw)
{
	const uint32_t dvg = ENTRYLO_D | ENTRYLO_V | ENTRYLO_G;
	enum aseg a = aseg_of(img->entry);

	assert(a == KSEG0 || a == KSEG1 || a == SSEG);
	memset(fw, 0, sizeof *fw);
	/* entry 0: sseg VA HW_SSEG_BASE -> PA 0, two 4 MiB pages, cacheable */
	fw->tlb[0].entryhi = HW_SSEG_BASE;
	fw->tlb[0].pagemask = PAGEMASK_4M;
	fw->tlb[0].entrylo0 = entrylo(HW_RAM_BASE, CACHE_CACHEABLE, dvg);
	fw->tlb[0].entrylo1 = entrylo(HW_RAM_BASE + tlb_page_size(PAGEMASK_4M), CACHE_CACHEABLE, dvg);
	/* entry 1: HW_SSEG_IO_BASE -> HW_IO_BASE, 64 KiB even page, uncached; the
	 * odd half is invalid but carries G (G is the AND of both halves) */
	fw->tlb[1].entryhi = HW_SSEG_IO_BASE;
	fw->tlb[1].pagemask = PAGEMASK_64K;
	fw->tlb[1].entrylo0 = entrylo(HW_IO_BASE, CACHE_UNCACHED, dvg);
	fw->tlb[1].entrylo1 = ENTRYLO_G;
	fw->pc = img->entry;
	fw->a0 = ram_size;
	fw->sp = aseg_base[a] + (ram_size < HW_FW_STACK_MAX ? ram_size : HW_FW_STACK_MAX);
	fw->status = 0;     /* kernel mode, EXL = ERL = IE = BEV = 0 */
	fw->ebase = HW_EBASE_RESET;
}
