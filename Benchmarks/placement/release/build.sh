#!/bin/bash
# Builds .build/placement-release/harness from main.swift (with the test target's PlacementProblemJSON.swift) and the objects of an existing release build (BUILD, default
# .build/release): the library targets PlatformCore needs, linked as SwiftPM would. Declarations are
# `package`, so the harness is compiled with the build's package name (SwiftPM's -package-name, the
# package folder's name), read from its description.json. Only PlatformCore's placement code runs, so
# the objects must be of a commit whose Placement sources equal the debug build's (release_check.py
# compares the placements).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
BUILD=${BUILD:-$ROOT/.build/release}
PKG=$(python3 -c 'import json,re,sys; d=json.load(open(sys.argv[1])); a=d["swiftCommands"]; \
c=next(v for k,v in a.items() if k.startswith("C.PlatformCore-")); o=c["otherArguments"]; print(o[o.index("-package-name")+1])' \
  "$BUILD/description.json")
OUT=$ROOT/.build/placement-release
mkdir -p "$OUT"
YAML=$ROOT/.build/checkouts/Yams/Sources/CYaml/include
swiftc -O -package-name "$PKG" -I "$BUILD/Modules" \
  -Xcc -fmodule-map-file="$ROOT/Sources/CLibXML2/module.modulemap" -I/usr/include/libxml2 \
  -Xcc -fmodule-map-file="$ROOT/Sources/CCbc/module.modulemap" -I/usr/include/coin \
  -Xcc -fmodule-map-file="$YAML/module.modulemap" -Xcc -I -Xcc "$YAML" \
  -c "$HERE/main.swift" "$ROOT/Tests/PlatformCoreTests/Placement/PlacementProblemJSON.swift" -module-name harness \
  -emit-object -wmo -o "$OUT/main.o"
OBJS=$(find "$BUILD"/{PlatformCore,PlatformFrontEnd,PlatformDocument,PlatformDiagnostics,PlatformConcurrency,Yams,CYaml}.build -name '*.o')
# shellcheck disable=SC2086
swiftc "$OUT/main.o" $OBJS -o "$OUT/harness" $(pkg-config --libs cbc libxml-2.0)
rm "$OUT/main.o"
echo "$OUT/harness"
