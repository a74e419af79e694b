/**
 * The contract of the transport SPI itself, checked without core's protocol on top: a bare
 * {@link org.actionhero4j.spi.Transport} is started with a test handler and exercised over loopback
 * sockets (bodies and their limits, asynchronous responses, upgrades, message size limits, close codes,
 * write ordering and threading rules). It runs with the other suites of the TCK.
 */
package org.actionhero4j.tck.adapter;
