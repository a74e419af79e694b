package org.actionhero4j.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.actionhero4j.ChatMessage;

/**
 * One join that replays missed messages: live messages that arrive while the replay is read are
 * held, then sent after it unless the replay already had them, so none arrives twice or out of order.
 */
final class JoinReplay {

  private final List<ChatMessage> held = new ArrayList<>();
  private boolean done;

  /** True when the live message is held for later (the replay is not sent yet). */
  synchronized boolean hold(ChatMessage m) {
    if (done) {
      return false;
    }
    held.add(m);
    return true;
  }

  /** Sends the missed messages, then the held live ones it did not contain; later ones go straight. */
  synchronized void finish(List<ChatMessage> missed, Consumer<ChatMessage> replay, Consumer<ChatMessage> live) {
    Set<String> replayed = new HashSet<>();
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
