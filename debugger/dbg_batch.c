/*
 * dbg_batch.c - batch mode: the same commands as the TUI, read from a file
 * (or a stdin that is not a terminal), each echoed after a "(trapeze) "
 * prompt and followed by its output as plain text, then by whatever the
 * guest printed meanwhile, each line prefixed "console| ". The transcript of
 * a given script is the same on every run: tests compare it.
 */
#include <string.h>
#include "dbg_int.h"

static void print_line(void *ctx, unsigned attr, const char *text)
{
	FILE *f = ctx;
	fprintf(f, "%s%s\n", attr & DBG_A_ERROR ? "error: " : "", text);
}

/* The console bytes not printed yet. */
static void print_console(struct dbg *d, FILE *f, uint64_t *printed)
{
	for (int vm = 0; vm < d->nvm; vm++) {
		size_t len;
		uint64_t total;
		const char *s = dbg_console_text(d, vm, &len, &total);
		uint64_t fresh = total - printed[vm];
		if (!fresh)
			continue;
		if (fresh > len)
			fresh = len;                  /* older bytes are gone */
		const char *p = s + len - fresh, *end = s + len;
		while (p < end) {
			const char *nl = memchr(p, '\n', (size_t)(end - p));
			size_t k = nl ? (size_t)(nl - p) : (size_t)(end - p);
			if (d->nvm > 1)
				fprintf(f, "console%d| %.*s\n", vm, (int)k, p);
			else
				fprintf(f, "console| %.*s\n", (int)k, p);
			p += k + (nl != NULL);
		}
		printed[vm] = total;
	}
}

int dbg_batch(struct dbg *d, FILE *in, FILE *out)
{
	struct dbg_out o = { print_line, out };
	uint64_t printed[VMM_MAX_VMS] = { 0 };
	char line[4096];
	int status = 0;
	while (fgets(line, sizeof line, in)) {
		size_t n = strlen(line);
		if (n == sizeof line - 1 && line[n - 1] != '\n') {
			fprintf(out, "error: a command line longer than %zu characters\n", sizeof line - 2);
			int ch;
			while ((ch = fgetc(in)) != EOF && ch != '\n')
				;
			status = 1;
			continue;
		}
		while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = 0;
		const char *p = line + strspn(line, " \t");
		if (*p == '#')
			continue;                 /* a comment */
		fprintf(out, "(trapeze) %s\n", line);
		enum dbg_result r = dbg_exec(d, line, &o);
		print_console(d, out, printed);
		fflush(out);
		if (r == DBG_ERROR)
			status = 1;
		if (r == DBG_QUIT)
			break;
	}
	print_console(d, out, printed);
	fflush(out);
	return status;
}
