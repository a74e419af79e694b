#!/usr/bin/env bash
# Runs every benchmark mode against every server, one server at a time, and prints one table.
#
#   benchmarks/run.sh [quick|full]
#
# quick (default): short runs, 1k-member broadcast, 2,000 idle sockets; rpc and http warm up until
#        their throughput settles (5-30 s), so the JVM servers are measured at their full-run pace.
# full: long runs, 1k and 10k-member broadcasts, 19,000 idle sockets,
#       JFR CPU profiles of actionhero4j (Undertow) during extra rpc and http runs.
#
# Servers, each its own process on 127.0.0.1: ah4j-undertow, ah4j-jetty (BenchServer), reference
# (Node.js Actionhero 29.3.5), socketio (Socket.IO 4, Node) and netty-socketio (JVM), the peers,
# spoken to in Socket.IO over Engine.IO (no http mode), bare-undertow, bare-jetty (no framework),
# engineio (a plain Node.js engine.io 6 echo server: the peer of the long-polling mode only), sink
# (the generator's floor).
# Environment:
#   SERVERS="ah4j-undertow reference"   run a subset (default: all nine)
#   SERVER_JDK=25                       run the Java servers on JDK 25 (any feature release): found under
#                                       /usr/lib/jvm, else installed with apt-get (Temurin or OpenJDK)
#   SERVER_JAVA=/path/to/bin/java       or name the JVM for the Java servers yourself
#   SERVER_JVM_FLAGS="..."              their flags (default below); GEN_JVM_FLAGS for the generator
#   SKIP_BUILD=1                        use what target/ holds
#   MODES="polling rpc"                 run a subset of the modes (default: polling rpc http broadcast idle)
#   PROFILE=0|1                         JFR profiles of ah4j-undertow (default: 1 in full, 0 in quick)
# Every process this script starts is killed when it exits. Every load targets 127.0.0.0/8 only.
set -euo pipefail

MODE="${1:-quick}"
case "$MODE" in quick|full) ;; *) echo "usage: $0 [quick|full]" >&2; exit 2 ;; esac

HERE="$(cd "$(dirname "$0")" && pwd)"
cd "$HERE"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$HERE/target/runs/$STAMP-$MODE"
mkdir -p "$OUT"
RESULTS="$OUT/results.txt"
: > "$RESULTS"

STARTED_PIDS=()
cleanup() {
  local pid
  for pid in "${STARTED_PIDS[@]:-}"; do
    [ -n "$pid" ] || continue
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
    fi
  done
  sleep 1
  for pid in "${STARTED_PIDS[@]:-}"; do
    [ -n "$pid" ] || continue
    if kill -0 "$pid" 2>/dev/null; then
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { printf '\n== %s %s\n' "$(date -u +%H:%M:%S)" "$*"; }

# ---------------------------------------------------------------- limits and settings
# 20,000 open files is this machine's hard limit: the server then holds ~19,000 sockets.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
ulimit -n 20000 2>/dev/null || true

if [ "$MODE" = full ]; then
  # warm-ups last from the first figure up to the second, until throughput settles (Warmup.java)
  RPC_WARMUP=20; RPC_WARMUP_MAX=60; RPC_DURATION=30
  HTTP_WARMUP=20; HTTP_WARMUP_MAX=60; HTTP_DURATION=30
  POLL_WARMUP=20; POLL_DURATION=30
  BCAST_SIZES="1000 10000"; BCAST_ROUNDS_1000=100; BCAST_WARMUP_1000=20; BCAST_ROUNDS_10000=40; BCAST_WARMUP_10000=10
  IDLE_CONNECTIONS=19000; IDLE_HOLD=40; IDLE_SETTLE=5
  PROFILE="${PROFILE:-1}"
else
  RPC_WARMUP=5; RPC_WARMUP_MAX=30; RPC_DURATION=6
  HTTP_WARMUP=5; HTTP_WARMUP_MAX=30; HTTP_DURATION=6
  POLL_WARMUP=5; POLL_DURATION=6
  BCAST_SIZES="1000"; BCAST_ROUNDS_1000=30; BCAST_WARMUP_1000=10
  IDLE_CONNECTIONS=2000; IDLE_HOLD=2; IDLE_SETTLE=2
  PROFILE="${PROFILE:-0}"
fi
SERVERS="${SERVERS:-ah4j-undertow ah4j-jetty reference socketio netty-socketio bare-undertow bare-jetty engineio sink}"
JAVA="${JAVA:-java}"
# A JDK of feature release $1 under /usr/lib/jvm, installed with apt-get when none is there yet.
jdk_java() {
  local release="$1" found pkg
  found="$(ls -d /usr/lib/jvm/*-"$release"-* /usr/lib/jvm/*-"$release" 2>/dev/null | head -n1 || true)"
  if [ -z "$found" ] && command -v apt-get >/dev/null; then
    for pkg in "temurin-$release-jdk" "openjdk-$release-jdk-headless"; do
      log "installing $pkg for SERVER_JDK=$release" >&2
      if apt-get install -y -q "$pkg" >&2 2>&1; then break; fi
    done
    found="$(ls -d /usr/lib/jvm/*-"$release"-* /usr/lib/jvm/*-"$release" 2>/dev/null | head -n1 || true)"
  fi
  if [ -z "$found" ] || [ ! -x "$found/bin/java" ]; then
    echo "SERVER_JDK=$release: no JDK $release under /usr/lib/jvm and apt-get could not install one" >&2
    exit 1
  fi
  echo "$found/bin/java"
}
if [ -n "${SERVER_JDK:-}" ]; then
  SERVER_JAVA="$(jdk_java "$SERVER_JDK")"
fi
SERVER_JAVA="${SERVER_JAVA:-$JAVA}"
SERVER_JVM_FLAGS="${SERVER_JVM_FLAGS:--Xms256m -Xmx2g -XX:+UseG1GC -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints}"
GEN_JVM_FLAGS="${GEN_JVM_FLAGS:--Xms512m -Xmx2g -XX:+UseParallelGC}"
CP="$HERE/target/actionhero4j-benchmarks.jar:$HERE/target/lib/*"
# jcmd of the servers' JVM (it attaches to the server for JFR)
JCMD="$(dirname "$(readlink -f "$(command -v "$SERVER_JAVA")")")/jcmd"
[ -x "$JCMD" ] || JCMD=jcmd
GEN=("$JAVA" $GEN_JVM_FLAGS -cp "$CP" org.actionhero4j.benchmarks.Generator)

# ---------------------------------------------------------------- build and prerequisites
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  # through the reactor, so that the modules it depends on need not be installed in ~/.m2
  log "building benchmarks (./mvnw -B -q -pl benchmarks -am package -DskipTests)"
  (cd "$HERE/.." && ./mvnw -B -q -pl benchmarks -am package -DskipTests)
fi
if [[ " $SERVERS " == *" reference "* ]]; then
  if [ ! -d reference-actionhero/node_modules/actionhero ]; then
    log "installing the reference (npm ci)"
    (cd reference-actionhero && npm ci --no-audit --no-fund --loglevel=error)
  fi
  if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
    log "starting redis on 127.0.0.1:6379"
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
  fi
fi
if [[ " $SERVERS " == *" socketio "* ]] && [ ! -d peer-socketio/node_modules/socket.io ]; then
  log "installing the Socket.IO peer (npm ci)"
  (cd peer-socketio && npm ci --no-audit --no-fund --loglevel=error)
fi

if [[ " $SERVERS " == *" engineio "* ]] && [ ! -d peer-engineio/node_modules/engine.io ]; then
  log "installing the engine.io peer (npm ci)"
  (cd peer-engineio && npm ci --no-audit --no-fund --loglevel=error)
fi

{
  echo "mode: $MODE"
  echo "date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "server JVM: $("$SERVER_JAVA" -version 2>&1 | sed -n 2p)"
  echo "server JVM flags: $SERVER_JVM_FLAGS"
  echo "generator JVM: $("$JAVA" -version 2>&1 | sed -n 2p); flags: $GEN_JVM_FLAGS"
  echo "node: $(node --version 2>/dev/null || echo absent); reference: NODE_ENV=production, LOG_LEVEL=warning, node --expose-gc"
  echo "peers: socketio = socket.io $(node -p 'require("./peer-socketio/node_modules/socket.io/package.json").version' 2>/dev/null || echo '(not installed)'), NODE_ENV=production, no DEBUG, node --expose-gc; netty-socketio = $(cd target/lib 2>/dev/null && ls netty-socketio-*.jar 2>/dev/null | sed 's/\.jar$//') on $(cd target/lib 2>/dev/null && ls netty-transport-4*.jar 2>/dev/null | sed 's/\.jar$//')"
  echo "open files limit: $(ulimit -n)"
  echo "load before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/environment.txt"

# ---------------------------------------------------------------- servers
port_of() {
  case "$1" in
    ah4j-undertow) echo 18181 ;; ah4j-jetty) echo 18182 ;; reference) echo 18183 ;;
    bare-undertow) echo 18184 ;; bare-jetty) echo 18185 ;; sink) echo 18186 ;;
    socketio) echo 18187 ;; netty-socketio) echo 18188 ;; engineio) echo 18189 ;;
  esac
}

# what the generator speaks to each server (--protocol), and whether it answers HTTP
protocol_of() {
  case "$1" in socketio|netty-socketio) echo socketio ;; *) echo actionhero ;; esac
}
has_http() {
  case "$1" in socketio|netty-socketio|sink) return 1 ;; *) return 0 ;; esac
}
# where the idle mode reads the heap after GC: netty-socketio serves it beside, on port + 1000
heap_url_of() {
  case "$1" in
    netty-socketio) echo "http://127.0.0.1:$(($2 + 1000))/api/heap" ;;
    *) echo "http://127.0.0.1:$2/api/heap" ;;
  esac
}

MODES="${MODES:-polling rpc http broadcast idle}"
wants() { [[ " $MODES " == *" $1 "* ]]; }

SERVER_PID=""
start_server() {
  local name="$1" port="$2" logfile="$OUT/$1.server.log"
  case "$name" in
    ah4j-undertow|ah4j-jetty)
      local transport="${name#ah4j-}"
      echo "command: $SERVER_JAVA $SERVER_JVM_FLAGS -cp <benchmarks classpath> org.actionhero4j.benchmarks.servers.BenchServer --transport $transport --port $port"
      "$SERVER_JAVA" $SERVER_JVM_FLAGS -cp "$CP" org.actionhero4j.benchmarks.servers.BenchServer --transport "$transport" --port "$port" >"$logfile" 2>&1 &
      ;;
    reference)
      echo "command: PORT=$port reference-actionhero/start.sh  (node --expose-gc node_modules/actionhero/dist/server.js)"
      PORT="$port" "$HERE/reference-actionhero/start.sh" >"$logfile" 2>&1 &
      ;;
    socketio)
      echo "command: PORT=$port peer-socketio/start.sh  (NODE_ENV=production node --expose-gc server.js)"
      PORT="$port" "$HERE/peer-socketio/start.sh" >"$logfile" 2>&1 &
      ;;
    netty-socketio)
      echo "command: $SERVER_JAVA $SERVER_JVM_FLAGS -cp ... NettySocketIoServer --port $port --heap-port $((port + 1000))"
      "$SERVER_JAVA" $SERVER_JVM_FLAGS -cp "$CP" org.actionhero4j.benchmarks.servers.NettySocketIoServer --port "$port" --heap-port "$((port + 1000))" >"$logfile" 2>&1 &
      ;;
    bare-undertow)
      echo "command: $SERVER_JAVA $SERVER_JVM_FLAGS -cp ... BareUndertowServer --port $port"
      "$SERVER_JAVA" $SERVER_JVM_FLAGS -cp "$CP" org.actionhero4j.benchmarks.servers.BareUndertowServer --port "$port" >"$logfile" 2>&1 &
      ;;
    bare-jetty)
      echo "command: $SERVER_JAVA $SERVER_JVM_FLAGS -cp ... BareJettyServer --port $port"
      "$SERVER_JAVA" $SERVER_JVM_FLAGS -cp "$CP" org.actionhero4j.benchmarks.servers.BareJettyServer --port "$port" >"$logfile" 2>&1 &
      ;;
    engineio)
      echo "command: NODE_ENV=production PORT=$port node peer-engineio/server.js"
      NODE_ENV=production PORT="$port" node "$HERE/peer-engineio/server.js" >"$logfile" 2>&1 &
      ;;
    sink)
      echo "command: $SERVER_JAVA $SERVER_JVM_FLAGS -cp ... SinkServer --port $port"
      "$SERVER_JAVA" $SERVER_JVM_FLAGS -cp "$CP" org.actionhero4j.benchmarks.servers.SinkServer --port "$port" >"$logfile" 2>&1 &
      ;;
  esac
  SERVER_PID=$!
  STARTED_PIDS+=("$SERVER_PID")
  local i
  for i in $(seq 1 150); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      sleep 0.5
      return 0
    fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      echo "server $name exited; its log:" >&2
      cat "$logfile" >&2
      return 1
    fi
    sleep 0.2
  done
  echo "server $name did not open port $port within 30 s" >&2
  return 1
}

stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    local i
    for i in $(seq 1 50); do
      kill -0 "$SERVER_PID" 2>/dev/null || break
      sleep 0.2
    done
    kill -9 "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}

# gen NAME LOGNAME MODE ARGS...: one generator run, bounded by `timeout`
gen() {
  local name="$1" logname="$2" mode="$3"
  shift 3
  local limit=900
  timeout --kill-after=10 "$limit" "${GEN[@]}" "$mode" --label "$name" --results "$RESULTS" "$@" \
    > >(tee "$OUT/$name.$logname.log" | grep -v '^RESULT') 2>&1 || echo "(generator $mode exited with $?)"
}

run_server() {
  local name="$1" port
  port="$(port_of "$name")"
  log "$name on 127.0.0.1:$port"
  start_server "$name" "$port" || { echo "skipping $name"; return 0; }
  local pid="$SERVER_PID" # for the Node servers too: their start.sh execs node
  local proto
  proto="$(protocol_of "$name")"

  # Long-polling (Engine.IO v4): ours on the socket path, the engine.io peer on its default path.
  if wants polling && [[ "$name" == ah4j-* || "$name" == engineio ]]; then
    local path=/primus/
    [ "$name" = engineio ] && path=/engine.io/
    gen "$name" polling polling --port "$port" --path "$path" --server-pid "$pid" --connections 50 \
      --warmup "$POLL_WARMUP" --duration "$POLL_DURATION"
  fi
  if [ "$name" = engineio ]; then
    stop_server
    return 0
  fi

  if wants rpc; then
    gen "$name" rpc rpc --protocol "$proto" --port "$port" --server-pid "$pid" --connections 100 --inflight 5 \
      --warmup "$RPC_WARMUP" --warmup-max "$RPC_WARMUP_MAX" --duration "$RPC_DURATION"
  fi

  if has_http "$name" && wants http; then
    gen "$name" http http --port "$port" --server-pid "$pid" --connections 50 \
      --warmup "$HTTP_WARMUP" --warmup-max "$HTTP_WARMUP_MAX" --duration "$HTTP_DURATION"
  fi

  local k
  wants broadcast || BCAST_SIZES=""
  for k in $BCAST_SIZES; do
    local rounds_var="BCAST_ROUNDS_$k" warm_var="BCAST_WARMUP_$k" ips=""
    if [ "$k" -gt 5000 ]; then
      ips="127.0.0.2,127.0.0.3,127.0.0.4,127.0.0.5,127.0.0.6"
    fi
    gen "$name" "bcast$k" broadcast --protocol "$proto" --port "$port" --server-pid "$pid" --members "$k" \
      --rounds "${!rounds_var}" --warmup-rounds "${!warm_var}" --gap-ms 50 --local-ips "$ips" --per-ip 2000
  done

  if [ "$name" != sink ] && wants idle; then
    # a fresh process, so that neither the heap nor the RSS baseline carries the runs above
    stop_server
    start_server "$name" "$port" || { echo "skipping $name idle"; return 0; }
    pid="$SERVER_PID"
    gen "$name" idle idle --protocol "$proto" --port "$port" --server-pid "$pid" --connections "$IDLE_CONNECTIONS" \
      --heap-url "$(heap_url_of "$name" "$port")" \
      --per-proc 5000 --per-ip 2000 --hold "$IDLE_HOLD" --settle "$IDLE_SETTLE"
  fi
  stop_server
}

# profile NAME MODE: a separate server process with JFR CPU sampling from launch (starting JFR in a
# running server costs it ~2/3 of its rpc throughput here; from launch, ~10-15%), warmed up, loaded
# for 20 s, then dumped and summarized. Its figures are not in the table.
profile() {
  local name="$1" mode="$2" port
  port="$(port_of "$name")"
  log "$name: JFR CPU profile of an extra $mode run (not in the table)"
  local saved="$SERVER_JVM_FLAGS"
  SERVER_JVM_FLAGS="$saved -XX:StartFlightRecording=settings=$HERE/src/main/jfr/cpu-samples.jfc,filename=$OUT/$name-$mode.jfr"
  start_server "$name" "$port" || { SERVER_JVM_FLAGS="$saved"; return 0; }
  SERVER_JVM_FLAGS="$saved"
  local pid="$SERVER_PID"
  if [ "$mode" = rpc ]; then
    gen "$name-profiled" "$mode-profiled" rpc --port "$port" --server-pid "$pid" --connections 100 --inflight 5 \
      --warmup 20 --duration 20 --results /dev/null
  else
    gen "$name-profiled" "$mode-profiled" http --port "$port" --server-pid "$pid" --connections 50 \
      --warmup 20 --duration 20 --results /dev/null
  fi
  "$JCMD" "$pid" JFR.dump filename="$OUT/$name-$mode.jfr" >/dev/null || true
  stop_server
  "$SERVER_JAVA" -cp "$CP" org.actionhero4j.benchmarks.JfrSummary "$OUT/$name-$mode.jfr" 20 > "$OUT/$name-$mode.jfr.txt" 2>&1 || true
  head -45 "$OUT/$name-$mode.jfr.txt"
}

# what else runs on the machine (other people's builds would skew the figures)
machine_check() {
  {
    echo "== $(date -u +%H:%M:%S) $1: load $(cut -d' ' -f1-3 /proc/loadavg)"
    ps -eo pid,pcpu,etimes,args --sort=-pcpu | head -6 | cut -c1-160
  } >> "$OUT/load.txt"
}

T0=$(date +%s)
for s in $SERVERS; do
  machine_check "before $s"
  run_server "$s"
done
machine_check "after the runs"
if [ "$PROFILE" = 1 ] && [[ " $SERVERS " == *" ah4j-undertow "* ]]; then
  profile ah4j-undertow rpc
  profile ah4j-undertow http
fi
T1=$(date +%s)

log "results ($MODE, $((T1 - T0)) s of runs; raw figures in $RESULTS)"
"$JAVA" -cp "$CP" org.actionhero4j.benchmarks.Report "$RESULTS" reference | tee "$OUT/table.md"
echo
echo "environment: $OUT/environment.txt; machine load during the run: $OUT/load.txt; logs: $OUT/"
