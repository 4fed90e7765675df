# guestos.mk - building the teaching guest OS (included by the top Makefile).
#
#   $(GOS)/kernel.elf       the kernel (guestos/kernel/*.S), linked in sseg
#   $(GOS)/kernel-pv.elf    the same sources with -DPARAVIRT (hypercalls on
#                           the hot paths); `make guestos PARAVIRT=1`
#   $(GOS)/user/NAME.elf    each user program guestos/user/NAME.S, linked at
#                           USER_TEXT with the user library guestos/user/lib/*.S
#   $(GOS)/disk.img         the disk: file table + every program + guestos/files/*
#
# Every .S goes through cpp (-P, assembler-with-cpp) so it can include the
# #define-only headers shared with C: machine/hw.h, machine/cp0bits.h, the
# generated cp0regs.h, vmm/hypercall.h, guestos/include/*.h. llvm-mc gets
# -mcpu=mips32r5 -mattr=+virt only for the HYPCALL encoding; nothing else
# we use differs from mips32r2. tools/lint_delay_slots.sh rejects a macro
# (la, li of a 32-bit value, lw/sw of a symbol) in a branch delay slot.

GOS      = $(BUILD)/guestos
GOS_CPP  = cpp -P -x assembler-with-cpp -Iguestos/include -Imachine -Ivmm -I$(BUILD)/gen
GOS_MC   = llvm-mc -triple=mipsel-unknown-elf -mcpu=mips32r5 -mattr=+virt -filetype=obj
GOS_HDRS = $(wildcard guestos/include/*.h) machine/hw.h machine/cp0bits.h vmm/hypercall.h $(GEN)

KERN_SRC  = $(wildcard guestos/kernel/*.S)
KERN_OBJ  = $(patsubst guestos/kernel/%.S,$(GOS)/kernel/%.o,$(KERN_SRC))
KERNPV_OBJ = $(patsubst guestos/kernel/%.S,$(GOS)/kernel-pv/%.o,$(KERN_SRC))
ULIB_SRC  = $(wildcard guestos/user/lib/*.S)
ULIB_OBJ  = $(patsubst guestos/user/lib/%.S,$(GOS)/user/lib/%.o,$(ULIB_SRC))
UPROG_SRC = $(wildcard guestos/user/*.S)
UPROGS    = $(patsubst guestos/user/%.S,$(GOS)/user/%.elf,$(UPROG_SRC))
UFILES    = $(wildcard guestos/files/*)
MKFS      = $(BUILD)/tools/mkfs

GUESTOS    = $(GOS)/kernel.elf $(GOS)/disk.img
GUESTOS_PV = $(GOS)/kernel-pv.elf

.PHONY: guestos
ifeq ($(PARAVIRT),1)
guestos: $(GUESTOS) $(GUESTOS_PV)
else
guestos: $(GUESTOS)
endif

$(GOS)/kernel/%.o: guestos/kernel/%.S $(GOS_HDRS) $(wildcard guestos/kernel/*.h)
	@mkdir -p $(@D)
	$(GOS_CPP) -Iguestos/kernel $< > $(@:.o=.s)
	tools/lint_delay_slots.sh $(@:.o=.s)
	$(GOS_MC) $(@:.o=.s) -o $@

$(GOS)/kernel-pv/%.o: guestos/kernel/%.S $(GOS_HDRS) $(wildcard guestos/kernel/*.h)
	@mkdir -p $(@D)
	$(GOS_CPP) -DPARAVIRT -Iguestos/kernel $< > $(@:.o=.s)
	tools/lint_delay_slots.sh $(@:.o=.s)
	$(GOS_MC) $(@:.o=.s) -o $@

$(GOS)/kernel.elf: $(KERN_OBJ) guestos/kernel/kernel.ld
	ld.lld -T guestos/kernel/kernel.ld $(KERN_OBJ) -o $@

$(GOS)/kernel-pv.elf: $(KERNPV_OBJ) guestos/kernel/kernel.ld
	ld.lld -T guestos/kernel/kernel.ld $(KERNPV_OBJ) -o $@

$(GOS)/user/lib/%.o: guestos/user/lib/%.S $(GOS_HDRS) $(wildcard guestos/user/lib/*.h)
	@mkdir -p $(@D)
	$(GOS_CPP) -Iguestos/user/lib $< > $(@:.o=.s)
	tools/lint_delay_slots.sh $(@:.o=.s)
	$(GOS_MC) $(@:.o=.s) -o $@

$(GOS)/user/%.o: guestos/user/%.S $(GOS_HDRS) $(wildcard guestos/user/lib/*.h)
	@mkdir -p $(@D)
	$(GOS_CPP) -Iguestos/user/lib $< > $(@:.o=.s)
	tools/lint_delay_slots.sh $(@:.o=.s)
	$(GOS_MC) $(@:.o=.s) -o $@

.SECONDARY: $(UPROGS:.elf=.o)
$(GOS)/user/%.elf: $(GOS)/user/%.o $(ULIB_OBJ) guestos/user/user.ld
	ld.lld -T guestos/user/user.ld $< $(ULIB_OBJ) -o $@

$(MKFS): tools/mkfs.c guestos/include/fs.h
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) -Iguestos/include -o $@ $<

# Files are named on the disk by their base name without ".elf".
$(GOS)/disk.img: $(MKFS) $(UPROGS) $(UFILES)
	$(MKFS) $@ $(foreach p,$(UPROGS),$(notdir $(p:.elf=))=$(p)) \
		$(foreach f,$(UFILES),$(notdir $(f))=$(f))
