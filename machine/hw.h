/*
 * hw.h - the physical machine's fixed addresses and device registers
 * (DESIGN.md sections 4 and 5). #defines only: guest assembly includes this
 * file through cpp, so C and assembly share one source of truth.
 */
#ifndef TRAPEZE_HW_H
#define TRAPEZE_HW_H

/* ---- physical memory map --------------------------------------------------- */
#define HW_RAM_BASE          0x00000000
#define HW_RAM_DEFAULT       0x02000000      /* 32 MiB, `--ram` changes it      */
#define HW_RAM_MIN           0x00100000      /* 1 MiB                           */
#define HW_RAM_MAX           0x1C000000      /* 448 MiB: RAM must end below I/O */
#define HW_IO_BASE           0x1F000000      /* first device slot               */
#define HW_IO_SLOT_SIZE      0x1000          /* 4 KiB per device                */
#define HW_IO_END            0x1F010000      /* one past the last slot          */

/* ---- system controller, slot 0 --------------------------------------------- */
#define HW_SYSCTL_BASE       0x1F000000
#define HW_SYSCTL_POWEROFF   0x0     /* W: halt the machine; value = exit status */
#define HW_SYSCTL_RAMSIZE    0x4     /* R: RAM size in bytes                     */

/* ---- console, slot 1 ---------------------------------------------------------- */
#define HW_CONSOLE_BASE      0x1F001000
#define HW_CONSOLE_DATA      0x0     /* W: send a byte; R: take the received byte */
#define HW_CONSOLE_STATUS    0x4     /* R: bits below                             */
#define HW_CONSOLE_CTRL      0x8     /* RW: bit 0 rx interrupt enable             */
#define HW_CONSOLE_RX_READY  0x1     /* STATUS: a byte can be read from DATA      */
#define HW_CONSOLE_TX_READY  0x2     /* STATUS: DATA accepts a byte (always 1)    */
#define HW_CONSOLE_EOF       0x4     /* STATUS: input ended, nothing more will come */
#define HW_CONSOLE_RXIE      0x1     /* CTRL: raise IP2 while RX_READY            */

/* ---- block disk, slot 2 -------------------------------------------------------
 * Program SECTOR, ADDR (physical, 4-byte aligned) and COUNT, then write CMD.
 * STATUS.BUSY is set until the transfer completes after a modelled latency
 * (cost.h); then STATUS.DONE is set and IP3 is raised until software writes
 * DONE to STATUS (write-one-to-clear). A request outside the disk or outside
 * RAM completes with STATUS.ERROR and transfers nothing. */
#define HW_DISK_BASE         0x1F002000
#define HW_DISK_SECTOR       0x00    /* RW: first sector                          */
#define HW_DISK_ADDR         0x04    /* RW: physical DMA address                  */
#define HW_DISK_COUNT        0x08    /* RW: number of sectors                     */
#define HW_DISK_CMD          0x0C    /* W: 1 read (disk -> RAM), 2 write (RAM -> disk) */
#define HW_DISK_STATUS       0x10    /* R: bits below; W: 1s clear DONE/ERROR     */
#define HW_DISK_SECTORS      0x14    /* R: size of the disk in sectors            */
#define HW_DISK_CMD_READ     1
#define HW_DISK_CMD_WRITE    2
#define HW_DISK_BUSY         0x1
#define HW_DISK_DONE         0x2
#define HW_DISK_ERROR        0x4
#define HW_DISK_SECTOR_SIZE  512

/* ---- interrupt lines (Cause.IP bit numbers) ------------------------------------ */
#define HW_IRQ_CONSOLE       2
#define HW_IRQ_DISK          3
#define HW_IRQ_TIMER         7

/* ---- boot protocol (DESIGN.md section 5) ---------------------------------------- */
#define HW_SSEG_BASE         0xC0000000      /* sseg VA that maps PA 0           */
#define HW_SSEG_RAM_WINDOW   0x00800000      /* firmware maps 8 MiB of RAM there */
#define HW_SSEG_IO_BASE      0xDF000000      /* sseg VA of the device window     */
#define HW_FW_WIRED          2               /* firmware's wired TLB entries     */
#define HW_FW_STACK_MAX      0x00800000      /* $sp = top of min(8 MiB, RAM)      */
#define HW_EBASE_RESET       0x80000000

/* Device window as seen from each segment a program may use. */
#define KSEG1_IO(pa)         (0xA0000000 + (pa))
#define SSEG_IO(pa)          (HW_SSEG_IO_BASE + ((pa) - HW_IO_BASE))

#endif
