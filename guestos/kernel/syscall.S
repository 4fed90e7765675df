/*
 * syscall.S - the system calls (numbers and meaning: guestos/include/sys.h).
 *
 * SYSCALL raises exception Sys with EPC at the SYSCALL instruction; the
 * program continues after it, so the dispatcher adds 4 to the saved EPC.
 * (A SYSCALL in a branch delay slot would need the branch emulated; no
 * program has a reason to put one there, so such a program is killed.)
 *
 * A call that must wait (read with no line, wait with no finished child)
 * blocks the process and returns E_RESTART: the dispatcher then moves EPC
 * back to the SYSCALL and leaves $v0 (the call number) alone, so the call
 * simply runs again when the process is woken. The kernel keeps nothing on
 * its stack across the wait: it has one stack, emptied at every exception.
 */
#include "kernel.h"

	.set noreorder
	.text

/* syscall(a0 = frame of the current process). */
	.globl syscall
syscall:
	addiu $sp, $sp, -FRAME_SIZE(2)
	sw $ra, SLOT(0)($sp)
	sw $s0, SLOT(1)($sp)
	move $s0, $a0
	lw $t0, TF_CAUSE($s0)
	bltz $t0, sc_in_slot            /* Cause.BD (bit 31) */
	nop
	lw $t0, TF_EPC($s0)
	addiu $t0, $t0, 4               /* continue after the SYSCALL */
	sw $t0, TF_EPC($s0)
	lw $t0, TF_REG(2)($s0)          /* $v0: the call number */
	sltiu $t1, $t0, SYS_NCALLS
	beqz $t1, sc_nosys
	sll $t0, $t0, 2
	la $t1, sys_table
	addu $t1, $t1, $t0
	lw $t9, 0($t1)
	beqz $t9, sc_nosys
	nop
	lw $a0, TF_REG(4)($s0)
	lw $a1, TF_REG(5)($s0)
	jalr $t9
	lw $a2, TF_REG(6)($s0)
	li $t0, E_RESTART
	bne $v0, $t0, sc_result
	nop
	lw $t0, TF_EPC($s0)             /* run the SYSCALL again when woken */
	addiu $t0, $t0, -4
	b sc_out
	sw $t0, TF_EPC($s0)
sc_nosys:
	li $v0, E_NOSYS
sc_result:
	sw $v0, TF_REG(2)($s0)
sc_out:
	lw $ra, SLOT(0)($sp)
	lw $s0, SLOT(1)($sp)
	jr $ra
	addiu $sp, $sp, FRAME_SIZE(2)
sc_in_slot:
	move $a0, $s0
	li $a1, EXC_SYS
	la $a2, msg_slot
	j proc_kill
	nop

/* ---- the calls: arguments in $a0-$a2, result in $v0 --------------------------- */

sys_exit:
	move $a1, $a0                   /* proc_exit(current, status) */
	lw $a0, current
	j proc_exit
	nop

/* write(fd, buf, len): only the console (fd 1 and 2). */
sys_write:
	addiu $sp, $sp, -FRAME_SIZE(4)
	sw $ra, SLOT(0)($sp)
	sw $s0, SLOT(1)($sp)
	sw $s1, SLOT(2)($sp)
	sw $s2, SLOT(3)($sp)
	addiu $t0, $a0, -FD_STDOUT
	sltiu $t0, $t0, 2               /* fd 1 or 2 */
	beqz $t0, sw_inval
	move $s0, $a1                   /* user address */
	bltz $a2, sw_inval
	move $s1, $a2                   /* bytes left */
	move $s2, $a2
sw_page:
	beqz $s1, sw_done
	nop
	lw $a0, current
	move $a1, $s0
	move $a2, $zero
	jal user_addr
	move $a3, $s1
	beqz $v0, sw_fault
	move $t0, $v1                   /* the part on this page */
	addu $s0, $s0, $t0
	subu $s1, $s1, $t0
	move $a0, $v0
	jal cons_write
	move $a1, $t0
	b sw_page
	nop
sw_inval:
	b sw_out
	li $v0, E_INVAL
sw_fault:                           /* bytes already written count */
	subu $v0, $s2, $s1
	bnez $v0, sw_out
	nop
	b sw_out
	li $v0, E_FAULT
sw_done:
	move $v0, $s2
sw_out:
	lw $ra, SLOT(0)($sp)
	lw $s0, SLOT(1)($sp)
	lw $s1, SLOT(2)($sp)
	lw $s2, SLOT(3)($sp)
	jr $ra
	addiu $sp, $sp, FRAME_SIZE(4)

/* read(fd, buf, len): the console, or a file opened with open(). A file
 * read returns at most one sector's worth (short reads are allowed). */
sys_read:
	bltz $a2, 9f
	nop
	bnez $a0, 1f
	nop
	move $a0, $a1                   /* fd 0: cons_read(buf, len), tail call */
	j cons_read
	move $a1, $a2
1:
	addiu $sp, $sp, -FRAME_SIZE(4)
	sw $ra, SLOT(0)($sp)
	sw $s0, SLOT(1)($sp)
	sw $s1, SLOT(2)($sp)
	sw $s2, SLOT(3)($sp)
	jal fd_slot                     /* v0 = &P_FD[fd - FD_FIRST], or 0 */
	move $s1, $a1
	beqz $v0, 8f
	move $s0, $v0
	lw $a0, 0($s0)                  /* the file's entry */
	beqz $a0, 8f
	lw $a1, 4($s0)                  /* offset */
	li $a3, FS_SECTOR_SIZE
	sltu $t0, $a2, $a3
	movn $a3, $a2, $t0              /* min(len, a sector) */
	la $a2, io_buf
	jal fs_read
	nop
	blez $v0, 7f                    /* 0 at the end, or an error */
	move $s2, $v0
	move $a0, $s1
	la $a1, io_buf
	jal copyout
	move $a2, $s2
	bnez $v0, 7f
	lw $t0, 4($s0)
	addu $t0, $t0, $s2
	sw $t0, 4($s0)
	move $v0, $s2
7:	lw $ra, SLOT(0)($sp)
	lw $s0, SLOT(1)($sp)
	lw $s1, SLOT(2)($sp)
	lw $s2, SLOT(3)($sp)
	jr $ra
	addiu $sp, $sp, FRAME_SIZE(4)
8:	b 7b
	li $v0, E_INVAL
9:	jr $ra
	li $v0, E_INVAL

/* fd_slot(a0 = fd) -> v0 = address of the process's slot for fd, or 0. Leaf. */
fd_slot:
	addiu $t0, $a0, -FD_FIRST
	sltiu $t1, $t0, NFD
	beqz $t1, 1f
	move $v0, $zero
	lw $v0, current
	sll $t0, $t0, 3
	addu $v0, $v0, $t0
	addiu $v0, $v0, P_FD
1:	jr $ra
	nop

sys_getpid:
	lw $t0, current
	jr $ra
	lw $v0, P_PID($t0)

/* yield(): READY again; trap's resume sees it is no longer RUNNING and
 * schedules the next process (or this one, if it is alone). */
sys_yield:
	lw $t0, current
	li $t1, PS_READY
	sw $t1, P_STATE($t0)
	jr $ra
	move $v0, $zero

/* sbrk(incr) -> the old break. The heap may grow up to the stack area. */
sys_sbrk:
	bltz $a0, 1f
	nop
	lw $t0, current
	lw $v0, P_BRK($t0)
	addu $t1, $v0, $a0
	sltu $t2, $t1, $v0              /* wrapped around */
	bnez $t2, 2f
	nop
	li $t3, USER_STACK_TOP - USER_STACK_MAX
	sltu $t2, $t3, $t1
	bnez $t2, 2f
	nop
	jr $ra
	sw $t1, P_BRK($t0)
1:	jr $ra
	li $v0, E_INVAL
2:	jr $ra
	li $v0, E_NOMEM

/* sleep(ticks): blocked on sleep_chan until `ticks` is reached (proc.S). */
sys_sleep:
	blez $a0, 1f
	nop
	lw $t0, ticks
	addu $t0, $t0, $a0
	lw $t1, current
	sw $t0, P_WAKE($t1)
	addiu $sp, $sp, -FRAME_SIZE(1)
	sw $ra, SLOT(0)($sp)
	la $a0, sleep_chan
	jal proc_block
	nop
	lw $ra, SLOT(0)($sp)
	addiu $sp, $sp, FRAME_SIZE(1)
1:	jr $ra
	move $v0, $zero

/* spawn(cmdline) -> pid (exec.S does the work). */
sys_spawn:
	addiu $sp, $sp, -FRAME_SIZE(1)
	sw $ra, SLOT(0)($sp)
	move $a1, $a0
	la $a0, cmd_buf
	jal copyinstr
	li $a2, CMD_MAX
	bltz $v0, 1f
	nop
	la $a0, cmd_buf
	lw $a1, current
	jal proc_spawn
	nop
1:	lw $ra, SLOT(0)($sp)
	jr $ra
	addiu $sp, $sp, FRAME_SIZE(1)

/* wait(pid or -1, status address or 0) -> pid of a finished child. */
sys_wait:
	addiu $sp, $sp, -FRAME_SIZE(5)
	sw $ra, SLOT(0)($sp)
	sw $s0, SLOT(1)($sp)
	sw $s1, SLOT(2)($sp)
	sw $s2, SLOT(3)($sp)
	sw $s3, SLOT(4)($sp)
	move $s1, $a0
	move $s2, $a1
	move $s3, $zero                 /* found a matching child */
	la $s0, procs
wt_loop:
	lw $t0, P_PARENT($s0)
	lw $t1, current
	bne $t0, $t1, wt_next
	lw $t0, P_STATE($s0)
	beqz $t0, wt_next               /* PS_FREE */
	li $t1, -1
	beq $s1, $t1, 1f                /* any child */
	lw $t1, P_PID($s0)
	bne $t1, $s1, wt_next
	nop
1:	li $s3, 1
	li $t1, PS_ZOMBIE
	bne $t0, $t1, wt_next
	nop
	beqz $s2, 2f                    /* store the status if asked */
	move $a0, $s2
	addiu $a1, $s0, P_XSTATUS
	jal copyout
	li $a2, 4
	bnez $v0, wt_out
	nop
2:	sw $zero, P_STATE($s0)          /* reaped: the slot is FREE */
	sw $zero, P_PARENT($s0)
	b wt_out
	lw $v0, P_PID($s0)
wt_next:
	la $t0, procs_end
	addiu $s0, $s0, PROC_SIZE
	bne $s0, $t0, wt_loop
	nop
	beqz $s3, wt_out
	li $v0, E_CHILD
	lw $a0, current                 /* children, none finished: block */
	jal proc_block                  /*  on ourselves (proc_exit wakes  */
	nop                             /*  the parent)                     */
	li $v0, E_RESTART
wt_out:
	lw $ra, SLOT(0)($sp)
	lw $s0, SLOT(1)($sp)
	lw $s1, SLOT(2)($sp)
	lw $s2, SLOT(3)($sp)
	lw $s3, SLOT(4)($sp)
	jr $ra
	addiu $sp, $sp, FRAME_SIZE(5)

/* ps() -> number of processes; prints the table and the frame count. */
sys_ps:
	addiu $sp, $sp, -FRAME_SIZE(3)
	sw $ra, SLOT(0)($sp)
	sw $s0, SLOT(1)($sp)
	sw $s1, SLOT(2)($sp)
	la $a0, msg_ps_head
	jal kputs
	nop
	la $s0, procs
	move $s1, $zero
ps_loop:
	lw $t0, P_STATE($s0)
	beqz $t0, ps_next
	addiu $s1, $s1, 1
	lw $a0, P_PID($s0)
	jal kputdec_pad
	li $a1, 5
	jal kputc
	li $a0, ' '
	lw $t0, P_STATE($s0)
	sll $t0, $t0, 2
	la $t1, state_names
	addu $t1, $t1, $t0
	lw $a0, 0($t1)
	jal kputs_pad
	li $a1, 9
	lw $a0, P_TICKS($s0)
	jal kputdec_pad
	li $a1, 6
	jal kputc
	li $a0, ' '
	lw $a0, P_ASID($s0)
	jal kputdec_pad
	li $a1, 4
	la $a0, msg_two_sp
	jal kputs
	nop
	jal kputs
	addiu $a0, $s0, P_NAME
	jal kputc
	li $a0, '\n'
	b ps_next
	nop
ps_next:
	la $t0, procs_end
	addiu $s0, $s0, PROC_SIZE
	bne $s0, $t0, ps_loop
	nop
	la $a0, msg_ps_frames
	jal kputs
	nop
	lw $a0, frames_free
	jal kputdec
	nop
	la $a0, msg_ps_of
	jal kputs
	nop
	lw $a0, frames_total
	jal kputdec
	nop
	la $a0, msg_ps_end
	jal kputs
	nop
	move $v0, $s1
	lw $ra, SLOT(0)($sp)
	lw $s0, SLOT(1)($sp)
	lw $s1, SLOT(2)($sp)
	jr $ra
	addiu $sp, $sp, FRAME_SIZE(3)

sys_ls:
	j fs_list
	nop

/* open(name) -> fd: a file of the disk, read from offset 0. */
sys_open:
	addiu $sp, $sp, -FRAME_SIZE(2)
	sw $ra, SLOT(0)($sp)
	sw $s0, SLOT(1)($sp)
	move $a1, $a0
	la $a0, cmd_buf
	jal copyinstr
	li $a2, FS_NAME_MAX
	li $t0, E_INVAL                 /* longer than any name: no such file */
	beq $v0, $t0, 3f
	nop
	bltz $v0, 4f
	nop
	la $a0, cmd_buf
	jal fs_lookup
	nop
	beqz $v0, 3f
	move $s0, $v0
	lw $t0, current                 /* the first free descriptor */
	addiu $t1, $t0, P_FD
	addiu $t2, $t1, NFD * 8
	li $v0, FD_FIRST
1:	lw $t3, 0($t1)
	beqz $t3, 2f
	addiu $t1, $t1, 8
	bne $t1, $t2, 1b
	addiu $v0, $v0, 1
	b 4f
	li $v0, E_FDLIM
2:	sw $s0, -8($t1)
	b 4f
	sw $zero, -4($t1)
3:	li $v0, E_NOENT
4:	lw $ra, SLOT(0)($sp)
	lw $s0, SLOT(1)($sp)
	jr $ra
	addiu $sp, $sp, FRAME_SIZE(2)

sys_close:
	addiu $sp, $sp, -FRAME_SIZE(1)
	sw $ra, SLOT(0)($sp)
	jal fd_slot
	nop
	beqz $v0, 1f
	nop
	lw $t0, 0($v0)
	beqz $t0, 1f
	nop
	sw $zero, 0($v0)
	b 2f
	move $v0, $zero
1:	li $v0, E_INVAL
2:	lw $ra, SLOT(0)($sp)
	jr $ra
	addiu $sp, $sp, FRAME_SIZE(1)

/* panic(msg): the kernel panics on purpose, showing the caller's registers. */
sys_panic:
	lw $t0, current                 /* show EPC at the SYSCALL itself */
	lw $t1, TF_EPC($t0)
	addiu $t1, $t1, -4
	sw $t1, TF_EPC($t0)
	move $a1, $a0
	la $a0, cmd_buf
	jal copyinstr
	li $a2, CMD_MAX
	la $a0, cmd_buf
	bgez $v0, 1f
	nop
	la $a0, msg_badmsg
1:	lw $a1, current
	j panic_frame                   /* with the caller's registers */
	nop

	.section .rodata
	.align 2
sys_table:                          /* indexed by SYS_* number */
	.word 0, sys_exit, sys_write, sys_read, sys_getpid, sys_yield, sys_sbrk
	.word sys_sleep, sys_spawn, sys_wait, sys_ps, sys_ls, sys_open, sys_close
	.word sys_panic
state_names:
	.word st_free, st_ready, st_running, st_blocked, st_zombie
st_free:     .asciz "free"
st_ready:    .asciz "ready"
st_running:  .asciz "running"
st_blocked:  .asciz "blocked"
st_zombie:   .asciz "zombie"
msg_ps_head: .asciz "  PID STATE     TICKS ASID  NAME\n"
msg_two_sp:  .asciz "  "
msg_ps_frames: .asciz "page frames: "
msg_ps_of:   .asciz " free of "
msg_ps_end:  .asciz "\n"
msg_badmsg:  .asciz "(unreadable message)"
msg_slot:    .asciz "system call in a branch delay slot"

	.bss
	.align 4
cmd_buf: .space CMD_MAX     /* spawn's command line, open's name, panic's text */
io_buf:  .space FS_SECTOR_SIZE
