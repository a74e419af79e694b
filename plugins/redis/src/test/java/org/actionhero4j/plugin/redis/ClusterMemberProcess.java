package org.actionhero4j.plugin.redis;

import java.util.Map;
import org.actionhero4j.Actionhero;
import org.actionhero4j.testing.SpecHelper;
import org.actionhero4j.testing.TestConnection;

/**
 * A cluster node in its own JVM, for tests that kill it: joins a room with one connection, prints
 * {@code JOINED <connection id>} and runs until killed. Arguments: key prefix, room, node id, redis URL.
 */
public final class ClusterMemberProcess {

  private ClusterMemberProcess() {}

  public static void main(String[] args) throws Exception {
    Actionhero app =
        Actionhero.builder().set("web.enabled", false)
            .noConfigDirectory()
            .environmentVariables(Map.of())
            .discoverPlugins(false)
            .plugin(new RedisPlugin())
            .set("redis.enabled", true)
            .set("redis.url", args[3])
            .set("redis.keyPrefix", args[0])
            .set("general.id", args[2])
            .start();
    TestConnection member = SpecHelper.of(app).connection();
    member.verb("roomAdd", args[1]);
    System.out.println("JOINED " + member.id());
    System.out.flush();
    app.awaitStop();
  }
}
