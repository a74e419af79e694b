package org.actionhero4j.transport.jetty.tck;

import org.actionhero4j.tck.MalformedRequestsTck;

/** The TCK's MalformedRequests suite on Jetty. */
class JettyMalformedRequestsTest extends MalformedRequestsTck {
  @Override
  protected String transport() {
    return "jetty";
  }
}
