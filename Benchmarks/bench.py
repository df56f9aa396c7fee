#!/usr/bin/env python3
"""platformc benchmarks (`make bench`): builds release, generates the largest synthetic platform,
and times compile, render, commit and diff, each beside a reference measured in the same run.

  Benchmarks/bench.py [--skip-build] [--runs N] [--work DIR] [--only compile render commit diff] [--settle S]

Prints a Markdown table (paste into BENCHMARKS.md). Figures are medians of N runs (default 3).
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(REPO, ".build/release/platformc")
ENV = dict(os.environ, GIT_AUTHOR_NAME="Bench", GIT_AUTHOR_EMAIL="bench@example.com",
           GIT_COMMITTER_NAME="Bench", GIT_COMMITTER_EMAIL="bench@example.com", NO_COLOR="1")
# `platformc commit` then prints {"compileSeconds", "commitSeconds"} on stderr: its own share, timed inside.
PROFILE_ENV = dict(ENV, PLATFORMC_PROFILE="1")


def run(cmd, cwd=None, check=True, env=ENV):
    """Runs cmd under /usr/bin/time -v; returns (wall seconds, peak RSS in MiB, stdout)."""
    p = subprocess.run(["/usr/bin/time", "-v"] + cmd, cwd=cwd, env=env, capture_output=True, text=True)
    if check and p.returncode not in (0,):
        sys.exit(f"failed: {' '.join(cmd)}\n{p.stderr[-2000:]}")
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", p.stderr)
    seconds = int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1)) / 1024
    if env is PROFILE_ENV:
        return seconds, rss, json.loads(re.search(r'^\{"compileSeconds".*$', p.stderr, re.M).group(0))
    return seconds, rss, p.stdout


def shell(script, cwd):
    start = time.perf_counter()
    subprocess.run(["bash", "-ec", script], cwd=cwd, env=ENV, check=True, capture_output=True)
    return time.perf_counter() - start


def copy_changed(src, dst):
    """Makes dst's files match src's, touching only files that differ (as `compile --out` does), so
    the git CLI's incremental reference re-hashes only what changed: its best case."""
    wanted = set()
    for folder, _, names in os.walk(src):
        for name in names:
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, src)
            wanted.add(rel)
            target = os.path.join(dst, rel)
            data = open(path, "rb").read()
            if not os.path.exists(target) or open(target, "rb").read() != data:
                os.makedirs(os.path.dirname(target), exist_ok=True)
                open(target, "wb").write(data)
    for folder, dirs, names in os.walk(dst):
        dirs[:] = [d for d in dirs if d != ".git"]
        for name in names:
            rel = os.path.relpath(os.path.join(folder, name), dst)
            if rel not in wanted:
                os.remove(os.path.join(dst, rel))


def median(xs):
    return statistics.median(xs)


def bench_compile(work, runs, checks):
    """End-to-end compile of the largest platform, beside the bundled spec; fresh folders each run."""
    ref = [run([BIN, "compile", "bundled.yaml", "--out", f"out-bundled-{i}"], cwd=work) for i in range(runs)]
    big = [run([BIN, "compile", "big.yaml", "--out", f"out-{i + 1}"], cwd=work) for i in range(runs)]
    same = [run([BIN, "compile", "big.yaml", "--out", "out-0"], cwd=work) for _ in range(runs)]
    copies = [shell(f"cp -R out-0 copy-{i}", work) for i in range(runs)]  # creating the files alone
    profile = json.loads(run([BIN, "generate", "--profile", "big.yaml"], cwd=work)[2])
    maxes = [run([BIN, "compile", "max.yaml", "--out", f"out-max-{i}"], cwd=work) for i in range(runs)]
    max_profile = json.loads(run([BIN, "generate", "--profile", "max.yaml"], cwd=work)[2])
    return [
        ("compile largest into a new folder (wall)", f"{median([b[0] for b in big]):.2f} s",
         f"bundled spec: {median([r[0] for r in ref]):.2f} s; check alone: {checks['big.yaml']:.2f} s", "< 3 s"),
        ("compile largest again, nothing changed (wall)", f"{median([b[0] for b in same]):.2f} s",
         f"`cp -R` of the tree: {median(copies):.2f} s", "< 3 s"),
        ("compile largest (peak RSS)", f"{max(b[1] for b in big):.0f} MiB",
         f"bundled spec: {max(r[1] for r in ref):.0f} MiB", "< 1024 MiB"),
        (f"compile all maxima ({max_profile['objects']} objects, {max_profile['files']} files)",
         f"{median([m[0] for m in maxes]):.2f} s, {max(m[1] for m in maxes):.0f} MiB",
         f"check alone: {run([BIN, 'check', 'max.yaml'], cwd=work)[0]:.2f} s", "(no target)"),
        ("objects / files / bytes", f"{profile['objects']} / {profile['files']} / {profile['renderedBytes']}", "", ""),
        ("stages (front end / passes / whole compile)",
         f"{profile['frontEndSeconds']:.2f} / {profile['passesSeconds']:.2f} / {profile['compileSeconds']:.2f} s", "", ""),
    ]


def bench_render(work, runs, checks):
    """Rendering against libyaml emitting the same objects."""
    renders = [json.loads(run([BIN, "generate", "--profile", "big.yaml"], cwd=work)[2]) for _ in range(runs)]
    render = median([r["renderSeconds"] for r in renders])
    rendered = renders[0]["renderedBytes"]
    lib = json.loads(subprocess.run([sys.executable, os.path.join(REPO, "Benchmarks/libyaml_emit.py"), os.path.join(work, "out-0")],
                                    capture_output=True, text=True, check=True).stdout)
    return [("render (YAMLRenderer, all objects)",
             f"{render:.3f} s ({rendered / render / 1e6:.0f} MB/s)",
             f"libyaml CSafeDumper: {lib['seconds']:.3f} s ({lib['bytes'] / lib['seconds'] / 1e6:.0f} MB/s, {lib['documents']} docs)",
             f"≤ 2× ({render / lib['seconds']:.2f}×)")]


def bench_commit(work, runs, checks):
    """Commit through libgit2 against the git CLI. platformc commit compiles too, so its commit
    share is the commit time less the time of `check` (the same compile, writing nothing)."""
    full, inc, git_full, git_inc, own_full, own_inc = [], [], [], [], [], []
    for i in range(runs):
        wall, _, profile = run([BIN, "commit", "big.yaml", "--repo", f"repo-{i}"], cwd=work, env=PROFILE_ENV)
        full.append(wall)
        own_full.append(profile["commitSeconds"])
        wall, _, profile = run([BIN, "commit", "big2.yaml", "--repo", f"repo-{i}"], cwd=work, env=PROFILE_ENV)
        inc.append(wall)
        own_inc.append(profile["commitSeconds"])
        # gc.auto 0: git would otherwise start a detached gc of its 31,000 loose objects after the
        # commit, which runs on during the next measurements (git's own figure is the same either way).
        git_dir = os.path.join(work, f"git-{i}")
        shutil.copytree(os.path.join(work, "out-0"), git_dir)
        git_full.append(shell("git init -q . && git config gc.auto 0 && git add -A && git commit -qm full", git_dir))
        copy_changed(os.path.join(work, "out-big2"), git_dir)
        git_inc.append(shell("git add -A && git commit -qm one", git_dir))
    check, check2 = checks["big.yaml"], checks["big2.yaml"]
    full_share, inc_share = median(full) - check, median(inc) - check2
    return [
        ("commit 30k files (platformc commit, total)", f"{median(full):.2f} s", f"check alone: {check:.2f} s", ""),
        ("commit share (total − check)", f"{full_share:.2f} s", f"git add -A && git commit: {median(git_full):.2f} s",
         f"faster than git ({full_share / median(git_full):.2f}×)"),
        ("incremental recommit, one model changed (total)", f"{median(inc):.2f} s", f"check alone: {check2:.2f} s", ""),
        ("incremental commit share (total − check)", f"{inc_share:.3f} s",
         f"git add -A && git commit (changed files only copied in): {median(git_inc):.2f} s",
         f"< 10% of full ({100 * inc_share / full_share:.1f}%)"),
        ("commit's own time, timed inside (full / incremental)", f"{median(own_full):.3f} s / {median(own_inc):.3f} s",
         "", f"< 10% of full ({100 * median(own_inc) / median(own_full):.1f}%)"),
    ]


def bench_diff(work, runs, checks):
    """Diff of two large trees: big2.yaml compiled here against big's tree in a folder."""
    diffs = [run([BIN, "diff", "big2.yaml", "--base", "dir:out-0"], cwd=work, check=False)[0] for _ in range(runs)]
    check2 = checks["big2.yaml"]
    return [
        ("diff two large trees (total)", f"{median(diffs):.2f} s", f"check alone: {check2:.2f} s", ""),
        ("diff share (total − check)", f"{median(diffs) - check2:.2f} s",
         f"diff -r of the trees: {median([shell('diff -r out-0 out-big2 >/dev/null || true', work) for _ in range(runs)]):.2f} s",
         "< 1 s"),
    ]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--skip-build", action="store_true")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--work", default="/tmp/platformc-bench")
    ap.add_argument("--only", nargs="*", default=["compile", "render", "commit", "diff"],
                    choices=["compile", "render", "commit", "diff"], help="which benchmarks to run (default: all)")
    ap.add_argument("--settle", type=float, default=35, help="seconds to wait after deleting an earlier run's trees")
    args = ap.parse_args()
    if not args.skip_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "platformc"], cwd=REPO, check=True)

    work = args.work
    if os.path.exists(work):
        shutil.rmtree(work)
        # ext4 without a journal (this machine) will not reuse an inode freed in the last 30 s and
        # scans past every such inode on each file creation: writing 30,000 files right after
        # deleting a previous run's trees took 3-5x longer. Every run below writes to fresh paths.
        time.sleep(args.settle)
    os.makedirs(work)
    os.symlink(os.path.join(REPO, "templates"), os.path.join(work, "templates"))
    shutil.copy(os.path.join(REPO, "platform.yaml"), os.path.join(work, "bundled.yaml"))
    # big.yaml: about 30,000 objects (teams are emitted into every cluster, so the 300 teams
    # over 50 clusters alone would be 105,000 objects); max.yaml: every maximum of the issue.
    subprocess.run([BIN, "generate", "--teams", "30", "-o", "big.yaml"], cwd=work, check=True)
    subprocess.run([BIN, "generate", "-o", "max.yaml"], cwd=work, check=True)
    spec = open(os.path.join(work, "big.yaml")).read()
    # One model changes: the first model's maximum replicas go up by one.
    changed = re.sub(r"(  - name: m-0000-.*?replicas: \{ min: (\d+), max: )(\d+)",
                     lambda m: m.group(1) + str(int(m.group(3)) + 1), spec, count=1, flags=re.S)
    assert changed != spec
    open(os.path.join(work, "big2.yaml"), "w").write(changed)
    rows = []

    # big's tree, which the render, commit and diff parts read; big2's, the git CLI's recommit input.
    run([BIN, "compile", "big.yaml", "--out", "out-0"], cwd=work)
    run([BIN, "compile", "big2.yaml", "--out", "out-big2"], cwd=work)
    checks = {name: median([run([BIN, "check", name], cwd=work)[0] for _ in range(args.runs)])
              for name in ("big.yaml", "big2.yaml")}
    parts = {"compile": bench_compile, "render": bench_render, "commit": bench_commit, "diff": bench_diff}
    for name in args.only:
        rows += parts[name](work, args.runs, checks)

    print(f"\nplatformc benchmarks, {os.cpu_count()} cores, medians of {args.runs} runs\n")
    print("| benchmark | platformc | reference (same run) | target |")
    print("|---|---|---|---|")
    for r in rows:
        print("| " + " | ".join(r) + " |")


if __name__ == "__main__":
    main()
