package org.actionhero4j.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A close the client starts is answered with the client's own code (RFC 6455 5.5.1). */
public class CloseHandshakeTck extends TransportTck {

  @Test
  void aClientCloseIsAnsweredWithTheSameCode() throws Exception {
    TckSocket s = app().welcomedSocket();
    s.close(1000, "bye");
    assertEquals(1000, s.awaitClose());
  }

  @Test
  void anApplicationCloseCodeIsEchoed() throws Exception {
    TckSocket s = app().welcomedSocket();
    s.close(4001, "app says bye");
    assertEquals(4001, s.awaitClose());
  }
}
