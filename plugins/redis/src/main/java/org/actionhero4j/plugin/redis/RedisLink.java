package org.actionhero4j.plugin.redis;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.cluster.pubsub.StatefulRedisClusterPubSubConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.pubsub.RedisPubSubListener;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.actionhero4j.ActionheroException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two Redis connections of one node: one for commands (and publishing), one subscribed to the
 * cluster's channels. Against Redis Cluster both are cluster connections (routed by slot, following
 * failovers) and the channels are sharded ({@code SPUBLISH}/{@code SSUBSCRIBE}). Lettuce reconnects
 * both by itself and resubscribes the second; while a connection is down, commands fail at once
 * instead of queueing, and every command is bounded by the command timeout.
 */
final class RedisLink implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RedisLink.class);
  private static final java.util.Set<CommandType> REPLAY_NEVER =
      java.util.EnumSet.of(CommandType.PUBLISH, CommandType.SPUBLISH, CommandType.EVAL, CommandType.EVALSHA);

  private final String address;
  private final Duration commandTimeout;
  private final boolean sharded;
  private final ClientResources resources;
  private final List<AbstractRedisClient> clients;
  private final StatefulConnection<String, String> commandConnection;
  private final Supplier<RedisClusterCommands<String, String>> commands;
  private final StatefulRedisPubSubConnection<String, String> subscriber;
  private final ConnectionLog connectionLog;
  private final String[] channels;

  private RedisLink(
      String address,
      Duration commandTimeout,
      boolean sharded,
      ConnectionLog connectionLog,
      ClientResources resources,
      List<AbstractRedisClient> clients,
      StatefulConnection<String, String> commandConnection,
      Supplier<RedisClusterCommands<String, String>> commands,
      StatefulRedisPubSubConnection<String, String> subscriber,
      String[] channels) {
    this.address = address;
    this.channels = channels.clone();
    this.commandTimeout = commandTimeout;
    this.sharded = sharded;
    this.connectionLog = connectionLog;
    this.resources = resources;
    this.clients = clients;
    this.commandConnection = commandConnection;
    this.commands = commands;
    this.subscriber = subscriber;
  }

  /**
   * Connects both connections and subscribes to the channels.
   *
   * @param url one {@code redis://} URI, or in cluster mode comma-separated seed URIs
   * @param cluster whether {@code url} points at a Redis Cluster
   * @param clientName shown by {@code CLIENT LIST}, suffixed with {@code :commands} / {@code :subscriber}
   * @throws ActionheroException "cluster unavailable: ..." when Redis cannot be reached
   */
  static RedisLink open(
      String url,
      boolean cluster,
      String clientName,
      Duration commandTimeout,
      RedisPubSubListener<String, String> listener,
      String... channels) {
    List<String> urls = seeds(url);
    String address = String.join(",", urls.stream().map(u -> {
      RedisURI base = RedisURI.create(u);
      return base.getHost() + ":" + base.getPort();
    }).toList());
    ClientResources resources =
        DefaultClientResources.builder()
            .ioThreadPoolSize(2)
            .computationThreadPoolSize(2)
            // Capped low so that a node is back within a couple of seconds of Redis coming back.
            .reconnectDelay(
                Delay.exponential(
                    Duration.ofMillis(10), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
            .build();
    ConnectionLog connectionLog = new ConnectionLog(address);
    List<AbstractRedisClient> clients = new ArrayList<>();
    StatefulConnection<String, String> commandConnection = null;
    StatefulRedisPubSubConnection<String, String> subscriber = null;
    try {
      Supplier<RedisClusterCommands<String, String>> commands;
      if (cluster) {
        RedisClusterClient forCommands = clusterClient(resources, urls, clientName + ":commands", commandTimeout);
        RedisClusterClient forSubscriber = clusterClient(resources, urls, clientName + ":subscriber", commandTimeout);
        clients.add(forCommands);
        clients.add(forSubscriber);
        forCommands.addListener(connectionLog);
        forSubscriber.addListener(connectionLog);
        StatefulRedisClusterConnection<String, String> connection = forCommands.connect(StringCodec.UTF8);
        commandConnection = connection;
        commands = connection::sync;
        StatefulRedisClusterPubSubConnection<String, String> pubSub = forSubscriber.connectPubSub(StringCodec.UTF8);
        subscriber = pubSub;
        pubSub.addListener(listener);
        pubSub.sync().ssubscribe(channels);
      } else {
        RedisClient client = RedisClient.create(resources);
        clients.add(client);
        client.setOptions(options(ClientOptions.builder(), commandTimeout).build());
        client.addListener(connectionLog);
        StatefulRedisConnection<String, String> connection =
            client.connect(StringCodec.UTF8, uri(urls.get(0), clientName + ":commands", commandTimeout));
        commandConnection = connection;
        commands = connection::sync;
        subscriber =
            client.connectPubSub(StringCodec.UTF8, uri(urls.get(0), clientName + ":subscriber", commandTimeout));
        subscriber.addListener(listener);
        subscriber.sync().subscribe(channels);
      }
      return new RedisLink(
          address, commandTimeout, cluster, connectionLog, resources, clients, commandConnection, commands, subscriber,
          channels);
    } catch (RedisException e) {
      closeQuietly(commandConnection);
      closeQuietly(subscriber);
      clients.forEach(c -> shutdown(c));
      resources.shutdown(0, 2, TimeUnit.SECONDS);
      throw new ActionheroException(
          "cluster unavailable: cannot connect to redis at " + address + ": " + describe(e));
    }
  }

  /** The URIs of {@code redis.url}: one, or comma-separated seeds. */
  static List<String> seeds(String url) {
    List<String> urls = new ArrayList<>();
    for (String part : url.split(",")) {
      if (!part.isBlank()) {
        urls.add(part.trim());
      }
    }
    return urls;
  }

  private static <B extends ClientOptions.Builder> B options(B builder, Duration commandTimeout) {
    builder
        .autoReconnect(true)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        // A command whose caller was told "cluster unavailable" must not run later: nothing that
        // writes is replayed after a reconnect (RoomStore re-registers after failed writes).
        .replayFilter(command -> REPLAY_NEVER.contains(command.getType()))
        .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
        .socketOptions(SocketOptions.builder().connectTimeout(commandTimeout).keepAlive(true).build());
    return builder;
  }

  private static RedisClusterClient clusterClient(
      ClientResources resources, List<String> urls, String clientName, Duration timeout) {
    RedisClusterClient client =
        RedisClusterClient.create(resources, urls.stream().map(u -> uri(u, clientName, timeout)).toList());
    ClusterClientOptions.Builder builder = ClusterClientOptions.builder();
    options(builder, timeout);
    // Connections to the shards open on demand: a command waits (within the command timeout) for
    // its shard's connection instead of being rejected; one that times out reports unknown outcome.
    builder.disconnectedBehavior(ClientOptions.DisconnectedBehavior.ACCEPT_COMMANDS);
    // Follow a failover at once (MOVED/ASK, failed connections) and check the layout now and then.
    builder.topologyRefreshOptions(
        ClusterTopologyRefreshOptions.builder()
            .enableAllAdaptiveRefreshTriggers()
            .enablePeriodicRefresh(Duration.ofSeconds(30))
            .build());
    client.setOptions(builder.build());
    return client;
  }

  private static RedisURI uri(String url, String clientName, Duration timeout) {
    RedisURI uri = RedisURI.create(url);
    uri.setTimeout(timeout);
    uri.setClientName(clientName.replaceAll("[^A-Za-z0-9._:@+=/-]", "_"));
    return uri;
  }

  /** Where Redis is, without credentials. */
  String address() {
    return address;
  }

  /**
   * Runs a command on the command connection.
   *
   * @throws ActionheroException "cluster unavailable: ..." when Redis cannot be reached (the
   *     command did not run), or an {@link OutcomeUnknownException} when it did not answer in time
   */
  <T> T call(Function<RedisClusterCommands<String, String>, T> command) {
    try {
      return command.apply(commands.get());
    } catch (RedisCommandExecutionException e) {
      throw new ActionheroException("cluster error: " + e.getMessage());
    } catch (RedisCommandTimeoutException e) {
      // The command was sent: Redis may still run it (a paused or overloaded server does, later).
      throw new OutcomeUnknownException(
          "unknown outcome: redis did not answer within " + commandTimeout.toMillis()
              + " ms; the command may still run");
    } catch (RedisException e) {
      throw new ActionheroException("cluster unavailable: " + describe(e));
    }
  }

  /** Whether channels are sharded (Redis Cluster): {@code SPUBLISH} instead of {@code PUBLISH}. */
  boolean sharded() {
    return sharded;
  }

  /**
   * Runs a script, always with its source ({@code EVAL}; Redis keeps the compiled script). With
   * {@code EVALSHA}, a command that timed out against a Redis without the script cached (one that
   * restarted) would fail with NOSCRIPT unseen: "unknown outcome" would then hide a certain failure.
   */
  <T> T eval(LuaScript script, ScriptOutputType type, String[] keys, String... args) {
    return call(c -> c.<T>eval(script.source(), type, keys, args));
  }

  /** Publishes a message; returns how many subscribers received it. */
  long publish(String channel, String message) {
    Long receivers = call(c -> sharded ? c.spublish(channel, message) : c.publish(channel, message));
    return receivers == null ? 0 : receivers;
  }

  @Override
  public void close() {
    connectionLog.closing = true;
    try {
      if (sharded) {
        subscriber.sync().sunsubscribe(channels);
      } else {
        subscriber.sync().unsubscribe();
      }
    } catch (RedisException e) {
      log.debug("could not unsubscribe from redis at {}: {}", address, describe(e));
    }
    closeQuietly(subscriber);
    closeQuietly(commandConnection);
    clients.forEach(RedisLink::shutdown);
    resources.shutdown(0, 2, TimeUnit.SECONDS);
  }

  private static void closeQuietly(AutoCloseable connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (Exception e) {
      log.debug("closing a redis connection failed: {}", e.toString());
    }
  }

  private static void shutdown(AbstractRedisClient client) {
    try {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    } catch (RuntimeException e) {
      log.debug("redis client shutdown failed: {}", e.toString());
    }
  }

  static String describe(Throwable e) {
    StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
        text.append(" (").append(cause.getMessage()).append(')');
      }
    }
    return text.toString();
  }

  /** Logs when Lettuce loses and regains a connection (it reconnects by itself). */
  private static final class ConnectionLog implements RedisConnectionStateListener {
    private final String address;
    private volatile boolean closing;

    ConnectionLog(String address) {
      this.address = address;
    }

    @Override
    public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress socketAddress) {
      log.debug("connected to redis at {}", address);
    }

    @Override
    public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
      if (!closing) {
        log.warn("lost a connection to redis at {}; reconnecting", address);
      }
    }
  }
}
