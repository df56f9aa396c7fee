#!/usr/bin/env python3
"""Random placement problems (issue 18), independent of the Swift test generator.

Writes a JSON list of problems in the field names of `PlacementProblem`
(Sources/PlatformCore/Passes/Placement/PlacementProblem.swift). Families:
  small   1-4 pools, at most 30 nodes, mixed shapes, gangs, spread, pins, no quotas
  quota   as small, with team quotas that bind
  mig     MIG-heavy pools and slice demands
  frag    100-1,000-node fragmented fleets (odd shapes, several clusters)
"""
import json, random, sys

GPUS = {"H100": 98_000_000, "A100": 40_000_000, "L40S": 15_000_000}
ISLANDS = [[8], [4, 4], [2, 2, 2, 2], [8], [4]]


def pool(rng, i, nodes, model, cluster, mig=False):
    islands = [7] if mig else rng.choice(ISLANDS)
    zones = rng.choice([[], ["a"], ["a", "b"], ["a", "b", "c"]])
    base = GPUS[model] * sum(islands) // 8
    return {"id": f"{cluster}/p{i}", "cluster": cluster, "gpuModel": model, "nodeCount": nodes,
            "minNodes": rng.choice([0, 0, 0, 1]) if nodes > 1 else 0, "islands": islands,
            "mig": {"1g.10gb": 7, "2g.20gb": 3, "3g.40gb": 2} if mig else None, "zones": zones,
            "price": base // 1_000_000 * 1_000_000 + rng.choice([0, 1_000_000, 2_000_000]),
            "rdma": rng.random() < 0.5, "pcieNode": False}


def demand(rng, i, pools, gangs=True, mig=False, shapes=(1, 2, 4, 8)):
    p = rng.choice(pools)
    model = p["gpuModel"] if rng.random() < 0.85 else rng.choice(list(GPUS))
    d = {"id": f"d{i:03d}", "kind": "replicas", "team": rng.choice(["red", "blue", "green"]),
         "priority": rng.choice([0, 0, 1, 2]), "gpuModel": model, "cluster": None, "pool": None,
         "gpusPerGroup": rng.choice(shapes), "migProfile": None, "groups": rng.randint(1, 4),
         "nodesPerGroup": 1, "spread": rng.choice(["zones", "nodes", "none"]), "allowPCIe": False}
    roll = rng.random()
    if mig and p["mig"] and roll < 0.6:
        d.update(gpuModel=p["gpuModel"], migProfile=rng.choice(list(p["mig"])), gpusPerGroup=rng.randint(1, 3))
    elif gangs and roll < 0.15:
        d.update(kind="gang", groups=1, gpusPerGroup=8, nodesPerGroup=rng.randint(1, 3), spread="none")
    elif roll < 0.2:
        d.update(nodesPerGroup=2, gpusPerGroup=8, groups=rng.randint(1, 2))
    if rng.random() < 0.15:
        d["pool"] = p["id"]
    elif rng.random() < 0.15:
        d["cluster"] = p["cluster"]
    d["maxGroups"] = d["groups"] + (rng.randint(0, 3) if d["kind"] == "replicas" else 0)
    return d


def small(rng, family):
    total = rng.randint(2, 30)
    pools, left, i = [], total, 0
    while left > 0 and i < 4:
        n = left if i == 3 else rng.randint(1, left)
        mig = family == "mig" and rng.random() < 0.6
        pools.append(pool(rng, i, n, rng.choice(list(GPUS)), rng.choice(["east", "west"]), mig))
        left -= n
        i += 1
    gpus = sum(p["nodeCount"] * sum(p["islands"]) for p in pools)
    demands, used, k = [], 0, 0
    target = gpus * rng.uniform(0.4, 1.1)
    while used < target and k < 40:
        d = demand(rng, k, pools, mig=family == "mig")
        demands.append(d)
        used += d["gpusPerGroup"] * d["groups"] * d["nodesPerGroup"] * (0.3 if d["migProfile"] else 1)
        k += 1
    teams = [{"name": t, "gpuQuota": None} for t in ["red", "blue", "green"]]
    if family == "quota":
        for t in teams[:2]:
            t["gpuQuota"] = rng.randint(2, max(3, int(used / 3)))
    return {"pools": pools, "demands": demands, "teams": teams}


def frag(rng, nodes):
    pools, i = [], 0
    clusters = max(1, nodes // 120)
    per = nodes // (clusters * 3)
    for c in range(clusters):
        for model in GPUS:
            p = pool(rng, i, per, model, f"c{c}")
            p["islands"] = [8] if model == "H100" else ([4, 4] if model == "A100" else [2, 2, 2, 2])
            pools.append(p)
            i += 1
    gpus = sum(p["nodeCount"] * sum(p["islands"]) for p in pools)
    demands, used, k = [], 0, 0
    while used < gpus * 0.8:
        d = demand(rng, k, pools, gangs=True, shapes=(2, 3, 4, 6, 8))
        d["groups"] = rng.randint(1, 6) if d["kind"] == "replicas" and d["nodesPerGroup"] == 1 else d["groups"]
        d["maxGroups"] = max(d["maxGroups"], d["groups"])
        demands.append(d)
        used += d["gpusPerGroup"] * d["groups"] * d["nodesPerGroup"]
        k += 1
    return {"pools": pools, "demands": demands, "teams": [{"name": t, "gpuQuota": None} for t in ["red", "blue", "green"]]}


def main():
    family, count, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(seed)
    if family == "frag":
        sizes = [100, 150, 250, 500, 1000]
        problems = [frag(rng, sizes[i % len(sizes)]) for i in range(count)]
    else:
        problems = [small(rng, family) for _ in range(count)]
    for j, p in enumerate(problems):
        p["name"] = f"{family}-{seed}-{j}"
    json.dump(problems, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
