# all_forms.S - every row of isa/isa.def in several operand variants, for
# tests/isa/test_disasm.sh (our disassembler against llvm-objdump).
#
# Covered: edge registers ($0/$31 in each position), edge immediates, every
# shift amount, sync stype, cache/pref op, every CP0 register and select,
# ext/ins position/size edges, branches forward/backward/outside any symbol,
# each alias (nop, move, b, beqz, bal, jr, ...) next to its non-alias
# neighbours, optional codes of syscall/break/teq/hypcall/wait/di/ei, and a
# few reserved words. Forms llvm-mc refuses are written as .word encodings.
#
# Assemble with: llvm-mc -triple=mipsel-unknown-elf -mcpu=mips32r5 -mattr=+virt
# (.set noreorder: no delay-slot filling, the listing is what is here.)

	.set	noreorder
	.set	noat
	.text
	.globl	all_forms
all_forms:

# ---- SPECIAL: shifts ---------------------------------------------------------
shifts:
	nop
	ssnop
	ehb
	pause
	sll	$zero, $zero, 2
	sll	$zero, $zero, 4
	sll	$zero, $zero, 6
	sll	$zero, $zero, 31
	sll	$1, $zero, 1
	sll	$zero, $1, 1
	sll	$1, $zero, 0
	sll	$zero, $1, 0
	sll	$ra, $ra, 31
	sll	$zero, $ra, 0
	sll	$ra, $zero, 3
	.irp	sa, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	sll	$2, $3, \sa
	srl	$4, $5, \sa
	rotr	$6, $7, \sa
	sra	$8, $9, \sa
	.endr
	srl	$zero, $zero, 0
	srl	$zero, $zero, 1
	srl	$ra, $ra, 31
	rotr	$zero, $zero, 0
	rotr	$ra, $ra, 31
	sra	$zero, $zero, 0
	sra	$ra, $ra, 31
	.irp	op, sllv, srlv, rotrv, srav
	\op	$2, $3, $4
	\op	$zero, $zero, $zero
	\op	$ra, $ra, $ra
	\op	$zero, $ra, $zero
	\op	$ra, $zero, $ra
	.endr

# ---- SPECIAL: jumps through registers ----------------------------------------
jumps:
	jr	$zero
	jr	$2
	jr	$ra
	jr.hb	$zero
	jr.hb	$ra
	jalr	$2
	jalr	$ra
	jalr	$zero
	jalr	$zero, $2
	jalr	$zero, $zero
	jalr	$2, $3
	jalr	$ra, $zero
	jalr	$30, $ra
	jalr.hb	$2
	jalr.hb	$zero, $2
	jalr.hb	$2, $3
	.word	0x03e0fc09			# jalr.hb $ra, $ra (llvm-mc refuses rd == rs)
	jalr.hb	$30, $zero

# ---- SPECIAL: conditional moves, traps, sync, HI/LO -------------------------
moves:
	movz	$2, $3, $4
	movz	$zero, $zero, $zero
	movz	$ra, $ra, $ra
	movn	$2, $3, $4
	movn	$zero, $ra, $zero
	movn	$ra, $zero, $ra
codes:
	syscall
	syscall	0
	syscall	1
	syscall	12345
	syscall	0xfffff
	break
	break	0
	break	1
	break	1023
	break	0, 1
	break	1, 1
	break	5, 0
	break	1023, 1023
	.word	0x0000000d | (1023 << 6)	# break 0, 1023
	.irp	st, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	sync	\st
	.endr
	sync
hilo:
	mfhi	$zero
	mfhi	$2
	mfhi	$ra
	mflo	$zero
	mflo	$ra
	mthi	$zero
	mthi	$ra
	mtlo	$zero
	mtlo	$ra
	.irp	op, mult, multu, madd, maddu, msub, msubu
	\op	$2, $3
	\op	$zero, $zero
	\op	$ra, $ra
	\op	$zero, $ra
	.endr
	div	$zero, $2, $3
	.word	0x0000001a			# div $zero, $zero, $zero (llvm-mc: a macro)
	div	$zero, $ra, $ra
	divu	$zero, $2, $3
	.word	0x03e0001b			# divu $zero, $ra, $zero (llvm-mc: a macro)

# ---- SPECIAL: three-register ALU and its aliases -----------------------------
alu3:
	.irp	op, add, addu, sub, subu, and, or, xor, nor, slt, sltu
	\op	$2, $3, $4
	\op	$zero, $zero, $zero
	\op	$ra, $ra, $ra
	\op	$2, $3, $zero
	\op	$2, $zero, $3
	\op	$zero, $ra, $zero
	\op	$ra, $zero, $ra
	.endr
	move	$2, $3
	move	$ra, $zero
	negu	$2, $3
	neg	$2, $3
	not	$2, $3
	.word	0x00601021			# addu $2, $3, $zero: move
	.word	0x00001021			# addu $2, $zero, $zero: move
	.word	0x00000025			# or $zero, $zero, $zero: move

# ---- SPECIAL: register traps -------------------------------------------------
traps:
	.irp	op, tge, tgeu, tlt, tltu, teq, tne
	\op	$2, $3
	\op	$zero, $zero
	\op	$ra, $ra, 0
	\op	$zero, $ra, 1
	\op	$ra, $zero, 1023
	\op	$2, $3, 512
	.endr

# ---- REGIMM ------------------------------------------------------------------
regimm:
	.irp	op, bltz, bgez, bltzl, bgezl, bltzal, bgezal, bltzall, bgezall
	\op	$2, regimm
	\op	$zero, regimm
	\op	$ra, far_forward
	\op	$2, . + 4
	\op	$2, .
	.endr
	bal	regimm
	.irp	op, tgei, tgeiu, tlti, tltiu, teqi, tnei
	\op	$2, 0
	\op	$zero, -32768
	\op	$ra, 32767
	\op	$2, -1
	\op	$3, 1
	.endr

# ---- J, JAL, BEQ/BNE and their aliases ---------------------------------------
branches:
	j	branches
	jal	branches
	j	far_forward
	jal	far_forward + 8
	j	0
	jal	0
	j	0x0ffffffc
	b	branches
	b	far_forward
	beq	$zero, $zero, branches
	beq	$2, $zero, branches
	beq	$zero, $2, branches
	beq	$2, $3, branches
	beq	$2, $2, far_forward
	beq	$ra, $ra, branches
	beqz	$ra, far_forward
	bne	$zero, $zero, branches
	bne	$2, $zero, branches
	bne	$zero, $2, branches
	bne	$2, $3, far_forward
	bnez	$ra, branches
	beql	$zero, $zero, branches
	beql	$2, $zero, branches
	beql	$zero, $2, far_forward
	beql	$2, $3, branches
	bnel	$zero, $zero, branches
	bnel	$2, $zero, branches
	bnel	$zero, $2, far_forward
	bnel	$ra, $ra, branches
	.irp	op, blez, bgtz, blezl, bgtzl
	\op	$2, branches
	\op	$zero, far_forward
	\op	$ra, .
	.endr
	# extreme offsets, and targets with no symbol at or below them
	.word	0x10007fff			# b +0x20000
	.word	0x10008000			# b -0x1fffc
	.word	0x1000ffff			# b 0: to itself
	.word	0x14438000			# bne $2, $3, -0x1fffc
	.word	0x04118000			# bal -0x1fffc
	.word	0x08000000			# j 0
	.word	0x0fffffff			# jal 0x0ffffffc

# ---- immediates ----------------------------------------------------------------
imm:
	.irp	op, addi, addiu, slti, sltiu
	\op	$2, $3, 0
	\op	$zero, $zero, -32768
	\op	$ra, $ra, 32767
	\op	$2, $zero, -1
	\op	$zero, $ra, 1
	.endr
	.irp	op, andi, ori, xori
	\op	$2, $3, 0
	\op	$zero, $zero, 65535
	\op	$ra, $ra, 32768
	\op	$2, $zero, 32767
	\op	$zero, $ra, 1
	.endr
	lui	$2, 0
	lui	$zero, 1
	lui	$ra, 32767
	lui	$2, 32768
	lui	$3, 65535

# ---- COP0 ----------------------------------------------------------------------
cop0:
	.irp	rd, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	mfc0	$2, $\rd, 0
	mtc0	$3, $\rd, 0
	.endr
	.irp	sel, 0,1,2,3,4,5,6,7
	mfc0	$zero, $12, \sel
	mtc0	$ra, $15, \sel
	.endr
	mfc0	$ra, $31, 7
	mtc0	$zero, $0, 0
	di
	di	$zero
	di	$2
	di	$ra
	ei
	ei	$zero
	ei	$2
	ei	$ra
	tlbr
	tlbwi
	tlbwr
	tlbp
	eret
	wait
	.word	0x42000060			# wait 1: LLVM says <unknown>
	.word	0x43ffffe0			# wait 0x7ffff: LLVM says <unknown>
	hypcall
	hypcall	0
	hypcall	1
	hypcall	512
	hypcall	1023

# ---- SPECIAL2 ------------------------------------------------------------------
special2:
	mul	$2, $3, $4
	mul	$zero, $zero, $zero
	mul	$ra, $ra, $ra
	mul	$2, $zero, $ra
	.irp	op, clz, clo
	\op	$2, $3
	\op	$zero, $zero
	\op	$ra, $ra
	\op	$ra, $zero
	.endr
	.word	0x72fa4020			# clz rs=$23 rt=$26 rd=$8: rt != rd
	.word	0x7000b021			# clo rs=$0 rt=$0 rd=$22

# ---- SPECIAL3 ------------------------------------------------------------------
special3:
	ext	$2, $3, 0, 1
	ext	$2, $3, 0, 32
	ext	$zero, $zero, 31, 1
	ext	$ra, $ra, 16, 16
	ext	$2, $ra, 1, 31
	ext	$2, $3, 7, 9
	.word	0x7c00f7c0			# ext pos 31 size 31: pos+size > 32
	ins	$2, $3, 0, 1
	ins	$2, $3, 0, 32
	ins	$zero, $zero, 31, 1
	ins	$ra, $ra, 16, 16
	ins	$2, $ra, 1, 31
	ins	$2, $3, 7, 9
	.word	0x7c400304			# ins msb 0 < pos 12
	.word	0x7e1e0884			# ins msb 1 = pos 2 - 1: size 0
	.irp	op, wsbh, seb, seh
	\op	$2, $3
	\op	$zero, $zero
	\op	$ra, $ra
	\op	$zero, $ra
	.endr
	rdhwr	$2, $29
	rdhwr	$zero, $29
	rdhwr	$ra, $29
	rdhwr	$2, $0				# LLVM decodes only $29: <unknown>
	rdhwr	$2, $2
	.word	0x7c02f83b			# rdhwr $2, $31: <unknown>

# ---- loads, stores, cache, pref ------------------------------------------------
mem:
	.irp	op, lb, lh, lwl, lw, lbu, lhu, lwr, sb, sh, swl, sw, swr, ll, sc
	\op	$2, 0($3)
	\op	$zero, -32768($ra)
	\op	$ra, 32767($zero)
	\op	$2, -1($sp)
	\op	$fp, 4($gp)
	.endr
	.irp	op, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	cache	\op, 0($2)
	pref	\op, -4($sp)
	.endr
	cache	0, -32768($zero)
	cache	31, 32767($ra)
	pref	0, 32767($zero)
	pref	31, -32768($ra)

# ---- reserved words (LLVM prints <unknown> too) ----------------------------------
reserved:
	.word	0xffffffff
	.word	0x0000003f			# SPECIAL funct 0x3f
	.word	0x04040000			# REGIMM rt 4
	.word	0x7c000001			# SPECIAL3 funct 1
	.word	0x42000000			# COP0 CO funct 0

# ---- a run of nops (llvm-objdump prints "...") and a far target ----------------
	nop
	nop
	nop
	addiu	$2, $3, 4
far_forward:
	nop
	jr	$ra
	nop
