#!/usr/bin/env python3
"""A stronger CP-SAT reference for the large fragmented fleets (issue 18, sessions 7 and 8).

    python3 Benchmarks/placement/strong_reference.py PROBLEMS.json SWIFT.json[,SWIFT2.json...] DETSECONDS [NAME...]

PROBLEMS.json: `generate.py frag` output; SWIFT.json: the PlacementReferenceHarness results for them
(`compare.py` writes `<problems>.swift.json`); several, comma-separated, from different settings.
CP-SAT (reference.py's model, one worker, seed 1) starts from the best of platformc's placements
(every file's "ours" and "before"; none when SWIFT.json is `-`), so its answer is never worse than the best known, and searches
on for DETSECONDS of *deterministic* time per stage (`max_deterministic_time`: the same work
whatever the machine's load, unlike wall-clock seconds; `max_time_in_seconds` is left unlimited).
Fleets in the order NAME... names them (all, in file order, when none).
Prints one JSON line per fleet: drops per level, cost, bound, proved, CPU seconds, the start's drops and cost.
"""
import json, sys, time

import reference
from ortools.sat.python import cp_model

DET = float(sys.argv[3])


class DeterministicSolver(cp_model.CpSolver):
    def __init__(self):
        super().__init__()
        self.parameters.max_deterministic_time = DET


reference.cp_model.CpSolver = DeterministicSolver


def key(prob, res):
    levels = sorted({d["priority"] for d in prob["demands"] if d["groups"] > 0}, reverse=True)
    pri = {d["id"]: d["priority"] for d in prob["demands"]}
    drops = [0] * len(levels)
    for u in res["unplaced"]:
        if pri.get(u["demand"]) in levels:
            drops[levels.index(pri[u["demand"]])] += 1
    return drops, res["cost"]


def main():
    problems = json.load(open(sys.argv[1]))
    runs = [{r["name"]: r for r in json.load(open(f))} for f in sys.argv[2].split(",") if f != "-"]
    byName = {p["name"]: p for p in problems}
    for name in sys.argv[4:] or [p["name"] for p in problems]:
        p = byName[name]
        starts = [s[name][who] for s in runs if name in s for who in ("ours", "before")]
        start = min(starts, key=lambda r: key(p, r)) if starts else None
        t = time.process_time()
        r = reference.solve(p, seconds=1e6, start=start)
        r["cpuSeconds"] = round(time.process_time() - t, 1)
        r["name"] = p["name"]
        r["start"] = dict(zip(["drops", "cost"], key(p, start))) if start else None
        r.pop("dropped", None)
        print(json.dumps(r), flush=True)


if __name__ == "__main__":
    main()
