#!/usr/bin/env python3
"""One line per measure.py run: ms after the fault (min-max over the surviving servers).

usage: summarize.py OUT_DIR...
"""
import glob, re, sys

COLS = [("timeout/reset", "exception/timeout"), ("LOOKING", "Peer state changed: looking"),
        ("FLE done", "FLE done"), ("NEWLEADER quorum", "Have quorum"),
        ("leader broadcast", "leading - broadcast"), ("client disconnected", "probe  STATE Disconnected"),
        ("client reconnects", "Opening socket"), ("write OK", "probe  WRITE_OK")]

for d in sys.argv[1:]:
    for f in sorted(glob.glob(f"{d}/*.txt")):
        lines = open(f).read().splitlines()
        ev = [(int(l.split()[0]), l) for l in lines[1:] if l.split() and l.split()[0].lstrip("+-").isdigit()]
        ev = [(t, l) for t, l in ev if t >= 0]
        took = re.findall(r"TOOK - (\d+)", "\n".join(l for _, l in ev))
        out = []
        for name, pat in COLS:
            ts = [t for t, l in ev if re.search(pat, l)]
            out.append(f"{name} {min(ts)}-{max(ts)}" if ts else f"{name} -")
        print(f"{f}: " + "; ".join(out) + f"; ELECTION TOOK {','.join(took)} ms")
