#!/usr/bin/env python3
"""ZabScope's conformance suite against a real ZooKeeper 3.8 server (docs/conformance.md).

For each seed it generates a sequence of client operations (the `zabscope api` JSON-lines
format, 2-3 clients) or a zkCli script, plays it against a real standalone ZooKeeper server
(Debian's `zookeeper` package, started here on a free loopback port with its own dataDir and
a super digest, stopped at the end) through a small Java driver compiled against the
package's zookeeper.jar, and against `zabscope api` / `zabscope zkcli`; normalises both
(zxids relative to the sequence's base node, session ids -> client names, no ctime/mtime)
and reports the first differing operation, writing a replayable file.

  conformance.py api   --seeds A..B [--mutate]    # data-model sequences
  conformance.py zkcli --seeds A..B [--mutate]    # zkCli scripts
  conformance.py selftest --seeds A..B            # --mutate on both: every corruption caught
  conformance.py ci                               # what scripts/test.sh runs (about 2 min):
                                                  # api 0..120, zkcli 0..120, selftest 0..6,
                                                  # rejoin.py ci, faults.py ci (real ensembles)
  conformance.py replay FILE                      # re-run one saved sequence (.jsonl or .zk)
  conformance.py show api|zkcli SEED              # print one seed's sequence

Exit status 0 = no difference (selftest: every mutation caught), 1 = a difference, 2 = usage
or set-up error. Environment: ZABSCOPE_BIN (default target/release/zabscope if present, else
target/debug/zabscope).
"""

import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
OUT = ROOT / "target" / "conformance"
ZK_JAR = "/usr/share/java/zookeeper.jar"
ZK_CONF = "/etc/zookeeper/conf"  # log4j.properties of the package
SUPER_DIGEST = "super:xQJmxLMiHGwaqBvst5y6rkB6HQs="  # super:admin
ZABSCOPE_OPTS = ["--extended-types", "--super-digest", SUPER_DIGEST]

sys.path.insert(0, str(HERE))
import generate  # noqa: E402
import normalise  # noqa: E402


def log(msg):
    print(f"[conformance] {msg}", file=sys.stderr, flush=True)


def zabscope_bin():
    """$ZABSCOPE_BIN, else the newer of target/{release,debug}/zabscope."""
    if os.environ.get("ZABSCOPE_BIN"):
        return os.environ["ZABSCOPE_BIN"]
    found = [p for p in (ROOT / "target" / k / "zabscope" for k in ("release", "debug")) if p.exists()]
    if not found:
        sys.exit("no zabscope binary: cargo build -p zabscope (or set ZABSCOPE_BIN)")
    return str(max(found, key=lambda p: p.stat().st_mtime))


def compile_drivers():
    """javac the drivers into target/conformance/classes when a source is newer."""
    classes = OUT / "classes"
    classes.mkdir(parents=True, exist_ok=True)
    for name in ("ApiDriver", "CliDriver"):
        src = HERE / f"{name}.java"
        cls = classes / f"{name}.class"
        if not cls.exists() or cls.stat().st_mtime < src.stat().st_mtime:
            subprocess.run(["javac", "-nowarn", "-d", str(classes), "-cp", ZK_JAR, str(src)], check=True)
    return classes


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RealServer:
    """A standalone ZooKeeper 3.8 server on 127.0.0.1:PORT, own dataDir, super digest."""

    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="zabscope-conformance-"))
        self.port = free_port()
        (self.dir / "data").mkdir()
        (self.dir / "zoo.cfg").write_text(
            "tickTime=2000\n"
            f"dataDir={self.dir / 'data'}\n"
            f"clientPort={self.port}\n"
            "clientPortAddress=127.0.0.1\n"
            "admin.enableServer=false\n"
            "4lw.commands.whitelist=ruok\n"
        )
        cmd = [
            "java", "-Xmx256m",
            f"-Dzookeeper.DigestAuthenticationProvider.superDigest={SUPER_DIGEST}",
            "-Dzookeeper.extendedTypesEnabled=true",
            "-Dzookeeper.forceSync=no",  # no fsync per txn: nothing here crashes the server
            # ZabScope's api advances no time unless asked; keep the real container/TTL
            # reaper from firing mid-run (its default is every 60 s of wall-clock time).
            "-Dznode.container.checkIntervalMs=2000000000",
            "-cp", f"{ZK_JAR}:{ZK_CONF}",
            "org.apache.zookeeper.server.ZooKeeperServerMain", str(self.dir / "zoo.cfg"),
        ]
        self.log = open(self.dir / "server.log", "wb")
        self.proc = subprocess.Popen(cmd, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"ZooKeeper exited: see {self.dir / 'server.log'}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as s:
                    s.sendall(b"ruok")
                    if s.recv(4) == b"imok":
                        return
            except OSError:
                pass
            time.sleep(0.05)  # polling a port that is not open yet
        raise RuntimeError("ZooKeeper did not answer ruok within 60 s")

    @property
    def host_port(self):
        return f"127.0.0.1:{self.port}"

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()
        shutil.rmtree(self.dir, ignore_errors=True)


class Driver:
    """One JVM running a driver; one JSON line (or one zkCli block) per request."""

    def __init__(self, classes, main, server):
        self.proc = subprocess.Popen(
            ["java", "-Xmx256m", "-cp", f"{ZK_JAR}:{classes}", main, server.host_port],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            text=True, bufsize=1,
        )

    def ask(self, line):
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        reply = self.proc.stdout.readline()
        if not reply:
            raise RuntimeError("driver died")
        return reply.rstrip("\n")

    def stop(self):
        self.proc.stdin.close()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def run_zabscope(mode, text):
    args = [zabscope_bin(), mode, *ZABSCOPE_OPTS]
    r = subprocess.run(args, input=text, capture_output=True, text=True, timeout=120)
    return r.stdout


# ---- the data model (api) ----

def real_api(driver, ops, base):
    replies = [json.loads(driver.ask(json.dumps(op))) for op in ops]
    driver.ask(json.dumps({"op": "__end", "base": base}))
    return replies


def zabscope_api(ops):
    out = run_zabscope("api", "".join(json.dumps(o) + "\n" for o in ops))
    return [json.loads(l) for l in out.splitlines() if l.strip()]


STATS = {"ok": 0, "events": 0}


def check_api(driver, seed, ops, mutate):
    base = generate.base_of(seed)
    real = real_api(driver, ops, base)
    STATS["ok"] += sum(1 for r in real if r.get("code") == 0)
    STATS["events"] += sum(len(v) for r in real for v in r.get("events", {}).values())
    ours = zabscope_api(ops)
    if mutate:
        normalise.mutate_api(ours, random.Random(seed))
    a, b = normalise.api(real), normalise.api(ours)
    for i, op in enumerate(ops):
        ra = a[i] if i < len(a) else None
        rb = b[i] if i < len(b) else None
        if ra != rb:
            return i, ra, rb
    return None


# ---- zkCli ----

def real_zkcli(driver, lines, base):
    out = []
    for l in lines:
        reply = json.loads(driver.ask(json.dumps({"line": l})))
        out.append(reply["out"])
    driver.ask(json.dumps({"line": "__end", "base": base}))
    return out


def zabscope_zkcli(lines):
    """One `zabscope zkcli` run for the whole script; each command is followed by a
    `printwatches` (which prints `printwatches is on` and changes nothing; the generator never
    uses it) so the output can be cut per command."""
    marker = "printwatches is on\n"
    text = "".join(f"{l}\nprintwatches\n" for l in lines)
    parts = run_zabscope("zkcli", text).split(marker)
    parts = parts[: len(lines)]
    while len(parts) < len(lines):
        parts.append("<missing>")
    return parts


def check_zkcli(driver, seed, lines, mutate):
    base = generate.base_of(seed)
    real = real_zkcli(driver, lines, base)
    STATS["events"] += sum(t.count("WatchedEvent state:SyncConnected type:Node") for t in real)
    ours = zabscope_zkcli(lines)
    if mutate:
        normalise.mutate_zkcli(ours, random.Random(seed))
    a, b = normalise.zkcli(real), normalise.zkcli(ours)
    for i in range(len(lines)):
        if a[i] != b[i]:
            return i, a[i], b[i]
    return None


def parse_seeds(spec):
    if ".." in spec:
        a, b = spec.split("..")
        return range(int(a), int(b))
    return range(int(spec), int(spec) + 1)


def save_failure(kind, seed, seq, idx, real, ours):
    OUT.mkdir(parents=True, exist_ok=True)
    ext = "jsonl" if kind == "api" else "zk"
    f = OUT / f"fail-{kind}-{seed}.{ext}"
    if kind == "api":
        f.write_text("".join(json.dumps(o) + "\n" for o in seq))
    else:
        f.write_text(f"# base {generate.base_of(seed)}\n" + "".join(l + "\n" for l in seq))
    log(f"seed {seed}: first difference at operation {idx}: {seq[idx] if kind == 'api' else seq[idx]!r}")
    log(f"  real     : {json.dumps(real)}")
    log(f"  zabscope : {json.dumps(ours)}")
    log(f"  replay   : python3 tests/conformance/conformance.py replay {f}")


def run_range(kind, seeds, mutate, server=None):
    """Plays every seed; returns (seeds, operations, failures)."""
    classes = compile_drivers()
    own = server is None
    server = server or RealServer()
    main = "ApiDriver" if kind == "api" else "CliDriver"
    driver = Driver(classes, main, server)
    n_ops, failures = 0, []
    try:
        for seed in seeds:
            seq = generate.api(seed) if kind == "api" else generate.zkcli(seed)
            check = check_api if kind == "api" else check_zkcli
            diff = check(driver, seed, seq, mutate)
            n_ops += len(seq)
            if diff:
                failures.append(seed)
                if not mutate:
                    save_failure(kind, seed, seq, *diff)
    finally:
        driver.stop()
        if own:
            server.stop()
    return len(seeds), n_ops, failures


def replay(path):
    p = Path(path)
    text = p.read_text()
    server = RealServer()
    classes = compile_drivers()
    try:
        if p.suffix == ".jsonl":
            ops = [json.loads(l) for l in text.splitlines() if l.strip()]
            base = ops[1]["path"]
            driver = Driver(classes, "ApiDriver", server)
            real = real_api(driver, ops, base)
            ours = zabscope_api(ops)
            a, b = normalise.api(real), normalise.api(ours)
            pairs = list(zip(ops, a, b))
        else:
            lines = [l for l in text.splitlines() if l and not l.startswith("#")]
            base = text.splitlines()[0].split()[-1]
            driver = Driver(classes, "CliDriver", server)
            a = normalise.zkcli(real_zkcli(driver, lines, base))
            b = normalise.zkcli(zabscope_zkcli(lines))
            pairs = list(zip(lines, a, b))
        driver.stop()
    finally:
        server.stop()
    same = True
    for i, (op, x, y) in enumerate(pairs):
        mark = "  " if x == y else "≠ "
        same &= x == y
        print(f"{mark}{i:3} {json.dumps(op) if isinstance(op, dict) else op}")
        if x != y:
            print(f"     real     : {json.dumps(x)}\n     zabscope : {json.dumps(y)}")
    return 0 if same else 1


def main(argv):
    if len(argv) < 2 or argv[1] in ("-h", "--help"):
        print(__doc__)
        return 2
    cmd = argv[1]
    opts = argv[2:]
    seeds = range(0, 20)
    if "--seeds" in opts:
        seeds = parse_seeds(opts[opts.index("--seeds") + 1])
    mutate = "--mutate" in opts
    if cmd == "show":
        kind, seed = opts[0], int(opts[1])
        seq = generate.api(seed) if kind == "api" else generate.zkcli(seed)
        for o in seq:
            print(json.dumps(o) if kind == "api" else o)
        return 0
    if cmd == "replay":
        return replay(opts[0])
    if cmd in ("api", "zkcli"):
        t0 = time.monotonic()
        n, ops, failures = run_range(cmd, seeds, mutate)
        dt = time.monotonic() - t0
        what = "mutated answers caught" if mutate else "differing seeds"
        extra = f" ({STATS['ok']} succeeded)" if cmd == "api" else ""
        log(f"{cmd}: {n} seeds, {ops} operations{extra} and {STATS['events']} watch events "
            f"compared in {dt:.1f} s; {what}: {len(failures)}")
        if mutate:
            return 0 if len(failures) == n else 1
        return 1 if failures else 0
    if cmd == "ci":
        t0 = time.monotonic()
        server = RealServer()
        log(f"ZooKeeper 3.8 on {server.host_port}, zabscope = {zabscope_bin()}")
        try:
            bad = False
            for kind, rng in (("api", range(0, 120)), ("zkcli", range(0, 120))):
                STATS.update(ok=0, events=0)
                n, ops, failures = run_range(kind, rng, False, server)
                log(f"{kind}: {n} seeds, {ops} operations, {STATS['events']} watch events; "
                    f"differing seeds: {failures or 'none'}")
                bad |= bool(failures)
            for kind in ("api", "zkcli"):
                n, _, caught = run_range(kind, range(0, 6), True, server)
                log(f"mutation self-test {kind}: {len(caught)}/{n} corrupted answers caught")
                bad |= len(caught) != n
        finally:
            server.stop()
        # Rejoin syncs and the paused-followers write on a real 3-server ensemble.
        import rejoin
        classes = compile_drivers()
        for name in rejoin.CI:
            r = rejoin.run(name, classes)
            log(f"ensemble {name}: {'agree' if r['agree'] else 'DIFFER'} {json.dumps(r)}")
            bad |= not r["agree"]
        # Random fault schedules: the real runs kept in the repository, and one played live.
        import faults
        bad |= not faults.ci()
        log(f"done in {time.monotonic() - t0:.0f} s")
        return 1 if bad else 0
    if cmd == "selftest":
        server = RealServer()
        try:
            ok = True
            for kind in ("api", "zkcli"):
                n, ops, failures = run_range(kind, seeds, True, server)
                log(f"selftest {kind}: {len(failures)}/{n} mutated seeds caught")
                ok &= len(failures) == n
        finally:
            server.stop()
        return 0 if ok else 1
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
