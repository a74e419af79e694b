package org.actionhero4j.plugin.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lettuce.core.KillArgs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.actionhero4j.Actionhero;
import org.actionhero4j.testing.TestConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Room chat goes through a log: a node whose subscription dropped catches up, in order. */
class ChatLogTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final int SAYS = 1000;

  @RegisterExtension final TestCluster cluster = new TestCluster();

  @Test
  void aNodeWhoseSubscriptionIsCutDuringAStreamOfSaysDeliversEveryMessageInOrder() throws Exception {
    Actionhero a = cluster.start("a");
    Actionhero b = cluster.start("b");
    TestConnection sender = TestCluster.member(a, "defaultRoom");
    TestConnection onB = TestCluster.member(b, "defaultRoom");
    TestConnection alsoOnB = TestCluster.member(b, "defaultRoom");

    CompletableFuture<Void> says = CompletableFuture.runAsync(() -> {
      for (int i = 0; i < SAYS; i++) {
        sender.verb("say", "defaultRoom", "n" + i);
        if (i == SAYS / 3) {
          cluster.redis().commands().clientKill(KillArgs.Builder.typePubsub());
        }
      }
    });
    says.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);

    for (TestConnection member : List.of(onB, alsoOnB, sender)) {
      Poll.until(WAIT, member.id() + " got all " + SAYS + " says", () -> numbered(member).size() >= SAYS);
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < SAYS; i++) {
        expected.add("n" + i);
      }
      assertEquals(expected, numbered(member), "every say once, in order, on " + member.id());
    }
  }

  private static List<String> numbered(TestConnection member) {
    List<String> out = new ArrayList<>();
    for (Map<String, Object> m : member.messages()) {
      if (m.get("message") instanceof String s && s.startsWith("n")) {
        out.add(s);
      }
    }
    return out;
  }
}
