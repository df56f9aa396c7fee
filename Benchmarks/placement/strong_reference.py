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
With PER_PART=1, one line per independent part instead (parts are solved apart, so each line is a
finished comparison even when the fleet's other parts are not done): CP-SAT's and the start's figures.
"""
import json, os, sys, time

import reference

DET = float(sys.argv[3])
reference.use_deterministic_time(DET)


def key(prob, res):
    levels = sorted({d["priority"] for d in prob["demands"] if d["groups"] > 0}, reverse=True)
    pri = {d["id"]: d["priority"] for d in prob["demands"]}
    drops = [0] * len(levels)
    for u in res["unplaced"]:
        if pri.get(u["demand"]) in levels:
            drops[levels.index(pri[u["demand"]])] += 1
    return drops, res["cost"]


def part_key(part, res):
    """Drops per level of the part's own levels and the price of its running nodes, in `res`."""
    levels = sorted({d["priority"] for d in part["demands"]}, reverse=True)
    ids = {d["id"]: d["priority"] for d in part["demands"]}
    drops = [0] * len(levels)
    for u in res["unplaced"]:
        if u["demand"] in ids:
            drops[levels.index(ids[u["demand"]])] += 1
    pools = {p["id"]: p for p in part["pools"]}
    running = {(pid, k) for pid, p in pools.items() for k in range(min(p["minNodes"], p["nodeCount"]))}
    for a in res["assignments"]:
        if a["pool"] in pools:
            for g in a["groups"]:
                for sh in g:
                    running.add((a["pool"], int(sh["node"].rsplit("-", 1)[1])))
    return drops, sum(pools[pid]["price"] for pid, _ in running)


def per_part(p, start):
    for i, part in enumerate(reference.components(p)):
        t = time.process_time()
        r = reference.solve_part(part, 1e6, 1, start)
        r["cpuSeconds"] = round(time.process_time() - t, 1)
        r.update(name=p["name"], part=i, pools=[q["id"] for q in part["pools"]])
        r["start"] = dict(zip(["drops", "cost"], part_key(part, start))) if start else None
        r.pop("dropped", None)
        print(json.dumps(r), flush=True)


def main():
    problems = json.load(open(sys.argv[1]))
    runs = [{r["name"]: r for r in json.load(open(f))} for f in sys.argv[2].split(",") if f != "-"]
    byName = {p["name"]: p for p in problems}
    for name in sys.argv[4:] or [p["name"] for p in problems]:
        p = byName[name]
        starts = [s[name][who] for s in runs if name in s for who in ("ours", "before")]
        start = min(starts, key=lambda r: key(p, r)) if starts else None
        if os.environ.get("PER_PART") == "1":
            per_part(p, start)
            continue
        t = time.process_time()
        r = reference.solve(p, seconds=1e6, start=start)
        r["cpuSeconds"] = round(time.process_time() - t, 1)
        r["name"] = p["name"]
        r["start"] = dict(zip(["drops", "cost"], key(p, start))) if start else None
        r.pop("dropped", None)
        print(json.dumps(r), flush=True)


if __name__ == "__main__":
    main()
