#!/usr/bin/env bash
# A soak: the chat example under a mixed, moderate load for DURATION, sampled every 30 s; ends with a
# verdict on memory (flat, or growing by X MB/h) and a check that the counts return to the baseline.
#
#   benchmarks/soak.sh DURATION [nodes]      DURATION: 2m, 10m, 1h ...; nodes: 1 (default) or 2
#
# nodes=2 runs two chat nodes clustered through Redis on 127.0.0.1:6379 (started when none answers
# there), with a key prefix of their own. Environment:
#   TRANSPORT=undertow|jetty     the chat's transport (default undertow)
#   PORT_BASE=18300              node i listens on PORT_BASE+i (two soaks at once need different bases)
#   WARMUP=SECONDS               excluded from the fit (default: a quarter of DURATION, at most 300)
#   SAMPLE=30                    seconds between samples
#   SETTLE=180                   how long the counts may take to return to the baseline at the end
#   OUTBOUND_QUEUE=256           websocket.server.outboundQueueMessages of the nodes (the slow-consumer bound)
#   SERVER_JVM_FLAGS, DRIVER_JVM_FLAGS   the JVMs' flags (defaults below)
#   SOAK_ARGS="--clients 300 --churn-rate 10 ..."   more options for the driver (SoakBench)
#   SKIP_BUILD=1                 never build, even when a jar is missing
# Everything listens on and connects to 127.0.0.1. Output: benchmarks/target/soak/<stamp>-<transport>-<nodes>n/
# (soak.log: the table and verdict; node-<i>.log: the servers). Exit status: 0 when memory is flat
# and the counts came back, 1 otherwise, 2 for a usage error.
set -euo pipefail

usage() { echo "usage: $0 DURATION [nodes]   (DURATION like 2m, 10m, 1h; nodes 1 or 2)" >&2; exit 2; }
[ $# -ge 1 ] || usage
DURATION_ARG="$1"
NODES="${2:-1}"
case "$NODES" in 1|2) ;; *) usage ;; esac
case "$DURATION_ARG" in
  *h) DURATION=$(( ${DURATION_ARG%h} * 3600 )) ;;
  *m) DURATION=$(( ${DURATION_ARG%m} * 60 )) ;;
  *s) DURATION=$(( ${DURATION_ARG%s} )) ;;
  *[!0-9]*|"") usage ;;
  *) DURATION="$DURATION_ARG" ;;
esac
# at least four samples past the warm-up for the fit
[ "$DURATION" -ge 120 ] || { echo "DURATION must be at least 120 s" >&2; exit 2; }
TRANSPORT="${TRANSPORT:-undertow}"
case "$TRANSPORT" in undertow|jetty) ;; *) echo "TRANSPORT must be undertow or jetty" >&2; exit 2 ;; esac
PORT_BASE="${PORT_BASE:-18300}"
SAMPLE="${SAMPLE:-30}"
SETTLE="${SETTLE:-180}"
# the slow-consumer bound: 1024 frames by default, which a paused reader reaches only after the
# heartbeat (30 s pings) has closed it; 256 lets the policy act first
OUTBOUND_QUEUE="${OUTBOUND_QUEUE:-256}"
WARMUP="${WARMUP:-$(( DURATION / 4 < 300 ? DURATION / 4 : 300 ))}"
# a fixed heap (pre-touched) keeps RSS from following the heap's growth and shrinking: what RSS
# still does is the JVM's and the transports' native memory
SERVER_JVM_FLAGS="${SERVER_JVM_FLAGS:--Xms256m -Xmx256m -XX:+AlwaysPreTouch -XX:+UseG1GC}"
DRIVER_JVM_FLAGS="${DRIVER_JVM_FLAGS:--Xms64m -Xmx256m -XX:+UseSerialGC}"

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
CHAT_JAR="$ROOT/examples/chat/target/actionhero4j-example-chat.jar"
CP="$HERE/target/actionhero4j-benchmarks.jar:$HERE/target/lib/*"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$HERE/target/soak/$STAMP-$TRANSPORT-${NODES}n"
mkdir -p "$OUT"

STARTED_PIDS=()
cleanup() {
  local pid
  for pid in "${STARTED_PIDS[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  for pid in "${STARTED_PIDS[@]:-}"; do
    [ -n "$pid" ] || continue
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { printf '== %s %s\n' "$(date -u +%H:%M:%S)" "$*" | tee -a "$OUT/soak.log"; }

if [ ! -f "$CHAT_JAR" ] || [ ! -f "$HERE/target/actionhero4j-benchmarks.jar" ]; then
  [ "${SKIP_BUILD:-0}" != 1 ] || { echo "a jar is missing and SKIP_BUILD=1" >&2; exit 2; }
  log "building the chat example and the benchmarks (package only; nothing is installed)"
  (cd "$ROOT" && ./mvnw -q -B -pl examples/chat,benchmarks -am package -DskipTests)
fi

# run from copies, so that a build during a long soak does not rewrite a jar under a running JVM
mkdir -p "$OUT/jars/lib"
cp "$CHAT_JAR" "$OUT/jars/"
cp "$HERE/target/actionhero4j-benchmarks.jar" "$OUT/jars/"
cp "$HERE"/target/lib/*.jar "$OUT/jars/lib/"
CHAT_JAR="$OUT/jars/$(basename "$CHAT_JAR")"
CP="$OUT/jars/actionhero4j-benchmarks.jar:$OUT/jars/lib/*"

if [ "$NODES" = 2 ] && ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  log "starting redis on 127.0.0.1:6379"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
fi

{
  echo "command: $0 $*  (TRANSPORT=$TRANSPORT PORT_BASE=$PORT_BASE WARMUP=$WARMUP SAMPLE=$SAMPLE SETTLE=$SETTLE)"
  echo "date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr); load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "JVM: $(java -version 2>&1 | sed -n 2p); server flags: $SERVER_JVM_FLAGS; driver flags: $DRIVER_JVM_FLAGS"
  echo "commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
} | tee -a "$OUT/soak.log"

PORTS=()
PIDS=()
CLUSTER_TOKEN="soak-$STAMP-$RANDOM$RANDOM" # general.serverToken, the same on both nodes
for i in $(seq 0 $(( NODES - 1 ))); do
  port=$(( PORT_BASE + i ))
  mkdir -p "$OUT/node-$i" # the working directory: no config/ of anyone else's is read
  env_args=(PORT="$port" ACTIONHERO_WEB_TRANSPORT="$TRANSPORT" ACTIONHERO_WEB_BIND_IP=127.0.0.1
    ACTIONHERO_TITLE="soak-$TRANSPORT-$i"
    ACTIONHERO_GENERAL_STARTING_CHAT_ROOMS='{defaultRoom: {}, otherRoom: {}, soakA: {}, soakB: {}}'
    ACTIONHERO_WEBSOCKET_SERVER_OUTBOUND_QUEUE_MESSAGES="$OUTBOUND_QUEUE")
  if [ "$NODES" = 2 ]; then
    env_args+=(ACTIONHERO_REDIS_ENABLED=true REDIS_URL=redis://127.0.0.1:6379 ACTIONHERO_REDIS_KEY_PREFIX="soak-$STAMP-$TRANSPORT:"
      ACTIONHERO_GENERAL_SERVER_TOKEN="$CLUSTER_TOKEN")
  fi
  log "node $i: $TRANSPORT on 127.0.0.1:$port"
  (cd "$OUT/node-$i" && exec env "${env_args[@]}" java $SERVER_JVM_FLAGS -jar "$CHAT_JAR") >"$OUT/node-$i.log" 2>&1 &
  pid=$!
  STARTED_PIDS+=("$pid")
  up=0
  for _ in $(seq 1 300); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then up=1; break; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  if [ "$up" != 1 ]; then
    echo "node $i did not start on port $port; its log:" >&2
    tail -30 "$OUT/node-$i.log" >&2
    exit 1
  fi
  PORTS+=("$port")
  PIDS+=("$pid")
done

log "load for $DURATION s (warm-up $WARMUP s), then every client closes; the table follows"
# bounded: the load, the settle wait, and room for the samples themselves
LIMIT=$(( DURATION + SETTLE + 600 ))
set +e
timeout --kill-after=20 "$LIMIT" java $DRIVER_JVM_FLAGS -cp "$CP" org.actionhero4j.benchmarks.Generator soak \
  --ports "$(IFS=,; echo "${PORTS[*]}")" --server-pids "$(IFS=,; echo "${PIDS[*]}")" \
  --duration "$DURATION" --warmup "$WARMUP" --sample "$SAMPLE" --settle "$SETTLE" ${SOAK_ARGS:-} \
  2>&1 | tee -a "$OUT/soak.log"
rc=${PIPESTATUS[0]}
set -e
for i in "${!PIDS[@]}"; do
  if ! kill -0 "${PIDS[$i]}" 2>/dev/null; then
    log "node $i exited during the soak; the end of its log:"
    tail -20 "$OUT/node-$i.log" | tee -a "$OUT/soak.log"
    rc=1
  fi
done
for i in "${!PIDS[@]}"; do
  log "node $i log: $(grep -c 'is not reading' "$OUT/node-$i.log" || true) sockets closed by the slow-consumer policy," \
    "$(grep -c ' WARN \| ERROR ' "$OUT/node-$i.log" || true) WARN/ERROR lines in all"
  grep ' WARN \| ERROR ' "$OUT/node-$i.log" | grep -v 'is not reading' | cut -c1-220 | sort | uniq -c | sort -rn | head -10 \
    | tee -a "$OUT/soak.log" || true
done
log "done (exit status $rc); log: $OUT/soak.log"
exit "$rc"
