package org.actionhero4j.plugin.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.pubsub.RedisPubSubListener;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.actionhero4j.ActionheroException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two Redis connections of one node: one for commands (and publishing), one subscribed to the
 * cluster's channels. Lettuce reconnects both by itself and resubscribes the second; while a
 * connection is down, commands fail at once instead of queueing, and every command is bounded by
 * the command timeout.
 */
final class RedisLink implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RedisLink.class);
  private static final java.util.Set<CommandType> REPLAY_NEVER =
      java.util.EnumSet.of(CommandType.PUBLISH, CommandType.EVAL, CommandType.EVALSHA);

  private final String address;
  private final ClientResources resources;
  private final RedisClient client;
  private final StatefulRedisConnection<String, String> commands;
  private final StatefulRedisPubSubConnection<String, String> subscriber;
  private final ConnectionLog connectionLog;
  private final Duration commandTimeout;

  private RedisLink(
      String address,
      Duration commandTimeout,
      ConnectionLog connectionLog,
      ClientResources resources,
      RedisClient client,
      StatefulRedisConnection<String, String> commands,
      StatefulRedisPubSubConnection<String, String> subscriber) {
    this.address = address;
    this.commandTimeout = commandTimeout;
    this.connectionLog = connectionLog;
    this.resources = resources;
    this.client = client;
    this.commands = commands;
    this.subscriber = subscriber;
  }

  /**
   * Connects both connections and subscribes to the channels.
   *
   * @param clientName shown by {@code CLIENT LIST}, suffixed with {@code :commands} / {@code :subscriber}
   * @throws ActionheroException "cluster unavailable: ..." when Redis cannot be reached
   */
  static RedisLink open(
      String url,
      String clientName,
      Duration commandTimeout,
      RedisPubSubListener<String, String> listener,
      String... channels) {
    RedisURI base = RedisURI.create(url);
    String address = base.getHost() + ":" + base.getPort();
    ClientResources resources =
        DefaultClientResources.builder()
            .ioThreadPoolSize(2)
            .computationThreadPoolSize(2)
            // Capped low so that a node is back within a couple of seconds of Redis coming back.
            .reconnectDelay(
                Delay.exponential(
                    Duration.ofMillis(10), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
            .build();
    RedisClient client = RedisClient.create(resources);
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            // A command whose caller was told "cluster unavailable" must not run later: nothing
            // that writes is replayed after a reconnect (RoomStore re-registers after failed writes).
            .replayFilter(command -> REPLAY_NEVER.contains(command.getType()))
            .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
            .socketOptions(
                SocketOptions.builder().connectTimeout(commandTimeout).keepAlive(true).build())
            .build());
    ConnectionLog connectionLog = new ConnectionLog(address);
    client.addListener(connectionLog);
    StatefulRedisConnection<String, String> commands = null;
    StatefulRedisPubSubConnection<String, String> subscriber = null;
    try {
      commands = client.connect(StringCodec.UTF8, uri(url, clientName + ":commands", commandTimeout));
      subscriber =
          client.connectPubSub(StringCodec.UTF8, uri(url, clientName + ":subscriber", commandTimeout));
      subscriber.addListener(listener);
      subscriber.sync().subscribe(channels);
      return new RedisLink(address, commandTimeout, connectionLog, resources, client, commands, subscriber);
    } catch (RedisException e) {
      closeQuietly(commands);
      closeQuietly(subscriber);
      shutdown(client, resources);
      throw new ActionheroException(
          "cluster unavailable: cannot connect to redis at " + address + ": " + describe(e));
    }
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
  <T> T call(Function<RedisCommands<String, String>, T> command) {
    try {
      return command.apply(commands.sync());
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

  /** Runs a script (cached by Redis after the first run). */
  <T> T eval(LuaScript script, ScriptOutputType type, String[] keys, String... args) {
    return call(
        c -> {
          try {
            return c.<T>evalsha(script.sha1(), type, keys, args);
          } catch (RedisNoScriptException e) {
            return c.<T>eval(script.source(), type, keys, args);
          }
        });
  }

  /** Publishes a message; returns how many subscribers received it. */
  long publish(String channel, String message) {
    Long receivers = call(c -> c.publish(channel, message));
    return receivers == null ? 0 : receivers;
  }

  @Override
  public void close() {
    connectionLog.closing = true;
    try {
      subscriber.sync().unsubscribe();
    } catch (RedisException e) {
      log.debug("could not unsubscribe from redis at {}: {}", address, describe(e));
    }
    closeQuietly(subscriber);
    closeQuietly(commands);
    shutdown(client, resources);
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

  private static void shutdown(RedisClient client, ClientResources resources) {
    try {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    } catch (RuntimeException e) {
      log.debug("redis client shutdown failed: {}", e.toString());
    }
    resources.shutdown(0, 2, TimeUnit.SECONDS);
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
