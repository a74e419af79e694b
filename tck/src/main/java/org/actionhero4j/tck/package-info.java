/**
 * The transport TCK: black-box suites that start a real server and drive it over real ports with
 * the JDK's HTTP and WebSocket clients (HTTP and files, the Primus layer, the socket protocol, chat,
 * limits and lifecycle). A transport or cluster module runs them by registering one
 * {@link org.actionhero4j.tck.ServerUnderTestProvider} in its test resources and adding one JUnit
 * Platform {@code @Suite} class; the suites are not subclassed.
 */
package org.actionhero4j.tck;
