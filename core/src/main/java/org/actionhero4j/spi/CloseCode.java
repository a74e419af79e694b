package org.actionhero4j.spi;

/**
 * A WebSocket close status (RFC 6455 7.4). The named ones are those core and transports use;
 * any other value from 1000 to 4999 can be carried too (a peer may send 3000-4999).
 *
 * @param value the status code
 */
public record CloseCode(int value) {

  /** 1000: the purpose of the connection is fulfilled. */
  public static final CloseCode NORMAL = new CloseCode(1000);
  /** 1001: the server is going down or the socket idled out; the client should reconnect. */
  public static final CloseCode GOING_AWAY = new CloseCode(1001);
  /** 1002: the peer broke the protocol. */
  public static final CloseCode PROTOCOL_ERROR = new CloseCode(1002);
  /** 1005: a close frame without a status (never sent). */
  public static final CloseCode NO_STATUS = new CloseCode(1005);
  /** 1006: the connection dropped without a close frame (never sent). */
  public static final CloseCode ABNORMAL = new CloseCode(1006);
  /** 1007: a text message that is not UTF-8. */
  public static final CloseCode INVALID_PAYLOAD = new CloseCode(1007);
  /** 1008: a policy refused the socket (connection middleware, slow consumer). */
  public static final CloseCode POLICY_VIOLATION = new CloseCode(1008);
  /** 1009: a message over the size limit. */
  public static final CloseCode MESSAGE_TOO_BIG = new CloseCode(1009);
  /** 1011: the server failed. */
  public static final CloseCode INTERNAL_ERROR = new CloseCode(1011);

  public CloseCode {
    if (value < 0 || value > 4999) {
      throw new IllegalArgumentException("a close code is 0-4999, not " + value);
    }
  }

  /** Whether this code may be put in a close frame (1005, 1006, 1015 and unassigned ones may not). */
  public boolean sendable() {
    return (value >= 1000 && value <= 1003) || (value >= 1007 && value <= 1014) || (value >= 3000 && value <= 4999);
  }
}
