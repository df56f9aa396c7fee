#!/usr/bin/env python3
"""Solves the reference (CP-SAT) for a generated set ahead of compare.py, which reuses the cache."""
import json, os, subprocess, sys, time
import reference
HERE = os.path.dirname(os.path.abspath(__file__))
family, count, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
seconds = float(sys.argv[4]) if len(sys.argv) > 4 else 20.0
work = os.path.join(os.path.dirname(os.path.dirname(HERE)), ".build", "placement-compare")
os.makedirs(work, exist_ok=True)
path = os.path.join(work, f"{family}-{count}-{seed}.json")
problems = json.loads(subprocess.check_output([sys.executable, os.path.join(HERE, "generate.py"), family, str(count), str(seed)]))
refs = {}
for p in problems:
    t = time.time()
    refs[p["name"]] = reference.solve(p, seconds)
    refs[p["name"]]["seconds"] = time.time() - t
json.dump(refs, open(path + f".ref{int(seconds)}.json", "w"))
