// LINK: sseg
// VMM: --ram 1M @self
// EXPECT-EXIT: 4
// EXPECT-STDOUT: h_kebase_alone.expect
// EXPECT-STDERR-LINES: 1
// EXPECT-STDERR-MATCH: ^trapeze: vm0: .
/*
 * h_kebase_alone: alone under the VMM, a guest that sets EBase to 0x80000000 (its vectors' kseg0 alias) and takes a SYSCALL.
 * On the bare machine it runs on (and prints PASS); under the VMM fetching
 * from kseg0/kseg1 stops the VM: one "trapeze: vm0: ..." line on stderr,
 * the output so far on stdout, exit status 4 (VM 0 stopped for a guest
 * error). See h_kseg0.S.
 */
#define JUMP 3
#include "h_kseg0.S"
