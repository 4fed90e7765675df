/* cli.h - small helpers for the tests/cli programs (kseg0, devices via kseg1). */
#include "hw.h"
#include "cp0bits.h"

#define CP0_INDEX    $0, 0
#define CP0_ENTRYLO0 $2, 0
#define CP0_ENTRYLO1 $3, 0
#define CP0_PAGEMASK $5, 0
#define CP0_COUNT    $9, 0
#define CP0_ENTRYHI  $10, 0
#define CP0_COMPARE  $11, 0
#define CP0_STATUS   $12, 0
#define CP0_CAUSE    $13, 0
#define CP0_EPC      $14, 0

#define CONSOLE KSEG1_IO(HW_CONSOLE_BASE)
#define SYSCTL  KSEG1_IO(HW_SYSCTL_BASE)

/* power off with the value in reg (never returns) */
#define POWEROFF(reg) li $t9, SYSCTL; sw reg, HW_SYSCTL_POWEROFF($t9); 8888: b 8888b; nop
/* send the byte in reg to the console */
#define PUTC(reg) li $t9, CONSOLE; sw reg, HW_CONSOLE_DATA($t9)
