/* cli.h - small helpers for the tests/cli programs (kseg0, devices via kseg1). */
#include "hw.h"
#include "cp0bits.h"
#include "cp0regs.h"   /* C0_STATUS etc., generated from machine/cp0.def */


#define CONSOLE KSEG1_IO(HW_CONSOLE_BASE)
#define SYSCTL  KSEG1_IO(HW_SYSCTL_BASE)

/* power off with the value in reg (never returns) */
#define POWEROFF(reg) li $t9, SYSCTL; sw reg, HW_SYSCTL_POWEROFF($t9); 8888: b 8888b; nop
/* send the byte in reg to the console */
#define PUTC(reg) li $t9, CONSOLE; sw reg, HW_CONSOLE_DATA($t9)
