package org.actionhero4j.internal.socket.engineio;

import org.actionhero4j.spi.CloseCode;
import org.actionhero4j.spi.SocketListener;
import org.actionhero4j.spi.SocketSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Engine.IO packets over one WebSocket, one packet per frame: first the probe of an upgrade
 * ({@code 2probe}, then {@code 5}) unless the session began on this socket, then the session's own
 * traffic.
 */
final class WebSocketFrames implements SocketListener {

  private static final Logger log = LoggerFactory.getLogger(WebSocketFrames.class);

  private final EngineSession session;
  private final SocketSession socket;
  private boolean carrying;

  WebSocketFrames(EngineSession session, SocketSession socket) {
    this.session = session;
    this.socket = socket;
  }

  /** A socket that carries the session from its first frame (a direct WebSocket session). */
  static WebSocketFrames carrying(EngineSession session, SocketSession socket) {
    WebSocketFrames frames = new WebSocketFrames(session, socket);
    frames.carrying = true;
    return frames;
  }

  @Override
  public void onText(String text) {
    var decoded = PacketCodec.decode(text);
    if (decoded.isEmpty()) {
      log.debug("engine.io session {} sent an invalid packet; closing it", session.sid());
      if (carrying) {
        session.close(CloseCode.INVALID_PAYLOAD, "parse error");
      } else {
        socket.close(CloseCode.INVALID_PAYLOAD, "parse error");
      }
      return;
    }
    Packet packet = decoded.get();
    if (carrying) {
      session.receive(packet);
    } else if (packet instanceof Packet.Text t && t.type() == Packet.Type.PING && "probe".equals(t.data())) {
      session.probed(socket);
    } else if (packet instanceof Packet.Text t && t.type() == Packet.Type.UPGRADE) {
      carrying = true;
      session.upgrade(socket);
    } else {
      socket.close(CloseCode.PROTOCOL_ERROR, "upgrade expected");
    }
  }

  @Override
  public void onBinary(byte[] data) {
    if (carrying) {
      session.receive(new Packet.Binary(data));
    }
  }

  @Override
  public void onPing() {}

  @Override
  public void onClose(CloseCode code, String reason) {
    session.webSocketClosed(socket, code.value(), reason);
  }
}
