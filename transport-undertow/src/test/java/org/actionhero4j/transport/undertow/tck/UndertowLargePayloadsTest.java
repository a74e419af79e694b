package org.actionhero4j.transport.undertow.tck;

import org.actionhero4j.tck.LargePayloadsTck;

/** The TCK's LargePayloads suite on Undertow. */
class UndertowLargePayloadsTest extends LargePayloadsTck {
  @Override
  protected String transport() {
    return "undertow";
  }
}
