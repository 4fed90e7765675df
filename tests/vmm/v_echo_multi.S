// LINK: sseg
// STDIN: data/echo_in.bin
// VMM: --ram 1M --console-dir @dir @self @self
// EXPECT-EXIT: 0
// EXPECT-STDOUT-EMPTY
// EXPECT-FILE: vm0.out v_echo_multi.vm0.expect
// EXPECT-FILE: vm1.out v_echo_multi.vm1.expect
// EXPECT-STDERR-LINES: 0
/*
 * v_echo_multi: v_echo as two VMs with --console-dir: VM 0 gets stdin and
 * echoes it byte for byte; VM 1 gets no input (end of input at once).
 */
#include "v_echo.S"
