// LINK: sseg
// VMM: --ram 1M --stats --trace=exits @self
// EXPECT-EXIT: 0
// EXPECT-STDOUT: v_stats.expect
/*
 * v_stats: v_single with --stats and --trace=exits: they are accepted and
 * write to stderr only, stdout stays byte for byte the guest's.
 */
#include "v_single.S"
