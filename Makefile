# Trapeze - the top-level Makefile.
#
#   make            build build/trapeze (checks the Debian packages first)
#   make run        boot the guest OS under the VMM (shell at a terminal,
#                   else the scripted session guestos/demo.txt)
#   make guestos    the guest OS kernel and its disk (PARAVIRT=1: also the
#                   paravirtual kernel)
#   make test       every test, plain and under ASan+UBSan; ends "N passed, N failed"
#   make test-unit, test-isa, test-asm, test-cli    one suite, plain build only
#   make test-labs  the lab tools: handouts, the grader, the Gradescope autograder
#   make bench      speed figures (simulated MIPS, exception round trip)
#   make handout LAB=n OUT=DIR   the student tree of lab n (labs/README.md)
#   make grade LAB=n [TREE=DIR] [HIDDEN=DIR] [JSON=FILE] [JUNIT=FILE]
#                   grade lab n (the student files of TREE, default this tree)
#   make clean
#
# BUILD=dir picks the build directory; SAN=1 builds with ASan+UBSan.

BUILD ?= build
CC    ?= cc
OPT   ?= -O2
SAN   ?=
ifeq ($(SAN),1)
OPT      = -O1
SANFLAGS = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
endif
BASE_CFLAGS = -std=gnu11 -Wall -Wextra -Werror -g $(OPT)
ALL_CFLAGS  = $(BASE_CFLAGS) $(SANFLAGS) $(CFLAGS)

LIB_SRC = $(wildcard isa/*.c) $(wildcard machine/*.c) $(wildcard vmm/*.c)
CLI_SRC = $(wildcard cli/*.c) $(wildcard debugger/*.c)
LIB_OBJ = $(patsubst %.c,$(BUILD)/obj/%.o,$(LIB_SRC))
CLI_OBJ = $(patsubst %.c,$(BUILD)/obj/%.o,$(CLI_SRC))
LIB     = $(BUILD)/libtrapeze.a
GEN     = $(BUILD)/gen/cp0regs.h

UNIT_TESTS = $(patsubst tests/unit/%.c,$(BUILD)/tests/unit/%,$(wildcard tests/unit/test_*.c))
ISA_TESTS  = $(patsubst tests/isa/%.c,$(BUILD)/tests/isa/%,$(wildcard tests/isa/*.c))

.DEFAULT_GOAL := all
include guestos/guestos.mk

.PHONY: all deps run run-demo test test-one test-unit test-isa test-asm test-cli test-labs bench clean \
	handout grade
all: $(BUILD)/trapeze $(GEN) $(GUESTOS) | deps

deps:
	@tools/deps.sh

# the debugger's TUI (debugger/ui_*.c) uses ncurses and readline
UI_LIBS = -lreadline -lncurses
$(BUILD)/trapeze: $(CLI_OBJ) $(LIB)
	$(CC) $(ALL_CFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(UI_LIBS)

$(LIB): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $(LIB_OBJ)

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)


# The assembly view of the CP0 and exception tables (one table, many views).
$(GEN): tools/gen_asm_header.c machine/cp0.def machine/excode.def
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) -o $(BUILD)/gen/gen_asm_header $<
	$(BUILD)/gen/gen_asm_header > $@

$(BUILD)/tests/unit/%: tests/unit/%.c $(LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Imachine -Iisa -o $@ $< $(LIB)

$(BUILD)/tests/isa/%: tests/isa/%.c $(LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Iisa -Imachine -o $@ $< $(LIB)

# ---- the demo ---------------------------------------------------------------------
DEMO = $(BUILD)/demo/hello.elf
$(DEMO): demo/hello.S demo/demo.ld $(GEN) machine/hw.h
	@mkdir -p $(@D)
	cpp -P -x assembler-with-cpp -Imachine -I$(BUILD)/gen demo/hello.S > $(BUILD)/demo/hello.s
	llvm-mc -triple=mipsel-unknown-elf -mcpu=mips32r2 -filetype=obj $(BUILD)/demo/hello.s -o $(BUILD)/demo/hello.o
	ld.lld -T demo/demo.ld $(BUILD)/demo/hello.o -o $@

# The guest OS under the VMM: the shell at a terminal, else the scripted
# session guestos/demo.txt; --stats prints the VMM's exit statistics at the end.
GUESTOS_RUN = $(BUILD)/trapeze run --vmm --stats --disk $(GOS)/disk.img $(GOS)/kernel.elf
run: all
	@if [ -t 0 ]; then $(GUESTOS_RUN); else $(GUESTOS_RUN) < guestos/demo.txt; fi

# The bare-metal demo program, natively (what `make run` did before the guest OS).
run-demo: all $(DEMO)
	$(BUILD)/trapeze run --stats $(DEMO)

# ---- tests --------------------------------------------------------------------------
# One pass of every test against one build; prints PASS/FAIL lines.
test-one: all $(UNIT_TESTS) $(ISA_TESTS)
	@tests/run_pass.sh $(BUILD)

test: | deps
	@$(MAKE) --no-print-directory all test-build-deps >/dev/null
	@$(MAKE) --no-print-directory BUILD=build-asan SAN=1 all test-build-deps >/dev/null
	@tests/run_all.sh build build-asan

.PHONY: test-build-deps
test-build-deps: $(UNIT_TESTS) $(ISA_TESTS) $(DEMO) $(GUESTOS_PV) $(MKFS)

test-unit: all $(UNIT_TESTS)
	@st=0; for t in $(UNIT_TESTS); do $$t || st=1; done; exit $$st
test-isa: all $(ISA_TESTS)
	@$(BUILD)/tests/isa/test_table && tests/isa/test_disasm.sh $(BUILD)
test-asm: all
	@tests/run_asm.sh $(BUILD)/trapeze $(BUILD)/tests/asm
test-cli: all
	@for t in tests/cli/*.sh; do $$t $(BUILD)/trapeze $(BUILD); done
test-labs: all $(GUESTOS_PV)
	@tests/run_labs.sh $(BUILD)

# ---- benchmarks -------------------------------------------------------------------
bench: all $(GUESTOS_PV)
	@bench/run.sh $(BUILD)

# ---- labs (labs/README.md) ----------------------------------------------------------
handout: | deps
	@if [ -z "$(LAB)" ] || [ -z "$(OUT)" ]; then \
		echo "usage: make handout LAB=n OUT=DIR" >&2; exit 2; fi
	@labs/handout "$(LAB)" "$(OUT)"

grade: | deps
	@if [ -z "$(LAB)" ]; then \
		echo "usage: make grade LAB=n [TREE=DIR] [HIDDEN=DIR] [JSON=FILE] [JUNIT=FILE]" >&2; \
		exit 2; fi
	@labs/grade "$(LAB)" $(if $(TREE),--tree "$(TREE)") $(if $(HIDDEN),--hidden "$(HIDDEN)") \
		$(if $(JSON),--json "$(JSON)") $(if $(JUNIT),--junit "$(JUNIT)")

clean:
	rm -rf build build-asan
