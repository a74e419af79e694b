package org.actionhero4j.internal.socket.engineio;

/**
 * What an Engine.IO server announces and enforces.
 *
 * @param pingInterval milliseconds between the server's pings
 * @param pingTimeout milliseconds a pong may take before the session counts as gone
 * @param maxPayload the largest POST body (and WebSocket message) accepted, in bytes
 * @param polling whether HTTP long-polling is offered
 * @param websocket whether WebSocket (direct or as an upgrade) is offered
 */
public record EngineIoSettings(
    long pingInterval, long pingTimeout, int maxPayload, boolean polling, boolean websocket) {}
