/**
 * The browser client: {@link org.actionhero4j.clientgen.ClientGenPlugin} renders
 * {@code ActionheroWebsocketClient.js} and its TypeScript declarations at start-up from the
 * {@code websocket} config section and serves them from memory under the public path. The client
 * speaks Actionhero's protocol on Primus framing, answers heartbeats, reconnects with back-off and
 * re-joins its rooms, and falls back to HTTP when it is not connected.
 */
package org.actionhero4j.clientgen;
