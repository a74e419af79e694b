package org.actionhero4j.transport.undertow.tck;

import org.actionhero4j.tck.PrimusLayerTck;

/** The TCK's PrimusLayer suite on Undertow. */
class UndertowPrimusLayerTest extends PrimusLayerTck {
  @Override
  protected String transport() {
    return "undertow";
  }
}
