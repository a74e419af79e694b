package org.actionhero4j.transport.undertow.tck;

import org.actionhero4j.tck.MalformedRequestsTck;

/** The TCK's MalformedRequests suite on Undertow. */
class UndertowMalformedRequestsTest extends MalformedRequestsTck {
  @Override
  protected String transport() {
    return "undertow";
  }

  /** Undertow's chunked decoder closes the connection on broken framing before core can answer. */
  @Override
  protected boolean answersBrokenChunks() {
    return false;
  }
}
