/**
 * What module authors implement to extend the server from below. A
 * {@link org.actionhero4j.spi.Transport} moves bytes for HTTP ({@link org.actionhero4j.spi.HttpExchange})
 * and WebSocket ({@link org.actionhero4j.spi.SocketSession}) and makes no protocol decision of its
 * own; a {@link org.actionhero4j.spi.ClusterBus} shares rooms, chat and calls between nodes. Each
 * interface states its threading contract (which thread calls it, what may run concurrently), and
 * every transport is checked against the same contract by the {@code actionhero4j-tck} artifact.
 */
@NullMarked
package org.actionhero4j.spi;

import org.jspecify.annotations.NullMarked;
