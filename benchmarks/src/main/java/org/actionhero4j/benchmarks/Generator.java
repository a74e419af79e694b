package org.actionhero4j.benchmarks;

/**
 * The load generator: {@code java -cp ... org.actionhero4j.benchmarks.Generator MODE --option
 * value ...}. Every socket and request targets the loopback range only; every run is bounded in
 * time.
 *
 * <pre>
 * rpc        --port P [--connections 100] [--inflight 5] [--warmup 5] [--duration 20] [--threads 1]
 * http       --port P [--connections 50] [--warmup 5] [--duration 20] [--http-path /api/echo?message=x]
 * broadcast  --port P [--members 1000] [--rounds 50] [--warmup-rounds 10] [--gap-ms 20] [--threads 1]
 * cluster-polling [--connections 50] [--warmup 5] [--duration 15]   (starts its own Redis and two nodes)
 * polling --port P [--path /primus/] [--connections 50] [--warmup 10] [--duration 20] [--server-pid PID]
 * idle       --port P --server-pid PID [--connections 2000] [--per-proc 5000] [--per-ip 2000] [--hold 10]
 * soak       --ports P[,P2] --server-pids PID[,PID2] [--duration 600] [--warmup 120] [--sample 30] (see SoakBench)
 * common     [--host 127.0.0.1] [--protocol actionhero|socketio] [--path P] [--label NAME]
 *            [--results FILE] [--server-pid PID]
 * </pre>
 *
 * {@code --protocol} picks what the WebSocket modes speak ({@link
 * org.actionhero4j.benchmarks.client.WsProtocol}): Actionhero over Primus framing at {@code
 * /primus} (the default), or Socket.IO 4 over Engine.IO at {@code
 * /socket.io/?EIO=4&transport=websocket}; {@code --path} overrides the protocol's path.
 *
 * Results are printed as {@code RESULT <label> <metric> <value>} lines (and appended to
 * {@code --results}); {@link Report} turns such a file into the comparison table.
 */
public final class Generator {

  private Generator() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: Generator rpc|http|broadcast|idle|soak [--option value ...]");
      System.exit(2);
    }
    Args a = new Args(args, 1);
    String host = a.get("host", "127.0.0.1");
    if (!host.startsWith("127.") && !host.equals("localhost")) {
      throw new IllegalArgumentException("loopback targets only (127.0.0.0/8), not " + host);
    }
    switch (args[0]) {
      case "rpc" -> RpcBench.run(a);
      case "http" -> HttpBench.run(a);
      case "broadcast" -> BroadcastBench.run(a);
      case "cluster-broadcast" -> ClusterBroadcastBench.run(a);
      case "cluster-polling" -> ClusterPollingBench.run(a);
      case "polling" -> ClusterPollingBench.runSingle(a);
      case "idle" -> IdleBench.run(a);
      case "idle-hold" -> IdleBench.hold(a);
      case "soak" -> SoakBench.run(a);
      default -> {
        System.err.println("unknown mode " + args[0]);
        System.exit(2);
      }
    }
    System.exit(0);
  }
}
