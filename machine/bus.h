/*
 * bus.h - physical address space: RAM at 0 and the device slots at
 * HW_IO_BASE (DESIGN.md section 4). Anything else is a bus error.
 */
#ifndef TRAPEZE_BUS_H
#define TRAPEZE_BUS_H

#include <stdint.h>
#include "dev.h"
#include "hw.h"

#define BUS_SLOTS ((HW_IO_END - HW_IO_BASE) / HW_IO_SLOT_SIZE)

struct bus {
	uint8_t *ram;
	uint32_t ram_size;
	struct dev *slot[BUS_SLOTS];
	unsigned trace_dev;        /* print device accesses (TRACE_DEV)       */
	uint64_t *clock;           /* for trace lines                         */
};

int bus_init(struct bus *b, uint32_t ram_size);
void bus_free(struct bus *b);
/* Map device d at its base; returns -1 if the slot is taken or invalid. */
int bus_attach(struct bus *b, struct dev *d);
/* Is [pa, pa+len) inside RAM? */
static inline int bus_is_ram(const struct bus *b, uint32_t pa, uint32_t len)
{
	return pa < b->ram_size && len <= b->ram_size - pa;
}
/* Device access; -1 on a bus error (no device, or it does not decode off). */
int bus_io_read(struct bus *b, uint32_t pa, unsigned size, uint32_t *val);
int bus_io_write(struct bus *b, uint32_t pa, unsigned size, uint32_t val);
/* The device mapped at pa, or NULL. */
struct dev *bus_device_at(const struct bus *b, uint32_t pa);

#endif
