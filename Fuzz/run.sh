#!/usr/bin/env bash
# Builds the libFuzzer target over parse → check → lower → validate → passes and runs it.
#   Fuzz/run.sh [seconds]   (default 600; `make fuzz` calls it)
# The core is built with -sanitize=fuzzer into .build-fuzz (gitignored) so the normal build is untouched.
# New inputs go to .build-fuzz/corpus; the committed seed corpus in Fuzz/corpus is only read.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${1:-600}"
SCRATCH=.build-fuzz
# Build from a snapshot of the sources, so editing the tree while the fuzzer builds or runs is safe.
mkdir -p "$SCRATCH/src"
rm -rf "$SCRATCH/src/Sources" && cp -Rp Package.swift Sources "$SCRATCH/src/"
for t in Tests/*Tests; do mkdir -p "$SCRATCH/src/$t" && touch "$SCRATCH/src/$t/Stub.swift"; done  # test targets must exist
swift build -c release -Xswiftc -sanitize=fuzzer --package-path "$SCRATCH/src" --scratch-path "$SCRATCH" --product PlatformCore >&2
BIN="$SCRATCH/release"
# libPlatformCore.a already holds its dependencies' objects (PlatformDiagnostics, Yams, CYaml).
# The library's API has `package` access: the fuzzer joins the package, whose name SwiftPM takes
# from the folder it builds ("src").
swiftc -O -sanitize=fuzzer -parse-as-library -package-name src -I "$BIN/Modules" -I "$SCRATCH/src/Sources/CLibXML2" -I /usr/include/libxml2 -I "$SCRATCH/src/Sources/CCbc" -I /usr/include/coin \
  Fuzz/FrontEndFuzzer.swift "$BIN/libPlatformCore.a" -lxml2 -lCbcSolver -lCbc -lFoundation -o "$SCRATCH/frontend-fuzzer" >&2
mkdir -p "$SCRATCH/corpus" "$SCRATCH/crashes"
exec "$SCRATCH/frontend-fuzzer" "$SCRATCH/corpus" Fuzz/corpus \
  -max_total_time="$SECONDS_TO_RUN" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -dict=Fuzz/platform.dict -artifact_prefix="$SCRATCH/crashes/" -print_final_stats=1
