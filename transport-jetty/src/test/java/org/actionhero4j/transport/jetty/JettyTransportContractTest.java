package org.actionhero4j.transport.jetty;

import org.actionhero4j.spi.Transport;
import org.actionhero4j.spi.contract.TransportAdapterContract;

class JettyTransportContractTest extends TransportAdapterContract {
  @Override
  protected Transport transport() {
    return new JettyTransport();
  }
}
