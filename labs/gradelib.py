"""gradelib.py - the grader's parts (labs/grade is the command).

A test table (labs/labN/tests) has one test a line:

    NAME  POINTS  KIND  ARGUMENT

and a `title` line. KIND says how the student's VMM is held to the bare
machine (labs/README.md has the whole story):

  equiv PROG      PROG natively (trusted build: the oracle) and under the
                  student's VMM, with the options of its source's
                  // NATIVE-EQUIV: or // RUN: line and its // STDIN:.
                  Credit: 60% the console output (the share of the oracle's
                  lines reproduced before the first difference), 20% the exit
                  status, 20% the guest clock (cycles and instructions).
  guestos SESSION the guest OS kernel with tests/guestos/SESSION.in typed at
                  its shell, natively and under the VMM; credit as equiv.
  lockstep PROG   `trapeze lockstep` (the student's build) says "equivalent".
  vmm PROG        a guest that only runs under a VMM (hypercalls): its
                  // VMM: run against its // EXPECT-STDOUT: file (50%),
                  // EXPECT-EXIT: (20%) and // EXPECT-STDERR-MATCH: lines (30%).
  pv SESSION      the paravirtual kernel under the student's VMM against the
                  ordinary kernel natively (60% output, 20% status), and
                  fewer exits than the ordinary kernel under the same VMM (20%).

PROG is asm/NAME (tests/asm/NAME.S, its sseg build), vmm/NAME
(tests/vmm/NAME.S), lab/NAME (labs/labN/NAME.S) or hidden/NAME (NAME.S in
the --hidden directory).
"""
import fcntl
import os
import re
import shutil
import subprocess
import time
from xml.sax.saxutils import escape, quoteattr

import labkit
from runlimit import run_limited, Limits

KINDS = ('equiv', 'guestos', 'lockstep', 'vmm', 'pv')
MAX_CYCLES = 200_000_000          # a run's default --max-cycles
NAME_RE = re.compile(r'^[A-Za-z0-9][A-Za-z0-9_.-]*$')


class TableError(Exception):
    pass


class Test:
    def __init__(self, name, points, kind, arg, visibility, where, hidden_dir):
        self.name, self.points, self.kind, self.arg = name, points, kind, arg
        self.visibility, self.where = visibility, where
        self.hidden_dir = hidden_dir
        self.prog = None          # the program's build: (source, elf)


class Table:
    def __init__(self, title, tests):
        self.title, self.tests = title, tests


class Result:
    def __init__(self, test, score, output, seconds):
        self.test, self.score, self.output, self.seconds = test, score, output, seconds

    @property
    def passed(self):
        return self.score >= self.test.points - 1e-9


def read_table(path, visibility, title, hidden_dir=None):
    """The table at path (its tests given visibility); title if it has none."""
    try:
        with open(path) as f:
            lines = f.read().split('\n')
    except OSError as e:
        raise TableError(f"{path}: {e.strerror}")
    named, tests, seen = None, [], set()
    for no, line in enumerate(lines, 1):
        w = line.split('#', 1)[0].split()
        if not w:
            continue
        where = f"{path}:{no}"
        if w[0] == 'title':
            named = ' '.join(w[1:])
            continue
        if len(w) != 4:
            raise TableError(f"{where}: want NAME POINTS KIND ARGUMENT, got '{line.strip()}'")
        name, points, kind, arg = w
        if not NAME_RE.match(name) or name in seen:
            raise TableError(f"{where}: '{name}' is not a new test name")
        try:
            pts = float(points)
            if pts <= 0:
                raise ValueError
        except ValueError:
            raise TableError(f"{where}: POINTS must be a positive number, not '{points}'")
        if kind not in KINDS:
            raise TableError(f"{where}: unknown KIND '{kind}' ({', '.join(KINDS)})")
        seen.add(name)
        tests.append(Test(name, pts, kind, arg, visibility, where, hidden_dir))
    if not tests:
        raise TableError(f"{path}: no tests")
    return Table(named or title, tests)


# ---- directives in a program's source (the // KEY: lines of tests/asm, tests/vmm) ----

def directives(src):
    d = {}
    with open(src) as f:
        for line in f.read().split('\n')[:30]:
            m = re.match(r'^// ([A-Z][A-Z-]*):\s?(.*)$', line)
            if m:
                d.setdefault(m.group(1), []).append(m.group(2).strip())
    return d


class Grader:
    """One grading: the trusted tree TOP, the work directory, the lab."""

    def __init__(self, top, work, lab, timeout):
        self.top, self.work, self.lab = top, work, lab
        self.limits = Limits(wall=timeout)
        self.tree = os.path.join(work, 'tree')
        self.native = os.path.join(top, 'build', 'trapeze')
        self.student = os.path.join(self.tree, 'build', 'trapeze')
        self.progs = os.path.join(top, 'build', 'labs', 'progs')
        self.gos = os.path.join(top, 'build', 'guestos')
        self.runs = os.path.join(work, 'runs')
        self.alias = {}           # run files, as show() names them
        os.makedirs(self.runs, exist_ok=True)

    # ---- building ----

    def build_trusted(self):
        """make the trusted tree (quietly); an error message, or None."""
        p = subprocess.run(['make', '--no-print-directory', '-s', '-C', self.top, 'all',
                            'build/guestos/kernel-pv.elf'], stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        if p.returncode:
            return tail(p.stdout.decode(errors='replace'), 6)
        return None

    def overlay(self, student, files):
        """The work tree: the trusted sources and build objects (mtimes kept,
        so make rebuilds only what changes), then the student's files, newer."""
        for rel in labkit.tree_files(self.top):
            dst = os.path.join(self.tree, rel)
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            shutil.copy2(os.path.join(self.top, rel), dst)
        b = os.path.join(self.top, 'build')
        for rel in ('obj', 'gen'):
            if os.path.isdir(os.path.join(b, rel)):
                shutil.copytree(os.path.join(b, rel), os.path.join(self.tree, 'build', rel),
                                symlinks=True)
        notes, now = [], time.time() + 2
        for rel in files:
            cands = [os.path.join(student, rel), os.path.join(student, os.path.basename(rel))]
            src = next((c for c in cands if os.path.lexists(c)), None)
            dst = os.path.join(self.tree, rel)
            if src is not None and (os.path.islink(src) or not os.path.isfile(src)):
                notes.append(f"note: {self.show(src)} is a symbolic link or not a plain "
                             f"file: not taken; the handout's stubs are graded in its place")
                src = None
            elif src is None:
                notes.append(f"note: no {rel} in the student's tree: the handout's stubs "
                             f"are graded in its place")
            if src is None:
                with open(os.path.join(self.top, rel)) as f:
                    text = f.read()
                with open(dst, 'w') as f:
                    f.write(labkit.cut(text, labkit.parse(rel, text), self.lab))
            elif os.path.abspath(src) != os.path.abspath(dst):
                shutil.copyfile(src, dst)
            os.utime(dst, (now, now))
        return notes

    def build_student(self):
        """Build the overlaid tree's trapeze; the compiler's error lines, or None."""
        try:
            p = subprocess.run(['make', '--no-print-directory', '-C', self.tree,
                                f'-j{min(4, os.cpu_count() or 1)}', 'build/trapeze'],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               stdin=subprocess.DEVNULL, timeout=600)
        except subprocess.TimeoutExpired:
            return "the build took more than 600 s"
        if p.returncode == 0:
            return None
        lines = p.stdout.decode(errors='replace').split('\n')
        errs = [l for l in lines if 'error' in l or 'Error' in l]
        return '\n'.join((errs or lines)[:12])

    def source_of(self, t):
        kind, _, name = t.arg.partition('/')
        base = {'asm': os.path.join(self.top, 'tests', 'asm'),
                'vmm': os.path.join(self.top, 'tests', 'vmm'),
                'lab': os.path.join(self.top, 'labs', f'lab{self.lab}'),
                'hidden': t.hidden_dir}.get(kind)
        if base is None or not name:
            raise TableError(f"{t.where}: PROG must be asm/NAME, vmm/NAME, lab/NAME or "
                             f"hidden/NAME, not '{t.arg}'")
        src = os.path.join(base, name + '.S')
        if not os.path.isfile(src):
            raise TableError(f"{t.where}: no {src}")
        return src

    def build_programs(self, tests):
        """Assemble and link each test's program (trusted sources) into
        build/labs/progs of the trusted tree, once; under a lock, since two
        gradings may share the tree."""
        os.makedirs(self.progs, exist_ok=True)
        env = dict(os.environ, GEN_DIR=os.path.join(self.top, 'build', 'gen'))
        build_sh = os.path.join(self.top, 'tests', 'asm', 'build.sh')
        with open(os.path.join(self.progs, '.lock'), 'w') as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            for t in tests:
                if t.kind in ('guestos', 'pv'):
                    if not os.path.isfile(os.path.join(self.top, 'tests', 'guestos',
                                                       t.arg + '.in')):
                        raise TableError(f"{t.where}: no tests/guestos/{t.arg}.in")
                    continue
                src = self.source_of(t)
                name = os.path.basename(src)[:-2]
                link = directives(src).get('LINK', [''])[0].split()
                variant = []
                if link and link[0] == 'both':
                    variant, name = ['sseg'], name + '.sseg'
                elif not link or link[0] != 'sseg':
                    raise TableError(f"{t.where}: {src} is not linked in sseg "
                                     f"(// LINK: sseg or both): it cannot run under the VMM")
                sub = 'hidden' if t.hidden_dir else t.arg.split('/')[0]
                out = os.path.join(self.progs, sub)
                elf = os.path.join(out, name + '.elf')
                if not up_to_date(elf, src):
                    p = subprocess.run([build_sh, src, out] + variant, env=env,
                                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
                    if p.returncode:
                        raise TableError(f"{t.where}: {src} does not build: "
                                         f"{tail(p.stdout.decode(errors='replace'), 3)}")
                t.prog = (src, elf)

    # ---- running ----

    def run(self, cmd, stdin=None):
        """One bounded run; its record (runlimit.Run) with the command."""
        r = run_limited(cmd, stdin, self.limits, cwd=self.runs)
        r.cmd = ' '.join(self.show(c) for c in cmd) + (f" < {self.show(stdin)}" if stdin else '')
        return r

    def show(self, path):
        """A path as a student would type it, from the top of their tree."""
        if path in self.alias:
            return self.alias[path]
        for base, name in ((self.tree, ''), (self.top, ''), (self.runs, '<run>/')):
            if isinstance(path, str) and path.startswith(base + '/'):
                return name + os.path.relpath(path, base)
        return path

    def run_test(self, t):
        t0 = time.monotonic()
        try:
            credit, why = getattr(self, 'kind_' + t.kind)(t)
        except TableError as e:
            credit, why = 0.0, [f"grader error: {e}"]
        return Result(t, round(t.points * min(credit, 1.0), 2), '\n'.join(why),
                      time.monotonic() - t0)

    def expand(self, t, words, tag):
        """Options of a directive: @self is the program, @tmpdisk a fresh
        disk of 64 sectors (sector i full of byte i)."""
        args, k = [], 0
        for w in words:
            if w == '@self':
                args.append(t.prog[1])
            elif w == '@tmpdisk':
                path = os.path.join(self.runs, f"{t.name}.{tag}.disk{k}")
                k += 1
                with open(path, 'wb') as f:
                    for i in range(64):
                        f.write(bytes([i]) * 512)
                self.alias[path] = '<a fresh disk: 64 sectors, sector i full of byte i>'
                args.append(path)
            elif w.startswith('@'):
                raise TableError(f"{t.where}: {t.prog[0]}: '{w}' is not supported by the "
                                 f"grader (one guest only)")
            else:
                args.append(w)
        if '--max-cycles' not in args:
            args = ['--max-cycles', str(MAX_CYCLES)] + args
        return args

    def stdin_of(self, t, d):
        s = d.get('STDIN')
        return os.path.join(os.path.dirname(t.prog[0]), s[0]) if s else None

    def kind_equiv(self, t):
        d = directives(t.prog[0])
        opts = (d.get('NATIVE-EQUIV') or d.get('RUN') or [''])[0].split()
        stdin = self.stdin_of(t, d)
        nat = self.run([self.native, 'run', '--stats'] +
                       self.expand(t, opts, 'native') + [t.prog[1]], stdin)
        vmm = self.run([self.student, 'run', '--vmm', '--stats'] +
                       self.expand(t, opts, 'vmm') + [t.prog[1]], stdin)
        return compare(nat, vmm)

    def guestos_cmd(self, t, kernel, tag, vmm):
        """The guest OS run of session t: natively on the trusted build, or
        under the student's VMM."""
        opts, disk = [], True
        f = os.path.join(self.top, 'tests', 'guestos', t.arg + '.opts')
        if os.path.isfile(f):
            for w in open(f).read().split():
                if w == '@nodisk':
                    disk = False
                elif w.startswith('@'):
                    raise TableError(f"{t.where}: the session's option '{w}' is not supported")
                else:
                    opts.append(w)
        cmd = ([self.student, 'run', '--vmm'] if vmm else [self.native, 'run']) + \
            ['--stats', '--max-cycles', str(MAX_CYCLES * 5)] + opts
        if disk:
            copy = os.path.join(self.runs, f"{t.name}.{tag}.img")
            shutil.copyfile(os.path.join(self.gos, 'disk.img'), copy)
            self.alias[copy] = '<a copy of build/guestos/disk.img>'
            cmd += ['--disk', copy]
        return cmd + [os.path.join(self.gos, kernel)]

    def kind_guestos(self, t):
        stdin = os.path.join(self.top, 'tests', 'guestos', t.arg + '.in')
        nat = self.run(self.guestos_cmd(t, 'kernel.elf', 'native', False), stdin)
        vmm = self.run(self.guestos_cmd(t, 'kernel.elf', 'vmm', True),
                       stdin)
        return compare(nat, vmm)

    def kind_pv(self, t):
        stdin = os.path.join(self.top, 'tests', 'guestos', t.arg + '.in')
        nat = self.run(self.guestos_cmd(t, 'kernel.elf', 'native', False), stdin)
        full = self.run(self.guestos_cmd(t, 'kernel.elf', 'full', True), stdin)
        pv = self.run(self.guestos_cmd(t, 'kernel-pv.elf', 'pv', True),
                      stdin)
        score, why = compare(nat, pv, out_filter=lambda s: pv_filter(s, self.top), clock=False, weights=(0.6, 0.2))
        fe, pe = stat(full.err, r'^exits\s+(\d+)'), stat(pv.err, r'^exits\s+(\d+)')
        if score < 0.8 - 1e-9:
            why.append("exits: not compared until the output and exit status are right")
        elif fe is not None and pe is not None and pe < fe:
            score += 0.2
        else:
            why.append(f"exits: paravirtual {pe}, fully virtualized {fe} (the paravirtual "
                       f"kernel must exit less)")
        return score, why

    def kind_lockstep(self, t):
        d = directives(t.prog[0])
        opts = (d.get('LOCKSTEP') or d.get('RUN') or [''])[0].split()
        r = self.run([self.student, 'lockstep'] +
                     self.expand(t, opts, 'lockstep') + [t.prog[1]], self.stdin_of(t, d))
        if r.ok and r.status == 0 and re.search(r'^equivalent: \d+ guest instructions',
                                                r.out, re.M):
            return 1.0, []
        return 0.0, [f"lockstep: {r.failure() or 'exit status ' + str(r.status)}",
                     indent(tail(r.out + r.err, 12)), f"run: {r.cmd}"]

    def kind_vmm(self, t):
        d = directives(t.prog[0])
        opts = (d.get('VMM') or [''])[0].split()
        r = self.run([self.student, 'run', '--vmm'] + self.expand(t, opts, 'vmm'),
                     self.stdin_of(t, d))
        why, score = [], 0.0
        want = None
        if d.get('EXPECT-STDOUT'):
            with open(os.path.join(os.path.dirname(t.prog[0]), d['EXPECT-STDOUT'][0])) as f:
                want = f.read()
        if r.failure():
            why.append(r.failure())
        if want is None or r.out == want:
            score += 0.5
        else:
            score += 0.5 * leading_share(want, r.out)
            why.append('console output ' + first_diff(want, r.out))
        ws = int((d.get('EXPECT-EXIT') or ['0'])[0])
        pats = d.get('EXPECT-STDERR-MATCH', [])
        if r.ok and r.status == ws:
            score += 0.2 if pats else 0.5
        elif r.ok:
            why.append(status_words(r.status, ws, 'want'))
        if pats and r.ok:
            lines = r.err.split('\n')
            miss = [p for p in pats if not any(re.search(p, l) for l in lines)]
            score += 0.3 * (len(pats) - len(miss)) / len(pats)
            why += [f"no stderr line matches /{p}/" for p in miss]
        if why:
            why.append('stderr: ' + tail(r.err, 4))
        return score, why


# ---- comparing a run under the VMM with the bare machine -----------------------------

def stat(text, pattern):
    m = re.search(pattern, text, re.M)
    return int(m.group(1)) if m else None


def guest_clock(run, vmm):
    if vmm:
        return (stat(run.err, r'^vm0 guest cycles\s+(\d+)'),
                stat(run.err, r'^vm0 instructions\s+(\d+)'))
    return stat(run.err, r'^cycles\s+(\d+)'), stat(run.err, r'^instructions\s+(\d+)')


def pv_filter(text, top):
    """What may differ between the paravirtual kernel and the ordinary one
    (its banner, free-frame counts, a panic's register dump): the sed script
    tests/run_guestos.sh applies too."""
    script = os.path.join(top, 'tests', 'guestos', 'pv_filter.sed')
    return subprocess.run(['sed', '-f', script], input=text, capture_output=True, text=True,
                          check=True).stdout


def status_words(got, want, whose):
    """An exit status that differs, in words (run's exit statuses: trapeze run --help)."""
    what = {124: ' (the cycle limit: the guest never finished under your VMM)',
            4: ' (the VM was stopped: see the trapeze: line)',
            3: ' (the guest waits for an interrupt that can never come)'}.get(got, '')
    return f"exit status {got}{what}, {whose} {want}"


def first_diff(want, got):
    w, g = want.split('\n'), got.split('\n')
    for i in range(max(len(w), len(g))):
        a = w[i] if i < len(w) else '(end of output)'
        b = g[i] if i < len(g) else '(end of output)'
        if a != b:
            return f"differs at line {i + 1}: want '{a[:100]}', got '{b[:100]}'"
    return 'is the same'


def leading_share(want, got):
    """The share of want's lines that got reproduces before the first difference."""
    if want == got:
        return 1.0
    w, g = want.split('\n'), got.split('\n')
    if w[-1] == '':
        w = w[:-1]                # a final newline ends the last line
    n = 0
    while n < len(w) and n < len(g) and w[n] == g[n]:
        n += 1
    return min(n, len(w)) / len(w) if w else 0.0


def compare(nat, vmm, out_filter=None, clock=True, weights=(0.6, 0.2, 0.2)):
    """Credit for a VMM run against the native oracle; (credit, reasons)."""
    why = []
    if not nat.ok or nat.status in (124, 3):
        raise TableError(f"the bare machine's run fails ({nat.failure() or nat.status}): "
                         f"{nat.cmd}: the test is wrong, not the student's code")
    f = out_filter or (lambda s: s)
    want, got = f(nat.out), f(vmm.out)
    w_out, w_status = weights[0], weights[1]
    if not want:                   # no output to earn credit with: all on the status
        w_out, w_status = 0.0, w_out + w_status
    credit = 0.0
    if vmm.failure():
        why.append(vmm.failure())
    credit += w_out * leading_share(want, got)
    if want != got:
        why.append('console output ' + first_diff(want, got))
    if vmm.ok and vmm.status == nat.status:
        credit += w_status
    elif vmm.ok:
        why.append(status_words(vmm.status, nat.status, "the bare machine's"))
    if clock:
        nc, vc = guest_clock(nat, False), guest_clock(vmm, True)
        if vmm.ok and nc == vc and None not in nc:
            credit += weights[2]
        elif vmm.ok:
            why.append(f"guest clock: {vc[0]} cycles and {vc[1]} instructions, the bare "
                       f"machine's {nc[0]} and {nc[1]}")
    if why:
        msg = [l for l in vmm.err.split('\n') if l.startswith('trapeze:')]
        if msg:      # first: the VMM's own account (a stub, a guest error)
            why.insert(1 if vmm.failure() else 0, ' / '.join(msg[:3]))
        why.append(f"run: {vmm.cmd}")
        why.append(f"oracle: {nat.cmd}")
    return credit, why



def tail(text, n):
    lines = [l for l in text.rstrip('\n').split('\n')]
    return '\n'.join(lines[-n:])


def indent(text):
    return '\n'.join('  ' + l for l in text.split('\n'))


def up_to_date(target, *sources):
    try:
        t = os.path.getmtime(target)
    except OSError:
        return False
    return all(os.path.getmtime(s) <= t for s in sources)


# ---- reports ------------------------------------------------------------------------------

def format_table(results):
    w = max(len(r.test.name) for r in results)
    lines = [f"{'test'.ljust(w)}  {'score':>15}  result"]
    for r in results:
        first = r.output.split('\n', 1)[0] if r.output else ''
        res = 'passed' if r.passed else 'failed' + (f": {first}" if first else '')
        lines.append(f"{r.test.name.ljust(w)}  {r.score:6.2f} / {r.test.points:6.2f}  {res}")
    return '\n'.join(lines)


def write_json(path, results, head, total):
    import json
    hidden = any(r.test.visibility != 'visible' for r in results)
    doc = {
        'score': round(total, 2),
        'output': head,
        'visibility': 'visible',
        # the printed table lists every test: with hidden ones, students must not see it
        'stdout_visibility': 'hidden' if hidden else 'visible',
        'tests': [{
            'name': r.test.name,
            'score': r.score,
            'max_score': r.test.points,
            'status': 'passed' if r.passed else 'failed',
            'output': r.output or 'passed',
            'visibility': r.test.visibility,
        } for r in results],
    }
    tmp = path + '.tmp'
    with open(tmp, 'w') as f:
        json.dump(doc, f, indent=2)
        f.write('\n')
    os.replace(tmp, path)


def write_junit(path, results, suite, seconds):
    fails = sum(not r.passed for r in results)
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<testsuites tests="{len(results)}" failures="{fails}" time="{seconds:.3f}">',
           f'  <testsuite name={quoteattr(suite)} tests="{len(results)}" failures="{fails}" '
           f'time="{seconds:.3f}">']
    for r in results:
        out.append(f'    <testcase classname={quoteattr(suite)} name={quoteattr(r.test.name)} '
                   f'time="{r.seconds:.3f}">')
        out.append(f'      <properties><property name="score" value="{r.score:.2f}"/>'
                   f'<property name="max_score" value="{r.test.points:.2f}"/></properties>')
        if not r.passed:
            first = r.output.split('\n', 1)[0] if r.output else 'failed'
            out.append(f'      <failure message={quoteattr(first)}>'
                       f'{escape(clean_xml(r.output))}</failure>')
        out.append('    </testcase>')
    out += ['  </testsuite>', '</testsuites>', '']
    tmp = path + '.tmp'
    with open(tmp, 'w') as f:
        f.write('\n'.join(out))
    os.replace(tmp, path)


def clean_xml(s):
    """XML 1.0 cannot hold most control characters: a flooding guest's output may."""
    return re.sub(r'[\x00-\x08\x0b\x0c\x0e-\x1f]', '?', s)

