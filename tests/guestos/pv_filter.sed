# pv_filter.sed: what may differ between the paravirtual guest OS kernel's
# console output and the ordinary kernel's. The PV kernel says
# "(paravirtual)" and its image is a page longer (the PV page): fewer free
# frames, so an out-of-memory kill comes a page earlier, and a panic's
# register dump shows other kernel addresses. Used by tests/run_guestos.sh
# and labs/gradelib.py (the grader's pv tests).
s/ (paravirtual)//
s/^memory: [0-9]* page frames free$/memory: N page frames free/
s/^page frames: [0-9]* free of [0-9]*$/page frames: N free of N/
s/\(out of memory.*address\) 0x[0-9a-f]*$/\1 N/
/^panic: /,$ {
	/^  /d
}
