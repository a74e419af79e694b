package org.actionhero4j.transport.undertow.tck;

import org.actionhero4j.tck.ChatTck;

/** The TCK's Chat suite on Undertow. */
class UndertowChatTest extends ChatTck {
  @Override
  protected String transport() {
    return "undertow";
  }
}
