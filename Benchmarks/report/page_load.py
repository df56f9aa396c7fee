#!/usr/bin/env python3
"""Page load time of `platformc report` for a 5,000-node fleet in headless Chromium (issue 19: under 2 s).

  Benchmarks/report/page_load.py [--bin PATH] [--runs N] [--work DIR] [--html FILE]

Generates the fleet (`platformc generate --nodes 5000`, the benchmarks' largest platform), writes its
report, then loads it N times (default 5) in `chromium --headless --dump-dom` with a probe that reads
the page's Navigation Timing (W3C Navigation Timing Level 2: `loadEventEnd`, `domContentLoadedEventEnd`,
both in ms from the start of navigation) once the load event has finished. Prints medians as Markdown.
The report itself carries no script; the probe goes into a copy whose CSP allows inline scripts.
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROBE = """<script>
window.addEventListener('load', function () { setTimeout(function () {
  var n = performance.getEntriesByType('navigation')[0];
  var p = document.createElement('pre'); p.id = 'timing';
  p.textContent = JSON.stringify({ dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd, bytes: n.transferSize || n.decodedBodySize,
                                   svgs: document.querySelectorAll('svg').length, elements: document.querySelectorAll('svg *').length });
  document.body.appendChild(p); }, 0); });
</script>"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=next((p for p in (os.path.join(REPO, ".build/release/platformc"), os.path.join(REPO, ".build/debug/platformc")) if os.path.exists(p)), None))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", default="/tmp/platformc-report-bench")
    parser.add_argument("--html", help="an existing report to load instead of generating one")
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    html = args.html
    if not html:
        spec = os.path.join(args.work, "fleet.yaml")
        html = os.path.join(args.work, "fleet.html")
        subprocess.run([args.bin, "generate", "--nodes", "5000", "-o", spec], check=True)
        started = time.monotonic()
        subprocess.run([args.bin, "report", spec, "--out", html], check=True, capture_output=True)
        print(f"report written in {time.monotonic() - started:.1f} s ({args.bin})")
    page = open(html, encoding="utf-8").read()
    probed = os.path.join(args.work, "probed.html")
    with open(probed, "w", encoding="utf-8") as f:
        f.write(page.replace("default-src 'none';", "default-src 'none'; script-src 'unsafe-inline';").replace("</body>", PROBE + "</body>"))
    rows = []
    for _ in range(args.runs):
        started = time.monotonic()
        out = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--window-size=1280,3000",
                              f"--user-data-dir={args.work}/profile", "--dump-dom", "file://" + probed],
                             capture_output=True, text=True, check=True).stdout
        wall = time.monotonic() - started
        m = re.search(r'<pre id="timing">(.*?)</pre>', out)
        timing = json.loads(m.group(1).replace("&quot;", '"'))
        rows.append((timing["dcl"], timing["load"], wall, timing))
    last = rows[-1][3]
    print(f"page: {len(page.encode()) / 1e6:.2f} MB, {last['svgs']} SVGs, {last['elements']} SVG elements; {args.runs} runs, medians")
    print("| DOMContentLoaded (ms) | load event end (ms) | chromium process, start to DOM dump (s) |")
    print("|---:|---:|---:|")
    print(f"| {statistics.median(r[0] for r in rows):.0f} | {statistics.median(r[1] for r in rows):.0f} | {statistics.median(r[2] for r in rows):.2f} |")


if __name__ == "__main__":
    main()
