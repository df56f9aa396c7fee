#!/usr/bin/env python3
"""Independent optimum of a placement problem with OR-Tools CP-SAT (PyPI `ortools`).

The constraints and the objective are those the placement sources define
(Sources/PlatformCore/Passes/Placement/PlacementProblem.swift, CanonicalProblem.swift, GroupFit.swift):
a demand's groups all in one eligible pool or the demand dropped; a single-node group inside one
NVLink island of one node, or (MIG) its slices on one node, each GPU partitioned into one profile;
a multi-node group (gang, LeaderWorkerSet) on `nodesPerGroup` whole nodes of one zone; node k in
zone k % len(zones); nodes below `minNodes` run; replicas with spread (groups >= 2, spread != none)
use two nodes, and two zones when the pool has two; team quotas in milli-GPUs.
Objective, lexicographic: dropped demands per priority level (highest first), then the price of
running nodes. Solved in stages: each level's drops minimised and fixed, then the cost.
"""
from ortools.sat.python import cp_model



def use_deterministic_time(units):
    """Every later solve stops after `units` of CP-SAT's deterministic time (load-independent),
    in addition to its wall-clock limit: the scripts that need reproducible references call this."""
    class DeterministicSolver(cp_model.CpSolver):
        def __init__(self):
            super().__init__()
            self.parameters.max_deterministic_time = units

    cp_model.CpSolver = DeterministicSolver

def eligible(d, pools):
    out = []
    for p in pools:
        if p["gpuModel"] != d["gpuModel"] or p["nodeCount"] <= 0:
            continue
        if d["migProfile"]:
            if not p["mig"] or p["mig"].get(d["migProfile"], 0) <= 0:
                continue
        elif p["mig"]:
            continue
        if d["cluster"] and p["cluster"] != d["cluster"]:
            continue
        if d["pool"] and p["id"] != d["pool"]:
            continue
        spans = d["nodesPerGroup"] > 1 or d["kind"] == "gang"
        if d["kind"] == "gang" and not p["rdma"]:
            continue
        if d["migProfile"]:
            cap = p["mig"][d["migProfile"]] * sum(p["islands"])
        elif spans:
            cap = sum(p["islands"])
        else:
            cap = max(p["islands"])
        if d["gpusPerGroup"] > cap:
            continue
        out.append(p)
    return out


def needs_spread(d):
    return d["kind"] == "replicas" and d["groups"] >= 2 and d["spread"] != "none"


def usage_millis(d, pools):
    per = d["gpusPerGroup"] * d["nodesPerGroup"] * 1000
    if d["migProfile"]:
        e = [p for p in pools if p["mig"] and p["mig"].get(d["migProfile"], 0) > 0 and p["gpuModel"] == d["gpuModel"]]
        if e:
            s = e[0]["mig"][d["migProfile"]]
            per = (d["gpusPerGroup"] * 1000 + s - 1) // s
    return per * d["groups"]


class Model:
    def __init__(self, prob):
        self.prob = prob
        m = self.m = cp_model.CpModel()
        pools = sorted(prob["pools"], key=lambda p: p["id"])
        self.pools = pools
        demands = [d for d in sorted(prob["demands"], key=lambda d: d["id"]) if d["groups"] > 0]
        self.demands = demands
        self.run = {}
        for p in pools:
            for k in range(p["nodeCount"]):
                v = m.NewBoolVar("")
                if k < p["minNodes"]:
                    m.Add(v == 1)
                self.run[p["id"], k] = v
        self.drop = {}
        # Named variables, for hints: (demand, pool) -> y; (demand, pool, k, island) -> x;
        # (demand, pool, k) -> h (node held whole) or w (MIG groups); (demand, pool, zone) -> u.
        self.y, self.x, self.h, self.w, self.u = {}, {}, {}, {}, {}
        island_use = {}   # (pool, k, i) -> [(var, gpus)]
        whole = {}        # (pool, k) -> [var]
        slices = {}       # (pool, k, profile) -> [(var, slices)]
        for d in demands:
            e = eligible(d, pools)
            dr = self.drop[d["id"]] = m.NewBoolVar("")
            if not e:
                m.Add(dr == 1)
                continue
            G = d["groups"]
            spans = d["nodesPerGroup"] > 1 or d["kind"] == "gang"
            chosen = []
            for p in e:
                y = m.NewBoolVar("")
                self.y[d["id"], p["id"]] = y
                chosen.append(y)
                Z = max(1, len(p["zones"]))
                zoned = needs_spread(d) and d["spread"] == "zones" and len(p["zones"]) >= 2
                counts = []  # per node: total groups (single node)
                if spans:
                    per_zone = []
                    for z in range(Z):
                        hs = []
                        for k in range(z, p["nodeCount"], Z):
                            h = m.NewBoolVar("")
                            self.h[d["id"], p["id"], k] = h
                            whole.setdefault((p["id"], k), []).append(h)
                            hs.append(h)
                        u = m.NewIntVar(0, G, "")
                        self.u[d["id"], p["id"], z] = u
                        m.Add(sum(hs) == d["nodesPerGroup"] * u)
                        per_zone.append(u)
                        if zoned:
                            m.Add(u <= G - 1)
                    m.Add(sum(per_zone) == G * y)
                    continue
                for k in range(p["nodeCount"]):
                    if d["migProfile"]:
                        w = m.NewIntVar(0, G, "")
                        self.w[d["id"], p["id"], k] = w
                        slices.setdefault((p["id"], k, d["migProfile"]), []).append((w, d["gpusPerGroup"]))
                        counts.append(w)
                    else:
                        node = []
                        for i, size in enumerate(p["islands"]):
                            if d["gpusPerGroup"] <= size:
                                x = m.NewIntVar(0, size // d["gpusPerGroup"], "")
                                self.x[d["id"], p["id"], k, i] = x
                                island_use.setdefault((p["id"], k, i), []).append((x, d["gpusPerGroup"]))
                                node.append(x)
                        counts.append(sum(node) if node else 0)
                m.Add(sum(counts) == G * y)
                if needs_spread(d):
                    for c in counts:
                        m.Add(c <= G - 1)
                    if zoned:
                        for z in range(Z):
                            m.Add(sum(counts[k] for k in range(z, p["nodeCount"], Z)) <= G - 1)
            m.Add(sum(chosen) + dr == 1)
        for p in pools:
            for k in range(p["nodeCount"]):
                r = self.run[p["id"], k]
                held = whole.get((p["id"], k), [])
                if p["mig"]:
                    parts = []
                    for q, per in sorted(p["mig"].items()):
                        mq = m.NewIntVar(0, sum(p["islands"]), "")
                        parts.append(mq)
                        used = slices.get((p["id"], k, q), [])
                        if used:
                            m.Add(sum(v * g for v, g in used) <= per * mq)
                    m.Add(sum(parts) <= sum(p["islands"]) * r)
                    continue
                for i, size in enumerate(p["islands"]):
                    used = island_use.get((p["id"], k, i), [])
                    m.Add(sum(v * g for v, g in used) + size * sum(held) <= size * r)
                if held:
                    m.Add(sum(held) <= r)
        for t in prob["teams"]:
            if t["gpuQuota"] is None:
                continue
            members = [d for d in demands if d["team"] == t["name"]]
            if members:
                m.Add(sum(usage_millis(d, pools) * (1 - self.drop[d["id"]]) for d in members) <= t["gpuQuota"] * 1000)
        self.levels = sorted({d["priority"] for d in demands}, reverse=True)
        self.cost = sum(p["price"] // 1_000_000 * self.run[p["id"], k] for p in pools for k in range(p["nodeCount"]))
        # Prices in the generators are whole dollars; cost in dollars keeps CP-SAT's numbers small.
        assert all(p["price"] % 1_000_000 == 0 for p in pools)


def hint(model, placement):
    """Hands CP-SAT a placement (platformc's JSON: assignments with groups of node shares) as its
    first solution. Only a start: CP-SAT searches on from it."""
    vals = {}
    for table in (model.y, model.x, model.h, model.w, model.u):
        for v in table.values():
            vals[v] = 0
    for v in model.drop.values():
        vals[v] = 1
    for v in model.run.values():
        vals[v] = 0
    for p in model.pools:
        for k in range(min(p["minNodes"], p["nodeCount"])):
            vals[model.run[p["id"], k]] = 1
    pools = {p["id"]: p for p in model.pools}
    demands = {d["id"]: d for d in model.demands}
    for a in placement["assignments"]:
        d, p = demands.get(a["demand"]), pools.get(a["pool"])
        if d is None or p is None or (d["id"], p["id"]) not in model.y:
            continue
        vals[model.drop[d["id"]]] = 0
        vals[model.y[d["id"], p["id"]]] = 1
        Z = max(1, len(p["zones"]))
        for g in a["groups"]:
            ks = [int(sh["node"].rsplit("-", 1)[1]) for sh in g]
            for k in ks:
                vals[model.run[p["id"], k]] = 1
            if d["nodesPerGroup"] > 1 or d["kind"] == "gang":
                for k in ks:
                    vals[model.h[d["id"], p["id"], k]] = 1
                vals[model.u[d["id"], p["id"], ks[0] % Z]] += 1
            elif d["migProfile"]:
                vals[model.w[d["id"], p["id"], ks[0]]] += 1
            else:
                gpu, off = g[0]["gpus"][0], 0
                for i, size in enumerate(p["islands"]):
                    if off <= gpu < off + size:
                        vals[model.x[d["id"], p["id"], ks[0], i]] += 1
                    off += size
    for v, val in vals.items():
        model.m.AddHint(v, val)


def rehint(model, solver):
    """The last stage's solution as the next stage's start."""
    model.m.ClearHints()
    for table in (model.y, model.x, model.h, model.w, model.u, model.drop, model.run):
        for v in table.values():
            model.m.AddHint(v, solver.Value(v))


def components(prob):
    """Independent parts: pools linked by a demand eligible in both, and by a team quota (all the
    pools of a team with a quota in one part). Demands no pool takes form no part (always dropped)."""
    pools = sorted(prob["pools"], key=lambda p: p["id"])
    parent = {p["id"]: p["id"] for p in pools}

    def find(x):
        while parent[x] != x:
            x = parent[x]
        return x

    def join(a, b):
        parent[find(a)] = find(b)

    quota = {t["name"] for t in prob["teams"] if t["gpuQuota"] is not None}
    team_pool = {}
    for d in prob["demands"]:
        e = [p["id"] for p in eligible(d, pools)]
        if not e or d["groups"] <= 0:
            continue
        for q in e[1:]:
            join(q, e[0])
        if d["team"] in quota:
            if d["team"] in team_pool:
                join(e[0], team_pool[d["team"]])
            else:
                team_pool[d["team"]] = e[0]
    parts = {}
    for p in pools:
        parts.setdefault(find(p["id"]), []).append(p)
    out = []
    for members in parts.values():
        ids = {p["id"] for p in members}
        ds = [d for d in prob["demands"] if d["groups"] > 0 and any(p["id"] in ids for p in eligible(d, pools))]
        out.append({"pools": members, "demands": ds, "teams": prob["teams"]})
    return out


def solve(prob, seconds=30.0, workers=1, start=None):
    """`start`: a placement CP-SAT starts from (see `hint`). Solves each independent part on its own (the lexicographic optimum of the whole is the sum
    of the parts' optima: no drop can move between parts) and adds them up."""
    levels = sorted({d["priority"] for d in prob["demands"] if d["groups"] > 0}, reverse=True)
    drops = [0] * len(levels)
    pools = prob["pools"]
    for d in prob["demands"]:
        if d["groups"] > 0 and not eligible(d, pools):
            drops[levels.index(d["priority"])] += 1
    cost, bound, proved, dropped = 0, 0, True, []
    for part in components(prob):
        r = solve_part(part, seconds, workers, start)
        if r["drops"] is None or r["cost"] is None:
            return {"drops": None, "cost": None, "bound": None, "proved": False}
        for lv, n in zip(r["levels"], r["drops"]):
            drops[levels.index(lv)] += n
        cost += r["cost"]
        bound += r["bound"]
        proved = proved and r["proved"]
        dropped += r["dropped"]
    return {"drops": drops, "levels": levels, "cost": cost, "bound": bound, "proved": proved,
            "dropped": sorted(dropped + [d["id"] for d in prob["demands"] if d["groups"] > 0 and not eligible(d, pools)])}


def solve_part(prob, seconds=30.0, workers=1, start=None):
    """Returns drops per level (highest priority first), the optimal (or best) cost in micros, the
    cost bound, and whether every stage was proved optimal."""
    model = Model(prob)
    m = model.m
    drops, proved = [], True
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = workers
    solver.parameters.max_time_in_seconds = seconds
    solver.parameters.random_seed = 1
    if not model.demands:
        model.levels = []
    if start is not None:
        hint(model, start)
    for level in model.levels:
        expr = sum(model.drop[d["id"]] for d in model.demands if d["priority"] == level)
        m.Minimize(expr)
        st = solver.Solve(m)
        if st not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return {"drops": None, "cost": None, "bound": None, "proved": False}
        val = int(round(solver.ObjectiveValue()))
        proved = proved and st == cp_model.OPTIMAL
        drops.append(val)
        m.Add(expr <= val)
        rehint(model, solver)
    m.Minimize(model.cost)
    st = solver.Solve(m)
    if st not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return {"drops": drops, "cost": None, "bound": None, "proved": False}
    return {"drops": drops, "levels": model.levels, "cost": int(round(solver.ObjectiveValue())) * 1_000_000,
            "bound": int(round(solver.BestObjectiveBound())) * 1_000_000,
            "proved": proved and st == cp_model.OPTIMAL,
            "dropped": sorted(d["id"] for d in model.demands if solver.Value(model.drop[d["id"]]))}
