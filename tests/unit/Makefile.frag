# tests/unit/Makefile.frag - unit tests of the machine parts that need no CPU:
# the bus, the devices and the ELF loader. Included by the top-level Makefile
# and run from the repository root. Uses CC, CFLAGS (add the sanitizers there:
# -fsanitize=address,undefined -fno-sanitize-recover=all), LDFLAGS and BUILD.
#
#   make test-unit      build and run build/tests/unit/test_{elf,devices}
#
# Each test prints "PASS name" / "FAIL name: why" (or "SKIP name: why") lines
# and exits non-zero if anything failed.

UNITF_MACHINE_SRCS := machine/bus.c machine/dev_sysctl.c machine/dev_console.c \
                     machine/dev_disk.c machine/elf.c
UNITF_DEPS := $(wildcard machine/*.h) tests/unit/check.h
UNITF_TESTS := $(BUILD)/tests/unit/test_elf $(BUILD)/tests/unit/test_devices

$(BUILD)/tests/unit/test_elf: tests/unit/test_elf.c machine/elf.c $(UNITF_DEPS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Imachine -Itests/unit -o $@ tests/unit/test_elf.c machine/elf.c $(LDFLAGS)

$(BUILD)/tests/unit/test_devices: tests/unit/test_devices.c $(UNITF_MACHINE_SRCS) $(UNITF_DEPS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Imachine -Itests/unit -o $@ tests/unit/test_devices.c \
		machine/bus.c machine/dev_sysctl.c machine/dev_console.c machine/dev_disk.c $(LDFLAGS)

.PHONY: test-unit
test-unit: $(UNITF_TESTS)
	@fail=0; for t in $(UNITF_TESTS); do $$t || fail=1; done; exit $$fail
