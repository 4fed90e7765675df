"""labkit.py - what the lab tools share: the solution markers in vmm/.

A lab's reference code sits in the VMM between markers, each on a line of
its own (labs/README.md):

	/* LAB n BEGIN WHAT */
	... the reference code ...
	/* LAB n STUB
	... the handout's code: compiles, calls vm_lab_todo(vm, n, "WHAT") ...
	*/
	/* LAB n END */

WHAT names the function (or the part of one) the student writes. The
handout of lab n replaces each of lab n's regions by its stub; other labs'
regions stay as they are. The files holding lab n's regions are lab n's
student files: the grader takes exactly those from a student's tree.
"""
import os
import re
import subprocess

MARKER = re.compile(r'^\s*/\* LAB (\d+) (BEGIN|STUB|END)\b(.*)$')
MARKED_DIRS = ('vmm',)          # where reference code may sit


class MarkerError(Exception):
    """A malformed marker: file, line and what is wrong."""


class Region:
    def __init__(self, path, lab, what, begin):
        self.path, self.lab, self.what, self.begin = path, lab, what, begin
        self.stub = []          # the stub's lines, verbatim
        self.end = None         # line number of END


def parse(path, text):
    """The regions of one file, checked: every BEGIN has a STUB (closed by a
    line that is just '*/') and an END of the same lab, no nesting."""
    regions, cur, state = [], None, None     # state: None, 'ref', 'stub', 'stubdone'
    for no, line in enumerate(text.split('\n'), 1):
        if state == 'stub':
            if line.strip() == '*/':
                state = 'stubdone'
            elif '*/' in line or '/*' in line:
                raise MarkerError(f"{path}:{no}: a stub cannot contain a comment "
                                  f"(it is itself inside one)")
            else:
                cur.stub.append(line)
            continue
        m = MARKER.match(line)
        if not m:
            if state == 'stubdone' and line.strip():
                raise MarkerError(f"{path}:{no}: code between the stub of LAB {cur.lab} "
                                  f"and its END")
            continue
        lab, kind, rest = int(m.group(1)), m.group(2), m.group(3)
        if kind == 'BEGIN':
            if state is not None:
                raise MarkerError(f"{path}:{no}: LAB {lab} BEGIN inside the region of "
                                  f"LAB {cur.lab} (line {cur.begin})")
            what = rest.strip()
            if what.endswith('*/'):
                what = what[:-2].strip()
            if not what:
                raise MarkerError(f"{path}:{no}: LAB {lab} BEGIN names no function")
            cur, state = Region(path, lab, what, no), 'ref'
        elif kind == 'STUB':
            if state != 'ref' or lab != cur.lab:
                raise MarkerError(f"{path}:{no}: LAB {lab} STUB without its BEGIN")
            if rest.strip():
                raise MarkerError(f"{path}:{no}: the stub's code goes on the lines after "
                                  f"'/* LAB {lab} STUB'")
            state = 'stub'
        else:
            if state != 'stubdone' or lab != cur.lab:
                raise MarkerError(f"{path}:{no}: LAB {lab} END without its BEGIN and STUB")
            cur.end = no
            regions.append(cur)
            cur, state = None, None
    if state is not None:
        raise MarkerError(f"{path}:{cur.begin}: LAB {cur.lab} BEGIN is never closed "
                          f"(STUB ... */ and END)")
    return regions


def _rewrite(text, regions, lab, replace):
    """text with each of lab's regions (BEGIN to END) replaced by
    replace(region, begin_line, indent), a list of lines."""
    out, skip_to = [], 0
    by_begin = {r.begin: r for r in regions if r.lab == lab}
    for no, line in enumerate(text.split('\n'), 1):
        if no <= skip_to:
            continue
        r = by_begin.get(no)
        if r is None:
            out.append(line)
            continue
        out += replace(r, line, line[:len(line) - len(line.lstrip())])
        skip_to = r.end
    return '\n'.join(out)


def cut(text, regions, lab):
    """text with lab's regions replaced by their stubs (other labs' kept)."""
    return _rewrite(text, regions, lab, lambda r, line, ind:
                    [f"{ind}/* LAB {lab} TODO: {r.what} (labs/lab{lab}.md) */"] + r.stub)


def source_files(top):
    """The files that may hold markers, relative to top."""
    for d in MARKED_DIRS:
        for name in sorted(os.listdir(os.path.join(top, d))):
            if name.endswith(('.c', '.h')):
                yield os.path.join(d, name)


def regions(top, lab=None):
    """Every region in the tree at top (of one lab, if given)."""
    out = []
    for rel in source_files(top):
        with open(os.path.join(top, rel)) as f:
            out += parse(rel, f.read())
    return [r for r in out if lab is None or r.lab == lab]


# A handout has no markers left for its own lab: labs/handout writes that
# lab's student files here, so that the handout grades itself (labs/grade).
HANDOUT_FILES = 'labs/lab{}/student-files'


def _handout_files(top, lab):
    try:
        with open(os.path.join(top, HANDOUT_FILES.format(lab))) as f:
            return sorted(f.read().split())
    except OSError:
        return []


def labs(top):
    """The lab numbers that have regions (or, in a handout, its own lab)."""
    found = {r.lab for r in regions(top)}
    d = os.path.join(top, 'labs')
    for name in os.listdir(d) if os.path.isdir(d) else []:
        if name.startswith('lab') and name[3:].isdigit() and _handout_files(top, int(name[3:])):
            found.add(int(name[3:]))
    return sorted(found)


def student_files(top, lab):
    """Lab's student files: those holding its regions, in order."""
    return sorted({r.path for r in regions(top, lab)}) or _handout_files(top, lab)


def tree_files(top):
    """Relative paths of the tree's files: git's list in a checkout (so no
    build output or stray files), else everything outside build*/."""
    try:
        out = subprocess.run(['git', '-C', top, 'ls-files', '-z', '--cached', '--others',
                              '--exclude-standard'], capture_output=True,
                             check=True).stdout.decode()
        files = [f for f in out.split('\0') if f and os.path.isfile(os.path.join(top, f))]
        if files:
            return files
    except (OSError, subprocess.CalledProcessError):
        pass
    files = []
    for d, dirs, names in os.walk(top):
        rel = os.path.relpath(d, top)
        dirs[:] = sorted(x for x in dirs if x not in {'.git'} and
                         not (rel == '.' and x.startswith('build')))
        files += [os.path.normpath(os.path.join(rel, n)) for n in sorted(names)]
    return files


def strip(text, regions, lab):
    """text with the reference code of lab's regions replaced by the stub,
    markers kept: a trusted tree for grading that holds no solution (the
    grader still finds the lab's student files and stubs)."""
    return _rewrite(text, regions, lab, lambda r, line, ind:
                    [line] + r.stub + [f"{ind}/* LAB {lab} STUB"] + r.stub +
                    [f"{ind}*/", f"{ind}/* LAB {lab} END */"])


def strip_tree(top, lab):
    """Strip lab's reference code from the tree at top, in place (labs/gradescope/setup.sh)."""
    for rel in student_files(top, lab):
        path = os.path.join(top, rel)
        with open(path) as f:
            text = f.read()
        with open(path, 'w') as f:
            f.write(strip(text, parse(rel, text), lab))
