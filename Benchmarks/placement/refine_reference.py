#!/usr/bin/env python3
"""Solves again, with more effort, the problems CP-SAT did not prove within compare.py's wall-clock limit.

    python3 Benchmarks/placement/refine_reference.py PROBLEMS.json REFS.json DETSECONDS [again]

REFS.json is compare.py's / precompute.py's cache (`<problems>.ref<seconds>.json`). Each unproved
problem is solved again by reference.py's model (one worker, seed 1, no hint: independent of
platformc) with `max_deterministic_time` DETSECONDS per stage, i.e. the same work whatever the
machine's load (a wall-clock limit proves less on a loaded machine). The entry is replaced when the
new answer is proved or lexicographically better (drops, then cost); the file is rewritten in place
and the old entry kept under "wallClock". With `again`, the entries an earlier run refined but did
not prove are solved once more (with a larger DETSECONDS); that answer is kept under
"refined<DETSECONDS>" and replaces the entry when proved or better.
"""
import json, sys, time

import reference

DET = float(sys.argv[3])
AGAIN = len(sys.argv) > 4 and sys.argv[4] == "again"
reference.use_deterministic_time(DET)


def main():
    problems = {p["name"]: p for p in json.load(open(sys.argv[1]))}
    refs = json.load(open(sys.argv[2]))
    for name, old in list(refs.items()):
        if old["proved"] or ("wallClock" in old) != AGAIN:
            continue
        t = time.process_time()
        new = reference.solve(problems[name], seconds=1e6)
        new["cpuSeconds"] = round(time.process_time() - t, 1)
        better = new["drops"] is not None and new["cost"] is not None and (
            old["drops"] is None or new["proved"] or (new["drops"], new["cost"]) < (old["drops"], old["cost"]))
        keep = new if better else dict(old)
        summary = {k: new.get(k) for k in ["drops", "cost", "bound", "proved", "cpuSeconds"]}
        if AGAIN:
            keep.update({k: old[k] for k in ["wallClock", "refined"] if k in old})
            keep[f"refined{int(DET)}"] = summary
        else:
            keep["wallClock"] = {k: old.get(k) for k in ["drops", "cost", "bound", "proved", "seconds"]}
            keep["refined"] = summary
        refs[name] = keep
        print(name, "wall-clock:", old["drops"], old["cost"], old["proved"], "->", new["drops"], new["cost"], new["proved"],
              new["cpuSeconds"], "s", flush=True)
        json.dump(refs, open(sys.argv[2], "w"))


if __name__ == "__main__":
    main()
