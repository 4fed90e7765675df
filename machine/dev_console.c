/*
 * dev_console.c - the console at HW_CONSOLE_BASE (DESIGN.md section 4).
 *
 *   +HW_CONSOLE_DATA    W: send the low byte; R: take the next input byte
 *                       (0 when none is ready; nothing is consumed then)
 *   +HW_CONSOLE_STATUS  R: HW_CONSOLE_RX_READY  a byte can be read from DATA
 *                          HW_CONSOLE_TX_READY  always 1
 *                          HW_CONSOLE_EOF       input ended and no byte is left
 *   +HW_CONSOLE_CTRL    RW: HW_CONSOLE_RXIE  interrupt line = RXIE && RX_READY
 *
 * Registers are 32-bit words at 4-aligned offsets; a narrower access at a
 * register's offset reads its low bits or writes the zero-extended value.
 * Other offsets, a write of STATUS are bus errors.
 *
 * Input (the determinism rule of dev.h). The device keeps a lookahead buffer
 * of bytes read from in_fd but not yet taken by the guest; it refills it only
 * when it is empty, so no byte is ever dropped.
 *  - in_fd not a terminal ("file mode"): whether a byte is ready is decided by
 *    a blocking read(2) of in_fd at the moment the guest needs to know: on a
 *    read of STATUS or DATA, and whenever RXIE is set and the buffer is empty
 *    (when CTRL is written, and after DATA takes the last buffered byte), so
 *    that irq() is always exact without any help from the machine. The same
 *    input therefore gives the same run, whatever the timing of a pipe. A
 *    consequence: a program that reads STATUS (even only for TX_READY) waits
 *    until input exists or ends; run it with </dev/null if it has no input.
 *  - in_fd a terminal: input arrives in real time. STATUS and DATA reads poll
 *    without blocking (at most once per CONSOLE_TTY_GAP cycles). While RXIE
 *    is set and nothing is buffered the device offers an event every
 *    CONSOLE_POLL_CYCLES cycles (next_event/event) that polls the terminal
 *    and raises the line; dev_console_poll() lets an idle machine wait for
 *    a key. The device never changes terminal settings; the command does
 *    (cli/tty.c: non-canonical, no echo, around the run, so bytes come one
 *    at a time and the guest echoes). Either way a read() after poll()
 *    returns what is there without blocking.
 *  - in_fd -1: no input; STATUS.EOF from the start.
 *  - a source (dev_console_set_source, the debugger): as a terminal, but the
 *    bytes come from the source instead of in_fd, and the source may say
 *    that none can come without the host's doing (dev_console_poll -1).
 *
 * Output is buffered and written to out_fd (-1: discarded) when the buffer is
 * full, before any read of input, at a newline when out_fd is a terminal, and
 * in dev_console_flush(), reset and free. The machine must call
 * dev_console_flush() whenever it stops running the guest.
 *
 * Host callbacks: irq_changed() after CTRL or DATA accesses and events that
 * change the line; events_changed() (terminal mode) when next_event() moves
 * because of a guest access. Neither is called from reset; the host
 * re-reads next_event() after calling event().
 * The device does not own or close its file descriptors.
 */
#include <errno.h>
#include <inttypes.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "dev.h"
#include "hw.h"

#define CONSOLE_BUF 4096            /* bytes of input lookahead and of output */
#define CONSOLE_POLL_CYCLES 100000  /* terminal poll period while waiting     */
#define CONSOLE_TTY_GAP 1000        /* min cycles between guest-driven polls   */

struct console {
	struct dev_host *host;
	int in_fd, out_fd;
	int in_tty, out_tty;
	int in_eof;                 /* read(2) returned 0 or failed          */
	uint32_t ctrl;
	uint8_t rx[CONSOLE_BUF];
	size_t rx_pos, rx_len;      /* buffered bytes: rx[rx_pos .. rx_len)  */
	uint8_t tx[CONSOLE_BUF];
	size_t tx_len;
	uint64_t tx_total, rx_total;
	void (*sink)(void *ctx, const uint8_t *buf, size_t n);   /* or NULL */
	void *sink_ctx;
	int (*source)(void *ctx, uint8_t *buf, size_t max, int timeout_ms);  /* or NULL */
	void *source_ctx;
	int source_dry;             /* the source said nothing can come now */
	uint64_t next_poll;         /* terminal mode: cycle of the next poll */
	uint64_t last_poll;         /* terminal mode: last guest-driven poll  */
	int polled;                 /* last_poll is valid                     */
};

void *dev_console_new(struct dev_host *h, int in_fd, int out_fd)
{
	struct console *c = calloc(1, sizeof *c);

	if (!c)
		return NULL;
	c->host = h;
	c->in_fd = in_fd;
	c->out_fd = out_fd;
	c->in_tty = in_fd >= 0 && isatty(in_fd);
	c->out_tty = out_fd >= 0 && isatty(out_fd);
	c->in_eof = in_fd < 0;
	return c;
}

void dev_console_flush(void *st)
{
	struct console *c = st;
	size_t done = 0;

	if (c->sink && c->tx_len) {
		c->sink(c->sink_ctx, c->tx, c->tx_len);
		c->tx_len = 0;
	}
	while (done < c->tx_len && c->out_fd >= 0) {
		ssize_t n = write(c->out_fd, c->tx + done, c->tx_len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;      /* output is gone (EPIPE, ...): drop it */
		done += (size_t)n;
	}
	c->tx_len = 0;
}

void dev_console_set_sink(void *st, void (*sink)(void *ctx, const uint8_t *buf, size_t n),
			  void *ctx)
{
	struct console *c = st;
	c->sink = sink;
	c->sink_ctx = ctx;
}

void dev_console_set_source(void *st,
			    int (*source)(void *ctx, uint8_t *buf, size_t max, int timeout_ms),
			    void *ctx)
{
	struct console *c = st;
	c->source = source;
	c->source_ctx = ctx;
	c->in_tty = 1;          /* input arrives in real time, as from a terminal */
	c->in_eof = 0;
	c->source_dry = 0;
}

static size_t rx_avail(const struct console *c)
{
	return c->rx_len - c->rx_pos;
}

/* Fill the empty lookahead buffer: a blocking read in file mode, a poll
 * with timeout_ms (0: none) in terminal mode. */
static void fill(struct console *c, int timeout_ms)
{
	ssize_t n;

	if (rx_avail(c) || c->in_eof)
		return;
	dev_console_flush(c);
	if (c->source) {
		int k = c->source(c->source_ctx, c->rx, sizeof c->rx, timeout_ms);
		c->source_dry = k < 0;
		if (k > 0) {
			c->rx_pos = 0;
			c->rx_len = (size_t)k;
			c->rx_total += (uint64_t)k;
		}
		return;
	}
	if (c->in_tty) {
		struct pollfd p = { .fd = c->in_fd, .events = POLLIN };
		int r = poll(&p, 1, timeout_ms);
		if (r <= 0)
			return;     /* nothing yet (or EINTR): try again later */
	}
	do
		n = read(c->in_fd, c->rx, sizeof c->rx);
	while (n < 0 && errno == EINTR);
	if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
		return;         /* a non-blocking terminal with nothing yet */
	if (n <= 0) {
		c->in_eof = 1;
		return;
	}
	c->rx_pos = 0;
	c->rx_len = (size_t)n;
	c->rx_total += (uint64_t)n;
}

static int line(const struct console *c)
{
	return (c->ctrl & HW_CONSOLE_RXIE) && rx_avail(c) > 0;
}

/* A guest read of DATA or STATUS needs to know about input. From a terminal
 * the non-blocking poll is rate-limited to one per CONSOLE_TTY_GAP cycles so
 * that a guest spinning on STATUS does not make a system call per read. */
static void guest_fill(struct console *c)
{
	if (c->in_tty) {
		uint64_t now = c->host->now(c->host);
		if (c->polled && now - c->last_poll < CONSOLE_TTY_GAP)
			return;
		c->polled = 1;
		c->last_poll = now;
	}
	fill(c, 0);
}

/* RXIE is set and the buffer is empty: in file mode fill it now so irq() is
 * exact; in terminal mode the poll events take care of it. */
static void keep_exact(struct console *c)
{
	if ((c->ctrl & HW_CONSOLE_RXIE) && !c->in_tty)
		fill(c, 0);
}

static int console_read(void *st, uint32_t off, unsigned size, uint32_t *val)
{
	struct console *c = st;
	int before = line(c);

	(void)size;
	switch (off) {
	case HW_CONSOLE_DATA:
		guest_fill(c);
		*val = 0;
		if (!rx_avail(c))
			return 0;
		*val = c->rx[c->rx_pos++];
		keep_exact(c);
		if (line(c) != before)
			c->host->irq_changed(c->host);
		if (c->in_tty && !rx_avail(c))      /* polling resumes */
			c->host->events_changed(c->host);
		return 0;
	case HW_CONSOLE_STATUS:
		guest_fill(c);
		*val = HW_CONSOLE_TX_READY;
		if (rx_avail(c))
			*val |= HW_CONSOLE_RX_READY;
		else if (c->in_eof)
			*val |= HW_CONSOLE_EOF;
		if (line(c) != before)      /* a terminal byte arrived */
			c->host->irq_changed(c->host);
		return 0;
	case HW_CONSOLE_CTRL:
		*val = c->ctrl;
		return 0;
	}
	return -1;
}

static int console_write(void *st, uint32_t off, unsigned size, uint32_t val)
{
	struct console *c = st;
	int before = line(c);

	(void)size;
	switch (off) {
	case HW_CONSOLE_DATA:
		c->tx[c->tx_len++] = (uint8_t)val;
		c->tx_total++;
		if (c->tx_len == sizeof c->tx || (c->out_tty && (uint8_t)val == '\n'))
			dev_console_flush(c);
		return 0;
	case HW_CONSOLE_CTRL:
		c->ctrl = val & HW_CONSOLE_RXIE;
		keep_exact(c);
		if (line(c) != before)
			c->host->irq_changed(c->host);
		if (c->in_tty) {
			c->next_poll = c->host->now(c->host) + CONSOLE_POLL_CYCLES;
			c->host->events_changed(c->host);
		}
		return 0;
	}
	return -1;
}

static void console_reset(void *st)
{
	struct console *c = st;

	dev_console_flush(c);
	c->ctrl = 0;            /* buffered input is kept: no byte is dropped */
	c->next_poll = 0;
}

static void console_describe(const void *st, char *buf, size_t size)
{
	const struct console *c = st;

	snprintf(buf, size, "console: CTRL=0x%x, rx %zu buffered%s (%" PRIu64 " read, %s), "
		 "tx %" PRIu64 " bytes", (unsigned)c->ctrl, rx_avail(c),
		 c->in_eof ? ", input ended" : "", c->rx_total,
		 c->source ? "debugger" : c->in_fd < 0 ? "no input" : c->in_tty ? "terminal" : "file",
		 c->tx_total);
}

static int console_irq(const void *st)
{
	return line(st);
}

static uint64_t console_next_event(const void *st)
{
	const struct console *c = st;

	if (c->in_tty && (c->ctrl & HW_CONSOLE_RXIE) && !rx_avail(c) && !c->in_eof)
		return c->next_poll;
	return UINT64_MAX;
}

static void console_event(void *st, uint64_t now)
{
	struct console *c = st;
	int before = line(c);

	if (console_next_event(c) > now)
		return;         /* not due: nothing to do */
	fill(c, 0);
	c->next_poll = now + CONSOLE_POLL_CYCLES;
	if (line(c) != before)
		c->host->irq_changed(c->host);
}

int dev_console_poll(void *st, int timeout_ms)
{
	struct console *c = st;
	int before = line(c);

	if (!(c->ctrl & HW_CONSOLE_RXIE))
		return -1;          /* input cannot raise the line: no use waiting */
	if (!rx_avail(c)) {
		if (!c->in_tty || c->in_eof)
			return -1;
		fill(c, timeout_ms);
	}
	if (line(c) != before)
		c->host->irq_changed(c->host);
	if (rx_avail(c))
		return 1;
	return c->in_eof || (c->source && c->source_dry) ? -1 : 0;
}

static void console_free(void *st)
{
	dev_console_flush(st);
	free(st);
}

const struct dev_ops dev_console_ops = {
	.name = "console",
	.read = console_read,
	.write = console_write,
	.reset = console_reset,
	.describe = console_describe,
	.irq = console_irq,
	.next_event = console_next_event,
	.event = console_event,
	.free = console_free,
};
