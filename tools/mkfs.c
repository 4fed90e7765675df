/*
 * mkfs.c - writes a disk image for the guest OS (the layout of
 * guestos/include/fs.h): a header, a table of files, then each file's bytes
 * starting on a sector boundary, the image padded with zeros to whole sectors.
 *
 *   mkfs OUT.img NAME=PATH ...
 *
 * Files appear in the table in the order given. The output depends only on
 * the arguments and the files' contents, so it is byte-identical from run to
 * run. Any error prints one line on stderr and exits with status 2: a file
 * that cannot be read, a NAME that is empty, longer than FS_NAME_MAX - 1
 * bytes, or contains '/' or a blank (spawn could not name it), the same NAME
 * twice, no file at all, OUT not writable. All inputs are checked and read
 * before OUT is opened, so an input error leaves OUT as it was.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fs.h"

/* One file to put on the disk. */
struct file {
	const char *name;       /* its name on the disk */
	const char *path;       /* where it comes from on the host */
	unsigned char *data;    /* its bytes */
	uint32_t size;
	uint32_t sector;        /* its first sector in the image */
};

/* Prints "mkfs: " and the message as one line on stderr, exits with 2. */
__attribute__((format(printf, 1, 2), noreturn))
static void die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("mkfs: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(2);
}

/* Stores v at p as a little-endian 32-bit word (whatever the host's order). */
static void put32(unsigned char *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

static uint32_t sectors(uint64_t bytes)
{
	return (uint32_t)((bytes + FS_SECTOR_SIZE - 1) / FS_SECTOR_SIZE);
}

/* Reads the whole file f->path into f->data. */
static void load(struct file *f)
{
	FILE *in = fopen(f->path, "rb");
	if (!in)
		die("%s: %s", f->path, strerror(errno));
	size_t cap = 4096, len = 0, n;
	unsigned char *buf = malloc(cap);
	while (buf && (n = fread(buf + len, 1, cap - len, in)) > 0) {
		len += n;
		if (len == cap)
			buf = realloc(buf, cap *= 2);
	}
	if (!buf)
		die("%s: out of memory", f->path);
	if (ferror(in))     /* a directory, for example: EISDIR */
		die("%s: %s", f->path, strerror(errno));
	fclose(in);
	if (len > UINT32_MAX / 2)
		die("%s: too large for the disk", f->path);
	f->data = buf;
	f->size = (uint32_t)len;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs("usage: mkfs OUT.img NAME=PATH ...\n", stderr);
		return 2;
	}
	int nfiles = argc - 2;
	if (nfiles == 0)
		die("%s: no files given (usage: mkfs OUT.img NAME=PATH ...)", argv[1]);
	struct file *files = calloc((size_t)nfiles, sizeof *files);
	if (!files)
		die("out of memory");

	/* Split and check each NAME=PATH, then read the file. */
	for (int i = 0; i < nfiles; i++) {
		char *arg = argv[i + 2], *eq = strchr(arg, '=');
		if (!eq)
			die("%s: not NAME=PATH", arg);
		*eq = '\0';
		files[i].name = arg;
		files[i].path = eq + 1;
		if (arg[0] == '\0')
			die("=%s: empty name", eq + 1);
		if (strlen(arg) > FS_NAME_MAX - 1)
			die("%s: name longer than %d characters", arg, FS_NAME_MAX - 1);
		if (strpbrk(arg, "/ \t"))   /* ('=' cannot occur: the first one ends NAME) */
			die("%s: a name may not contain '/' or blanks", arg);
		for (int j = 0; j < i; j++)
			if (strcmp(files[j].name, arg) == 0)
				die("%s: duplicate name", arg);
		load(&files[i]);
	}

	/* Lay out: header and table first, then each file on its own sectors. */
	uint32_t table_sectors = sectors(FS_HDR_SIZE + (uint64_t)nfiles * FS_ENTRY_SIZE);
	uint64_t next = table_sectors;
	for (int i = 0; i < nfiles; i++) {
		files[i].sector = (uint32_t)next;
		next += sectors(files[i].size);
	}
	if (next > UINT32_MAX / FS_SECTOR_SIZE)
		die("%s: the image would be too large", argv[1]);
	uint32_t total = (uint32_t)next;

	/* Build the image in memory (zero-filled: the padding), then write it. */
	unsigned char *img = calloc(total, FS_SECTOR_SIZE);
	if (!img)
		die("%s: out of memory", argv[1]);
	put32(img + FS_HDR_MAGIC, FS_MAGIC);
	put32(img + FS_HDR_NFILES, (uint32_t)nfiles);
	put32(img + FS_HDR_TABLE_SECTORS, table_sectors);
	put32(img + FS_HDR_TOTAL_SECTORS, total);
	for (int i = 0; i < nfiles; i++) {
		unsigned char *e = img + FS_HDR_SIZE + (size_t)i * FS_ENTRY_SIZE;
		memcpy(e + FS_ENT_NAME, files[i].name, strlen(files[i].name));
		put32(e + FS_ENT_SECTOR, files[i].sector);
		put32(e + FS_ENT_SIZE, files[i].size);
		if (files[i].size)
			memcpy(img + (size_t)files[i].sector * FS_SECTOR_SIZE,
			       files[i].data, files[i].size);
	}

	FILE *out = fopen(argv[1], "wb");
	if (!out)
		die("%s: %s", argv[1], strerror(errno));
	size_t bytes = (size_t)total * FS_SECTOR_SIZE;
	if (fwrite(img, 1, bytes, out) != bytes || fclose(out) != 0) {
		int e = errno;
		remove(argv[1]);
		die("%s: %s", argv[1], strerror(e));
	}
	return 0;
}
