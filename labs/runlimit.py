"""runlimit.py - run one command the way a grader must: in a process group
of its own, with a wall-time limit, an address-space limit, no core files,
and at most Limits.output bytes kept of each of stdout and stderr (a
process that writes more is killed: an output flood). Never raises for
what the command does; the Run record says what happened."""
import os
import resource
import selectors
import signal
import subprocess
import time


class Limits:
    def __init__(self, wall=60.0, memory=768 << 20, output=1 << 20):
        self.wall, self.memory, self.output = wall, memory, output


class Run:
    def __init__(self):
        self.status = None        # exit status, or None if killed by a signal
        self.signal = None        # the signal that ended it (not ours)
        self.out = self.err = ''
        self.reason = None        # 'timeout' | 'flood' | 'start' when we stopped it
        self.seconds = 0.0
        self.limits = None
        self.cmd = ''

    @property
    def ok(self):
        """It ran to an exit status of its own."""
        return self.reason is None and self.signal is None

    def failure(self):
        """Why it did not, in words, or None."""
        if self.reason == 'timeout':
            return f"timed out after {self.limits.wall:g} s (a hang in the VMM?)"
        if self.reason == 'flood':
            return f"output flood (more than {self.limits.output >> 20} MiB): stopped"
        if self.reason == 'start':
            return f"could not start: {self.err}"
        if self.signal is not None:
            try:
                name = signal.Signals(self.signal).name
            except ValueError:
                name = f"signal {self.signal}"
            extra = ' (out of memory?)' if self.signal in (signal.SIGKILL, signal.SIGABRT) else ''
            return f"crashed ({name}){extra}"
        return None


def _limit(memory):
    def pre():
        os.setsid()
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    return pre


def run_limited(cmd, stdin, limits, cwd=None):
    r = Run()
    r.limits = limits
    t0 = time.monotonic()
    fin = None
    try:
        fin = open(stdin, 'rb') if stdin else None
        p = subprocess.Popen(cmd, stdin=fin or subprocess.DEVNULL, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, cwd=cwd,
                             preexec_fn=_limit(limits.memory), close_fds=True)
    except OSError as e:
        r.reason, r.err = 'start', str(e)
        return r
    finally:
        if fin:
            fin.close()
    bufs = {p.stdout: bytearray(), p.stderr: bytearray()}
    sel = selectors.DefaultSelector()
    for f in bufs:
        sel.register(f, selectors.EVENT_READ)
    deadline = t0 + limits.wall
    open_ = 2
    while open_:
        left = deadline - time.monotonic()
        if left <= 0:
            r.reason = 'timeout'
            break
        for key, _ in sel.select(timeout=min(left, 1.0)):
            chunk = os.read(key.fileobj.fileno(), 65536)
            if not chunk:
                sel.unregister(key.fileobj)
                open_ -= 1
                continue
            b = bufs[key.fileobj]
            room = limits.output - len(b)
            b += chunk[:max(room, 0)]
            if len(chunk) > room:
                r.reason = 'flood'
                open_ = 0
                break
    if r.reason:
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    try:
        p.wait(timeout=max(deadline - time.monotonic(), 0) + 5)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        p.wait()
        r.reason = r.reason or 'timeout'
    sel.close()
    p.stdout.close()
    p.stderr.close()
    r.seconds = time.monotonic() - t0
    if p.returncode < 0 and not r.reason:
        r.signal = -p.returncode
    elif p.returncode >= 0:
        r.status = p.returncode
    r.out = bufs[p.stdout].decode('utf-8', errors='replace')
    r.err = bufs[p.stderr].decode('utf-8', errors='replace')
    return r
