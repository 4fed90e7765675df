/*
 * bus.c - the physical address space (DESIGN.md section 4): RAM at
 * HW_RAM_BASE and 16 device slots of HW_IO_SLOT_SIZE bytes from HW_IO_BASE.
 *
 * RAM accesses do not come through here: the CPU reads b->ram directly after
 * bus_is_ram(). Device accesses are dispatched by slot to the device's
 * dev_ops with the byte offset inside the slot.
 *
 * Access widths: size is 1, 2 or 4 (the CPU has already checked alignment).
 * The bus truncates a written value to `size` bytes before the device sees
 * it, and truncates the value a device returns to `size` bytes, so devices
 * need not care about narrow accesses beyond deciding which offsets they
 * decode (all of ours decode only the 4-aligned register offsets; see
 * dev_*.c).
 *
 * Trace (b->trace_dev non-zero, i.e. TRACE_DEV): every access that reaches a
 * device prints exactly one line on stderr, in this stable format:
 *
 *     dev  <cycle> <devname> <R|W><size> +0x<off> = 0x<val>
 *
 *   <cycle>   decimal, *b->clock (0 when b->clock is NULL)
 *   <devname> dev->ops->name ("sysctl", "console", "disk")
 *   <size>    1, 2 or 4
 *   <off>     lower-case hex offset within the slot, no padding
 *   <val>     lower-case hex, zero-padded to 2*size digits: the value read
 *             (0 on a bus error) or written
 *
 * An access the device refuses (bus error) gets the same line followed by
 * " bus-error". Accesses to an empty slot reach no device and are not traced
 * here (the CPU's exception trace shows them).
 */
#include <assert.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bus.h"
#include "cp0bits.h"

/* RAM comes in whole 4 KiB pages (the smallest TLB page). */
#define RAM_GRANULE 0x1000

int bus_init(struct bus *b, uint32_t ram_size)
{
	memset(b, 0, sizeof *b);
	if (ram_size < HW_RAM_MIN || ram_size > HW_RAM_MAX || ram_size % RAM_GRANULE)
		return -1;
	b->ram = calloc(1, ram_size);
	if (!b->ram)
		return -1;
	b->ram_size = ram_size;
	return 0;
}

/* Frees RAM only: devices belong to whoever attached them. */
void bus_free(struct bus *b)
{
	free(b->ram);
	memset(b, 0, sizeof *b);
}

static int slot_of(uint32_t pa)
{
	if (pa < HW_IO_BASE || pa >= HW_IO_END)
		return -1;
	return (int)((pa - HW_IO_BASE) / HW_IO_SLOT_SIZE);
}

int bus_attach(struct bus *b, struct dev *d)
{
	int s = slot_of(d->base);

	assert(d->ops && d->ops->read && d->ops->write && d->ops->name);
	if (s < 0 || (d->base - HW_IO_BASE) % HW_IO_SLOT_SIZE || b->slot[s])
		return -1;
	b->slot[s] = d;
	return 0;
}

struct dev *bus_device_at(const struct bus *b, uint32_t pa)
{
	int s = slot_of(pa);

	return s < 0 ? NULL : b->slot[s];
}

static uint32_t size_mask(unsigned size)
{
	assert(size == 1 || size == 2 || size == 4);
	return size == 4 ? 0xffffffffu : (1u << (8 * size)) - 1;
}

static void trace(const struct bus *b, const struct dev *d, char rw, unsigned size,
		  uint32_t off, uint32_t val, int rc)
{
	fprintf(stderr, "dev  %" PRIu64 " %s %c%u +0x%" PRIx32 " = 0x%0*" PRIx32 "%s\n",
		b->clock ? *b->clock : 0, d->ops->name, rw, size, off, (int)(2 * size), val,
		rc < 0 ? " bus-error" : "");
}

int bus_io_read(struct bus *b, uint32_t pa, unsigned size, uint32_t *val)
{
	uint32_t mask = size_mask(size);
	struct dev *d = bus_device_at(b, pa);
	uint32_t v = 0;
	int rc;

	*val = 0;
	if (!d)
		return -1;
	rc = d->ops->read(d->st, pa - d->base, size, &v) < 0 ? -1 : 0;
	if (rc == 0)
		*val = v & mask;
	if (b->trace_dev)
		trace(b, d, 'R', size, pa - d->base, *val, rc);
	return rc;
}

int bus_io_write(struct bus *b, uint32_t pa, unsigned size, uint32_t val)
{
	uint32_t mask = size_mask(size);
	struct dev *d = bus_device_at(b, pa);
	int rc;

	if (!d)
		return -1;
	val &= mask;
	rc = d->ops->write(d->st, pa - d->base, size, val) < 0 ? -1 : 0;
	if (b->trace_dev)
		trace(b, d, 'W', size, pa - d->base, val, rc);
	return rc;
}

/* ---- sets of devices ------------------------------------------------------------------ */

uint32_t dev_irq_lines(struct dev *const *devs, int n)
{
	uint32_t lines = 0;
	for (int i = 0; i < n; i++)
		if (devs[i]->irq >= 0 && devs[i]->ops->irq && devs[i]->ops->irq(devs[i]->st))
			lines |= 1u << (CAUSE_IP_SHIFT + devs[i]->irq);
	return lines;
}

uint64_t dev_next_event(struct dev *const *devs, int n)
{
	uint64_t t = UINT64_MAX;
	for (int i = 0; i < n; i++)
		if (devs[i]->ops->next_event) {
			uint64_t e = devs[i]->ops->next_event(devs[i]->st);
			if (e < t)
				t = e;
		}
	return t;
}

void dev_run_due(struct dev *const *devs, int n, uint64_t now)
{
	for (int i = 0; i < n; i++)
		if (devs[i]->ops->next_event && devs[i]->ops->next_event(devs[i]->st) <= now)
			devs[i]->ops->event(devs[i]->st, now);
}
