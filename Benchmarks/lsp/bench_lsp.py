#!/usr/bin/env python3
"""Re-check latency of `platformc lsp` (issue 19): opens the bundled platform.yaml, then sends N
full-text `textDocument/didChange` edits, alternating a clean spec and one with an error, and times
each from the moment the change is written to the moment its `publishDiagnostics` is read.

  Benchmarks/lsp/bench_lsp.py [--binary .build/release/platformc] [--edits 200]

Prints min / median / p95 / max in milliseconds, and the server's own CPU time per edit (user +
system from /proc/PID/stat, summed over all edits of a kind and divided by their count), which a
loaded machine does not inflate. Not a timed test: figures go to RESULTS.md.
"""
import argparse
import json
import os
import statistics
import subprocess
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class Client:
    def __init__(self, binary):
        self.process = subprocess.Popen([binary, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.next_id = 0

    def send(self, message):
        body = json.dumps(dict(message, jsonrpc="2.0")).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def read(self):
        length = None
        while True:
            line = self.process.stdout.readline()
            if line in (b"\r\n", b""):
                break
            name, value = line.decode().split(":", 1)
            if name.lower() == "content-length":
                length = int(value)
        return json.loads(self.process.stdout.read(length))

    def request(self, method, params):
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        while True:
            message = self.read()
            if message.get("id") == self.next_id:
                return message


def cpu_ms(pid):
    """User + system CPU time of a process so far, in milliseconds (proc(5): fields 14 and 15, in clock ticks)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(REPO, ".build/release/platformc"))
    parser.add_argument("--edits", type=int, default=200)
    args = parser.parse_args()
    load = os.getloadavg()[0]
    spec = os.path.join(REPO, "platform.yaml")
    uri = "file://" + spec
    clean = open(spec).read()
    broken = clean.replace("    replicas: { min: 2, max: 4 }\n    autoscaling: { metric: queueDepth, target: 8 }",
                           "    replica: { min: 2, max: 4 }\n    autoscaling: { metric: queueDepth, target: 8 }", 1)
    assert broken != clean
    client = Client(args.binary)
    client.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
    client.send({"method": "initialized", "params": {}})
    client.send({"method": "textDocument/didOpen",
                 "params": {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": clean}}})
    client.read()
    times = {"clean": [], "error": []}
    cpu = {"clean": 0.0, "error": 0.0}
    for version in range(2, args.edits + 2):
        text, kind = (broken, "error") if version % 2 else (clean, "clean")
        cpu_start = cpu_ms(client.process.pid)
        start = time.perf_counter()
        client.send({"method": "textDocument/didChange",
                     "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}})
        published = client.read()
        times[kind].append((time.perf_counter() - start) * 1000)
        cpu[kind] += cpu_ms(client.process.pid) - cpu_start
        assert published["params"]["version"] == version
        assert bool(published["params"]["diagnostics"]) == (kind == "error"), published
    client.request("shutdown", None)
    client.send({"method": "exit"})
    client.process.wait()
    print(f"binary: {os.path.relpath(args.binary, REPO)}, edits: {args.edits}")
    print(f"load average (1 min) at the start: {load:.1f}")
    print("| after the edit | edits | min ms | median ms | p95 ms | max ms | server CPU ms per edit |\n|---|---:|---:|---:|---:|---:|---:|")
    for kind, values in times.items():
        values.sort()
        p95 = values[int(len(values) * 0.95) - 1]
        print(f"| {kind} spec | {len(values)} | {values[0]:.1f} | {statistics.median(values):.1f} | {p95:.1f} | {values[-1]:.1f} | {cpu[kind] / len(values):.1f} |")


if __name__ == "__main__":
    main()
