/*
 * dev_disk.c - the block disk at HW_DISK_BASE (DESIGN.md section 4, hw.h):
 * HW_DISK_SECTOR_SIZE-byte sectors of an image file, DMA to physical memory,
 * interrupt on completion.
 *
 *   +HW_DISK_SECTOR  RW  first sector of the next request
 *   +HW_DISK_ADDR    RW  physical DMA address (4-byte aligned)
 *   +HW_DISK_COUNT   RW  number of sectors
 *   +HW_DISK_CMD     W   HW_DISK_CMD_READ (disk -> RAM), HW_DISK_CMD_WRITE
 *   +HW_DISK_STATUS  R   HW_DISK_BUSY | HW_DISK_DONE | HW_DISK_ERROR
 *                    W   1 bits clear DONE and ERROR (write-one-to-clear)
 *   +HW_DISK_SECTORS R   size of the disk in sectors
 *
 * Registers are 32-bit words at 4-aligned offsets; a narrower access at a
 * register's offset reads its low bits or writes the zero-extended value.
 * Other offsets, reads of CMD and writes of SECTORS are bus errors.
 *
 * A CMD write while STATUS.BUSY is ignored. Otherwise the command is
 * accepted: SECTOR, ADDR, COUNT and CMD are captured (later register writes
 * do not affect it), DONE and ERROR are cleared, BUSY is set, and the
 * request is checked at once: a bad command value, a sector range outside
 * the disk, an unaligned ADDR, a DMA range that is not all RAM
 * (host->dma() == NULL), or a write to a read-only image is rejected.
 * Completion comes at
 *     accepted:  now + COST_DISK_SEEK + COST_DISK_SECTOR * COUNT
 *     rejected:  now + COST_DISK_SEEK          (nothing is transferred)
 * COUNT 0 is a valid request that transfers nothing and completes with DONE
 * after COST_DISK_SEEK. At completion (event) the data moves (pread/pwrite
 * of the image, so RAM is read or written at that cycle, not at CMD), BUSY
 * clears, DONE is set (with ERROR if the request was rejected or the host
 * I/O failed) and host->irq_changed() is called. The interrupt line is high
 * while DONE or ERROR is set.
 *
 * reset cancels a pending request (nothing is transferred) and clears all
 * registers. The image file is written in place and closed by free.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cost.h"
#include "dev.h"
#include "hw.h"

#define DISK_ADDR_ALIGN 4    /* hw.h: ADDR is 4-byte aligned */

struct disk {
	struct dev_host *host;
	int fd;                     /* -1: no image (0 sectors)          */
	int writable;
	uint32_t sectors;
	char *name;                 /* image path, for describe          */
	uint32_t sector, addr, count, status;
	/* the request being served while STATUS.BUSY */
	uint32_t req_cmd, req_sector, req_addr, req_count;
	int req_bad;
	uint64_t done_at;
};

void *dev_disk_new(struct dev_host *h, const char *path, char *err, size_t errsize)
{
	struct disk *d = calloc(1, sizeof *d);
	struct stat sb;

	if (!d) {
		snprintf(err, errsize, "disk: out of memory");
		return NULL;
	}
	d->host = h;
	d->fd = -1;
	d->name = strdup(path ? path : "(no image)");
	if (!d->name) {
		snprintf(err, errsize, "disk: out of memory");
		goto fail;
	}
	if (!path)
		return d;
	d->fd = open(path, O_RDWR | O_CLOEXEC);
	d->writable = d->fd >= 0;
	if (d->fd < 0 && (errno == EACCES || errno == EROFS || errno == EPERM))
		d->fd = open(path, O_RDONLY | O_CLOEXEC);
	if (d->fd < 0) {
		snprintf(err, errsize, "disk image %s: %s", path, strerror(errno));
		goto fail;
	}
	if (fstat(d->fd, &sb) < 0 || !S_ISREG(sb.st_mode)) {
		snprintf(err, errsize, "disk image %s: not a regular file", path);
		goto fail;
	}
	if (sb.st_size % HW_DISK_SECTOR_SIZE) {
		snprintf(err, errsize, "disk image %s: size %jd is not a multiple of %d",
			 path, (intmax_t)sb.st_size, HW_DISK_SECTOR_SIZE);
		goto fail;
	}
	if (sb.st_size / HW_DISK_SECTOR_SIZE > UINT32_MAX) {
		snprintf(err, errsize, "disk image %s: size %jd is too large (more than %" PRIu32
			 " sectors)", path, (intmax_t)sb.st_size, UINT32_MAX);
		goto fail;
	}
	d->sectors = (uint32_t)(sb.st_size / HW_DISK_SECTOR_SIZE);
	return d;
fail:
	if (d->fd >= 0)
		close(d->fd);
	free(d->name);
	free(d);
	return NULL;
}

static int irq_line(const struct disk *d)
{
	return (d->status & (HW_DISK_DONE | HW_DISK_ERROR)) != 0;
}

/* Bytes of a request of count sectors, or 0 if it cannot be a RAM range. */
static uint32_t req_bytes(uint32_t count)
{
	uint64_t n = (uint64_t)count * HW_DISK_SECTOR_SIZE;

	return n > HW_RAM_MAX ? 0 : (uint32_t)n;
}

static int request_ok(const struct disk *d, uint32_t cmd, uint32_t sector,
		      uint32_t addr, uint32_t count)
{
	uint32_t len = req_bytes(count);

	if (cmd != HW_DISK_CMD_READ && cmd != HW_DISK_CMD_WRITE)
		return 0;
	if (cmd == HW_DISK_CMD_WRITE && !d->writable)
		return 0;
	if (count == 0)
		return 1;
	if (sector > d->sectors || count > d->sectors - sector || addr % DISK_ADDR_ALIGN || len == 0)
		return 0;
	return d->host->dma(d->host, addr, len) != NULL;
}

static void start(struct disk *d, uint32_t cmd)
{
	uint64_t now = d->host->now(d->host);

	d->req_cmd = cmd;
	d->req_sector = d->sector;
	d->req_addr = d->addr;
	d->req_count = d->count;
	d->req_bad = !request_ok(d, cmd, d->sector, d->addr, d->count);
	d->done_at = now + COST_DISK_SEEK;
	if (!d->req_bad)
		d->done_at += (uint64_t)COST_DISK_SECTOR * d->count;
	d->status = HW_DISK_BUSY;
}

/* pread/pwrite all of len bytes at off; 0 or -1. */
static int transfer(int fd, int write_disk, uint8_t *p, size_t len, off_t off)
{
	while (len) {
		ssize_t n = write_disk ? pwrite(fd, p, len, off) : pread(fd, p, len, off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
		off += n;
	}
	return 0;
}

/* Completion: move the data now, then DONE (and ERROR) and the interrupt. */
static void disk_event(void *st, uint64_t now)
{
	struct disk *d = st;
	uint32_t len = req_bytes(d->req_count);
	int bad = d->req_bad;

	if (!(d->status & HW_DISK_BUSY) || now < d->done_at)
		return;         /* not due */
	if (!bad && d->req_count) {
		uint8_t *ram = d->host->dma(d->host, d->req_addr, len);
		int wr = d->req_cmd == HW_DISK_CMD_WRITE;
		off_t off = (off_t)d->req_sector * HW_DISK_SECTOR_SIZE;
		bad = !ram || transfer(d->fd, wr, ram, len, off) < 0;
		if (ram && !wr)
			d->host->dma_done(d->host, d->req_addr, len);
	}
	d->status = HW_DISK_DONE | (bad ? HW_DISK_ERROR : 0);
	d->host->irq_changed(d->host);
}

static uint64_t disk_next_event(const void *st)
{
	const struct disk *d = st;

	return d->status & HW_DISK_BUSY ? d->done_at : UINT64_MAX;
}

static int disk_read(void *st, uint32_t off, unsigned size, uint32_t *val)
{
	const struct disk *d = st;

	(void)size;
	switch (off) {
	case HW_DISK_SECTOR:  *val = d->sector; return 0;
	case HW_DISK_ADDR:    *val = d->addr; return 0;
	case HW_DISK_COUNT:   *val = d->count; return 0;
	case HW_DISK_STATUS:  *val = d->status; return 0;
	case HW_DISK_SECTORS: *val = d->sectors; return 0;
	}
	return -1;
}

static int disk_write(void *st, uint32_t off, unsigned size, uint32_t val)
{
	struct disk *d = st;
	int before = irq_line(d);

	(void)size;
	switch (off) {
	case HW_DISK_SECTOR:  d->sector = val; return 0;
	case HW_DISK_ADDR:    d->addr = val; return 0;
	case HW_DISK_COUNT:   d->count = val; return 0;
	case HW_DISK_CMD:
		if (d->status & HW_DISK_BUSY)
			return 0;       /* ignored while busy */
		start(d, val);
		d->host->events_changed(d->host);
		break;
	case HW_DISK_STATUS:
		d->status &= ~(val & (HW_DISK_DONE | HW_DISK_ERROR));
		break;
	default:
		return -1;
	}
	if (irq_line(d) != before)
		d->host->irq_changed(d->host);
	return 0;
}

static void disk_reset(void *st)
{
	struct disk *d = st;

	d->sector = d->addr = d->count = d->status = 0;
	d->req_cmd = d->req_sector = d->req_addr = d->req_count = 0;
	d->req_bad = 0;
	d->done_at = 0;
}

static void disk_describe(const void *st, char *buf, size_t size)
{
	const struct disk *d = st;
	static const char *const cmds[] = { "?", "read", "write" };
	uint32_t c = d->req_cmd <= HW_DISK_CMD_WRITE ? d->req_cmd : 0;

	if (d->status & HW_DISK_BUSY)
		snprintf(buf, size, "disk: %s, %" PRIu32 " sectors%s, BUSY until %" PRIu64
			 ": %s %" PRIu32 " @ %" PRIu32 " <-> PA 0x%08" PRIx32 "%s",
			 d->name, d->sectors, d->writable ? "" : " (read-only)",
			 d->done_at, cmds[c], d->req_count, d->req_sector, d->req_addr,
			 d->req_bad ? " (rejected)" : "");
	else
		snprintf(buf, size, "disk: %s, %" PRIu32 " sectors%s, STATUS=0x%" PRIx32
			 " SECTOR=%" PRIu32 " ADDR=0x%08" PRIx32 " COUNT=%" PRIu32,
			 d->name, d->sectors, d->writable ? "" : " (read-only)",
			 d->status, d->sector, d->addr, d->count);
}

static int disk_irq(const void *st)
{
	return irq_line(st);
}

static void disk_free(void *st)
{
	struct disk *d = st;

	if (d->fd >= 0)
		close(d->fd);
	free(d->name);
	free(d);
}

const struct dev_ops dev_disk_ops = {
	.name = "disk",
	.read = disk_read,
	.write = disk_write,
	.reset = disk_reset,
	.describe = disk_describe,
	.irq = disk_irq,
	.next_event = disk_next_event,
	.event = disk_event,
	.free = disk_free,
};
