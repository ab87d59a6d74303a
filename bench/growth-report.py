#!/usr/bin/env python3
"""The growth curve's Markdown table, from the JSON lines bench/GrowthCurve wrote (bench/run.sh calls it).

   bench/growth-report.py results.jsonl [load-average-text]

For each engine and row: p95 at each catalogue size (p50/p99 beside it), the factor per ten-fold
growth between consecutive sizes, and beside the portal's time the floor (the bare SQL it ran,
timed again on a plain connection) with the ratio portal/floor at p95. Throughput rows (entries/s)
show their value; their factor is the ratio of throughputs (below 1 is slower).
"""
import json
import sys
from collections import OrderedDict

rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
load = sys.argv[2] if len(sys.argv) > 2 else ""
sizes = sorted({r["entries"] for r in rows})
engines = list(OrderedDict.fromkeys(r["engine"] for r in rows))


def fmt_ms(value):
    return "–" if value is None else (f"{value:.1f}" if value < 100 else f"{value:.0f}")


def fmt_size(n):
    return f"{n:,}"


out = []
out.append(f"Growth curve: {', '.join(engines)} at {', '.join(fmt_size(s) for s in sizes)} visible entries; "
           f"each query asked once (no cache answers), one after another; times in ms; {load}")
out.append("")
header = "| engine | row | via | " + " | ".join(f"{fmt_size(s)}: p50 / **p95** / p99 (floor p95, ×floor)" for s in sizes)
header += " | " + " | ".join(f"×/10× {fmt_size(a)}→{fmt_size(b)}" for a, b in zip(sizes, sizes[1:])) + " |"
out.append(header)
out.append("|" + "---|" * (3 + len(sizes) + max(0, len(sizes) - 1)))
keys = list(OrderedDict.fromkeys((r["engine"], r["row"], r["via"]) for r in rows))
for engine, row, via in keys:
    by_size = {r["entries"]: r for r in rows if (r["engine"], r["row"], r["via"]) == (engine, row, via)}
    cells = []
    for s in sizes:
        r = by_size.get(s)
        if r is None:
            cells.append("")
        elif "value" in r:
            cells.append(f"**{r['value']:,.0f}** entries/s")
        else:
            cell = f"{fmt_ms(r['p50'])} / **{fmt_ms(r['p95'])}** / {fmt_ms(r['p99'])}"
            if r.get("floorP95"):
                cell += f" ({fmt_ms(r['floorP95'])}, {r['p95'] / r['floorP95']:.1f}×)"
            cells.append(cell)
    factors = []
    for a, b in zip(sizes, sizes[1:]):
        ra, rb = by_size.get(a), by_size.get(b)
        if ra is None or rb is None:
            factors.append("")
            continue
        # Sizes are nominal tens of thousands plus the 70 entries of content/ when imported: per ten-fold.
        span = (rb["entries"] / ra["entries"])
        key = "value" if "value" in ra else "p95"
        factor = (rb[key] / ra[key]) ** (1 / max(1e-9, __import__("math").log10(span))) if ra[key] else float("nan")
        factors.append(f"{factor:.2f}")
    out.append(f"| {engine} | {row} | {via} | " + " | ".join(cells) + " | " + " | ".join(factors) + " |")
out.append("")
out.append("×/10×: how much the p95 (or the throughput) changes per ten-fold growth of the catalogue; "
           "1.0 is flat, 10 is linear. floor: the SQL the portal ran for the same query, run again on a "
           "plain ADO.NET connection (HTTP rows show the floor of the same queries in-process). "
           "CPU time rows: the benchmark process's CPU time per query, which the shared cores' load does not "
           "inflate; on SQLite the engine runs in that process, on PostgreSQL the server's CPU is not in it.")
print("\n".join(out))
