#!/usr/bin/env python3
"""Markdown rows of RESULTS.md from compare.py's data: tables.py ROWS.json [ROWS.json ...]
(with several files, also one table over all of them)

Each ROWS.json is `.build/placement-compare/<family>-<count>-<seed>.json.rows.json`, written by
compare.py. Prints, per set, the table rows (before, ours, FFD) and the distribution of the true gap
(cost above the optimum, problems with the optimum's drops) and of the claimed gap (1 - bound/cost).
"""
import json, statistics, sys

BUCKETS = [(0, 0, "0"), (0, 1, "(0, 1]"), (1, 2, "(1, 2]"), (2, 5, "(2, 5]"), (5, 10, "(5, 10]"), (10, 1e9, "> 10")]


def histogram(xs):
    out = []
    for lo, hi, label in BUCKETS:
        n = sum(1 for x in xs if (x == 0 if hi == 0 else lo < x <= hi))
        out.append(f"{label}: {n}")
    return ", ".join(out)


def quantile(xs, q):
    return xs[min(len(xs) - 1, int(q * len(xs)))]


def pct(v):
    return f"{v:.2f} %"


def main():
    sets = [(path.split("/")[-1].split(".json")[0], json.load(open(path))) for path in sys.argv[1:]]
    for name, rows in sets:
        table(name, name.split("-")[0], rows)
    # Several sets: one more table over their union.
    if len(sets) > 1:
        table("all", "all", [r for _, rows in sets for r in rows])


def table(name, family, rows):
    nodes = [r["nodes"] for r in rows]
    refproved = sum(1 for r in rows if r["ref"]["proved"])
    label = f"{family}, {len(rows)}, {min(nodes)}–{max(nodes)} nodes (CP-SAT proved {refproved})"
    same_all = {}
    for who in ["before", "ours", "ffd"]:
        invalid = sum(1 for r in rows if r[who]["invalid"])
        false_err = sum(1 for r in rows if r["ref"]["proved"] and sum(r["ref"]["drops"]) == 0 and sum(r[who]["drops"]) > 0)
        more = sum(1 for r in rows if r[who]["drops"] > r["best"]["drops"])
        same = [r for r in rows if r["best"]["cost"] and r[who]["drops"] == r["best"]["drops"]]
        gaps = [100 * (r[who]["cost"] - r["best"]["cost"]) / r["best"]["cost"] for r in same]
        cost = f"{pct(statistics.mean(gaps) if gaps else 0)} / {pct(max(gaps) if gaps else 0)}"
        if who == "ffd":
            print(f"| | FFD | {invalid} | {false_err} | {more} | {cost} | – | – | – | – |")
            continue
        proved = sum(1 for r in rows if r[who]["proved"])
        claimed = [100 * r[who]["gap"] for r in rows]
        tight = sum(1 for r in same if 100 * (r["best"]["cost"] - r[who]["bound"]) / r["best"]["cost"] <= 2)
        above = sum(1 for r in same if r[who]["bound"] > r["best"]["cost"])
        claimed_p90 = sorted(claimed)[min(len(claimed) - 1, int(0.9 * len(claimed)))]
        print(f"| {label if who == 'before' else ''} | {who} | {invalid} | {false_err} | {more} | {cost} | {proved}/{len(rows)} | "
              f"{pct(claimed_p90)} / {pct(max(claimed))} | {tight}/{len(same)} | {above} |")
        same_all[who] = (gaps, claimed)
    det = sum(r["det"] for r in rows)
    for who, (gaps, claimed) in same_all.items():
        print(f"- {name} {who}: true gap % {histogram(gaps)}; claimed gap % {histogram(claimed)}; deterministic {det}/{len(rows)}")
    # The solver's thread CPU per platform (harness field cpuMs; absent in runs before session 8).
    for who in ["before", "ours", "ffd"]:
        cpu = sorted(r[who]["cpuMs"] for r in rows if r[who].get("cpuMs") is not None)
        if cpu:
            slowest = max(rows, key=lambda r: r[who].get("cpuMs") or 0)
            print(f"- {name} {who}: CPU ms per platform median {quantile(cpu, .5):.1f}, p90 {quantile(cpu, .9):.1f}, "
                  f"max {cpu[-1]:.1f} ({slowest['name']}, {slowest['nodes']} nodes); total {sum(cpu) / 1000:.1f} s")


if __name__ == "__main__":
    main()
