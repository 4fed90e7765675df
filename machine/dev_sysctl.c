/*
 * dev_sysctl.c - the system controller at HW_SYSCTL_BASE (DESIGN.md
 * section 4):
 *
 *   +HW_SYSCTL_POWEROFF  W  halt the machine; the value written is the exit
 *                           status (host->poweroff(h, value))
 *   +HW_SYSCTL_RAMSIZE   R  RAM size in bytes
 *
 * Registers are 32-bit words at 4-aligned offsets. A narrower access at a
 * register's offset reads its low bits or writes the zero-extended value
 * (the bus truncates). Any other offset, a read of POWEROFF or a write of
 * RAMSIZE is a bus error.
 */
#include <stdio.h>
#include <stdlib.h>

#include "dev.h"
#include "hw.h"

struct sysctl {
	struct dev_host *host;
	uint32_t ram_size;
};

void *dev_sysctl_new(struct dev_host *h, uint32_t ram_size)
{
	struct sysctl *s = calloc(1, sizeof *s);

	if (!s)
		return NULL;
	s->host = h;
	s->ram_size = ram_size;
	return s;
}

static int sysctl_read(void *st, uint32_t off, unsigned size, uint32_t *val)
{
	const struct sysctl *s = st;

	(void)size;
	if (off != HW_SYSCTL_RAMSIZE)
		return -1;
	*val = s->ram_size;
	return 0;
}

static int sysctl_write(void *st, uint32_t off, unsigned size, uint32_t val)
{
	struct sysctl *s = st;

	(void)size;
	if (off != HW_SYSCTL_POWEROFF)
		return -1;
	s->host->poweroff(s->host, val);
	return 0;
}

static void sysctl_reset(void *st)
{
	(void)st;   /* no state besides the constant RAMSIZE */
}

static void sysctl_describe(const void *st, char *buf, size_t size)
{
	const struct sysctl *s = st;

	snprintf(buf, size, "sysctl: RAMSIZE=0x%08x (%u KiB)", (unsigned)s->ram_size,
		 (unsigned)(s->ram_size / 1024));
}

const struct dev_ops dev_sysctl_ops = {
	.name = "sysctl",
	.read = sysctl_read,
	.write = sysctl_write,
	.reset = sysctl_reset,
	.describe = sysctl_describe,
	.free = free,
};
