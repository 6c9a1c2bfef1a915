#!/usr/bin/env python3
"""Measure real ZooKeeper 3.8.0 fail-over timing on 127.0.0.1 (manual tool, not run in CI).

usage: measure.py kill|stop|stop-idle N_SERVERS OUT_DIR [RUNS]

Starts an N-server ensemble (tickTime=2000, initLimit=10, syncLimit=5, ports 2400+i/2500+i/
2600+i), connects TimingProbe (a tight setData loop) to one follower, then
  kill:      SIGKILL the leader while the client is writing;
  stop:      SIGSTOP the leader while the client is writing (last COMMIT just before the stop);
  stop-idle: pause the client's writes 3 s, SIGSTOP the leader, resume writing at once.
and prints a timeline in ms after the fault from the server logs and the client's output.
"""
import os, re, shutil, signal, socket, subprocess, sys, tempfile, time, datetime

HERE = os.path.dirname(os.path.abspath(__file__))
CP = ":".join("/usr/share/java/" + j for j in
              ["zookeeper.jar", "zookeeper-jute.jar", "slf4j-log4j12.jar", "log4j-1.2.jar"])


def four(port, cmd):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as s:
            s.sendall(cmd.encode())
            out = b""
            while True:
                b = s.recv(4096)
                if not b:
                    return out.decode()
                out += b
    except OSError:
        return ""


def start(n, tmp):
    procs = {}
    for i in range(1, n + 1):
        d = os.path.join(tmp, f"s{i}")
        os.makedirs(d)
        open(os.path.join(d, "myid"), "w").write(f"{i}\n")
        cfg = os.path.join(d, "zoo.cfg")
        with open(cfg, "w") as f:
            f.write(f"tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir={d}\nclientPort={2400+i}\n"
                    "clientPortAddress=127.0.0.1\n4lw.commands.whitelist=*\nadmin.enableServer=false\n")
            for j in range(1, n + 1):
                f.write(f"server.{j}=127.0.0.1:{2500+j}:{2600+j}\n")
        args = ["java", "-Xmx256m", "-Duser.timezone=UTC", f"-Dlog4j.configuration=file:{HERE}/log4j.properties",
                f"-Dzabscope.log={d}/server.log", "-Dzookeeper.admin.enableServer=false",
                "-cp", CP, "org.apache.zookeeper.server.quorum.QuorumPeerMain", cfg]
        procs[i] = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return procs


def modes(n):
    out = {}
    for i in range(1, n + 1):
        m = re.search(r"Mode: (\w+)", four(2400 + i, "srvr"))
        out[i] = m.group(1) if m else None
    return out


def ts(line):
    m = re.match(r"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d),(\d{3})", line)
    if not m:
        return None
    dt = datetime.datetime.strptime(m.group(1), "%Y-%m-%d %H:%M:%S").replace(tzinfo=datetime.timezone.utc)
    return int(dt.timestamp()) * 1000 + int(m.group(2))


PATTERNS = [
    ("exception/timeout", r"Exception when following the leader|SocketTimeoutException|Read timed out"),
    ("LOOKING", r"Peer state changed: looking|LOOKING$"),
    ("FLE done", r"LEADER ELECTION TOOK"),
    ("connect leader", r"Successfully connected to leader|connectToLeader|Connected to leader"),
    ("snapshot", r"Snapshotting: |Snapshot taken"),
    ("sync", r"Getting a (diff|snapshot)|Synchronizing with Leader|Sending (DIFF|SNAP|TRUNC)|Follower sid"),
    ("epoch", r"epoch set to|waitForEpochAck|Have quorum of supporters"),
    ("serving", r"Peer state changed: (leading|following) - broadcast|Created server with tickTime"),
    ("client", r"Accepted socket connection|Established session|not running|Refusing session"),
]


def main():
    mode, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    os.makedirs(out, exist_ok=True)
    for run in range(runs):
        tmp = tempfile.mkdtemp(prefix="zkt")
        procs = start(n, tmp)
        try:
            for _ in range(300):
                m = modes(n)
                if list(m.values()).count("leader") == 1 and all(m.values()):
                    break
                time.sleep(0.1)
            leader = [i for i, v in m.items() if v == "leader"][0]
            follower = [i for i in range(1, n + 1) if i != leader][0]
            cl = subprocess.Popen(["java", "-Duser.timezone=UTC", f"-Dlog4j.configuration=file:{HERE}/log4j.properties",
                                   f"-Dzabscope.log={tmp}/client.log", "-cp", CP + ":" + HERE + "/classes",
                                   "TimingProbe", f"127.0.0.1:{2400+follower}", "30000"],
                                  stdin=subprocess.PIPE, stdout=open(f"{tmp}/client.out", "w"), text=True)
            while "READY" not in open(f"{tmp}/client.out").read():
                time.sleep(0.05)
            time.sleep(2)
            if mode == "stop-idle":
                cl.stdin.write("pause\n"); cl.stdin.flush()
                time.sleep(3)
            t0 = int(time.time() * 1000)
            os.kill(procs[leader].pid, signal.SIGKILL if mode == "kill" else signal.SIGSTOP)
            if mode == "stop-idle":
                cl.stdin.write("go\n"); cl.stdin.flush()
            time.sleep(6 if mode == "kill" else 16)
            report(out, run, mode, n, tmp, t0, leader, follower)
            cl.kill()
        finally:
            for p in procs.values():
                try:
                    os.kill(p.pid, signal.SIGCONT)
                except OSError:
                    pass
                p.kill()
                p.wait()
        shutil.copytree(tmp, os.path.join(out, f"{mode}-{run}"), dirs_exist_ok=True)
        shutil.rmtree(tmp)


def report(out, run, mode, n, tmp, t0, leader, follower):
    lines = [f"# {mode} run {run}: {n} servers, leader {leader}, client on {follower}, t0={t0}"]
    for i in range(1, n + 1):
        if i == leader and mode == "kill":
            continue
        for l in open(f"{tmp}/s{i}/server.log", errors="replace"):
            t = ts(l)
            if t is None or t < t0 - 11000:
                continue
            for name, pat in PATTERNS:
                if re.search(pat, l):
                    lines.append(f"{t - t0:+7d} ms  s{i} {name:18} {l.strip()[24:200]}")
                    break
    for l in open(f"{tmp}/client.log", errors="replace"):
        t = ts(l)
        if t and t >= t0 - 200 and re.search(r"Opening socket|Socket connection established|Session establishment|Unable to read|Unable to reconnect|closing socket|EndOfStream|timed out", l):
            lines.append(f"{t - t0:+7d} ms  client {l.strip()[24:200]}")
    for l in open(f"{tmp}/client.out"):
        p = l.split(" ", 1)
        if p[0].isdigit() and int(p[0]) >= t0 - 200:
            lines.append(f"{int(p[0]) - t0:+7d} ms  probe  {p[1].strip()}")
    lines.sort(key=lambda s: int(s.split()[0]) if s[0] != "#" else -10**9)
    text = "\n".join(lines) + "\n"
    print(text)
    open(os.path.join(out, f"{mode}-{run}.txt"), "w").write(text)


if __name__ == "__main__":
    main()
