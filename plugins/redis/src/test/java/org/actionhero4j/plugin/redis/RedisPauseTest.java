package org.actionhero4j.plugin.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.actionhero4j.Actionhero;
import org.actionhero4j.ActionheroException;
import org.actionhero4j.testing.TestConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A Redis that is slow, not gone: nobody is told "failed" for what then happens, and retries are harmless. */
class RedisPauseTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @RegisterExtension final TestCluster cluster = new TestCluster();

  @Test
  void aSayThatTimesOutIsReportedAsUnknownIsDeliveredLaterAndItsRetryIsDeliveredOnce() throws Exception {
    Actionhero a = cluster.start("a");
    Actionhero b = cluster.start("b");
    TestConnection sender = TestCluster.member(a, "defaultRoom");
    TestConnection receiver = TestCluster.member(b, "defaultRoom");

    cluster.redis().commands().clientPause(5000);
    List<String> answers = new ArrayList<>();
    for (int attempt = 0; attempt < 2; attempt++) {
      try {
        sender.verb("say", "defaultRoom", "said during the pause");
        answers.add("OK");
      } catch (ActionheroException e) {
        answers.add(e.getMessage());
      }
    }
    for (String answer : answers) {
      assertFalse(answer.contains("fail"), "a say that is then delivered is not reported as failed: " + answer);
      assertTrue(answer.equals("OK") || answer.startsWith("unknown outcome:"), answer);
    }
    assertTrue(answers.get(0).startsWith("unknown outcome:"), "the first say met the pause: " + answers);

    Poll.until(WAIT, "a say goes through after the pause", () -> {
      try {
        sender.verb("say", "defaultRoom", "after the pause");
        return true;
      } catch (ActionheroException e) {
        return false;
      }
    });
    for (TestConnection member : List.of(receiver, sender)) {
      member.awaitMessage(m -> "after the pause".equals(m.get("message")), WAIT);
      assertEquals(1, count(member, "said during the pause"), "delivered once to " + member.id());
    }
  }

  @Test
  void aRoomViewThatTimesOutSaysSoInsteadOfFailing() {
    Actionhero a = start("a");
    TestConnection viewer = TestCluster.member(a, "defaultRoom");
    cluster.redis().commands().clientPause(3000);
    ActionheroException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ActionheroException.class, () -> viewer.verb("roomView", "defaultRoom"));
    assertTrue(e.getMessage().startsWith("unknown outcome:"), e.getMessage());
    Poll.until(WAIT, "roomView answers again", () -> {
      try {
        viewer.verb("roomView", "defaultRoom");
        return true;
      } catch (ActionheroException again) {
        return false;
      }
    });
  }

  private Actionhero start(String name) {
    try {
      return cluster.start(name);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static long count(TestConnection member, String message) {
    List<Map<String, Object>> seen = member.messages();
    return seen.stream().filter(m -> message.equals(m.get("message"))).count();
  }
}
