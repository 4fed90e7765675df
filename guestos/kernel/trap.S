/*
 * trap.S - what happens after the general vector saved the registers:
 * decide what the exception was (Cause.ExcCode), handle it, and leave the
 * kernel by resuming a process.
 *
 *   trap(frame)            the dispatcher, entered on the empty kernel stack
 *   trap_return(proc)      restore proc's registers and ERET into it
 *   proc_kill(proc, why)   a user program did something the machine forbids
 *
 * Where an exception came from is in the saved Status.KSU (EXL only forces
 * kernel mode; KSU still says what the interrupted code ran in):
 *   user mode    - an interrupt, a system call, a page fault or an error of
 *                  the running process;
 *   kernel mode  - only legal in the idle loop (proc.S), which waits with
 *                  EXL = 0 so that interrupts can be taken. Anything else is
 *                  a kernel bug: panic.
 */
#include "kernel.h"

	.set noreorder

	.text
	.globl trap
/* trap(a0 = frame). Registers: s0 = frame, s1 = ExcCode. Never returns. */
trap:
	move $s0, $a0
	lw $t0, TF_CAUSE($s0)
	andi $s1, $t0, CAUSE_EXC
	srl $s1, $s1, CAUSE_EXC_SHIFT
	lw $t1, TF_STATUS($s0)
	andi $t1, $t1, ST_KSU
	li $t2, ST_KSU_USER
	beq $t1, $t2, from_user
	nop
	/* From kernel mode: the idle loop's interrupt, or a kernel bug. */
	bnez $s1, 1f
	nop
	lw $t0, current
	bnez $t0, 1f
	nop
	jal interrupt
	move $a0, $s0
	j schedule
	nop
1:	la $a0, msg_kernel_exc
	j panic_frame
	move $a1, $s0

from_user:
	li $t2, EXC_INT
	beq $s1, $t2, exc_int
	li $t2, EXC_SYS
	beq $s1, $t2, exc_sys
	li $t2, EXC_TLBL
	beq $s1, $t2, exc_tlb
	li $t2, EXC_TLBS
	beq $s1, $t2, exc_tlb
	nop
	/* Anything else is the program's fault: Mod (a store to a read-only
	 * page), AdEL/AdES, RI, CpU, Bp, Ov, Tr... It is killed. */
	lw $a0, current
	move $a1, $s1
	j proc_kill
	move $a2, $zero

exc_int:
	jal interrupt
	move $a0, $s0
	j resume
	nop

exc_sys:
	jal syscall
	move $a0, $s0
	j resume
	nop

/* A TLB invalid fault (the refill found no page): maybe a heap or stack
 * page that has not been touched yet (mem.S). */
exc_tlb:
	lw $a0, current
	lw $a1, TF_BADVADDR($s0)
	jal vm_fault
	nop
	beqz $v0, resume
	li $t0, 2                       /* 2: no free frame */
	move $a2, $zero
	bne $v0, $t0, 1f
	nop
	la $a2, msg_oom
1:	lw $a0, current
	j proc_kill
	move $a1, $s1

/* Back to the current process if it can still run, else to whoever can. */
resume:
	lw $a0, current
	beqz $a0, schedule
	nop
	lw $t0, P_STATE($a0)
	li $t1, PS_RUNNING
	bne $t0, $t1, schedule
	nop
	/* fall through */

/* trap_return(a0 = proc): make it the running process and ERET into it.
 * The frame's Status has KSU = user and EXL = 1; ERET clears EXL, which
 * switches to user mode and unmasks interrupts in one step, and jumps to
 * EPC. EntryHi.ASID selects the process's TLB entries. */
	.globl trap_return
trap_return:
	li $t0, PS_RUNNING
	sw $t0, P_STATE($a0)
	sw $a0, current
	sw $a0, trap_frame
	lw $t0, P_PGDIR($a0)
	sw $t0, cur_pgdir
	lw $t0, P_ASID($a0)
	lw $t1, cur_asid
	beq $t0, $t1, 1f
	nop
	mtc0 $t0, C0_ENTRYHI            /* a different address space */
	sw $t0, cur_asid
1:	.set noat
	move $k1, $a0
	lw $t0, TF_HI($k1)
	mthi $t0
	lw $t0, TF_LO($k1)
	mtlo $t0
#ifndef PARAVIRT
	lw $k0, TF_STATUS($k1)
	mtc0 $k0, C0_STATUS
	lw $k0, TF_EPC($k1)
	mtc0 $k0, C0_EPC
#endif
	lw $at, TF_REG(1)($k1)
	lw $v0, TF_REG(2)($k1)
	lw $v1, TF_REG(3)($k1)
	lw $a0, TF_REG(4)($k1)
	lw $a1, TF_REG(5)($k1)
	lw $a2, TF_REG(6)($k1)
	lw $a3, TF_REG(7)($k1)
	lw $t0, TF_REG(8)($k1)
	lw $t1, TF_REG(9)($k1)
	lw $t2, TF_REG(10)($k1)
	lw $t3, TF_REG(11)($k1)
	lw $t4, TF_REG(12)($k1)
	lw $t5, TF_REG(13)($k1)
	lw $t6, TF_REG(14)($k1)
	lw $t7, TF_REG(15)($k1)
	lw $s0, TF_REG(16)($k1)
	lw $s1, TF_REG(17)($k1)
	lw $s2, TF_REG(18)($k1)
	lw $s3, TF_REG(19)($k1)
	lw $s4, TF_REG(20)($k1)
	lw $s5, TF_REG(21)($k1)
	lw $s6, TF_REG(22)($k1)
	lw $s7, TF_REG(23)($k1)
	lw $t8, TF_REG(24)($k1)
	lw $t9, TF_REG(25)($k1)
	lw $gp, TF_REG(28)($k1)
	lw $sp, TF_REG(29)($k1)
	lw $fp, TF_REG(30)($k1)
	lw $ra, TF_REG(31)($k1)
#ifdef PARAVIRT
	lw $k0, TF_EPC($k1)
	lw $k1, TF_STATUS($k1)
	hypcall HCX_ERET                /* Status := $k1; EPC := $k0; ERET */
#else
	eret
#endif
	.set at

/* proc_kill(a0 = proc, a1 = ExcCode, a2 = reason or 0): report what
 * happened, e.g.
 *   pid 4 (fault): killed: TLB fault on load at pc 0x00400010, address 0x00000010
 * (the reason, if given, replaces the exception's name) and end the
 * process with status KILL_STATUS_BASE + ExcCode. Never returns. */
	.globl proc_kill
proc_kill:
	move $s0, $a0
	move $s1, $a1
	move $s2, $a2
	la $a0, msg_pid
	jal kputs
	nop
	jal kputdec
	lw $a0, P_PID($s0)
	la $a0, msg_lparen
	jal kputs
	nop
	jal kputs
	addiu $a0, $s0, P_NAME
	la $a0, msg_killed
	jal kputs
	nop
	jal exc_name
	move $a0, $s1
	movn $v0, $s2, $s2              /* the reason, if any */
	jal kputs
	move $a0, $v0
	la $a0, msg_atpc
	jal kputs
	nop
	jal kputhex
	lw $a0, TF_EPC($s0)
	sltiu $t0, $s1, EXC_ADES + 1    /* Mod, TLBL, TLBS, AdEL, AdES: BadVAddr */
	beqz $t0, 1f
	nop
	la $a0, msg_addr
	jal kputs
	nop
	jal kputhex
	lw $a0, TF_BADVADDR($s0)
1:	jal kputc
	li $a0, '\n'
	move $a0, $s0
	j proc_exit
	addiu $a1, $s1, KILL_STATUS_BASE

	.section .rodata
msg_kernel_exc: .asciz "exception in the kernel"
msg_pid:        .asciz "pid "
msg_lparen:     .asciz " ("
msg_killed:     .asciz "): killed: "
msg_atpc:       .asciz " at pc "
msg_addr:       .asciz ", address "
msg_oom:        .asciz "out of memory (no free page frame)"
