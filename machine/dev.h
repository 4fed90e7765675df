/*
 * dev.h - the device interface. A device is a table of operations plus its
 * state (DESIGN.md rule 4), mapped at one 4 KiB slot of the I/O window. The
 * VMM's virtual devices implement the same interface against a dev_host of its
 * own (guest clock, guest-physical DMA).
 */
#ifndef TRAPEZE_DEV_H
#define TRAPEZE_DEV_H

#include <stddef.h>
#include <stdint.h>

/* What a device may ask of whoever hosts it (the machine, or a VM). */
struct dev_host {
	uint64_t (*now)(struct dev_host *h);                 /* current cycle   */
	void (*irq_changed)(struct dev_host *h);             /* a line changed  */
	void (*events_changed)(struct dev_host *h);          /* next_event moved */
	void (*poweroff)(struct dev_host *h, uint32_t status);
	/* Host pointer to [pa, pa+len) of RAM, or NULL if any of it is not RAM. */
	uint8_t *(*dma)(struct dev_host *h, uint32_t pa, uint32_t len);
	/* RAM in [pa, pa+len) was written by DMA (instruction coherence). */
	void (*dma_done)(struct dev_host *h, uint32_t pa, uint32_t len);
	unsigned trace;                                      /* TRACE_DEV bit?  */
};

struct dev_ops {
	const char *name;
	/* Access at byte offset off within the slot, size 1, 2 or 4. Return 0, or
	 * -1 for a bus error (an offset the device does not decode). */
	int (*read)(void *st, uint32_t off, unsigned size, uint32_t *val);
	int (*write)(void *st, uint32_t off, unsigned size, uint32_t val);
	void (*reset)(void *st);
	/* One line for displays: "console: rx 3 bytes, CTRL=1". */
	void (*describe)(const void *st, char *buf, size_t size);
	/* Interrupt line level (0 or 1). May be NULL: never interrupts. */
	int (*irq)(const void *st);
	/* Cycle of the device's next internal event (UINT64_MAX: none), and the
	 * handler run when the clock reaches it. May be NULL. */
	uint64_t (*next_event)(const void *st);
	void (*event)(void *st, uint64_t now);
	/* Release state. May be NULL. */
	void (*free)(void *st);
};

struct dev {
	const struct dev_ops *ops;
	void *st;
	uint32_t base;      /* physical base of the slot       */
	int irq;            /* Cause.IP number, or -1          */
};

/* Over a set of devices (the machine's, or a VM's): the interrupt lines
 * they raise, as Cause.IP bits, and the earliest next_event (UINT64_MAX:
 * none). */
uint32_t dev_irq_lines(struct dev *const *devs, int n);
uint64_t dev_next_event(struct dev *const *devs, int n);
/* Run the event of every device whose next_event is due at now. */
void dev_run_due(struct dev *const *devs, int n, uint64_t now);

/* Constructors of the machine's devices (dev_*.c). They return NULL and write
 * a one-line reason into err on failure. */
struct dev_host;
void *dev_sysctl_new(struct dev_host *h, uint32_t ram_size);
extern const struct dev_ops dev_sysctl_ops;

/* Console I/O: output bytes go to out_fd; input comes from in_fd. When
 * in_fd is not a terminal, input is deterministic: a byte is "ready" as soon
 * as the file has one (the device blocks on read to find out), so the same
 * input gives the same run. From a terminal, bytes arrive in real time. The
 * device never changes terminal settings (the command does: cli/tty.c). */
void *dev_console_new(struct dev_host *h, int in_fd, int out_fd);
extern const struct dev_ops dev_console_ops;
/* For the run loop when the machine idles: can input arrive without guest
 * action, and wait at most timeout_ms for it (terminal input only). Returns
 * 1 if a byte is ready (irq_changed was called if the line rose), 0 if none
 * came in time but one still may, -1 if input cannot arrive without guest
 * action (not a terminal, no input, input ended, or CTRL.RXIE clear). */
int dev_console_poll(void *st, int timeout_ms);
/* Write buffered output to out_fd. The machine calls it whenever it stops
 * running the guest (the device also flushes before reading input). */
void dev_console_flush(void *st);
/* Send output to sink(ctx, bytes, n) instead of out_fd (the VMM prefixes
 * each VM's lines this way). Flushes still happen at the same moments. */
void dev_console_set_sink(void *st, void (*sink)(void *ctx, const uint8_t *buf, size_t n),
			  void *ctx);

/* Take input from source instead of in_fd (the debugger queues typed
 * input this way). The console then works as in terminal mode, and
 * source(ctx, buf, max, timeout_ms) returns the number of bytes it put in
 * buf (> 0), 0 when none have come yet (it may wait up to timeout_ms for
 * some), or -1 when none can come until the host does something (then
 * dev_console_poll returns -1, and an idle machine stops instead of waiting). */
void dev_console_set_source(void *st,
			    int (*source)(void *ctx, uint8_t *buf, size_t max, int timeout_ms),
			    void *ctx);

/* Block disk backed by an image file (read and written in place); path NULL
 * gives a disk with 0 sectors. */
void *dev_disk_new(struct dev_host *h, const char *path, char *err, size_t errsize);
extern const struct dev_ops dev_disk_ops;

#endif
