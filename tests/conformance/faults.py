#!/usr/bin/env python3
"""Randomized ensemble conformance (docs/conformance.md, "Random fault schedules"): a seeded
schedule of faults — kill -9, SIGSTOP/SIGCONT, restart, of leaders and followers — between
batches of writes, played against a real ZooKeeper 3.8.0 ensemble on loopback and against
ZabScope's simulated one (a script of the same schedule).

  faults.py --seeds A..B [--servers 3|5] [--keep]      play real + ZabScope, compare
  faults.py --seeds A..B [--servers 3|5] --recheck     compare the recorded real runs with
                                                       the current ZabScope (no JVM started)
  faults.py ci                                         the records kept in tests/conformance/
                                                       faults-recorded/ (no JVM), then seed
                                                       LIVE_CI played live on 3 servers

Compared per seed:
  - after each step, which server leads and its epoch (real: `srvr` Mode and Zxid >> 32;
    ZabScope: the last `established epoch E` event);
  - every server's sync kinds in order (real: the leaders' LearnerHandler log lines, matched
    to the learner by thread; ZabScope: `sync N KIND` events);
  - the children of / on every server at the end, and every acknowledged create among them.
Timings are not compared: ZabScope's steps are 15 s of simulated time apart, the real run
waits for a stable ensemble after each step. Every real run is recorded (schedule, ZabScope
script, real outcome, gzipped server logs) in target/conformance/faults/nN/SEED.json.gz, so a
changed ZabScope is compared again with `--recheck` in seconds; a differing seed also gets
its schedule, script, both outcomes and the real logs under target/conformance/faults/nN-SEED/.
Exit status 0 = agree.
"""

import base64
import gzip
import json
import random
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import conformance as C  # noqa: E402
import ensemble as E  # noqa: E402
import rejoin as R  # noqa: E402

STEP_MS = 15_000
# Real runs kept in the repository: `faults.py ci` compares ZabScope with each (make test).
RECORDED = HERE / "faults-recorded"
# The schedule `faults.py ci` also plays live (3 servers): a paused follower past syncLimit,
# a killed leader, restarts (about 30 s).
LIVE_CI = 2
LINE = re.compile(r"\[(.+):LearnerHandler@\d+\] - (.*)$")


def schedule(seed, n):
    """Steps: ("write", k) | ("kill", role) | ("restart", i) | ("pause", role) | ("resume", i).
    A role ("leader"/"follower") is resolved against the real ensemble when played."""
    rnd = random.Random(seed)
    q = n // 2 + 1
    live, down, paused = n, 0, False
    steps = []
    for _ in range(rnd.randint(4, 7)):
        choices = [("write", rnd.choice([3, 40, 600]))]
        if live - 1 >= q and not paused:
            choices += [("kill", rnd.choice(["leader", "follower"])),
                        ("pause", rnd.choice(["leader", "follower"]))]
        if down:
            choices.append(("restart", None))
        step = rnd.choice(choices)
        steps.append(step)
        if step[0] == "kill":
            live, down = live - 1, down + 1
        elif step[0] == "restart":
            live, down = live + 1, down - 1
        elif step[0] == "pause":
            steps.append(("write", rnd.choice([3, 40])))
            steps.append(("resume", None))
    steps.append(("restart-all", None))
    steps.append(("write", 3))
    return steps


class Real:
    def __init__(self, n):
        E.CFG = "tickTime=2000\ninitLimit=10\nsyncLimit=5\n"
        self.ens = R.Ensemble.__new__(R.Ensemble)
        E.RealEnsemble.__init__(self.ens, n)
        for i, p in list(self.ens.procs.items()):
            p.kill()
            p.wait()
            self.ens.launch(i)
        self.n = n
        self.down, self.paused = set(), set()

    def live(self):
        return [i for i in self.ens.client if i not in self.down and i not in self.paused]

    def stable(self, timeout=60):
        """One leader, every live server leader or follower; returns (leader, epoch)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            modes = {i: E.srvr(self.ens.client[i]) for i in self.live()}
            leaders = [i for i, (m, _) in modes.items() if m == "leader"]
            if len(leaders) == 1 and all(m in ("leader", "follower") for m, _ in modes.values()):
                time.sleep(0.5)  # let the last learner's sync finish logging
                return leaders[0], modes[leaders[0]][1] >> 32
            time.sleep(0.1)  # polling srvr
        raise RuntimeError("ensemble not stable")

    def stop(self):
        self.ens.stop()


def syncs_in_logs(logs):
    """Per learner sid: the sync kinds the leaders' `LearnerHandler` lines say were sent, in
    time order (a handler thread serves one learner connection)."""
    events = []
    for text in logs:
        thread_sid = {}
        for line in text.splitlines():
            m = LINE.search(line)
            if not m:
                continue
            t, msg = m.groups()
            s = re.search(r"Synchronizing with Learner sid: (\d+)", msg)
            if s:
                thread_sid[t] = [line[:23], int(s.group(1)), None]
                events.append(thread_sid[t])
                continue
            kind = ("SNAP" if msg.startswith("Sending snapshot") else
                    "TRUNC" if msg.startswith("Sending TRUNC") else
                    "DIFF" if msg.startswith("Sending DIFF") else None)
            # queueCommittedProposals logs "Sending DIFF" as it queues; a "Detected gap between
            # end of txnlog … and start of committedLog" then clears the queue and the handler
            # sends a snapshot instead: the last kind logged is the one sent.
            if kind and t in thread_sid:
                thread_sid[t][2] = kind
    out = {}
    for _, sid, kind in sorted(e for e in events if e[2]):
        out.setdefault(sid, []).append(kind)
    return out


def play_real(seed, n, classes):
    """Play schedule `seed` on a real n-server ensemble; the record compare() needs."""
    steps = schedule(seed, n)
    real = Real(n)
    script = ["seed 1", "config", "tickTime=2000", "initLimit=10", "syncLimit=5"]
    script += [f"server.{j}=zk{j}:2888:3888" for j in range(1, n + 1)] + ["end"]
    acked, played, leaders = set(), [], []
    drv = None
    try:
        leader, epoch = real.stable()
        # One client JVM for the whole schedule; each connect names its server.
        drv = C.Driver(classes, "ApiDriver",
                       type("S", (), {"host_port": f"127.0.0.1:{real.ens.client[leader]}"})())
        ask = lambda o: json.loads(drv.ask(json.dumps(o)))  # noqa: E731
        # ZabScope: the same first leader (the real JVMs start in a racy order).
        late = [j for j in range(leader + 1, n + 1)]
        for j in range(1, n + 1):
            script.append(f"at {0 if j not in late else 3000} start {j}")
        leaders.append((leader, epoch))
        t, k = 6000, 0
        zb = [t - 1]
        for step in steps:
            kind, arg = step
            if kind == "write":
                on = next(i for i in real.live() if i != leader) if len(real.live()) > 1 else leader
                k += 1
                ask({"client": f"w{k}", "op": "connect",
                     "connect_string": f"127.0.0.1:{real.ens.client[on]}"})
                script.append(f"at {t} connect w{k} {on}")
                for m in range(arg):
                    p = f"/s{k}n{m}"
                    if ask({"client": f"w{k}", "op": "create", "path": p, "data": "x"}).get("ok"):
                        acked.add(p)
                    script.append(f"at {t + 200 + 5 * m} create w{k} {p} x")
                ask({"client": f"w{k}", "op": "close"})
                script.append(f"at {t + 400 + 5 * arg} close w{k}")
                played.append(f"write {arg} via {on}")
            elif kind in ("kill", "pause"):
                cands = [i for i in real.live() if (i == leader) == (arg == "leader")]
                target = cands[0]
                if kind == "kill":
                    real.ens.procs[target].kill()
                    real.ens.procs[target].wait()
                    real.down.add(target)
                    script.append(f"at {t} crash {target}")
                else:
                    real.ens.procs[target].send_signal(E.signal.SIGSTOP)
                    real.paused.add(target)
                    script.append(f"at {t} pause {target}")
                    time.sleep(12)  # longer than syncLimit × tickTime: the leader drops it
                played.append(f"{kind} {target} ({arg})")
            elif kind in ("restart", "restart-all"):
                targets = sorted(real.down)[:1] if kind == "restart" else sorted(real.down)
                for target in targets:
                    real.ens.launch(target)
                    real.down.discard(target)
                    script.append(f"at {t} restart {target}")
                played.append(f"restart {targets}")
            elif kind == "resume":
                for target in sorted(real.paused):
                    real.ens.procs[target].send_signal(E.signal.SIGCONT)
                    script.append(f"at {t} resume {target}")
                    played.append(f"resume {target}")
                real.paused.clear()
            leader, epoch = real.stable()
            if kind in ("restart", "restart-all", "resume"):
                time.sleep(2)  # the rejoining server's sync
                leader, epoch = real.stable()
            leaders.append((leader, epoch))
            t += STEP_MS + (5 * arg if kind == "write" else 0)
            zb.append(t - 1)
        # The children of / on every server.
        trees = {}
        for i in real.ens.client:
            ask({"client": f"r{i}", "op": "connect",
                 "connect_string": f"127.0.0.1:{real.ens.client[i]}"})
            kids = ask({"client": f"r{i}", "op": "getChildren", "path": "/"}).get("children") or []
            trees[i] = sorted(c for c in kids if c != "zookeeper")
            ask({"client": f"r{i}", "op": "close"})
        logs = {i: real.ens.log(i) for i in real.ens.client}
    finally:
        if drv:
            drv.stop()
        real.stop()
    # ZabScope: read every created path on every server at the end.
    paths = sorted({line.split()[4] for line in script if " create " in line})
    for i in range(1, n + 1):
        script.append(f"at {t} connect f{i} {i}")
        script += [f"at {t + 300 + m} get f{i} {p}" for m, p in enumerate(paths)]
    script.append(f"until {t + 400 + len(paths)}")
    head = [line for line in script if not line.startswith(("at ", "until "))]
    timed = [line for line in script if line.startswith("at ")]
    timed.sort(key=lambda line: int(line.split()[1]))  # stable: same-time order kept
    script = head + timed + [script[-1]]
    return {"seed": seed, "servers": n, "played": played, "script": "\n".join(script) + "\n",
            "acked": sorted(acked), "probes": zb,
            "real": {"leaders": leaders, "trees": trees},  # syncs: read from the logs
            "logs": {str(i): base64.b64encode(gzip.compress(text.encode())).decode()
                     for i, text in logs.items()}}


def record_path(n, seed):
    return C.OUT / "faults" / f"n{n}" / f"{seed}.json.gz"


def save(rec):
    path = record_path(rec["servers"], rec["seed"])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(json.dumps(rec).encode()))


def load(n, seed):
    """A recorded real run: this machine's, else one kept in the repository (the CI records,
    and in differing/ the 5-server schedules docs/conformance.md explains)."""
    for path in (record_path(n, seed), RECORDED / f"n{n}-{seed}.json.gz",
                 RECORDED / "differing" / f"n{n}-{seed}.json.gz"):
        if path.exists():
            return json.loads(gzip.decompress(path.read_bytes()))
    return None


def first_quorum(rec):
    """The servers the first leader synced before it set its lastProcessedZxid to the epoch's
    zxid (the last statement of `Leader.startZkServer`, logged as `Peer state changed: leading -
    broadcast`; on a cold JVM ~200 ms after `Have quorum of supporters`), from the real log."""
    leader = rec["real"]["leaders"][0][0]
    log = gzip.decompress(base64.b64decode(rec["logs"][str(leader)])).decode(errors="replace")
    early = {leader}
    for line in log.splitlines():
        if "leading - broadcast" in line:
            return early
        m = re.search(r"Synchronizing with Learner sid: (\d+)", line)
        if m:
            early.add(int(m.group(1)))
    return early


def aligned(rec):
    """The recorded script with ZabScope's servers started as the real ones joined: the first
    leader and the learners it synced before it started serving at 0, the others once it has
    (3 s). Which learners make it in time is a start-up race of the JVMs (class loading in
    `zk.startup()` and `startupWithoutServing`, tens to hundreds of ms), not a protocol
    decision; who came after matters (a late joiner at 0x0 gets a SNAP from a leader whose
    lastProcessedZxid is already <epoch>00000000)."""
    early, leader = first_quorum(rec), rec["real"]["leaders"][0][0]
    out = []
    for line in rec["script"].splitlines():
        m = re.match(r"at \d+ start (\d+)$", line)
        if m:
            j = int(m.group(1))
            # A higher sid that joined in time came up after the election (else it would
            # lead): ZabScope's votes are decided by 0.2 s (finalizeWait), its epoch by 0.3 s.
            at = (0 if j <= leader else 220) if j in early else 3000
            line = f"at {at} start {j}"
        out.append(line)
    head = [line for line in out if not line.startswith(("at ", "until "))]
    timed = sorted((line for line in out if line.startswith("at ")),
                   key=lambda line: int(line.split()[1]))  # stable: same-time order kept
    return "\n".join(head + timed + [out[-1]]) + "\n"


def compare(rec, keep):
    """ZabScope on the recorded script against the recorded real outcome."""
    n, acked = rec["servers"], set(p[1:] for p in rec["acked"])
    rec = dict(rec, script=aligned(rec))
    zab = zab_outcome(rec["script"], n)
    real_out = dict(rec["real"])
    # The sync kinds are read from the recorded logs (older records also kept the kinds read
    # when they were made; the reading improved since, the logs stay).
    logs = [gzip.decompress(base64.b64decode(b)).decode(errors="replace")
            for b in rec["logs"].values()]
    real_out["syncs"] = syncs_in_logs(logs)
    real_out["acked_present"] = all(acked <= set(v) for v in real_out["trees"].values())
    zab_out = {"leaders": [zab["leader_at"](b) for b in rec["probes"]], "syncs": zab["syncs"],
               "trees": zab["trees"],
               "acked_present": all(acked <= set(v) for v in zab["trees"].values())}
    diffs = [key for key in ("leaders", "syncs", "trees", "acked_present")
             if norm(real_out[key]) != norm(zab_out[key])]
    if diffs or keep:
        d = C.OUT / "faults" / f"n{n}-{rec['seed']}"
        d.mkdir(parents=True, exist_ok=True)
        (d / "schedule.txt").write_text("\n".join(rec["played"]) + "\n")
        (d / "zabscope.zs").write_text(rec["script"])
        (d / "outcome.json").write_text(json.dumps({"real": real_out, "zabscope": zab_out},
                                                   indent=1, default=str))
        for i, text in rec["logs"].items():
            (d / f"real-server{i}.log").write_bytes(gzip.decompress(base64.b64decode(text)))
    return diffs, real_out, zab_out


def norm(v):
    return json.loads(json.dumps(v, default=str, sort_keys=True))


def zab_outcome(text, n):
    path = C.OUT / f"faults-n{n}.zs"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    out = subprocess.run([C.zabscope_bin(), "run", str(path), "--json"],
                         capture_output=True, text=True, check=True).stdout
    established, syncs, reqs, found = [], {}, {}, {i: set() for i in range(1, n + 1)}
    for line in out.splitlines():
        e = json.loads(line)
        tx = e.get("text", "")
        if e.get("kind") == "established":
            established.append((e["at_ms"], e["from"], int(tx.split()[-1])))
        elif e.get("kind") == "sync":
            _, sid, kind = tx.split()[:3]
            syncs.setdefault(int(sid), []).append("TRUNC" if kind.startswith("TRUNC") else kind)
        m = re.match(r"client (0x[0-9a-f]+) cxid=(\d+) getData (\S+)$", tx)
        if m and e.get("to"):
            reqs[f"{m.group(1)} {m.group(2)}"] = (e["to"], m.group(3))
        m = re.match(r"reply (0x[0-9a-f]+) cxid=(\d+) .* err=0$", tx)
        if m and f"{m.group(1)} {m.group(2)}" in reqs:
            srv, p = reqs.pop(f"{m.group(1)} {m.group(2)}")
            found[srv].add(p[1:])

    def leader_at(ms):
        before = [(f, ep) for at, f, ep in established if at <= ms]
        return before[-1] if before else None

    return {"leader_at": leader_at, "syncs": syncs,
            "trees": {i: sorted(v) for i, v in found.items()}}


def ci():
    """make test: every kept record against the current ZabScope, then one live schedule."""
    bad = 0
    records = sorted(RECORDED.glob("n*-*.json.gz"))
    for path in records:
        rec = json.loads(gzip.decompress(path.read_bytes()))
        diffs, real, zab = compare(rec, False)
        bad += bool(diffs)
        C.log(f"recorded {path.name}: {'agree' if not diffs else 'DIFFER in ' + ', '.join(diffs)}")
        for key in diffs:
            C.log(f"  {key}: real {json.dumps(norm(real[key]))}")
            C.log(f"  {key}: zabscope {json.dumps(norm(zab[key]))}")
    rec = play_real(LIVE_CI, 3, C.compile_drivers())
    diffs, real, zab = compare(rec, bool(bad))
    bad += bool(diffs)
    C.log(f"live seed {LIVE_CI} (3 servers): {'agree' if not diffs else 'DIFFER in ' + ', '.join(diffs)}"
          f": {'; '.join(rec['played'])}")
    for key in diffs:
        C.log(f"  {key}: real {json.dumps(norm(real[key]))}")
        C.log(f"  {key}: zabscope {json.dumps(norm(zab[key]))}")
    C.log(f"faults ci: {len(records)} recorded + 1 live schedule, {bad} differing")
    return bad == 0


def main(argv):
    if argv[1:2] == ["ci"]:
        return 0 if ci() else 1
    if "--seeds" not in argv:
        print(__doc__)
        return 2
    a, b = (int(x) for x in argv[argv.index("--seeds") + 1].split(".."))
    n = int(argv[argv.index("--servers") + 1]) if "--servers" in argv else 3
    keep, recheck = "--keep" in argv, "--recheck" in argv
    classes = None if recheck else C.compile_drivers()
    bad, done = 0, 0
    counts = {"syncs": 0, "elections": 0, "acked": 0}
    for seed in range(a, b):
        t0 = time.monotonic()
        rec = load(n, seed) if recheck else None
        if recheck and rec is None:
            continue
        if rec is None:
            rec = play_real(seed, n, classes)
            save(rec)
        diffs, real, zab = compare(rec, keep)
        done += 1
        bad += bool(diffs)
        counts["syncs"] += sum(len(v) for v in real["syncs"].values())
        counts["elections"] += len(real["leaders"])
        counts["acked"] += len(rec["acked"])
        C.log(f"seed {seed} ({n} servers, {time.monotonic() - t0:.0f} s): "
              f"{'agree' if not diffs else 'DIFFER in ' + ', '.join(diffs)}: "
              f"{'; '.join(rec['played'])}")
        for key in diffs:
            C.log(f"  {key}: real {json.dumps(norm(real[key]))}")
            C.log(f"  {key}: zabscope {json.dumps(norm(zab[key]))}")
    C.log(f"{done} schedules on {n} servers ({counts['elections']} leader probes, "
          f"{counts['syncs']} real syncs, {counts['acked']} acknowledged creates): {bad} differing")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
