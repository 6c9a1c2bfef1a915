#!/usr/bin/env python3
"""Side-by-side check of `zabscope zkcli` against a real ZooKeeper 3.8.0 zkCli (manual tool,
not run in CI: it needs Debian's `zookeeper` package and starts a server on 127.0.0.1).

usage: compare-real-zkcli.py SCENARIO.zk ZABSCOPE_BIN OUT_DIR

Lines `@sleep MS` pause the real client and become `run MS` for ZabScope. The real server
runs standalone with tickTime 2000, extendedTypesEnabled, superDigest super:admin and a
1 s container check. Both outputs are normalised (dates, session ids) and split into the
command output stream and the watch-event stream (the real zkCli prints events from another
thread, so their position relative to command output is racy); each is diffed.
"""
import os, re, shutil, signal, socket, subprocess, sys, tempfile, time

ZK = "/usr/share/zookeeper/bin/zkCli.sh"
CP = "/etc/zookeeper/conf:/usr/share/java/zookeeper.jar"
PORT = 21811
SUPER = "super:xQJmxLMiHGwaqBvst5y6rkB6HQs="


def start_server(tmp):
    data = os.path.join(tmp, "data")
    os.makedirs(data)
    cfg = os.path.join(tmp, "zoo.cfg")
    with open(cfg, "w") as f:
        f.write(f"tickTime=2000\ndataDir={data}\nclientPort={PORT}\nclientPortAddress=127.0.0.1\n"
                "4lw.commands.whitelist=*\nadmin.enableServer=false\n")
    args = ["java", "-Dzookeeper.extendedTypesEnabled=true",
            f"-Dzookeeper.DigestAuthenticationProvider.superDigest={SUPER}",
            "-Dznode.container.checkIntervalMs=1000", "-Dzookeeper.admin.enableServer=false",
            "-cp", CP, "org.apache.zookeeper.server.ZooKeeperServerMain", cfg]
    p = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", PORT), timeout=0.2) as s:
                s.sendall(b"ruok")
                if s.recv(4) == b"imok":
                    return p
        except OSError:
            pass
        time.sleep(0.1)
    raise SystemExit("real server did not start")


def run_real(lines):
    p = subprocess.Popen([ZK, "-server", f"127.0.0.1:{PORT}"], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    time.sleep(1.5)
    for l in lines:
        if l.startswith("@sleep"):
            time.sleep(int(l.split()[1]) / 1000)
            continue
        p.stdin.write(l + "\n")
        p.stdin.flush()
        time.sleep(0.25)
    time.sleep(1)
    p.stdin.close()
    out = p.stdout.read()
    p.wait(timeout=30)
    return out


def run_ours(lines, binary):
    script = "\n".join("run " + l.split()[1] if l.startswith("@sleep") else l for l in lines) + "\n"
    return subprocess.run([binary, "zkcli", "--extended-types", "--super-digest", SUPER,
                           "--container-check-ms", "1000"], input=script, capture_output=True,
                          text=True).stdout


def normalise(text):
    out, events, skip = [], [], False
    for l in text.splitlines():
        if l.startswith(("Connecting to", "Welcome to ZooKeeper", "JLine support", "SLF4J")):
            continue
        if re.match(r"^\s+at |^\s*$", l) or l == "WATCHER::":
            continue
        l = re.sub(r"(ctime|mtime) = .*", r"\1 = <date>", l)
        l = re.sub(r"ephemeralOwner = 0x[0-9a-f]{6,}", "ephemeralOwner = <session>", l)
        (events if l.startswith("WatchedEvent") else out).append(l)
    return out, events


def main():
    scenario, binary, outdir = sys.argv[1:4]
    lines = [l.rstrip("\n") for l in open(scenario) if l.strip()]
    tmp = tempfile.mkdtemp()
    server = start_server(tmp)
    try:
        real = run_real(lines)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait()
        shutil.rmtree(tmp)
    ours = run_ours(lines, binary)
    os.makedirs(outdir, exist_ok=True)
    for name, text in (("real", real), ("zabscope", ours)):
        o, e = normalise(text)
        with open(os.path.join(outdir, f"{name}.out"), "w") as f:
            f.write("\n".join(o) + "\n")
        with open(os.path.join(outdir, f"{name}.events"), "w") as f:
            f.write("\n".join(e) + "\n")
    for kind in ("out", "events"):
        subprocess.run(["diff", "-u", os.path.join(outdir, f"real.{kind}"),
                        os.path.join(outdir, f"zabscope.{kind}")])


main()
