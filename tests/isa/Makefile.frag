# tests/isa/Makefile.frag - the ISA tests; included by the top Makefile.
#
#   make test-isa     build and run tests/isa/test_table and test_disasm.sh
#
# Include it after BUILD is set. Uses BUILD (default build), CC and CFLAGS
# (placed after our -std=c11 -Wall -Wextra -Werror -O2, so it may override
# them); adds -Iisa. Binaries go to $(BUILD)/tests/isa/.

BUILD ?= build
ISA_TEST_DIR = $(BUILD)/tests/isa
ISA_TEST_CFLAGS = -std=c11 -Wall -Wextra -Werror -O2 $(CFLAGS) -Iisa
ISA_TEST_LIB = isa/decode.c isa/disasm.c
ISA_TEST_DEPS = $(ISA_TEST_LIB) isa/isa.h isa/isa.def

ISA_TEST_BINS = $(ISA_TEST_DIR)/test_table $(ISA_TEST_DIR)/disasm_dump \
                 $(ISA_TEST_DIR)/isa_words

$(ISA_TEST_DIR)/%: tests/isa/%.c $(ISA_TEST_DEPS)
	@mkdir -p $(@D)
	$(CC) $(ISA_TEST_CFLAGS) -o $@ $< $(ISA_TEST_LIB)

.PHONY: test-isa
test-isa: $(ISA_TEST_BINS)
	@st=0; \
	$(ISA_TEST_DIR)/test_table || st=1; \
	tests/isa/test_disasm.sh $(BUILD) || st=1; \
	exit $$st
