/**
 * The Jetty 12 transport: adapts Jetty's core HTTP handlers and its core WebSocket server (no
 * Servlet) to core's transport SPI. It is found by {@link java.util.ServiceLoader} as the transport
 * named {@code jetty}; putting this jar on the classpath is the whole set-up. It holds no protocol
 * logic: every status code, path and frame is decided by core, which is why it behaves like every
 * other transport.
 */
package org.actionhero4j.transport.jetty;
