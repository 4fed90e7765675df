/*
 * test_devices.c - the bus and the machine's devices (machine/bus.c,
 * dev_sysctl.c, dev_console.c, dev_disk.c) against a fake dev_host with a
 * settable clock and its own RAM. No CPU involved.
 */
#define _GNU_SOURCE     /* posix_openpt and friends */
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bus.h"
#include "check.h"
#include "cost.h"
#include "dev.h"
#include "hw.h"

/* ---- the fake host -------------------------------------------------------------- */
struct fake {
	struct dev_host h;          /* first: a dev_host * is a struct fake * */
	uint64_t now;
	int irq_calls, event_calls, poweroffs;
	uint32_t poweroff_status;
	uint8_t ram[64 * 1024];
	uint32_t done_pa, done_len;
	int done_calls;
};

static uint64_t f_now(struct dev_host *h) { return ((struct fake *)h)->now; }
static void f_irq(struct dev_host *h) { ((struct fake *)h)->irq_calls++; }
static void f_events(struct dev_host *h) { ((struct fake *)h)->event_calls++; }
static void f_poweroff(struct dev_host *h, uint32_t status)
{
	struct fake *f = (struct fake *)h;
	f->poweroffs++;
	f->poweroff_status = status;
}
static uint8_t *f_dma(struct dev_host *h, uint32_t pa, uint32_t len)
{
	struct fake *f = (struct fake *)h;
	return pa < sizeof f->ram && len <= sizeof f->ram - pa ? f->ram + pa : NULL;
}
static void f_dma_done(struct dev_host *h, uint32_t pa, uint32_t len)
{
	struct fake *f = (struct fake *)h;
	f->done_pa = pa;
	f->done_len = len;
	f->done_calls++;
}

static struct fake *fake_new(void)
{
	struct fake *f = calloc(1, sizeof *f);
	f->h = (struct dev_host){ f_now, f_irq, f_events, f_poweroff, f_dma, f_dma_done, 0 };
	return f;
}

static uint32_t rd(const struct dev_ops *ops, void *st, uint32_t off)
{
	uint32_t v = 0xdeadbeef;
	return ops->read(st, off, 4, &v) == 0 ? v : 0xdeadbeef;
}

/* ---- sysctl and bus ------------------------------------------------------------- */
static void test_sysctl_bus(void)
{
	struct fake *f = fake_new();
	struct bus b;
	struct dev sys = { &dev_sysctl_ops, dev_sysctl_new(&f->h, 4u << 20), HW_SYSCTL_BASE, -1 };
	struct dev again = sys, odd = sys, far = sys;
	uint32_t v = 1;
	uint64_t clock = 77;
	char line[200] = "", buf[120];
	FILE *tmp = tmpfile();
	int saved = dup(2);

	CHECK("bus.init_bad", bus_init(&b, 0) < 0 && bus_init(&b, HW_RAM_MIN - 4096) < 0 &&
	      bus_init(&b, HW_RAM_MIN + 1) < 0 && bus_init(&b, HW_RAM_MAX + 4096) < 0, "accepted");
	CHECK("bus.init", bus_init(&b, 4u << 20) == 0 && b.ram && b.ram_size == 4u << 20 &&
	      b.ram[0] == 0 && b.ram[(4u << 20) - 1] == 0, "failed");
	odd.base = HW_SYSCTL_BASE + 4;
	far.base = HW_IO_END;
	CHECK("bus.attach", bus_attach(&b, &sys) == 0 && bus_attach(&b, &again) < 0 &&
	      bus_attach(&b, &odd) < 0 && bus_attach(&b, &far) < 0, "slot rules");
	CHECK("bus.device_at", bus_device_at(&b, HW_SYSCTL_BASE + 0xfff) == &sys &&
	      !bus_device_at(&b, HW_CONSOLE_BASE) && !bus_device_at(&b, 0), "lookup");
	CHECK("sysctl.ramsize", bus_io_read(&b, HW_SYSCTL_BASE + HW_SYSCTL_RAMSIZE, 4, &v) == 0 &&
	      v == 4u << 20, "got 0x%x", v);
	CHECK("sysctl.narrow_read", bus_io_read(&b, HW_SYSCTL_BASE + HW_SYSCTL_RAMSIZE, 2, &v) == 0 &&
	      v == 0, "got 0x%x", v);
	CHECK("sysctl.bus_errors", bus_io_read(&b, HW_SYSCTL_BASE + HW_SYSCTL_POWEROFF, 4, &v) < 0 &&
	      bus_io_read(&b, HW_SYSCTL_BASE + 8, 4, &v) < 0 &&
	      bus_io_write(&b, HW_SYSCTL_BASE + HW_SYSCTL_RAMSIZE, 4, 1) < 0 &&
	      bus_io_read(&b, HW_CONSOLE_BASE, 4, &v) < 0 && f->poweroffs == 0, "decoded");
	CHECK("sysctl.poweroff", bus_io_write(&b, HW_SYSCTL_BASE + HW_SYSCTL_POWEROFF, 4, 42) == 0 &&
	      f->poweroffs == 1 && f->poweroff_status == 42, "calls %d status %u", f->poweroffs,
	      f->poweroff_status);
	CHECK("bus.truncates_writes", bus_io_write(&b, HW_SYSCTL_BASE, 1, 0x1234) == 0 &&
	      f->poweroff_status == 0x34, "status 0x%x", f->poweroff_status);

	/* the trace line format (bus.c) */
	b.trace_dev = 1;
	b.clock = &clock;
	fflush(stderr);
	dup2(fileno(tmp), 2);
	bus_io_read(&b, HW_SYSCTL_BASE + HW_SYSCTL_RAMSIZE, 4, &v);
	bus_io_write(&b, HW_SYSCTL_BASE + 8, 1, 0xab);
	b.clock = NULL;
	bus_io_write(&b, HW_SYSCTL_BASE, 2, 0x10007);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	rewind(tmp);
	line[fread(line, 1, sizeof line - 1, tmp)] = 0;
	CHECK("bus.trace", !strcmp(line, "dev  77 sysctl R4 +0x4 = 0x00400000\n"
				   "dev  77 sysctl W1 +0x8 = 0xab bus-error\n"
				   "dev  0 sysctl W2 +0x0 = 0x0007\n"), "got:\n%s", line);
	fclose(tmp);
	dev_sysctl_ops.describe(sys.st, buf, sizeof buf);
	CHECK("sysctl.describe", strstr(buf, "4096 KiB") != NULL, "%s", buf);
	dev_sysctl_ops.free(sys.st);
	bus_free(&b);
	CHECK("bus.free", b.ram == NULL && b.ram_size == 0, "not cleared");
	free(f);
}

/* ---- console -------------------------------------------------------------------- */
static const struct dev_ops *const con = &dev_console_ops;

/* A pipe holding text, write end closed. */
static int input_pipe(const char *text)
{
	int p[2];
	if (pipe(p) < 0 || write(p[1], text, strlen(text)) != (ssize_t)strlen(text))
		abort();
	close(p[1]);
	return p[0];
}

/* Everything written so far to a non-blocking pipe. */
static size_t drain(int fd, char *buf, size_t size)
{
	ssize_t n = read(fd, buf, size - 1);
	buf[n > 0 ? n : 0] = 0;
	return n > 0 ? (size_t)n : 0;
}

static void test_console_io(void)
{
	struct fake *f = fake_new();
	int out[2], in = input_pipe("hi");
	void *c;
	char got[64];
	uint32_t v = 0;

	if (pipe(out) < 0)
		abort();
	fcntl(out[0], F_SETFL, O_NONBLOCK);
	c = dev_console_new(&f->h, in, out[1]);
	CHECK("console.status_ready", rd(con, c, HW_CONSOLE_STATUS) ==
	      (HW_CONSOLE_RX_READY | HW_CONSOLE_TX_READY), "0x%x", rd(con, c, HW_CONSOLE_STATUS));
	CHECK("console.data", rd(con, c, HW_CONSOLE_DATA) == 'h' &&
	      rd(con, c, HW_CONSOLE_STATUS) == (HW_CONSOLE_RX_READY | HW_CONSOLE_TX_READY) &&
	      con->read(c, HW_CONSOLE_DATA, 1, &v) == 0 && v == 'i', "bytes");
	CHECK("console.eof", rd(con, c, HW_CONSOLE_STATUS) == (HW_CONSOLE_TX_READY | HW_CONSOLE_EOF) &&
	      rd(con, c, HW_CONSOLE_DATA) == 0 &&
	      rd(con, c, HW_CONSOLE_STATUS) == (HW_CONSOLE_TX_READY | HW_CONSOLE_EOF), "0x%x",
	      rd(con, c, HW_CONSOLE_STATUS));
	con->write(c, HW_CONSOLE_DATA, 1, 'o');
	con->write(c, HW_CONSOLE_DATA, 4, 'k');
	CHECK("console.buffered", drain(out[0], got, sizeof got) == 0, "got \"%s\"", got);
	dev_console_flush(c);
	CHECK("console.flush", drain(out[0], got, sizeof got) == 2 && !strcmp(got, "ok"),
	      "got \"%s\"", got);
	CHECK("console.bus_errors", con->read(c, 0xc, 4, &v) < 0 && con->read(c, 1, 1, &v) < 0 &&
	      con->write(c, HW_CONSOLE_STATUS, 4, 0) < 0 && con->write(c, 0x100, 4, 0) < 0, "decoded");
	con->write(c, HW_CONSOLE_DATA, 1, '!');
	con->free(c);
	CHECK("console.free_flushes", drain(out[0], got, sizeof got) == 1 && got[0] == '!',
	      "got \"%s\"", got);
	close(in);

	/* output is flushed before a blocking read of input (a prompt shows) */
	in = input_pipe("x");
	c = dev_console_new(&f->h, in, out[1]);
	con->write(c, HW_CONSOLE_DATA, 1, '>');
	rd(con, c, HW_CONSOLE_STATUS);
	CHECK("console.flush_before_read", drain(out[0], got, sizeof got) == 1 && got[0] == '>',
	      "got \"%s\"", got);
	con->free(c);
	close(in);

	/* no input at all */
	c = dev_console_new(&f->h, -1, -1);
	con->write(c, HW_CONSOLE_CTRL, 4, HW_CONSOLE_RXIE);
	CHECK("console.no_input", rd(con, c, HW_CONSOLE_STATUS) == (HW_CONSOLE_TX_READY | HW_CONSOLE_EOF)
	      && !con->irq(c) && dev_console_poll(c, 0) == -1 && con->next_event(c) == UINT64_MAX,
	      "status 0x%x", rd(con, c, HW_CONSOLE_STATUS));
	con->write(c, HW_CONSOLE_DATA, 1, 'z');      /* discarded */
	con->free(c);
	close(out[0]);
	close(out[1]);
	free(f);
}

static void test_console_irq(void)
{
	struct fake *f = fake_new();
	int in = input_pipe("ab");
	void *c = dev_console_new(&f->h, in, -1);
	char buf[160];

	CHECK("console.irq_off", !con->irq(c) && rd(con, c, HW_CONSOLE_CTRL) == 0, "irq high");
	con->write(c, HW_CONSOLE_CTRL, 4, 0xffffffff);
	CHECK("console.irq_on", con->irq(c) && f->irq_calls == 1 &&
	      rd(con, c, HW_CONSOLE_CTRL) == HW_CONSOLE_RXIE, "irq %d calls %d", con->irq(c),
	      f->irq_calls);
	CHECK("console.irq_stays", rd(con, c, HW_CONSOLE_DATA) == 'a' && con->irq(c) &&
	      f->irq_calls == 1, "irq %d calls %d", con->irq(c), f->irq_calls);
	CHECK("console.irq_drops", rd(con, c, HW_CONSOLE_DATA) == 'b' && !con->irq(c) &&
	      f->irq_calls == 2, "irq %d calls %d", con->irq(c), f->irq_calls);
	CHECK("console.file_no_events", con->next_event(c) == UINT64_MAX &&
	      dev_console_poll(c, 0) == -1, "file input offers events");
	con->describe(c, buf, sizeof buf);
	CHECK("console.describe", strstr(buf, "input ended") && strstr(buf, "2 read"), "%s", buf);
	con->reset(c);
	CHECK("console.reset", rd(con, c, HW_CONSOLE_CTRL) == 0, "CTRL kept");
	con->free(c);
	close(in);
	free(f);
}

/* More input than the lookahead buffer, from a regular file: nothing lost. */
static void test_console_big(void)
{
	struct fake *f = fake_new();
	FILE *tmp = tmpfile();
	enum { N = 10000 };
	int ok = 1, i;
	void *c;

	for (i = 0; i < N; i++)
		fputc('A' + i % 26, tmp);
	fflush(tmp);
	rewind(tmp);
	c = dev_console_new(&f->h, fileno(tmp), -1);
	con->write(c, HW_CONSOLE_CTRL, 4, HW_CONSOLE_RXIE);
	for (i = 0; i < N && ok; i++)
		ok = con->irq(c) && (rd(con, c, HW_CONSOLE_STATUS) & HW_CONSOLE_RX_READY) &&
		     rd(con, c, HW_CONSOLE_DATA) == (uint32_t)('A' + i % 26);
	CHECK("console.no_byte_lost", ok && !con->irq(c) &&
	      (rd(con, c, HW_CONSOLE_STATUS) & HW_CONSOLE_EOF), "stopped at byte %d", i);
	con->free(c);
	fclose(tmp);
	free(f);
}

/* Terminal input, through a pseudo-terminal (skipped if there is none). */
static void test_console_tty(void)
{
	struct fake *f = fake_new();
	int m = posix_openpt(O_RDWR | O_NOCTTY), s = -1;
	void *c;

	if (m < 0 || grantpt(m) < 0 || unlockpt(m) < 0 || (s = open(ptsname(m), O_RDWR | O_NOCTTY)) < 0) {
		printf("SKIP console.tty: no pseudo-terminal\n");
		free(f);
		return;
	}
	f->now = 5000;
	c = dev_console_new(&f->h, s, -1);
	/* with CTRL.RXIE clear, input cannot wake anybody: poll says -1 */
	CHECK("console.tty_status", rd(con, c, HW_CONSOLE_STATUS) == HW_CONSOLE_TX_READY &&
	      dev_console_poll(c, 0) == -1, "status 0x%x", rd(con, c, HW_CONSOLE_STATUS));
	con->write(c, HW_CONSOLE_CTRL, 4, HW_CONSOLE_RXIE);
	CHECK("console.tty_poll_empty", dev_console_poll(c, 0) == 0, "poll %d", dev_console_poll(c, 0));
	CHECK("console.tty_event", con->next_event(c) == 5000 + 100000 && f->event_calls == 1 &&
	      !con->irq(c), "next %llu", (unsigned long long)con->next_event(c));
	con->event(c, 5000 + 100000);
	CHECK("console.tty_event_again", con->next_event(c) == 5000 + 200000 && !con->irq(c),
	      "next %llu", (unsigned long long)con->next_event(c));
	if (write(m, "q\n", 2) != 2)
		abort();
	CHECK("console.tty_poll", dev_console_poll(c, 2000) == 1 && con->irq(c) && f->irq_calls == 1 &&
	      con->next_event(c) == UINT64_MAX, "irq %d calls %d", con->irq(c), f->irq_calls);
	CHECK("console.tty_data", rd(con, c, HW_CONSOLE_DATA) == 'q' &&
	      rd(con, c, HW_CONSOLE_DATA) == '\n' && !con->irq(c) &&
	      con->next_event(c) != UINT64_MAX, "irq %d", con->irq(c));
	if (write(m, "w\n", 2) != 2)
		abort();
	usleep(100000);
	con->event(c, con->next_event(c));
	CHECK("console.tty_event_input", con->irq(c) && rd(con, c, HW_CONSOLE_DATA) == 'w',
	      "irq %d", con->irq(c));
	con->free(c);
	close(s);
	close(m);
	free(f);
}

/* ---- disk ----------------------------------------------------------------------- */
static const struct dev_ops *const dk = &dev_disk_ops;
enum { SECTORS = 64, SEC = HW_DISK_SECTOR_SIZE };

/* A fresh image: sector i filled with byte i. */
static void make_image(char *path, size_t size)
{
	int fd = mkstemp(path);
	uint8_t *b = malloc(size);
	for (size_t i = 0; i < size; i++)
		b[i] = (uint8_t)(i / SEC);
	if (fd < 0 || write(fd, b, size) != (ssize_t)size)
		abort();
	close(fd);
	free(b);
}

static void request(void *d, uint32_t cmd, uint32_t sector, uint32_t addr, uint32_t count)
{
	dk->write(d, HW_DISK_SECTOR, 4, sector);
	dk->write(d, HW_DISK_ADDR, 4, addr);
	dk->write(d, HW_DISK_COUNT, 4, count);
	dk->write(d, HW_DISK_CMD, 4, cmd);
}

/* Issue a request at f->now, run it to completion; returns STATUS. */
static uint32_t run_request(struct fake *f, void *d, uint32_t cmd, uint32_t sector, uint32_t addr,
			    uint32_t count, uint64_t want_latency)
{
	uint64_t start = f->now, at;
	uint32_t st;

	request(d, cmd, sector, addr, count);
	at = dk->next_event(d);
	if (at - start != want_latency || !(rd(dk, d, HW_DISK_STATUS) & HW_DISK_BUSY))
		return 0xdead;
	f->now = at;
	dk->event(d, at);
	st = rd(dk, d, HW_DISK_STATUS);
	dk->write(d, HW_DISK_STATUS, 4, HW_DISK_DONE | HW_DISK_ERROR);
	return st;
}

static void test_disk(void)
{
	struct fake *f = fake_new();
	char path[] = "/tmp/trapeze_test_disk_XXXXXX", err[256] = "", buf[200];
	const uint64_t seek = COST_DISK_SEEK;
	uint8_t sector[SEC];
	uint32_t v;
	void *d;
	int ok = 1, fd;

	make_image(path, SECTORS * SEC);
	f->now = 1000;
	d = dev_disk_new(&f->h, path, err, sizeof err);
	CHECK("disk.open", d && rd(dk, d, HW_DISK_SECTORS) == SECTORS && rd(dk, d, HW_DISK_STATUS) == 0 &&
	      !dk->irq(d) && dk->next_event(d) == UINT64_MAX, "%s", err);
	if (!d)
		return;
	request(d, HW_DISK_CMD_READ, 3, 0x1000, 2);
	CHECK("disk.busy", rd(dk, d, HW_DISK_STATUS) == HW_DISK_BUSY && f->event_calls == 1 &&
	      dk->next_event(d) == 1000 + seek + 2 * COST_DISK_SECTOR && f->ram[0x1000] == 0 && !dk->irq(d),
	      "status 0x%x next %llu", rd(dk, d, HW_DISK_STATUS),
	      (unsigned long long)dk->next_event(d));
	request(d, HW_DISK_CMD_WRITE, 0, 0, 1);      /* ignored: busy */
	dk->event(d, dk->next_event(d) - 1);         /* not due yet   */
	CHECK("disk.cmd_while_busy", f->event_calls == 1 && rd(dk, d, HW_DISK_STATUS) == HW_DISK_BUSY &&
	      dk->next_event(d) == 1000 + seek + 2 * COST_DISK_SECTOR, "request replaced");
	dk->event(d, dk->next_event(d));
	for (int i = 0; i < 2 * SEC; i++)
		ok &= f->ram[0x1000 + i] == 3 + i / SEC;
	CHECK("disk.read_done", rd(dk, d, HW_DISK_STATUS) == HW_DISK_DONE && dk->irq(d) &&
	      f->irq_calls == 1 && dk->next_event(d) == UINT64_MAX && ok && f->ram[0xfff] == 0 &&
	      f->ram[0x1400] == 0 && f->done_calls == 1 && f->done_pa == 0x1000 &&
	      f->done_len == 2 * SEC, "status 0x%x data %d", rd(dk, d, HW_DISK_STATUS), ok);
	dk->write(d, HW_DISK_STATUS, 4, HW_DISK_BUSY);
	CHECK("disk.ack_wrong_bit", dk->irq(d) && f->irq_calls == 1, "cleared by BUSY");
	dk->write(d, HW_DISK_STATUS, 4, HW_DISK_DONE);
	CHECK("disk.ack", rd(dk, d, HW_DISK_STATUS) == 0 && !dk->irq(d) && f->irq_calls == 2, "status 0x%x",
	      rd(dk, d, HW_DISK_STATUS));

	/* write: RAM -> disk, at completion time */
	memset(f->ram + 0x2000, 0xab, SEC);
	request(d, HW_DISK_CMD_WRITE, 10, 0x2000, 1);
	fd = open(path, O_RDONLY);
	ok = pread(fd, sector, SEC, 10 * SEC) == SEC && sector[0] == 10;
	memset(f->ram + 0x2000, 0xcd, SEC);      /* the data moves at completion */
	f->now = dk->next_event(d);
	dk->event(d, f->now);
	ok &= pread(fd, sector, SEC, 10 * SEC) == SEC && sector[0] == 0xcd && sector[SEC - 1] == 0xcd;
	ok &= pread(fd, sector, SEC, 11 * SEC) == SEC && sector[0] == 11;
	close(fd);
	CHECK("disk.write", ok && rd(dk, d, HW_DISK_STATUS) == HW_DISK_DONE && f->done_calls == 1,
	      "image content");
	request(d, HW_DISK_CMD_READ, 0, 0, 0);
	CHECK("disk.cmd_clears_done", rd(dk, d, HW_DISK_STATUS) == HW_DISK_BUSY && !dk->irq(d),
	      "status 0x%x", rd(dk, d, HW_DISK_STATUS));
	dk->event(d, dk->next_event(d));
	dk->write(d, HW_DISK_STATUS, 4, HW_DISK_DONE);

	/* errors complete after the seek time only, and transfer nothing */
	const uint32_t E = HW_DISK_DONE | HW_DISK_ERROR;
	CHECK("disk.count0", run_request(f, d, HW_DISK_CMD_READ, 0, 0, 0, seek) == HW_DISK_DONE, "unexpected STATUS or latency");
	CHECK("disk.err_range", run_request(f, d, HW_DISK_CMD_READ, 63, 0, 2, seek) == E, "unexpected STATUS or latency");
	CHECK("disk.err_sector", run_request(f, d, HW_DISK_CMD_READ, 64, 0, 1, seek) == E, "unexpected STATUS or latency");
	CHECK("disk.err_overflow", run_request(f, d, HW_DISK_CMD_READ, 0xffffffff, 0, 2, seek) == E &&
	      run_request(f, d, HW_DISK_CMD_READ, 1, 0, 0xffffffff, seek) == E, "unexpected STATUS or latency");
	CHECK("disk.err_dma", run_request(f, d, HW_DISK_CMD_READ, 0, 0xff00, 1, seek) == E &&
	      run_request(f, d, HW_DISK_CMD_WRITE, 0, 0xfffffe00, 1, seek) == E, "unexpected STATUS or latency");
	CHECK("disk.err_align", run_request(f, d, HW_DISK_CMD_READ, 0, 0x102, 1, seek) == E, "unexpected STATUS or latency");
	CHECK("disk.err_cmd", run_request(f, d, 7, 0, 0, 1, seek) == E, "unexpected STATUS or latency");
	CHECK("disk.no_transfer", f->done_calls == 1 && f->ram[0] == 0, "transferred");
	CHECK("disk.ok_again", run_request(f, d, HW_DISK_CMD_READ, 63, 0, 1,
					   seek + COST_DISK_SECTOR) == HW_DISK_DONE && f->ram[0] == 63, "unexpected STATUS or latency");
	CHECK("disk.bus_errors", dk->read(d, HW_DISK_CMD, 4, &v) < 0 &&
	      dk->write(d, HW_DISK_SECTORS, 4, 1) < 0 && dk->write(d, 0x18, 4, 1) < 0 &&
	      dk->read(d, 2, 2, &v) < 0, "decoded");
	request(d, HW_DISK_CMD_READ, 0, 0, 1);
	dk->describe(d, buf, sizeof buf);
	CHECK("disk.describe", strstr(buf, "BUSY until") && strstr(buf, "read 1 @ 0"), "%s", buf);
	dk->reset(d);
	CHECK("disk.reset", rd(dk, d, HW_DISK_STATUS) == 0 && dk->next_event(d) == UINT64_MAX &&
	      rd(dk, d, HW_DISK_COUNT) == 0, "status 0x%x", rd(dk, d, HW_DISK_STATUS));
	dk->free(d);

	/* a read-only image: reads work, writes complete with ERROR */
	chmod(path, 0444);
	d = dev_disk_new(&f->h, path, err, sizeof err);
	if (d && access(path, W_OK) == 0) {
		printf("SKIP disk.read_only: running with permission to write anything\n");
	} else {
		CHECK("disk.read_only", d && run_request(f, d, HW_DISK_CMD_READ, 5, 0, 1,
							 seek + COST_DISK_SECTOR) == HW_DISK_DONE &&
		      run_request(f, d, HW_DISK_CMD_WRITE, 5, 0, 1, seek) == E, "%s", err);
	}
	if (d)
		dk->free(d);

	/* bad images */
	CHECK("disk.size", truncate(path, 1000) == 0 && !dev_disk_new(&f->h, path, err, sizeof err) &&
	      strstr(err, "size 1000 is not a multiple of 512") && strstr(err, path), "%s", err);
	unlink(path);
	CHECK("disk.missing", !dev_disk_new(&f->h, path, err, sizeof err) && strstr(err, path), "%s", err);
	CHECK("disk.directory", !dev_disk_new(&f->h, "/tmp", err, sizeof err) &&
	      strstr(err, "disk image /tmp: "), "%s", err);

	/* no image: 0 sectors, every transfer fails */
	d = dev_disk_new(&f->h, NULL, err, sizeof err);
	CHECK("disk.none", d && rd(dk, d, HW_DISK_SECTORS) == 0 &&
	      run_request(f, d, HW_DISK_CMD_READ, 0, 0, 1, seek) == E &&
	      run_request(f, d, HW_DISK_CMD_READ, 0, 0, 0, seek) == HW_DISK_DONE, "%s", err);
	if (d)
		dk->free(d);
	free(f);
}

int main(void)
{
	test_sysctl_bus();
	test_console_io();
	test_console_irq();
	test_console_big();
	test_console_tty();
	test_disk();
	printf("test_devices: %s\n", check_failures ? "FAILED" : "all passed");
	return check_failures != 0;
}
