package org.actionhero4j.transport.jetty.tck;

import org.actionhero4j.tck.ChatTck;

/** The TCK's Chat suite on Jetty. */
class JettyChatTest extends ChatTck {
  @Override
  protected String transport() {
    return "jetty";
  }
}
