package org.actionhero4j.transport.jetty.tck;

import org.actionhero4j.tck.EngineIoTck;

/** The TCK's Engine.IO suite on Jetty. */
class JettyEngineIoTest extends EngineIoTck {
  @Override
  protected String transport() {
    return "jetty";
  }
}
