package org.actionhero4j.config;

import java.util.List;
import java.util.Map;

/**
 * The {@code general} namespace.
 *
 * @param serverName shown in {@code serverInformation} and the {@code X-Powered-By} header
 * @param apiVersion this application's version, reported by {@code status} and HTTP metadata
 * @param description what the application is, reported by {@code status}
 * @param id this node's id; generated at start when absent
 * @param serverToken shared secret of a cluster; messages with another token are ignored
 * @param welcomeMessage sent to every new socket; empty disables the welcome
 * @param simultaneousActions how many actions one connection may have pending at once
 * @param disableParamScrubbing keep params that are neither inputs nor globally safe
 * @param startingChatRooms rooms created at start
 * @param paths where public files live ({@code public}, the first entry is the primary one)
 * @param shutdownTimeoutMillis how long a graceful stop waits for in-flight actions
 * @param rpcTimeoutMillis how long a cluster call waits for the node that answers it
 * @param actionThreads the pool size used when the JVM has no virtual threads
 * @param maxRooms how many rooms the cluster may hold; creating one more is refused
 * @param maxRoomNameLength the longest room name, in characters
 * @param maxRoomsPerConnection how many rooms one connection may be in; 0 for no limit
 */
public record GeneralConfig(
    String serverName,
    String apiVersion,
    String description,
    String id,
    String serverToken,
    String welcomeMessage,
    int simultaneousActions,
    boolean disableParamScrubbing,
    Map<String, Object> startingChatRooms,
    Paths paths,
    long shutdownTimeoutMillis,
    long rpcTimeoutMillis,
    int actionThreads,
    int maxRooms,
    int maxRoomNameLength,
    int maxRoomsPerConnection) {

  /** The built-in defaults. */
  public static final GeneralConfig DEFAULTS =
      new GeneralConfig(
          "actionhero4j",
          "0.1.0",
          "an actionhero4j application",
          null,
          "change-me",
          "Welcome to the actionhero4j api",
          5,
          false,
          Map.of(),
          new Paths(List.of("public")),
          30_000,
          5_000,
          64,
          10_000,
          256,
          0);

  /** Directories of the application. */
  public record Paths(List<String> publicDirs) {
    /** The directory files are served from first. */
    public String primaryPublic() {
      return publicDirs.isEmpty() ? "public" : publicDirs.get(0);
    }
  }
}
