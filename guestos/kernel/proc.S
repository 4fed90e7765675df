/*
 * proc.S - processes, the scheduler, the timer and the idle loop.
 *
 * NPROC slots (kernel.h: struct proc). Slot i always runs with ASID i + 1,
 * so two live processes never share an ASID; when a process dies its
 * ASID's TLB entries are flushed before the slot can be reused.
 *
 * States: FREE -> READY <-> RUNNING -> ZOMBIE -> FREE (reaped by wait);
 * RUNNING -> BLOCKED (waiting on a channel, an address) -> READY (wakeup).
 *
 * Scheduling is round-robin: schedule() runs the first READY process after
 * the current one in slot order. The Count/Compare timer interrupts every
 * TICK_COUNT Count steps; each tick the running process goes back to READY
 * (preemption), and sleepers whose time has come wake up.
 *
 *   proc_alloc() -> proc or 0     proc_exit(proc, status)   (never returns)
 *   proc_block(chan)              wakeup(chan)
 *   schedule()                    (never returns)
 *   interrupt(frame)              timer_init()
 */
#include "kernel.h"

	.set noreorder
	.text

/* proc_alloc() -> v0 = a FREE slot, cleared, with its ASID set; or 0 if
 * the table is full. The slot stays FREE until the caller has built the
 * process and gives it a pid (proc_start), so a spawn that fails halfway
 * leaves nothing behind. Leaf. */
	.globl proc_alloc
proc_alloc:
	la $v0, procs
	li $t2, 1                       /* ASID of slot 0 */
1:	lw $t0, P_STATE($v0)
	beqz $t0, 2f                    /* PS_FREE */
	addiu $t2, $t2, 1
	la $t1, procs_end
	addiu $v0, $v0, PROC_SIZE
	bne $v0, $t1, 1b
	nop
	jr $ra
	move $v0, $zero                 /* the table is full */
2:	move $t0, $v0                   /* clear the whole slot */
	addiu $t1, $v0, PROC_SIZE
3:	addiu $t0, $t0, 4
	bne $t0, $t1, 3b
	sw $zero, -4($t0)
	addiu $t2, $t2, -1
	jr $ra
	sw $t2, P_ASID($v0)

/* proc_start(a0 = proc built by the caller) -> v0 = its new pid; it is READY. Leaf. */
	.globl proc_start
proc_start:
	lw $v0, next_pid
	sw $v0, P_PID($a0)
	addiu $t0, $v0, 1
	sw $t0, next_pid
	li $t0, PS_READY
	jr $ra
	sw $t0, P_STATE($a0)

/* proc_exit(a0 = proc, a1 = status). Frees the address space, hands the
 * children to init, wakes the parent, and schedules. If init itself
 * exits, the machine powers off with its status. */
	.globl proc_exit
proc_exit:
	move $s0, $a0
	andi $s1, $a1, 0xff
	sw $s1, P_XSTATUS($s0)
	lw $a0, P_PGDIR($s0)
	beqz $a0, 1f
	nop
	jal user_free
	nop
	sw $zero, P_PGDIR($s0)
	jal tlb_flush_asid
	lw $a0, P_ASID($s0)
1:	addiu $t0, $s0, P_FD            /* close its files */
	addiu $t1, $t0, NFD * 8
2:	sw $zero, 0($t0)
	addiu $t0, $t0, 8
	bne $t0, $t1, 2b
	nop
	lw $t0, init_proc
	beq $t0, $s0, pe_halt
	nop
	la $t2, procs                   /* orphans go to init */
	la $t3, procs_end
3:	lw $t4, P_PARENT($t2)
	bne $t4, $s0, 4f
	nop
	sw $t0, P_PARENT($t2)
4:	addiu $t2, $t2, PROC_SIZE
	bne $t2, $t3, 3b
	nop
	li $t0, PS_ZOMBIE
	sw $t0, P_STATE($s0)
	lw $t0, current
	bne $t0, $s0, 5f
	nop
	sw $zero, current
5:	lw $a0, P_PARENT($s0)           /* a parent in wait() sleeps on itself */
	jal wakeup
	nop
	lw $a0, init_proc               /* ... and init, which may have just */
	jal wakeup                      /*  inherited a zombie                */
	nop
	j schedule
	nop
pe_halt:
	la $a0, msg_halt
	jal kputs
	nop
	jal kputdec
	move $a0, $s1
	la $a0, msg_halt2
	jal kputs
	nop
	li $t0, SSEG_IO(HW_SYSCTL_BASE)
	sw $s1, HW_SYSCTL_POWEROFF($t0)
1:	b 1b
	nop

/* proc_block(a0 = chan): the current process waits for wakeup(chan). Leaf. */
	.globl proc_block
proc_block:
	lw $t0, current
	sw $a0, P_CHAN($t0)
	li $t1, PS_BLOCKED
	jr $ra
	sw $t1, P_STATE($t0)

/* wakeup(a0 = chan): every process blocked on chan becomes READY. Leaf. */
	.globl wakeup
wakeup:
	la $t0, procs
	la $t1, procs_end
	li $t3, PS_BLOCKED
	li $t4, PS_READY
1:	lw $t2, P_STATE($t0)
	bne $t2, $t3, 2f
	lw $t2, P_CHAN($t0)
	bne $t2, $a0, 2f
	nop
	sw $t4, P_STATE($t0)
	sw $zero, P_CHAN($t0)
2:	addiu $t0, $t0, PROC_SIZE
	bne $t0, $t1, 1b
	nop
	jr $ra
	nop

/* schedule(): pick the next READY process after the current one (round
 * robin over the slots) and run it; the current one keeps running if it
 * is the only one that can. Nobody: idle. Never returns. */
	.globl schedule
schedule:
	lui $sp, %hi(kstack_top)        /* nothing on the kernel stack matters */
	addiu $sp, $sp, %lo(kstack_top)
	lw $t0, current
	bnez $t0, 1f                    /* start after the current process, */
	nop
	lw $t0, last_run                /*  or after the last one that ran  */
1:	move $t1, $t0
	la $t2, procs
	la $t3, procs_end
	li $t4, PS_READY
2:	addiu $t1, $t1, PROC_SIZE       /* next slot, wrapping around */
	bne $t1, $t3, 3f
	nop
	move $t1, $t2
3:	lw $t5, P_STATE($t1)
	beq $t5, $t4, 4f
	nop
	bne $t1, $t0, 2b                /* all the way round */
	nop
	lw $a0, current                 /* nobody else: the current process, */
	beqz $a0, idle                  /*  if it can still run               */
	nop
	lw $t5, P_STATE($a0)
	li $t6, PS_RUNNING
	bne $t5, $t6, idle
	nop
	j trap_return
	nop
4:	lw $t0, current                 /* preempted or yielding: READY again */
	beqz $t0, 5f
	nop
	lw $t5, P_STATE($t0)
	li $t6, PS_RUNNING
	bne $t5, $t6, 5f
	nop
	sw $t4, P_STATE($t0)
5:	sw $t1, last_run
	j trap_return
	move $a0, $t1

/* The idle loop: no process can run. Wait for an interrupt with EXL = 0
 * and IE = 1 in kernel mode; the interrupt enters the general vector,
 * which saves into idle_frame and calls trap(), which sees kernel mode and
 * no current process, handles it and schedules. Under the VMM, WAIT lets
 * the VMM give the real CPU to another VM. */
idle:
	sw $zero, current
	la $t0, idle_frame
	sw $t0, trap_frame
	li $k0, STATUS_IDLE
#ifdef PARAVIRT
	hypcall HCX_IDLE                /* Status := $k0; WAIT */
#else
	mtc0 $k0, C0_STATUS             /* interrupts on ... */
	wait                            /* ... and sleep until one comes */
#endif
	b idle                          /* (not reached: the interrupt enters trap) */
	nop

/* ---- interrupts and the timer -------------------------------------------------- */

/* timer_init(): first tick in TICK_COUNT Count steps. Leaf. */
	.globl timer_init
timer_init:
	mfc0 $t0, C0_COUNT
	addiu $t0, $t0, TICK_COUNT
	mtc0 $t0, C0_COMPARE
	sw $t0, next_tick
	jr $ra
	nop

/* interrupt(a0 = frame): dispatch on the pending, enabled lines
 * (Cause.IP & Status.IM, as saved at entry). */
	.globl interrupt
interrupt:
	addiu $sp, $sp, -FRAME_SIZE(2)
	sw $ra, SLOT(0)($sp)
	sw $s0, SLOT(1)($sp)
	lw $t0, TF_CAUSE($a0)
	lw $t1, TF_STATUS($a0)
	and $s0, $t0, $t1
	andi $t0, $s0, ST_IM_TIMER      /* IP7: Count reached Compare */
	beqz $t0, 1f
	nop
	jal timer_tick
	nop
1:	andi $t0, $s0, ST_IM_CONS       /* IP2: the console has input */
	beqz $t0, 2f
	nop
	jal cons_intr
	nop
2:	andi $t0, $s0, ST_IM_DISK       /* IP3: only while disk.S waits; */
	beqz $t0, 3f                    /*  acknowledge a stray completion */
	nop
	jal disk_ack
	nop
3:	lw $ra, SLOT(0)($sp)
	lw $s0, SLOT(1)($sp)
	jr $ra
	addiu $sp, $sp, FRAME_SIZE(2)

/* timer_tick(): the next Compare (writing Compare also clears the timer
 * interrupt, MIPS32 Vol. III 9.21); count the tick; preempt; wake
 * sleepers. If we fell behind by more than a tick, skip ahead rather than
 * taking a burst of stale interrupts. */
timer_tick:
	addiu $sp, $sp, -FRAME_SIZE(1)
	sw $ra, SLOT(0)($sp)
	lw $t0, next_tick
	addiu $t0, $t0, TICK_COUNT
	mfc0 $t1, C0_COUNT
	subu $t2, $t0, $t1              /* still in the future? (mod 2^32) */
	bgtz $t2, 1f
	nop
	addiu $t0, $t1, TICK_COUNT
1:	mtc0 $t0, C0_COMPARE
	sw $t0, next_tick
	lw $t0, ticks
	addiu $t0, $t0, 1
	sw $t0, ticks
	lw $t1, current                 /* the running process used a tick */
	beqz $t1, 2f
	nop
	lw $t2, P_TICKS($t1)
	addiu $t2, $t2, 1
	sw $t2, P_TICKS($t1)
	li $t2, PS_READY                /* preemption: schedule() picks the next */
	sw $t2, P_STATE($t1)
2:	la $t1, procs                   /* sleepers whose time has come */
	la $t2, procs_end
	la $t5, sleep_chan
3:	lw $t3, P_STATE($t1)
	li $t4, PS_BLOCKED
	bne $t3, $t4, 4f
	lw $t3, P_CHAN($t1)
	bne $t3, $t5, 4f
	lw $t3, P_WAKE($t1)
	subu $t3, $t0, $t3              /* ticks - wake >= 0 */
	bltz $t3, 4f
	li $t3, PS_READY
	sw $t3, P_STATE($t1)
	sw $zero, P_CHAN($t1)
4:	addiu $t1, $t1, PROC_SIZE
	bne $t1, $t2, 3b
	nop
	lw $ra, SLOT(0)($sp)
	jr $ra
	addiu $sp, $sp, FRAME_SIZE(1)

	.section .rodata
msg_halt:  .asciz "trapeze-os: init exited with status "
msg_halt2: .asciz ", powering off\n"

	.data
	.globl procs, procs_end, current, trap_frame, cur_pgdir, ticks, next_pid
	.globl init_proc, sleep_chan
current:    .word 0          /* the RUNNING process, 0 while idle              */
last_run:   .word procs_end - PROC_SIZE   /* where round robin goes on     */
trap_frame: .word idle_frame /* where the general vector saves registers       */
cur_pgdir:  .word 0          /* the refill handler's page directory            */
next_tick:  .word 0          /* Compare value of the next tick                 */
ticks:      .word 0          /* timer ticks since boot                         */
next_pid:   .word 1
init_proc:  .word 0          /* the first process: its exit halts the machine  */
sleep_chan: .word 0          /* channel of sleep(); an address, never read     */

	.bss
	.align 4
procs:      .space NPROC * PROC_SIZE
procs_end:
idle_frame: .space TF_SIZE   /* registers of the idle loop (never resumed)     */
	.align 4
kstack:     .space KSTACK_SIZE
	.globl kstack_top
kstack_top:
