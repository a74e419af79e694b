package org.actionhero4j.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.actionhero4j.config.ConfigException;
import org.actionhero4j.config.WebConfig;
import org.actionhero4j.spi.ListenerSecurity;

/**
 * Turns {@code web.secure} into the TLS settings of a listener, with the JDK alone: a PKCS12 key
 * store, or PEM files (an X.509 chain and a PKCS#8 or PKCS#1 RSA key; RSA or EC). Every problem
 * (missing file, wrong password, key not matching the certificate) fails start-up with a
 * {@link ConfigException} naming the key.
 */
public final class TlsContext {

  /** TLS 1.3 and 1.2; older versions are never offered unless configured. */
  public static final List<String> DEFAULT_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

  private static final Pattern PEM =
      Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

  private TlsContext() {}

  /** The TLS settings, or plain when {@code web.secure.enabled} is false. */
  public static ListenerSecurity of(WebConfig.Secure secure) {
    if (!secure.enabled()) {
      return ListenerSecurity.plain();
    }
    KeyStore keys = secure.keyStore().isBlank() ? fromPem(secure) : fromKeyStore(secure);
    char[] password = secure.keyStorePassword().toCharArray();
    checkKeyMatchesCertificate(keys, password, secure.keyStore().isBlank() ? "web.secure.privateKey" : "web.secure.keyStore");
    try {
      KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(keys, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(factory.getKeyManagers(), null, null);
      List<String> protocols = secure.protocols().isEmpty() ? DEFAULT_PROTOCOLS : secure.protocols();
      List<String> supported = List.of(context.getSupportedSSLParameters().getProtocols());
      for (String p : protocols) {
        if (!supported.contains(p)) {
          throw new ConfigException("web.secure.protocols: " + p + " is not supported; expected some of " + supported);
        }
      }
      List<String> suites = List.of(context.getSupportedSSLParameters().getCipherSuites());
      for (String c : secure.cipherSuites()) {
        if (!suites.contains(c)) {
          throw new ConfigException("web.secure.cipherSuites: " + c + " is not supported by this JVM");
        }
      }
      return new ListenerSecurity.Tls(context, protocols, secure.cipherSuites());
    } catch (GeneralSecurityException e) {
      throw new ConfigException("web.secure: cannot set up TLS: " + e.getMessage(), e);
    }
  }

  private static KeyStore fromKeyStore(WebConfig.Secure secure) {
    Path file = existing("web.secure.keyStore", secure.keyStore());
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(in, secure.keyStorePassword().toCharArray());
      if (Collections.list(keys.aliases()).stream().noneMatch(a -> isKey(keys, a))) {
        throw new ConfigException("web.secure.keyStore: " + file + " holds no private key");
      }
      return keys;
    } catch (IOException e) {
      if (e.getCause() instanceof java.security.UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
        throw new ConfigException("web.secure.keyStorePassword: wrong password for " + file, e);
      }
      throw new ConfigException("web.secure.keyStore: " + file + " is not a PKCS12 key store: " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new ConfigException("web.secure.keyStore: cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static boolean isKey(KeyStore keys, String alias) {
    try {
      return keys.isKeyEntry(alias);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static KeyStore fromPem(WebConfig.Secure secure) {
    if (secure.certificate().isBlank() || secure.privateKey().isBlank()) {
      throw new ConfigException(
          "web.secure: set either keyStore (PKCS12) or both certificate and privateKey (PEM)");
    }
    Path certFile = existing("web.secure.certificate", secure.certificate());
    Path keyFile = existing("web.secure.privateKey", secure.privateKey());
    List<Certificate> chain = new ArrayList<>();
    try (InputStream in = Files.newInputStream(certFile)) {
      chain.addAll(CertificateFactory.getInstance("X.509").generateCertificates(in));
    } catch (IOException | GeneralSecurityException e) {
      throw new ConfigException("web.secure.certificate: " + certFile + " is not a PEM certificate: " + e.getMessage(), e);
    }
    if (chain.isEmpty()) {
      throw new ConfigException("web.secure.certificate: " + certFile + " holds no certificate");
    }
    PrivateKey key = privateKey(keyFile);
    try {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry("server", key, secure.keyStorePassword().toCharArray(), chain.toArray(Certificate[]::new));
      return keys;
    } catch (IOException | GeneralSecurityException e) {
      throw new ConfigException("web.secure.privateKey: cannot use " + keyFile + ": " + e.getMessage(), e);
    }
  }

  private static PrivateKey privateKey(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new ConfigException("web.secure.privateKey: cannot read " + file + ": " + e.getMessage(), e);
    }
    Matcher m = PEM.matcher(text);
    while (m.find()) {
      String type = m.group(1);
      byte[] der = Base64.getMimeDecoder().decode(m.group(2));
      if (type.equals("PRIVATE KEY")) {
        return pkcs8(file, der);
      }
      if (type.equals("RSA PRIVATE KEY")) {
        return pkcs8(file, Pkcs1.toPkcs8(der));
      }
      if (type.equals("ENCRYPTED PRIVATE KEY")) {
        throw new ConfigException("web.secure.privateKey: " + file + " is encrypted; give an unencrypted PKCS#8 key");
      }
    }
    throw new ConfigException("web.secure.privateKey: " + file + " holds no PEM private key (BEGIN PRIVATE KEY)");
  }

  private static PrivateKey pkcs8(Path file, byte[] der) {
    for (String algorithm : List.of("RSA", "EC")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException wrongAlgorithm) {
        // try the next one
      }
    }
    throw new ConfigException("web.secure.privateKey: " + file + " is neither an RSA nor an EC key");
  }

  /** Signs with the private key and verifies with the certificate: they must be one pair. */
  private static void checkKeyMatchesCertificate(KeyStore keys, char[] password, String key) {
    try {
      for (String alias : Collections.list(keys.aliases())) {
        if (!keys.isKeyEntry(alias)) {
          continue;
        }
        PrivateKey privateKey = (PrivateKey) keys.getKey(alias, password);
        PublicKey publicKey = ((X509Certificate) keys.getCertificate(alias)).getPublicKey();
        String algorithm = privateKey.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        byte[] probe = "actionhero4j".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(privateKey);
        signer.update(probe);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(publicKey);
        verifier.update(probe);
        if (!publicKey.getAlgorithm().equals(privateKey.getAlgorithm()) || !verifier.verify(signature)) {
          throw new ConfigException(key + ": the private key does not match the certificate");
        }
        return;
      }
    } catch (java.security.UnrecoverableKeyException e) {
      throw new ConfigException("web.secure.keyStorePassword: wrong password for the private key", e);
    } catch (GeneralSecurityException e) {
      throw new ConfigException(key + ": the private key does not match the certificate: " + e.getMessage(), e);
    }
  }

  private static Path existing(String key, String path) {
    Path file = Path.of(path);
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(key + ": no such file " + file.toAbsolutePath());
    }
    return file;
  }

  /** Wraps a PKCS#1 RSA key in the PKCS#8 structure the JDK reads. */
  private static final class Pkcs1 {
    private static final byte[] RSA_ALGORITHM = {
      0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00
    };

    static byte[] toPkcs8(byte[] pkcs1) {
      byte[] version = {0x02, 0x01, 0x00};
      byte[] octets = concat(header(0x04, pkcs1.length), pkcs1);
      byte[] body = concat(version, RSA_ALGORITHM, octets);
      return concat(header(0x30, body.length), body);
    }

    private static byte[] header(int tag, int length) {
      if (length < 0x80) {
        return new byte[] {(byte) tag, (byte) length};
      }
      int bytes = length > 0xFFFFFF ? 4 : length > 0xFFFF ? 3 : length > 0xFF ? 2 : 1;
      byte[] out = new byte[2 + bytes];
      out[0] = (byte) tag;
      out[1] = (byte) (0x80 | bytes);
      for (int i = 0; i < bytes; i++) {
        out[2 + i] = (byte) (length >>> (8 * (bytes - 1 - i)));
      }
      return out;
    }

    private static byte[] concat(byte[]... parts) {
      int size = 0;
      for (byte[] p : parts) {
        size += p.length;
      }
      byte[] out = new byte[size];
      int at = 0;
      for (byte[] p : parts) {
        System.arraycopy(p, 0, out, at, p.length);
        at += p.length;
      }
      return out;
    }
  }
}
