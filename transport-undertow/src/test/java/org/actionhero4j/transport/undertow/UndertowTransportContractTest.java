package org.actionhero4j.transport.undertow;

import org.actionhero4j.spi.Transport;
import org.actionhero4j.spi.contract.TransportAdapterContract;

class UndertowTransportContractTest extends TransportAdapterContract {
  @Override
  protected Transport transport() {
    return new UndertowTransport();
  }
}
