package org.actionhero4j.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.actionhero4j.config.ConfigException;
import org.actionhero4j.config.WebConfig.Secure;
import org.actionhero4j.spi.ListenerSecurity;
import org.actionhero4j.tck.TestCertificate;
import org.junit.jupiter.api.Test;

/** TLS config to an SSL context (here, not in core: it needs the TCK's test certificate). */
class TlsContextTest {

  private static Secure keyStore(TestCertificate c, String password) {
    return new Secure(true, c.keyStore().toString(), password, "", "", List.of(), List.of(), 0);
  }

  @Test
  void tlsIsOffUnlessEnabled() {
    assertInstanceOf(ListenerSecurity.Plain.class, TlsContext.of(Secure.OFF));
  }

  @Test
  void aKeyStoreGivesTls12And13ByDefault() {
    TestCertificate c = TestCertificate.rsa();
    ListenerSecurity.Tls tls = assertInstanceOf(ListenerSecurity.Tls.class, TlsContext.of(keyStore(c, c.password())));
    assertEquals(List.of("TLSv1.3", "TLSv1.2"), tls.protocols());
  }

  @Test
  void pemFilesWithAnEcKeyWork() {
    TestCertificate c = TestCertificate.ec();
    Secure pem = new Secure(true, "", "", c.certificatePem().toString(), c.privateKeyPem().toString(), List.of(), List.of(), 0);
    assertInstanceOf(ListenerSecurity.Tls.class, TlsContext.of(pem));
  }

  @Test
  void neitherKeyStoreNorPemIsAnError() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> TlsContext.of(new Secure(true, "", "", "", "", List.of(), List.of(), 0)));
    assertTrue(e.getMessage().contains("keyStore") && e.getMessage().contains("privateKey"), e.getMessage());
  }

  @Test
  void anUnknownProtocolNamesTheKey() {
    TestCertificate c = TestCertificate.rsa();
    Secure secure = new Secure(true, c.keyStore().toString(), c.password(), "", "", List.of("TLSv9"), List.of(), 0);
    ConfigException e = assertThrows(ConfigException.class, () -> TlsContext.of(secure));
    assertTrue(e.getMessage().startsWith("web.secure.protocols"), e.getMessage());
  }

  @Test
  void aWrongPasswordNamesThePasswordKey() {
    ConfigException e = assertThrows(ConfigException.class, () -> TlsContext.of(keyStore(TestCertificate.rsa(), "nope")));
    assertTrue(e.getMessage().startsWith("web.secure.keyStorePassword"), e.getMessage());
  }
}
