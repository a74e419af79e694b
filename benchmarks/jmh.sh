#!/usr/bin/env bash
# JMH benchmarks of core's hot paths (frame decode/encode, the action pipeline, broadcast encoding).
#
#   benchmarks/jmh.sh [quick|full] [JMH regexp or options...]
#
# quick (default): 1 fork, 2 warm-up and 3 measured iterations of 1 s each; full: the annotations'
# settings (1 fork, 3 × 1 s warm-up, 3 × 2 s measured). Extra arguments go to JMH, e.g.
# `benchmarks/jmh.sh quick FramingBench`. Results: target/jmh/<stamp>.txt (+ .json).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
cd "$HERE"
MODE="${1:-quick}"
[ $# -gt 0 ] && shift
JAVA="${JAVA:-java}"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  # through the reactor, so that the benches run against the core in this checkout, not an older
  # one installed in ~/.m2
  (cd "$HERE/.." && ./mvnw -B -q -pl benchmarks -am package -DskipTests)
fi
mkdir -p target/jmh
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OPTS=(-f 1 -rf json -rff "target/jmh/$STAMP.json")
if [ "$MODE" = quick ]; then
  OPTS+=(-wi 2 -w 1s -i 3 -r 1s)
fi
"$JAVA" -version 2>&1 | sed -n 2p
timeout 1200 "$JAVA" -cp "target/actionhero4j-benchmarks.jar:target/lib/*" org.openjdk.jmh.Main \
  "${OPTS[@]}" -jvmArgs "-Xms512m -Xmx1g" "$@" 2>&1 | tee "target/jmh/$STAMP.txt"
