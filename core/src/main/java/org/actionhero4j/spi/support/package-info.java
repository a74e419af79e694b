/**
 * What every transport shares so that all behave alike: a socket's life and close handshake
 * ({@link org.actionhero4j.spi.support.SocketState}), close frame payloads, the shutdown drain
 * ({@link org.actionhero4j.spi.support.OpenSockets}) and small concurrency helpers. A transport
 * adapts its server's frames and timers to these; no Actionhero or Primus semantics live here.
 */
@NullMarked
package org.actionhero4j.spi.support;

import org.jspecify.annotations.NullMarked;
