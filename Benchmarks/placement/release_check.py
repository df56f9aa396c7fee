#!/usr/bin/env python3
"""Release CPU per platform, and the same placement as the debug harness (issue 18).

    python3 Benchmarks/placement/release_check.py RELEASE.json DEBUG.swift.json [RELEASE.json DEBUG.swift.json ...]

RELEASE.json: release/main.swift's output (release/build.sh builds it); DEBUG.swift.json: the
PlacementReferenceHarness's (or merge.py's) output for the same problems. Prints, per set, the
release CPU per platform (median, p90, max, total) and the problems whose placement differs.
"""
import json, sys


def quantile(xs, q):
    return xs[min(len(xs) - 1, int(q * len(xs)))]


def main():
    args = sys.argv[1:]
    for rel_path, deb_path in zip(args[::2], args[1::2]):
        rel = {r["name"]: r for r in json.load(open(rel_path))}
        deb = {r["name"]: r["ours"] for r in json.load(open(deb_path))}
        differ = [n for n, r in rel.items() if n in deb and (
            any(r[k] != deb[n][k] for k in ["cost", "bound", "proved", "assignments"])
            or r["unplaced"] != [u["demand"] for u in deb[n]["unplaced"]])]
        cpu = sorted(r["cpuMs"] for r in rel.values())
        slowest = max(rel.values(), key=lambda r: r["cpuMs"])
        debug_cpu = sorted(deb[n]["cpuMs"] for n in rel if n in deb and deb[n].get("cpuMs") is not None)
        name = rel_path.split("/")[-1].split(".")[0]
        print(f"- {name}: {len(rel)} platforms, release CPU ms median {quantile(cpu, .5):.1f}, p90 {quantile(cpu, .9):.1f}, "
              f"max {cpu[-1]:.1f} ({slowest['name']}), total {sum(cpu) / 1000:.1f} s; "
              f"under 1 s {sum(c < 1000 for c in cpu)}/{len(cpu)}; "
              f"same placement as debug {sum(1 for n in rel if n in deb) - len(differ)}/{sum(1 for n in rel if n in deb)}"
              + (f", different: {differ}" if differ else "")
              + (f"; debug CPU of the same solves total {sum(debug_cpu) / 1000:.1f} s ({len(debug_cpu)} with cpuMs)" if debug_cpu else ""))


if __name__ == "__main__":
    main()
