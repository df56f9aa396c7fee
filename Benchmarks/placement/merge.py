#!/usr/bin/env python3
"""Merges PlacementReferenceHarness outputs of one problem set run in parts, by problem name.

    python3 Benchmarks/placement/merge.py OUT.swift.json IN.swift.json [IN.swift.json ...]

Several harness processes can work on one set (e.g. one from each end: a reversed copy of the
problem file), each writing its own `.swift.json`; the first file that has a problem wins. Prints,
for problems present in more than one file, whether their placements agree (the solver is
deterministic, so a debug and a release build must give the same answers).
"""
import json, sys

KEYS = ["cost", "bound", "proved", "unplaced", "assignments"]


def main():
    merged, disagree, both = {}, [], 0
    for path in sys.argv[2:]:
        for r in json.load(open(path)):
            old = merged.get(r["name"])
            if old is None:
                merged[r["name"]] = r
                continue
            both += 1
            if any(old[w][k] != r[w][k] for w in ["ours", "before", "ffd"] for k in KEYS):
                disagree.append(r["name"])
    json.dump(sorted(merged.values(), key=lambda r: r["name"]), open(sys.argv[1], "w"))
    print(f"{len(merged)} problems; {both} in more than one file, {len(disagree)} different: {disagree}")


if __name__ == "__main__":
    main()
