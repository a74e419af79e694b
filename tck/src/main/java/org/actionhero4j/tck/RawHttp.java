package org.actionhero4j.tck;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLSocket;

/**
 * HTTP/1.1 written and read byte by byte over a real socket (TLS when the app is secure), for
 * requests no well-behaved client would send and for watching {@code 100 Continue}.
 */
public final class RawHttp implements AutoCloseable {

  /** How long one answer may take before the test fails. */
  public static final int TIMEOUT_MILLIS = 5_000;

  /**
   * One response as read from the wire.
   *
   * @param headers lower-case names, the last value of each
   */
  public record Answer(int status, String statusLine, Map<String, String> headers, String body) {}

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  private RawHttp(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new BufferedInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
  }

  /** Opens a connection to the app's port. */
  public static RawHttp open(TckApp app) throws IOException {
    return new RawHttp(connect(app));
  }

  /** A TCP connection to the app's port (TLS when the app is secure), reads bounded by {@link #TIMEOUT_MILLIS}. */
  static Socket connect(TckApp app) throws IOException {
    Socket socket;
    if (app.secure()) {
      SSLSocket tls = (SSLSocket) TestCertificate.trustAll().getSocketFactory().createSocket();
      tls.connect(new InetSocketAddress("127.0.0.1", app.port()), TIMEOUT_MILLIS);
      tls.startHandshake();
      socket = tls;
    } else {
      socket = new Socket();
      socket.connect(new InetSocketAddress("127.0.0.1", app.port()), TIMEOUT_MILLIS);
    }
    socket.setSoTimeout(TIMEOUT_MILLIS);
    return socket;
  }

  /** Sends one request as given (CRLFs included) and reads one answer. */
  public static Answer exchange(TckApp app, String request) throws IOException {
    try (RawHttp http = open(app)) {
      http.write(request.getBytes(StandardCharsets.ISO_8859_1));
      return http.read();
    }
  }

  public void write(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  public void write(String text) throws IOException {
    write(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  /**
   * Writes {@code chunk} {@code times} times on another thread (the server may answer before it
   * has read them all); write failures after the server gave up are expected and ignored.
   */
  public Thread writeInBackground(byte[] chunk, int times) {
    Thread writer =
        new Thread(
            () -> {
              try {
                for (int i = 0; i < times; i++) {
                  out.write(chunk);
                }
                out.flush();
              } catch (IOException expected) {
                // the server answered and closed
              }
            },
            "raw-http-writer");
    writer.setDaemon(true);
    writer.start();
    return writer;
  }

  /** Reads one response: status line, headers, and a body by Content-Length, chunks or EOF. */
  public Answer read() throws IOException {
    String statusLine = line();
    if (statusLine == null) {
      throw new IOException("the connection closed without a status line");
    }
    String[] parts = statusLine.split(" ", 3);
    int status = Integer.parseInt(parts[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    String header;
    while ((header = line()) != null && !header.isEmpty()) {
      int colon = header.indexOf(':');
      headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
    }
    if (status == 100 || status == 101 || status == 204 || status == 304) {
      return new Answer(status, statusLine, headers, "");
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (headers.containsKey("content-length")) {
      body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
    } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      String size;
      while ((size = line()) != null) {
        int n = Integer.parseInt(size.split(";")[0].trim(), 16);
        if (n == 0) {
          line();
          break;
        }
        body.write(in.readNBytes(n));
        line();
      }
    } else {
      body.write(in.readAllBytes());
    }
    return new Answer(status, statusLine, headers, body.toString(StandardCharsets.UTF_8));
  }

  /** Whether the server closed the connection (EOF or a reset within the timeout; not a timeout). */
  public boolean closedByServer() {
    try {
      return in.read() < 0;
    } catch (java.net.SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  private String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
