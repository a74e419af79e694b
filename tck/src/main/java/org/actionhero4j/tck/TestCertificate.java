package org.actionhero4j.tck;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A self-signed certificate for {@code localhost} and {@code 127.0.0.1}, made once per test JVM
 * with the JDK's {@code keytool}, as a PKCS12 key store and as PEM files.
 *
 * @param keyStore the PKCS12 file
 * @param password its password (also the key's)
 * @param certificatePem the certificate as PEM
 * @param privateKeyPem the private key as unencrypted PKCS#8 PEM
 */
public record TestCertificate(Path keyStore, String password, Path certificatePem, Path privateKeyPem) {

  private static TestCertificate rsa;
  private static TestCertificate ec;

  /** An RSA 2048 certificate. */
  public static synchronized TestCertificate rsa() {
    if (rsa == null) {
      rsa = generate("RSA", "-keysize", "2048");
    }
    return rsa;
  }

  /** An EC P-256 certificate. */
  public static synchronized TestCertificate ec() {
    if (ec == null) {
      ec = generate("EC", "-groupname", "secp256r1");
    }
    return ec;
  }

  private static TestCertificate generate(String algorithm, String sizeOption, String size) {
    try {
      Path dir = Files.createTempDirectory("ah4j-cert-");
      dir.toFile().deleteOnExit();
      Path store = dir.resolve("server.p12");
      String password = "changeit-" + algorithm.toLowerCase();
      Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
      Process process =
          new ProcessBuilder(
                  keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", algorithm, sizeOption, size,
                  "-dname", "CN=localhost", "-ext", "san=dns:localhost,ip:127.0.0.1", "-validity", "30",
                  "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", password,
                  "-keypass", password)
              .redirectErrorStream(true)
              .start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("keytool failed: " + output);
      }
      KeyStore keys = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(store)) {
        keys.load(in, password.toCharArray());
      }
      X509Certificate certificate = (X509Certificate) keys.getCertificate("server");
      PrivateKey key = (PrivateKey) keys.getKey("server", password.toCharArray());
      Path certPem = dir.resolve("server.crt");
      Path keyPem = dir.resolve("server.key");
      Files.writeString(certPem, pem("CERTIFICATE", certificate.getEncoded()));
      Files.writeString(keyPem, pem("PRIVATE KEY", key.getEncoded()));
      for (Path p : List.of(store, certPem, keyPem)) {
        p.toFile().deleteOnExit();
      }
      return new TestCertificate(store, password, certPem, keyPem);
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new IllegalStateException("cannot make a test certificate: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  /** A client context that trusts any server certificate (tests only). */
  public static SSLContext trustAll() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new TrustEverything()}, null);
      return context;
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class TrustEverything implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
