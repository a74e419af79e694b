package org.actionhero4j.transport.undertow.tck;

import org.actionhero4j.tck.EngineIoTck;

/** The TCK's Engine.IO suite on Undertow. */
class UndertowEngineIoTest extends EngineIoTck {
  @Override
  protected String transport() {
    return "undertow";
  }
}
