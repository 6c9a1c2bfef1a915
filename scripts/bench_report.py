#!/usr/bin/env python3
"""The report half of scripts/bench.sh: reads the JSON lines of `zabscope bench` (native) and
scripts/bench-wasm.mjs (wasm), prints them side by side with the wasm/native ratio, rewrites
the table in docs/figures.md ("Simulation speed") between `<!-- bench:begin -->` and
`<!-- bench:end -->`, and draws docs/bench.svg (µs per committed write against ensemble size). Python standard library only.

Usage: bench_report.py NATIVE.jsonl WASM.jsonl docs/figures.md docs/bench.svg NOTE
"""
import json
import math
import sys

MODES = [("trace-off", "trace off"), ("browser", "browser settings")]


def load(path):
    rows = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line.startswith("{"):
                r = json.loads(line)
                if "servers" in r:
                    rows[(r["mode"], r["servers"])] = r
    return rows


def m(x):
    """deliveries/s etc. as 1.23 M or 456 k."""
    if x >= 1e6:
        return f"{x / 1e6:.2f} M"
    return f"{x / 1e3:.0f} k" if x >= 1e4 else f"{x / 1e3:.1f} k"


def table(native, wasm, steps):
    out = [
        "| servers | mode | deliveries/s native | deliveries/s wasm (wasm ÷ native) "
        "| committed writes/s native | messages per write | µs per write native / wasm "
        "| µs per delivery native / wasm | command |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for mode, label in MODES:
        for n in sorted({s for (md, s) in native if md == mode}):
            a = native[(mode, n)]
            b = wasm.get((mode, n))
            ratio = f" ({b['deliveriesPerSec'] / a['deliveriesPerSec']:.2f})" if b else ""
            wd = m(b["deliveriesPerSec"]) + ratio if b else "—"
            ww = f"{b['usPerWrite']:.1f}" if b else "—"
            wdl = f"{b['usPerDelivery']:.2f}" if b else "—"
            held = "" if a["failed"] is None and (b is None or b.get("failed") is None) else " ⚠"
            out.append(
                f"| {n} | {label} | {m(a['deliveriesPerSec'])}{held} | {wd} "
                f"| {m(a['writesPerSec'])} | {a['messagesPerWrite']:.1f} "
                f"| {a['usPerWrite']:.1f} / {ww} | {a['usPerDelivery']:.2f} / {wdl} "
                f"| `zabscope bench --servers {n} --mode {mode} --steps {steps}`; "
                f"`zabscope.bench({{servers: {n}, mode: '{mode}', steps: {steps}}})` |"
            )
    return "\n".join(out)


def svg(native, wasm):
    """µs per committed write (log scale) against servers (linear), one line per series."""
    W, H, L, R, T, B = 720, 400, 64, 210, 36, 48
    series = [
        ("native, trace off", native, "trace-off", "#1f77b4", ""),
        ("native, browser settings", native, "browser", "#d62728", ""),
        ("wasm, trace off", wasm, "trace-off", "#1f77b4", "6,4"),
        ("wasm, browser settings", wasm, "browser", "#d62728", "6,4"),
    ]
    pts = [r["usPerWrite"] for _, rows, _, _, _ in series for r in rows.values() if r["usPerWrite"] > 0]
    sizes = sorted({n for (_, n) in native})
    if not pts or not sizes:
        return "<svg xmlns='http://www.w3.org/2000/svg'/>"
    lo = 10 ** math.floor(math.log10(min(pts)))
    hi = 10 ** math.ceil(math.log10(max(pts)))
    x0, x1 = min(sizes), max(sizes)

    def x(n):
        return L + (n - x0) / max(1, x1 - x0) * (W - L - R)

    def y(v):
        return T + (math.log10(hi) - math.log10(v)) / (math.log10(hi) - math.log10(lo)) * (H - T - B)

    o = [
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{W}' height='{H}' "
        f"viewBox='0 0 {W} {H}' font-family='sans-serif' font-size='12'>",
        f"<rect width='{W}' height='{H}' fill='white'/>",
        f"<text x='{L}' y='20' font-size='14'>µs per committed write against ensemble size "
        f"(log scale; one client per server)</text>",
    ]
    d = lo
    while d <= hi * 1.0001:
        for k in (1, 2, 5):
            v = d * k
            if lo <= v <= hi:
                o.append(f"<line x1='{L}' x2='{W - R}' y1='{y(v):.1f}' y2='{y(v):.1f}' stroke='#ddd'/>")
                o.append(f"<text x='{L - 6}' y='{y(v) + 4:.1f}' text-anchor='end'>{v:g}</text>")
        d *= 10
    for n in sizes:
        o.append(f"<line x1='{x(n):.1f}' x2='{x(n):.1f}' y1='{T}' y2='{H - B}' stroke='#eee'/>")
        o.append(f"<text x='{x(n):.1f}' y='{H - B + 16}' text-anchor='middle'>{n}</text>")
    o.append(f"<text x='{(L + W - R) / 2:.0f}' y='{H - 10}' text-anchor='middle'>servers</text>")
    o.append(f"<rect x='{L}' y='{T}' width='{W - L - R}' height='{H - T - B}' fill='none' stroke='#888'/>")
    for i, (label, rows, mode, colour, dash) in enumerate(series):
        p = [(n, rows[(mode, n)]["usPerWrite"]) for n in sizes if (mode, n) in rows]
        if not p:
            continue
        path = " ".join(f"{x(n):.1f},{y(v):.1f}" for n, v in p)
        o.append(
            f"<polyline points='{path}' fill='none' stroke='{colour}' stroke-width='2' "
            f"stroke-dasharray='{dash}'/>"
        )
        for n, v in p:
            o.append(f"<circle cx='{x(n):.1f}' cy='{y(v):.1f}' r='3' fill='{colour}'/>")
        ly = T + 10 + i * 20
        o.append(
            f"<line x1='{W - R + 10}' x2='{W - R + 34}' y1='{ly}' y2='{ly}' stroke='{colour}' "
            f"stroke-width='2' stroke-dasharray='{dash}'/>"
        )
        o.append(f"<text x='{W - R + 38}' y='{ly + 4}'>{label}</text>")
    o.append("</svg>")
    return "\n".join(o) + "\n"


def main():
    native_path, wasm_path, figures, svg_path, note = sys.argv[1:6]
    native, wasm = load(native_path), load(wasm_path)
    steps = next(iter(native.values()))["steps"] if native else 0
    print(f"{'servers':>7} {'mode':>9} {'native deliv/s':>15} {'wasm deliv/s':>13} {'ratio':>6} "
          f"{'µs/write native':>16} {'wasm':>8}")
    for (mode, n), a in sorted(native.items(), key=lambda kv: (kv[0][0] != "trace-off", kv[0][1])):
        b = wasm.get((mode, n))
        print(f"{n:>7} {mode:>9} {a['deliveriesPerSec']:>15.0f} "
              f"{(b['deliveriesPerSec'] if b else 0):>13.0f} "
              f"{(b['deliveriesPerSec'] / a['deliveriesPerSec'] if b else 0):>6.2f} "
              f"{a['usPerWrite']:>16.1f} {(b['usPerWrite'] if b else 0):>8.1f}")
    body = "\n".join([
        "<!-- bench:begin -->",
        note,
        "",
        table(native, wasm, steps),
        "",
        "![µs per committed write against ensemble size, native and wasm, trace off and the "
        "browser's settings](bench.svg)",
        "<!-- bench:end -->",
    ])
    with open(figures, encoding="utf-8") as f:
        text = f.read()
    begin, end = text.find("<!-- bench:begin -->"), text.find("<!-- bench:end -->")
    if begin < 0 or end < 0:
        sys.exit("bench_report.py: no <!-- bench:begin --> … <!-- bench:end --> in " + figures)
    text = text[:begin] + body + text[end + len("<!-- bench:end -->"):]
    with open(figures, "w", encoding="utf-8") as f:
        f.write(text)
    with open(svg_path, "w", encoding="utf-8") as f:
        f.write(svg(native, wasm))


if __name__ == "__main__":
    main()
