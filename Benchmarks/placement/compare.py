#!/usr/bin/env python3
"""Compares platformc's placement with the independent CP-SAT optimum (issue 18).

    python3 Benchmarks/placement/compare.py FAMILY COUNT SEED [CPSAT_SECONDS]

Generates problems (generate.py), solves each with CP-SAT (reference.py), runs the Swift solver on
the same problems (the PlacementReferenceHarness test, gated by PLATFORMC_PLACEMENT_COMPARE),
checks every placement for validity on its own, and prints the figures of RESULTS.md.
Writes its data under .build/placement-compare/.
"""
import json, os, statistics, subprocess, sys, time

import generate, reference

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def spans(d):
    return d["nodesPerGroup"] > 1 or d["kind"] == "gang"


def validate(prob, res):
    """Problems with a placement, or [] when it keeps every rule of the sources."""
    pools = {p["id"]: p for p in prob["pools"]}
    demands = {d["id"]: d for d in prob["demands"]}
    errs = []
    holder, slices, running = {}, {}, set()
    used = {}
    for a in res["assignments"]:
        d, p = demands[a["demand"]], pools[a["pool"]]
        if p not in reference.eligible(d, prob["pools"]):
            errs.append(f"{d['id']}: pool {p['id']} not eligible")
        if len(a["groups"]) != d["groups"]:
            errs.append(f"{d['id']}: {len(a['groups'])} groups of {d['groups']}")
        Z = max(1, len(p["zones"]))
        nodes_used = set()
        for g in a["groups"]:
            ks = [int(s["node"].rsplit("-", 1)[1]) for s in g]
            nodes_used.update(ks)
            if spans(d):
                if len(set(ks)) != d["nodesPerGroup"] or len({k % Z for k in ks}) != 1:
                    errs.append(f"{d['id']}: multi-node group {ks}")
            elif len(g) != 1:
                errs.append(f"{d['id']}: single-node group on {len(g)} nodes")
            for s, k in zip(g, ks):
                running.add((p["id"], k))
                if spans(d):
                    if (p["id"], k) in holder or any(key[0] == p["id"] and key[1] == k for key in slices):
                        errs.append(f"{d['id']}: node {k} not whole")
                    holder[(p["id"], k)] = "whole"
                    continue
                if d["migProfile"]:
                    if len(s["gpus"]) != d["gpusPerGroup"]:
                        errs.append(f"{d['id']}: slices")
                    for gpu in s["gpus"]:
                        key = (p["id"], k, gpu)
                        prof, n = slices.get(key, (d["migProfile"], 0))
                        if prof != d["migProfile"]:
                            errs.append(f"{d['id']}: GPU {key} in two profiles")
                        slices[key] = (prof, n + 1)
                        if n + 1 > p["mig"][prof]:
                            errs.append(f"{d['id']}: GPU {key} over its slices")
                    continue
                if len(s["gpus"]) != d["gpusPerGroup"]:
                    errs.append(f"{d['id']}: gpus")
                bounds, off = [], 0
                for size in p["islands"]:
                    bounds.append((off, off + size)); off += size
                if len({next(i for i, (lo, hi) in enumerate(bounds) if lo <= x < hi) for x in s["gpus"]}) != 1:
                    errs.append(f"{d['id']}: group across islands")
                if holder.get((p["id"], k)) == "whole":
                    errs.append(f"{d['id']}: on a node held whole")
                for gpu in s["gpus"]:
                    if (p["id"], k, gpu) in holder:
                        errs.append(f"{d['id']}: GPU taken twice")
                    holder[(p["id"], k, gpu)] = d["id"]
                holder.setdefault((p["id"], k), "shared")
        if reference.needs_spread(d):
            if len(nodes_used) < 2:
                errs.append(f"{d['id']}: not spread over nodes")
            if d["spread"] == "zones" and len(p["zones"]) >= 2 and len({k % Z for k in nodes_used}) < 2:
                errs.append(f"{d['id']}: not spread over zones")
        used[d["team"]] = used.get(d["team"], 0) + reference.usage_millis(d, prob["pools"])
    for t in prob["teams"]:
        if t["gpuQuota"] is not None and used.get(t["name"], 0) > t["gpuQuota"] * 1000:
            errs.append(f"team {t['name']} over quota")
    for p in prob["pools"]:
        for k in range(min(p["minNodes"], p["nodeCount"])):
            running.add((p["id"], k))
    cost = sum(pools[pid]["price"] for pid, _ in running)
    if cost != res["cost"]:
        errs.append(f"cost {res['cost']} but its running nodes cost {cost}")
    return errs


def drops(prob, res, levels):
    pri = {d["id"]: d["priority"] for d in prob["demands"]}
    out = [0] * len(levels)
    for u in res["unplaced"]:
        if u["demand"] in pri and pri[u["demand"]] in levels:
            out[levels.index(pri[u["demand"]])] += 1
    return out


def main():
    family, count, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    seconds = float(sys.argv[4]) if len(sys.argv) > 4 else 20.0
    # COMPARE_DIR: another data folder (e.g. one run per build configuration on the same problems).
    work = os.environ.get("COMPARE_DIR") or os.path.join(ROOT, ".build", "placement-compare")
    os.makedirs(work, exist_ok=True)
    path = os.path.join(work, f"{family}-{count}-{seed}.json")
    problems = json.loads(subprocess.check_output([sys.executable, os.path.join(HERE, "generate.py"), family, str(count), str(seed)]))
    json.dump(problems, open(path, "w"))
    env = dict(os.environ, PLATFORMC_PLACEMENT_COMPARE=path)
    config = os.environ.get("SWIFT_CONFIG", "debug")
    # REUSE=1: the harness already ran on these problems (the test binary started by hand, e.g. one
    # set per core: two `swift test` runs in one build folder wait for each other); PARTIAL=1: it is
    # still running (it writes after every problem), report the problems it has done.
    reuse = os.environ.get("REUSE") == "1" or os.environ.get("PARTIAL") == "1"
    if not reuse:
        subprocess.run(["swift", "test", "-c", config, "--filter", "PlacementReferenceHarness"], cwd=ROOT, env=env,
                       check=True, stdout=subprocess.DEVNULL)
    swift = {r["name"]: r for r in json.load(open(path + ".swift.json"))}
    if os.environ.get("PARTIAL") == "1":
        problems = [p for p in problems if p["name"] in swift]
    # Large fleets: CP-SAT starts from session 5's placement ("before"), so the best known solution
    # is at least that good; CP-SAT alone found no feasible first stage within 30 s past 150 nodes.
    hinted = family == "frag"
    refpath = path + f".ref{int(seconds)}{'h' if hinted else ''}.json"
    refs = json.load(open(refpath)) if os.path.exists(refpath) else {}
    for p in problems:
        if p["name"] not in refs:
            t = time.time()
            refs[p["name"]] = reference.solve(p, seconds, start=swift[p["name"]]["before"] if hinted else None)
            refs[p["name"]]["seconds"] = time.time() - t
    json.dump(refs, open(refpath, "w"))
    rows = []
    for p in problems:
        ref, s = refs[p["name"]], swift[p["name"]]
        levels = sorted({d["priority"] for d in p["demands"] if d["groups"] > 0}, reverse=True)
        row = {"name": p["name"], "nodes": sum(x["nodeCount"] for x in p["pools"]), "ref": ref, "det": s["deterministic"]}
        for who in ["before", "ours", "ffd"]:
            r = s[who]
            errs = validate(p, r)
            dv = drops(p, r, levels)
            row[who] = {"invalid": errs, "drops": dv, "cost": r["cost"], "bound": r["bound"], "gap": r["gap"],
                        "proved": r["proved"], "ms": r["ms"], "cpuMs": r.get("cpuMs")}
        # The best known solution: the lexicographic least (drops, then cost) of everyone's.
        known = [(row[w]["drops"], row[w]["cost"]) for w in ["before", "ours", "ffd"] if not row[w]["invalid"]]
        if ref["drops"] is not None and ref["cost"] is not None:
            known.append((ref["drops"], ref["cost"]))
        row["best"] = dict(zip(["drops", "cost"], min(known)))
        rows.append(row)
    report(family, rows)
    json.dump(rows, open(path + ".rows.json", "w"), indent=1)


def pct(xs, q):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))] if xs else float("nan")


def report(family, rows):
    print(f"## {family}: {len(rows)} problems, {min(r['nodes'] for r in rows)}-{max(r['nodes'] for r in rows)} nodes")
    refproved = [r for r in rows if r["ref"]["proved"]]
    print(f"reference proved optimal: {len(refproved)}/{len(rows)}; mean CP-SAT seconds "
          f"{statistics.mean(r['ref'].get('seconds', 0) for r in rows):.2f}")
    for who in ["before", "ours", "ffd"]:
        invalid = sum(1 for r in rows if r[who]["invalid"])
        false_err = sum(1 for r in refproved if sum(r["ref"]["drops"]) == 0 and sum(r[who]["drops"]) > 0)
        more = sum(1 for r in rows if r[who]["drops"] > r["best"]["drops"])
        fewer = sum(1 for r in rows if r["ref"]["drops"] is not None and r[who]["drops"] < r["ref"]["drops"])
        same = [r for r in rows if r["best"]["cost"] and r[who]["drops"] == r["best"]["drops"]]
        best = lambda r: r["best"]["cost"]
        gaps = [100 * (r[who]["cost"] - best(r)) / best(r) for r in same]
        line = (f"- {who}: invalid {invalid}; false E3001 {false_err}; more drops than the best known {more}; "
                f"fewer than reference {fewer}; cost vs best known on {len(same)} with equal drops: mean {statistics.mean(gaps) if gaps else 0:.2f}%, "
                f"median {pct(gaps, .5):.2f}%, p90 {pct(gaps, .9):.2f}%, max {max(gaps) if gaps else 0:.2f}%, "
                f"within 1%: {sum(g <= 1 for g in gaps)}/{len(gaps)}")
        print(line)
        if who == "ffd":
            continue
        proved = sum(1 for r in rows if r[who]["proved"])
        # A proof is wrong when anything known beats it: fewer drops (any cost), or the same drops for less.
        wrong_proof = sum(1 for r in rows if r[who]["proved"] and (r[who]["drops"], r[who]["cost"]) > (r["best"]["drops"], r["best"]["cost"]))
        bad_bound = sum(1 for r in same if r[who]["bound"] > best(r))
        tight = [100 * (best(r) - r[who]["bound"]) / best(r) for r in same]
        claimed = [100 * r[who]["gap"] for r in rows]
        true_gap = [100 * (r[who]["cost"] - best(r)) / best(r) for r in same]
        print(f"  proved {proved}/{len(rows)} (wrongly {wrong_proof}); bound above the optimum {bad_bound}; "
              f"bound within 2% of the best known: {sum(t <= 2 for t in tight)}/{len(tight)}; "
              f"claimed gap median {pct(claimed, .5):.2f}% p90 {pct(claimed, .9):.2f}% max {max(claimed):.2f}%; "
              f"true gap p90 {pct(true_gap, .9):.2f}%; ms median {pct([r[who]['ms'] for r in rows], .5):.1f} max {max(r[who]['ms'] for r in rows):.1f}")
    print(f"- deterministic (reversed input lists give the same placement): {sum(r['det'] for r in rows)}/{len(rows)}")


if __name__ == "__main__":
    main()
