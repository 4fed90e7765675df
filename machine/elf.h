/*
 * elf.h - reading ELF32 little-endian MIPS executables, and the firmware's
 * boot protocol (DESIGN.md section 5) as data, so that the real machine and
 * the VMM's virtual machines boot the same binary the same way.
 */
#ifndef TRAPEZE_ELF_H
#define TRAPEZE_ELF_H

#include <stddef.h>
#include <stdint.h>
#include "tlb.h"

#define ELF_MAX_SEGMENTS 16

struct elf_segment {
	uint32_t vaddr, memsz, filesz, flags;   /* flags: PF_X 1, PF_W 2, PF_R 4 */
	uint32_t pa;                            /* where the firmware puts it     */
	const uint8_t *data;                    /* filesz bytes inside the image  */
};

struct elf_symbol {
	uint32_t addr, size;
	const char *name;
	int is_func;
	uint32_t shndx;         /* its section (an index into sect), or ELF_SYM_ABSOLUTE */
};
/* st_shndx is SHN_UNDEF, SHN_ABS, another reserved index or no section:
 * llvm-objdump calls these "absolute" symbols. */
#define ELF_SYM_ABSOLUTE 0xffffffffu

struct elf_section {
	const char *name;       /* "" if it has none                               */
	uint32_t addr, size, flags;     /* sh_flags: ELF_SHF_EXECINSTR, ...        */
	const uint8_t *data;    /* size bytes inside the image, or NULL (SHT_NOBITS,
				 * or not inside the file: only for sections that
				 * are not executable)                             */
};
#define ELF_SHF_EXECINSTR 0x4

struct elf_image {
	uint8_t *buf;           /* the whole file (owned)                          */
	size_t len;
	uint32_t entry;
	int nseg;
	struct elf_segment seg[ELF_MAX_SEGMENTS];
	/* Named .symtab symbols, except STT_SECTION ones (owned array, names in
	 * buf). sym[0..nsym): the defined STT_NOTYPE/OBJECT/FUNC symbols, sorted
	 * by address; elf_symbol_at and elf_symbol_named search these.
	 * sym[nsym..nsym_all): the others (undefined, STT_FILE, STT_TLS, ...),
	 * which only llvm-objdump's choice of names needs (cli/disasm.c). */
	int nsym, nsym_all;
	struct elf_symbol *sym;
	int nsect;              /* every section header: sect[i] is section i      */
	struct elf_section *sect;
};

/* Read and validate path. On failure returns -1 with one line in err naming
 * the problem ("not an ELF file", "not 32-bit little-endian MIPS", "truncated
 * program header", ...). Only checks the file itself; see elf_place. */
int elf_load_file(const char *path, struct elf_image *img, char *err, size_t errsize);
/* Takes buf (malloc'd) in every case: on failure it is already freed. */
int elf_parse(uint8_t *buf, size_t len, struct elf_image *img, char *err, size_t errsize);
void elf_free(struct elf_image *img);

/* Apply the firmware's placement rule to every PT_LOAD segment: kseg0/kseg1
 * addresses load at VA & 0x1FFFFFFF, sseg addresses at VA - 0xC0000000; any
 * other segment, or one that does not fit in ram_size (or, for sseg, in the
 * firmware's 8 MiB window), is an error. The entry point must be in kseg0,
 * kseg1 or sseg. Sets seg[i].pa. */
int elf_place(struct elf_image *img, uint32_t ram_size, char *err, size_t errsize);

/* Symbol containing addr (or NULL) and the offset into it. */
const struct elf_symbol *elf_symbol_at(const struct elf_image *img, uint32_t addr,
				       uint32_t *offset);
const struct elf_symbol *elf_symbol_named(const struct elf_image *img, const char *name);

/* The state the firmware hands to a program (DESIGN.md section 5). */
struct fw_boot {
	struct tlb_entry tlb[2];  /* written at index 0 and 1; Wired = 2          */
	uint32_t pc, a0, sp;
	uint32_t status;          /* kernel mode, EXL = ERL = IE = BEV = 0         */
	uint32_t ebase;
};
void fw_boot_state(const struct elf_image *img, uint32_t ram_size, struct fw_boot *fw);

#endif
