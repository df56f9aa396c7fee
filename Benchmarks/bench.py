#!/usr/bin/env python3
"""platformc benchmarks (`make bench`): builds release, generates the largest synthetic platform,
and times compile, render, commit and diff, each beside a reference measured in the same run.

  Benchmarks/bench.py [--skip-build] [--runs N] [--work DIR]

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


def run(cmd, cwd=None, check=True):
    """Runs cmd under /usr/bin/time -v; returns (wall seconds, peak RSS in MiB, stdout)."""
    p = subprocess.run(["/usr/bin/time", "-v"] + cmd, cwd=cwd, env=ENV, capture_output=True, text=True)
    if check and p.returncode not in (0,):
        sys.exit(f"failed: {' '.join(cmd)}\n{p.stderr[-2000:]}")
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", p.stderr)
    seconds = int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1)) / 1024
    return seconds, rss, p.stdout


def shell(script, cwd):
    start = time.perf_counter()
    subprocess.run(["bash", "-ec", script], cwd=cwd, env=ENV, check=True, capture_output=True)
    return time.perf_counter() - start


def median(xs):
    return statistics.median(xs)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--skip-build", action="store_true")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--work", default="/tmp/platformc-bench")
    args = ap.parse_args()
    if not args.skip_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "platformc"], cwd=REPO, check=True)

    work = args.work
    shutil.rmtree(work, ignore_errors=True)
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

    # 1. End-to-end compile, beside the bundled spec.
    ref = [run([BIN, "compile", "bundled.yaml", "--out", "out-bundled"], cwd=work) for _ in range(args.runs)]
    big = [run([BIN, "compile", "big.yaml", "--out", f"out-{i}"], cwd=work) for i in range(args.runs)]
    profile = json.loads(run([BIN, "generate", "--profile", "big.yaml"], cwd=work)[2])
    rows.append(("compile largest (wall)", f"{median([b[0] for b in big]):.2f} s",
                 f"bundled spec: {median([r[0] for r in ref]):.2f} s", "< 3 s"))
    rows.append(("compile largest (peak RSS)", f"{max(b[1] for b in big):.0f} MiB",
                 f"bundled spec: {max(r[1] for r in ref):.0f} MiB", "< 1024 MiB"))
    maxes = [run([BIN, "compile", "max.yaml", "--out", f"out-max-{i}"], cwd=work) for i in range(args.runs)]
    max_profile = json.loads(run([BIN, "generate", "--profile", "max.yaml"], cwd=work)[2])
    rows.append((f"compile all maxima ({max_profile['objects']} objects, {max_profile['files']} files)",
                 f"{median([m[0] for m in maxes]):.2f} s, {max(m[1] for m in maxes):.0f} MiB",
                 f"check alone: {run([BIN, 'check', 'max.yaml'], cwd=work)[0]:.2f} s", "(no target)"))
    rows.append(("objects / files / bytes", f"{profile['objects']} / {profile['files']} / {profile['renderedBytes']}", "", ""))
    rows.append(("stages (front end / passes / whole compile)",
                 f"{profile['frontEndSeconds']:.2f} / {profile['passesSeconds']:.2f} / {profile['compileSeconds']:.2f} s", "", ""))

    # 2. Rendering against libyaml emitting the same objects.
    renders = [json.loads(run([BIN, "generate", "--profile", "big.yaml"], cwd=work)[2]) for _ in range(args.runs)]
    render = median([r["renderSeconds"] for r in renders])
    lib = json.loads(subprocess.run([sys.executable, os.path.join(REPO, "Benchmarks/libyaml_emit.py"), os.path.join(work, "out-0")],
                                    capture_output=True, text=True, check=True).stdout)
    rows.append(("render (YAMLRenderer, all objects)",
                 f"{render:.3f} s ({profile['renderedBytes'] / render / 1e6:.0f} MB/s)",
                 f"libyaml CSafeDumper: {lib['seconds']:.3f} s ({lib['bytes'] / lib['seconds'] / 1e6:.0f} MB/s, {lib['documents']} docs)",
                 f"≤ 2× ({render / lib['seconds']:.2f}×)"))

    # 3. Commit through libgit2 against the git CLI. platformc commit compiles too, so its commit
    # share is the commit time less the time of `check` (the same compile, writing nothing).
    checks = [run([BIN, "check", "big.yaml"], cwd=work)[0] for _ in range(args.runs)]
    checks2 = [run([BIN, "check", "big2.yaml"], cwd=work)[0] for _ in range(args.runs)]
    full, inc, git_full, git_inc = [], [], [], []
    for i in range(args.runs):
        shutil.rmtree(os.path.join(work, "repo"), ignore_errors=True)
        full.append(run([BIN, "commit", "big.yaml", "--repo", "repo"], cwd=work)[0])
        inc.append(run([BIN, "commit", "big2.yaml", "--repo", "repo"], cwd=work)[0])
        git_dir = os.path.join(work, f"git-{i}")
        shutil.rmtree(git_dir, ignore_errors=True)
        shutil.copytree(os.path.join(work, "out-0"), git_dir)
        git_full.append(shell("git init -q . && git add -A && git commit -qm full", git_dir))
        shutil.rmtree(os.path.join(work, "out-big2"), ignore_errors=True)
        run([BIN, "compile", "big2.yaml", "--out", "out-big2"], cwd=work)
        shell(f"cp -R {work}/out-big2/. {git_dir}/", git_dir)
        git_inc.append(shell("git add -A && git commit -qm one", git_dir))
    check, check2 = median(checks), median(checks2)
    full_share, inc_share = median(full) - check, median(inc) - check2
    rows.append(("commit 30k files (platformc commit, total)", f"{median(full):.2f} s", f"check alone: {check:.2f} s", ""))
    rows.append(("commit share (total − check)", f"{full_share:.2f} s", f"git add -A && git commit: {median(git_full):.2f} s",
                 f"faster than git ({full_share / median(git_full):.2f}×)"))
    rows.append(("incremental recommit, one model changed (total)", f"{median(inc):.2f} s", f"check alone: {check2:.2f} s", ""))
    rows.append(("incremental commit share (total − check)", f"{inc_share:.3f} s", f"git add -A && git commit: {median(git_inc):.2f} s",
                 f"< 10% of full ({100 * inc_share / full_share:.1f}%)"))

    # 4. Diff of two large trees.
    diffs = [run([BIN, "diff", "big2.yaml", "--base", "dir:out-0"], cwd=work, check=False)[0] for _ in range(args.runs)]
    rows.append(("diff two large trees (total)", f"{median(diffs):.2f} s", f"check alone: {check2:.2f} s", ""))
    rows.append(("diff share (total − check)", f"{median(diffs) - check2:.2f} s",
                 f"diff -r of the trees: {median([shell('diff -r out-0 out-big2 >/dev/null || true', work) for _ in range(args.runs)]):.2f} s",
                 "< 1 s"))

    print(f"\nplatformc benchmarks, {os.cpu_count()} cores, medians of {args.runs} runs\n")
    print("| benchmark | platformc | reference (same run) | target |")
    print("|---|---|---|---|")
    for r in rows:
        print("| " + " | ".join(r) + " |")


if __name__ == "__main__":
    main()
