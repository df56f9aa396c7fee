#!/usr/bin/env python3
"""The reference for the render benchmark: libyaml emitting the same objects platformc rendered.

Loads every YAML file under TREE (untimed), then times PyYAML's CSafeDumper (libyaml's emitter,
driven from Python) writing all of them back out, block style, keys in their original order.
Prints one JSON line: seconds, bytes, documents.
"""
import json
import os
import sys
import time

import yaml

assert yaml.__with_libyaml__, "PyYAML was built without libyaml; the reference would be pure Python"

tree = sys.argv[1]
files = []
for root, _, names in os.walk(tree):
    for name in sorted(names):
        if name.endswith(".yaml"):
            with open(os.path.join(root, name), "rb") as f:
                files.append(list(yaml.load_all(f, Loader=yaml.CSafeLoader)))

best = None
for _ in range(3):
    start = time.perf_counter()
    total = 0
    for docs in files:
        total += len(yaml.dump_all(docs, Dumper=yaml.CSafeDumper, sort_keys=False, default_flow_style=False,
                                   allow_unicode=True, width=1 << 30).encode())
    elapsed = time.perf_counter() - start
    best = elapsed if best is None else min(best, elapsed)
print(json.dumps({"seconds": round(best, 3), "bytes": total, "documents": sum(len(d) for d in files)}))
