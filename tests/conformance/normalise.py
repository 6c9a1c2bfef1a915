"""The conformance suite's normaliser (docs/conformance.md): what may differ between a real
ZooKeeper run and a ZabScope run of the same sequence, and nothing else, is rewritten.

api replies:
- zxids (czxid, mzxid, pzxid) relative to the base node's czxid (the sequence's 2nd reply):
  the real server has served earlier sequences, ZabScope starts at zxid 1;
- session ids (connect's session_id, a stat's ephemeralOwner) -> `CLIENT#N`, the N-th session
  of that client name in the sequence;
- ctime/mtime dropped (wall clock vs simulated time); `rc` dropped (the Java driver prints
  the enum name NONODE, the api NoNode: the numeric `code` is compared);
- multi create results lose their stat (the Java client's Op.create result carries none);
- state events (type None) dropped; events keyed by client name, each client's in order.

zkCli output: per command, output lines in order and watch events as their own list (the
real zkCli prints events from its event thread); blank and WATCHER:: lines, state events
(type None) and dates dropped; cZxid/mZxid/pZxid relative to the base's cZxid (the script's
2nd command is `stat BASE`); ephemeralOwner masked; `deleteall`'s "Failed to delete some
node(s) in the subtree!" dropped: 3.8.0's `ZKUtil.deleteInBatch` callback releases its
semaphore before it records the failure, so the real zkCli prints that line only when its
event thread wins the race with the main thread (the tree left behind is compared by the
commands that follow).

`mutate_api` / `mutate_zkcli` corrupt one compared field of the ZabScope side (the
suite's self-test: the comparison must catch it).
"""

import copy
import re

ZXID_KEYS = ("czxid", "mzxid", "pzxid")


def _stat(s, base, sessions):
    s = dict(s)
    for k in ZXID_KEYS:
        s[k] = s[k] - base
    s.pop("ctime", None)
    s.pop("mtime", None)
    owner = s.get("ephemeralOwner", 0)
    if owner:
        s["ephemeralOwner"] = sessions.get(owner, f"?{owner:x}")
    return s


def api(replies):
    sessions, counts, out = {}, {}, []
    base = 0
    for i, r in enumerate(replies):
        r = copy.deepcopy(r)
        if r.get("op") == "connect" and "session_id" in r:
            name = r.get("client", "?")
            counts[name] = counts.get(name, 0) + 1
            sessions[r["session_id"]] = f"{name}#{counts[name]}"
        if i == 1 and "stat" in r:
            base = r["stat"]["czxid"]
        out.append(r)
    norm = []
    for r in out:
        r.pop("rc", None)
        if "session_id" in r:
            r["session_id"] = sessions.get(r["session_id"], "?")
        if "stat" in r:
            r["stat"] = _stat(r["stat"], base, sessions)
        for res in r.get("results", []):
            res.pop("rc", None)
            if "path" in res:
                res.pop("stat", None)
            elif "stat" in res:
                res["stat"] = _stat(res["stat"], base, sessions)
        ev = {}
        for name, evs in sorted(r.get("events", {}).items()):
            kept = [{"type": e["type"], "path": e.get("path")} for e in evs if e.get("type") != "None"]
            if kept:
                ev[name] = kept
        r["events"] = ev
        norm.append(r)
    return norm


def mutate_api(replies, rng):
    """Corrupts one field the comparison looks at, in a reply chosen by `rng`."""
    candidates = []
    for i, r in enumerate(replies):
        if i < 2:
            continue
        if "stat" in r:
            candidates.append((i, "stat"))
        if len(r.get("children", [])) >= 2:
            candidates.append((i, "children"))
        candidates.append((i, "code"))
    i, field = rng.choice(candidates)
    r = replies[i]
    if field == "stat":
        key = rng.choice(["version", "cversion", "aversion", "numChildren", "dataLength", "mzxid", "pzxid"])
        r["stat"][key] += 1
    elif field == "children":
        r["children"] = list(reversed(r["children"]))
    else:
        r["code"] = -999


DELETEALL_RACE = "Failed to delete some node(s) in the subtree!"
ZXID_LINE = re.compile(r"^(cZxid|mZxid|pZxid) = 0x([0-9a-f]+)$")
EVENT = re.compile(r"^(\[[^\]]+\] )?WatchedEvent state:(\S+) type:(\S+) path:(.*)$")


def zkcli(outputs):
    """Per command: {"out": [lines], "events": [lines]}."""
    base = 0
    if len(outputs) > 1:
        for l in outputs[1].splitlines():
            m = ZXID_LINE.match(l.strip())
            if m and m.group(1) == "cZxid":
                base = int(m.group(2), 16)
    norm = []
    for text in outputs:
        lines, events = [], []
        for l in text.splitlines():
            s = l.rstrip()
            if not s.strip() or s.endswith("WATCHER::") or s == DELETEALL_RACE:
                continue
            m = EVENT.match(s)
            if m:
                if m.group(3) != "None":
                    events.append(s)
                continue
            z = ZXID_LINE.match(s)
            if z:
                s = f"{z.group(1)} = +{int(z.group(2), 16) - base}"
            elif s.startswith(("ctime = ", "mtime = ")):
                s = s[:8] + "<date>"
            elif s.startswith("ephemeralOwner = 0x") and s != "ephemeralOwner = 0x0":
                s = "ephemeralOwner = <session>"
            lines.append(s)
        # Events of different clients come from different threads in the real zkCli: keep
        # each client's order, compare across clients as sorted by client.
        events.sort(key=lambda e: e.split("WatchedEvent")[0])
        norm.append({"out": lines, "events": events})
    return norm


def mutate_zkcli(outputs, rng):
    """Corrupts one command's output: a changed digit, or a dropped line."""
    idx = [i for i, t in enumerate(outputs) if i >= 2 and t.strip()]
    i = rng.choice(idx)
    t = outputs[i]
    digits = [k for k, ch in enumerate(t) if ch.isdigit()]
    if digits and rng.random() < 0.5:
        k = rng.choice(digits)
        outputs[i] = t[:k] + str((int(t[k]) + 1) % 10) + t[k + 1:]
    else:
        lines = [l for l in t.splitlines() if l.strip() and "WATCHER::" not in l]
        drop = rng.choice(lines)
        outputs[i] = t.replace(drop, "", 1)
