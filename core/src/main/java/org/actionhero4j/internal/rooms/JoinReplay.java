package org.actionhero4j.internal.rooms;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.actionhero4j.ChatMessage;

/**
 * One join that replays missed messages: live messages that arrive while the replay is read are
 * held, then sent after it unless the replay already had them; a replayed message whose live copy
 * reaches this node only after the replay is dropped. A node delivers a room's messages in log
 * order, so the first live message the replay did not have ends the replay.
 */
final class JoinReplay {

  /** What to do with a live message for the joining connection. */
  enum Verdict {
    /** The replay is not sent yet: the message waits. */
    HOLD,
    /** The replay had it. */
    DROP,
    /** Newer than the replay: deliver it, and the replay is over. */
    DELIVER_AND_END
  }

  private final List<ChatMessage> held = new ArrayList<>();
  private final Set<String> replayed = new HashSet<>();
  private boolean done;

  synchronized Verdict admit(ChatMessage m) {
    if (!done) {
      held.add(m);
      return Verdict.HOLD;
    }
    return !m.id().isEmpty() && replayed.contains(m.id()) ? Verdict.DROP : Verdict.DELIVER_AND_END;
  }

  /** Whether the replay sent anything whose live copy may still arrive. */
  synchronized boolean replayedAny() {
    return !replayed.isEmpty();
  }

  /** Sends the missed messages, then the held live ones it did not contain; later ones go straight. */
  synchronized void finish(List<ChatMessage> missed, Consumer<ChatMessage> replay, Consumer<ChatMessage> live) {
    for (ChatMessage m : missed) {
      replayed.add(m.id());
      replay.accept(m);
    }
    for (ChatMessage m : held) {
      if (m.id().isEmpty() || !replayed.contains(m.id())) {
        live.accept(m);
      }
    }
    done = true;
  }
}
