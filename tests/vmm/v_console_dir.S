// LINK: sseg
// VMM: --ram 1M --console-dir @dir @self @self @self
// EXPECT-EXIT: 0
// EXPECT-STDOUT-EMPTY
// EXPECT-FILE: vm0.out v_console_dir.vm0.expect
// EXPECT-FILE: vm1.out v_console_dir.vm1.expect
// EXPECT-FILE: vm2.out v_console_dir.vm2.expect
// EXPECT-STDERR-LINES: 0
/*
 * v_console_dir: v_console with --console-dir DIR: each VM's output goes to
 * DIR/vmN.out, unprefixed, byte for byte; nothing to stdout.
 */
#include "v_console.S"
