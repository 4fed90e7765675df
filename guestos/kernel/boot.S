/*
 * boot.S - the kernel's entry point. The firmware (or the VMM, the same
 * way: DESIGN.md section 5) enters _start in kernel mode with EXL = ERL =
 * IE = 0, the two wired TLB entries for sseg RAM and devices, $a0 = RAM
 * size in bytes. Boot sets up the CPU, memory, disk and timer, starts the
 * shell as process 1 (init), and schedules it.
 */
#include "kernel.h"

	.set noreorder
	.text
	.globl _start
_start:
	la $sp, kstack_top              /* our own stack from now on */
	move $s0, $a0                   /* RAM size */
	/* The CPU: EXL = 1 for as long as the kernel runs (kernel.h). */
	li $t0, STATUS_KERNEL
	mtc0 $t0, C0_STATUS
	mtc0 $zero, C0_CAUSE            /* IV = 0: interrupts use +0x180 too */
	mtc0 $zero, C0_PAGEMASK         /* the refill writes 4 KiB pages */
	mtc0 $zero, C0_ENTRYHI          /* ASID 0: no process yet */
	li $t0, KVA_BASE                /* our vectors: kernel.ld puts them at */
	mtc0 $t0, C0_EBASE              /*  the start of the image (sseg)      */
#ifdef PARAVIRT
	li $v0, HC_PV_PAGE              /* ask the VMM to mirror the exception */
	la $a0, pv_page                 /*  registers into pv_page             */
	hypcall
	la $a0, msg_nopv
	bnez $v0, boot_panic
	nop
#endif
	jal tlb_init
	nop
	la $a0, msg_banner
	jal kputs
	nop
	srl $a0, $s0, 10
	jal kputdec
	nop
	la $a0, msg_ram
	jal kputs
	nop
	/* Frames: from the end of the kernel to the end of the window. */
	li $t0, KVA_LIMIT
	sltu $t1, $s0, $t0
	movz $s0, $t0, $t1              /* min(RAM, KVA_LIMIT) */
	li $t0, KVA_BASE
	addu $a1, $s0, $t0
	la $a0, kernel_end
	jal frames_init
	nop
	la $a0, msg_frames
	jal kputs
	nop
	lw $a0, frames_free
	jal kputdec
	nop
	la $a0, msg_frames2
	jal kputs
	nop
	jal fs_init
	nop
	la $a0, msg_disk
	jal kputs
	nop
	lw $a0, fs_nfiles
	jal kputdec
	nop
	la $a0, msg_disk2
	jal kputs
	nop
	jal timer_init
	nop
	la $a0, init_cmd                /* process 1: the shell */
	jal proc_spawn
	move $a1, $zero
	la $a0, msg_noinit
	bltz $v0, boot_panic
	nop
	j schedule
	nop
boot_panic:
	j panic
	nop

	.data
init_cmd:   .asciz "sh"             /* writable: proc_spawn cuts it at spaces */
	.section .rodata
#ifdef PARAVIRT
msg_banner: .asciz "Trapeze OS (paravirtual) booting: "
msg_nopv:   .asciz "the VMM refused the PV page"
#else
msg_banner: .asciz "Trapeze OS booting: "
#endif
msg_ram:    .asciz " KiB of RAM\n"
msg_frames: .asciz "memory: "
msg_frames2: .asciz " page frames free\n"
msg_disk:   .asciz "disk: "
msg_disk2:  .asciz " files\n"
msg_noinit: .asciz "cannot start the shell (sh) from the disk"

#ifdef PARAVIRT
/* The VMM writes PV_* here (hypercall.h). Until it does, the page says
 * "Reserved Instruction in kernel mode": if this kernel boots on the bare
 * machine, its first HYPCALL raises exactly that, the general vector reads
 * these words instead of the real registers, and trap() panics with an
 * "exception in the kernel" rather than misreading zeros as an interrupt. */
	.data
	.align 12
	.globl pv_page
pv_page:
	.word 0                         /* PV_EPC */
	.word EXC_RI << CAUSE_EXC_SHIFT /* PV_CAUSE */
	.word STATUS_KERNEL             /* PV_STATUS */
	.space PAGE_SIZE - 12
#endif
