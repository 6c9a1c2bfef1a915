#!/usr/bin/env python3
"""Rejoin conformance (docs/conformance.md, "Rejoin syncs"): which sync a real ZooKeeper 3.8
leader gives a follower coming back after a fault, against ZabScope's choice, on fixed
scenarios; and whether a write whose PROPOSAL was still unread in paused followers' sockets
when the leader died survives.

  rejoin.py [all|ci|NAME...]

Scenarios (three servers on loopback, tickTime 2000, initLimit 10, syncLimit 5):
  creates-N       a follower is SIGKILLed, a client on the other follower makes N creates,
                  the follower restarts (N = 3, 450, 600, 2500)
  setdata-1500    the same with 1,500 setData of 1 KB on one znode
  snapcount-400   600 creates with snapCount=400 in zoo.cfg (the leader's log rolls)
  paused          both followers SIGSTOPped, a create reaches the leader, the leader is
                  SIGKILLed, the followers SIGCONTed; the old leader restarts after the
                  election
The real sync kind is read from the leader's LearnerHandler log lines ("Sending snapshot",
"Sending TRUNC", "Sending DIFF"; "Use txnlog and committedLog" marks a DIFF from the txn
log); ZabScope's from its trace (`sync N KIND`) of the same script. Exit status 0 = agree.
"""

import json
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import conformance as C  # noqa: E402
import ensemble as E  # noqa: E402

# The server with a logger bound (the package's classpath has slf4j but no binding).
LOG_CP = ":".join("/usr/share/java/" + j for j in
                  ("zookeeper.jar", "zookeeper-jute.jar", "slf4j-log4j12.jar", "log4j-1.2.jar"))
SCENARIOS = ["creates-3", "creates-450", "creates-600", "creates-2500", "setdata-1500",
             "snapcount-400", "paused"]
CI = ["creates-600", "paused"]


class Ensemble(E.RealEnsemble):
    """RealEnsemble with server logs (INFO to a file per server), restarts and extra zoo.cfg."""

    def __init__(self, extra=""):
        E.CFG = "tickTime=2000\ninitLimit=10\nsyncLimit=5\n" + extra
        super().__init__()
        for i, p in list(self.procs.items()):
            p.kill()
            p.wait()
            self.launch(i)

    def launch(self, i):
        d = self.dir / f"s{i}"
        log = open(d / "server.log", "ab")
        self.procs[i] = subprocess.Popen(
            ["java", "-Xmx200m", "-Dzookeeper.root.logger=INFO,CONSOLE",
             "-cp", f"{C.ZK_CONF}:{LOG_CP}",
             "org.apache.zookeeper.server.quorum.QuorumPeerMain", str(d / "zoo.cfg")],
            stdout=log, stderr=subprocess.STDOUT)

    def log(self, i):
        return (self.dir / f"s{i}" / "server.log").read_text(errors="replace")

    def wait_mode(self, i, modes, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if E.srvr(self.client[i])[0] in modes:
                return
            time.sleep(0.05)  # polling srvr
        raise RuntimeError(f"server {i} not {modes}")


def real_kind(log, sid, after=0):
    """The sync kind the leader chose for `sid`, from its log after offset `after`."""
    text = log[after:]
    lines = [l for l in text.splitlines() if f"sid: {sid}" in l or f"sid:{sid}" in l
             or "Sending snapshot" in l]
    kind, txnlog = None, any("Use txnlog and committedLog" in l for l in lines)
    for l in lines:
        if "Sending snapshot" in l:
            kind = "SNAP"
        elif "Sending TRUNC" in l:
            kind = "TRUNC"
        elif "Sending DIFF" in l and kind is None:
            kind = "DIFF"
    return kind, txnlog


def ops(name):
    if name.startswith("creates-"):
        return [{"op": "create", "path": f"/n{k}", "data": "x"} for k in range(int(name[8:]))]
    if name == "setdata-1500":
        kb = "x" * 1024
        return [{"op": "create", "path": "/big", "data": "x"}] + \
               [{"op": "setData", "path": "/big", "data": kb, "version": -1} for _ in range(1500)]
    if name == "snapcount-400":
        return ops("creates-600")
    return []


def zs_op(o):
    if o["op"] == "create":
        return f"create c1 {o['path']} {o['data']}"
    return f"set c1 {o['path']} {o['data']}"


def zab_script(name, leader, down, client_on, extra):
    """A ZabScope script of the same run; the commands are spaced 5 ms apart."""
    lines = ["seed 1", "config", "tickTime=2000", "initLimit=10", "syncLimit=5"]
    lines += extra.splitlines() + [f"server.{j}=zk{j}:2888:3888" for j in (1, 2, 3)] + ["end"]
    t = 0
    late = [3] if leader == 2 else []
    for j in (1, 2, 3):
        if j not in late:
            lines.append(f"at 0 start {j}")
    for j in late:
        lines.append(f"at 2000 start {j}")
    t = 4000
    if name == "paused":
        followers = [j for j in (1, 2, 3) if j != leader]
        lines += [f"at {t} connect c1 {leader}"] + [f"at {t + 200} pause {j}" for j in followers]
        lines += [f"at {t + 300} create c1 /w x", f"at {t + 400} crash {leader}"]
        lines += [f"at {t + 500} resume {j}" for j in followers]
        lines += [f"at {t + 8000} restart {leader}", f"at {t + 12000} connect c2 {leader}",
                  f"at {t + 12200} get c2 /w", f"until {t + 13000}"]
        return "\n".join(lines) + "\n"
    lines += [f"at {t} connect c1 {client_on}", f"at {t + 200} crash {down}"]
    t += 300
    for o in ops(name):
        lines.append(f"at {t} {zs_op(o)}")
        t += 5
    lines += [f"at {t + 2000} restart {down}", f"until {t + 6000}"]
    return "\n".join(lines) + "\n"


def zab_run(script):
    path = C.OUT / "rejoin.zs"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(script)
    out = subprocess.run([C.zabscope_bin(), "run", str(path), "--json", "--narrate"],
                         capture_output=True, text=True, check=True).stdout
    syncs, narr = [], []
    for line in out.splitlines():
        e = json.loads(line)
        if e.get("kind") == "sync":
            syncs.append((e["at_ms"], e["text"]))
        n = e.get("narration")
        if n and n.get("key", "").startswith("sync.why"):
            narr.append(n["key"])
    return syncs, narr, out


def get_ok(out, path):
    """Did ZabScope's `get … PATH` find the node (the reply to its getData has err=0)?"""
    req = None
    for line in out.splitlines():
        t = json.loads(line).get("text", "")
        m = re.match(rf"client (0x[0-9a-f]+) cxid=(\d+) getData {re.escape(path)}$", t)
        if m:
            req = f"reply {m.group(1)} cxid={m.group(2)} "
        elif req and t.startswith(req):
            return t.endswith(" err=0")
    return False


def run(name, classes):
    extra = "snapCount=400\n" if name == "snapcount-400" else ""
    ens = Ensemble(extra)
    try:
        leader, _ = ens.wait_leader()
        followers = [j for j in ens.client if j != leader]
        down, client_on = followers[0], followers[1]
        result = {"scenario": name, "leader": leader}
        if name == "paused":
            for j in followers:
                ens.wait_mode(j, ("follower",))
            drv = C.Driver(classes, "ApiDriver",
                           type("S", (), {"host_port": f"127.0.0.1:{ens.client[leader]}"})())
            ask = lambda o: json.loads(drv.ask(json.dumps(o)))  # noqa: E731
            ask({"client": "w", "op": "connect"})
            for j in followers:
                ens.procs[j].send_signal(E.signal.SIGSTOP)
            # The create cannot commit (no quorum): send it without waiting for the answer.
            drv.proc.stdin.write(json.dumps({"client": "w", "op": "create", "path": "/w",
                                             "data": "x"}) + "\n")
            drv.proc.stdin.flush()
            time.sleep(0.5)  # let the leader log and send the PROPOSAL
            ens.procs[leader].kill()
            ens.procs[leader].wait()
            for j in followers:
                ens.procs[j].send_signal(E.signal.SIGCONT)
            new, _ = ens.wait_leader(exclude=(leader,))
            drv.proc.kill()
            mark = len(ens.log(new))
            ens.launch(leader)
            ens.wait_mode(leader, ("follower",))
            time.sleep(1)
            kind, txnlog = real_kind(ens.log(new), leader, mark)
            if kind is None:
                C.log("\n".join(l for l in ens.log(new)[mark:].splitlines()
                                 if "Learner" in l or "Sending" in l or "sid" in l))
            r = C.Driver(classes, "ApiDriver",
                         type("S", (), {"host_port": f"127.0.0.1:{ens.client[leader]}"})())
            ask = lambda o: json.loads(r.ask(json.dumps(o)))  # noqa: E731
            ask({"client": "r", "op": "connect"})
            survived = ask({"client": "r", "op": "exists", "path": "/w"}).get("stat") is not None
            r.stop()
            result.update(new_leader=new, sync=kind, write_survived=survived)
            down = leader
        else:
            drv = C.Driver(classes, "ApiDriver",
                           type("S", (), {"host_port": f"127.0.0.1:{ens.client[client_on]}"})())
            ask = lambda o: json.loads(drv.ask(json.dumps(o)))  # noqa: E731
            ask({"client": "w", "op": "connect"})
            ens.procs[down].kill()
            ens.procs[down].wait()
            for o in ops(name):
                ask({"client": "w", **o})
            drv.stop()
            mark = len(ens.log(leader))
            ens.launch(down)
            ens.wait_mode(down, ("follower",))
            time.sleep(1)
            kind, txnlog = real_kind(ens.log(leader), down, mark)
            result.update(sync=kind, txnlog=txnlog)
        syncs, narr, out = zab_run(zab_script(name, leader, down, client_on, extra))
        z = [t for _, t in syncs if t.startswith(f"sync {down} ")]
        zkind = z[-1].split()[2] if z else None
        zab = {"sync": zkind, "rule": narr[-1] if narr else None}
        if name == "paused":
            zab["write_survived"] = get_ok(out, "/w")
        else:
            zab["txnlog"] = zab["rule"] == "sync.why.from_txn_log"
        result["zabscope"] = zab
        same = zab["sync"] == result["sync"] and all(
            zab.get(k) == result.get(k) for k in ("txnlog", "write_survived") if k in result)
        result["agree"] = same
        return result
    finally:
        ens.stop()


def main(argv):
    names = argv[1:] or ["all"]
    if names == ["all"]:
        names = SCENARIOS
    elif names == ["ci"]:
        names = CI
    classes = C.compile_drivers()
    ok = True
    for name in names:
        r = run(name, classes)
        ok &= r["agree"]
        C.log(f"{name}: {'agree' if r['agree'] else 'DIFFER'} {json.dumps(r)}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
