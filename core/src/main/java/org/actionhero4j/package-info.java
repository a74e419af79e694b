/**
 * The API an application is written against. An {@link org.actionhero4j.Action} declares its name,
 * inputs and versions in an {@link org.actionhero4j.ActionDefinition} and runs with an
 * {@link org.actionhero4j.ActionContext}; the same action answers over HTTP and over the WebSocket.
 * {@link org.actionhero4j.ActionMiddleware}, {@link org.actionhero4j.ConnectionMiddleware} and
 * {@link org.actionhero4j.ChatMiddleware} wrap actions, connections and chat;
 * {@link org.actionhero4j.ChatRooms} and {@link org.actionhero4j.Connections} let server code manage
 * rooms and push to any connection in the cluster. A {@link org.actionhero4j.Plugin}, found by
 * {@link java.util.ServiceLoader} or passed to {@link org.actionhero4j.Actionhero#builder()},
 * registers all of these; {@link org.actionhero4j.Actionhero} starts and stops the server.
 */
@NullMarked
package org.actionhero4j;

import org.jspecify.annotations.NullMarked;
