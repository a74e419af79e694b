package org.actionhero4j.transport.undertow;

import io.undertow.conduits.ReadDataStreamSourceConduit;
import io.undertow.connector.PooledByteBuffer;
import io.undertow.server.Connectors;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.protocol.http.HttpServerConnection;
import io.undertow.util.Headers;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.util.Locale;
import org.actionhero4j.spi.support.ChunkedDecoder;
import org.xnio.IoUtils;
import org.xnio.channels.StreamSinkChannel;
import org.xnio.conduits.AbstractStreamSourceConduit;
import org.xnio.conduits.ConduitReadableByteChannel;
import org.xnio.conduits.StreamSourceConduit;

/**
 * Chunked request bodies decoded by core's strict {@link ChunkedDecoder} in place of Undertow's
 * own decoder, which reads a size that is not hexadecimal as the last chunk and closes the
 * connection on an overflowing one: broken framing now fails the read with a reason, core answers
 * 400 and the connection closes after that answer.
 */
final class StrictChunks extends AbstractStreamSourceConduit<StreamSourceConduit> {

  private final HttpServerExchange exchange;
  private final HttpServerConnection connection;
  private final ChunkedDecoder decoder = new ChunkedDecoder();
  private boolean failed;
  private boolean ended;

  private StrictChunks(HttpServerExchange exchange, HttpServerConnection connection) {
    super(new ReadDataStreamSourceConduit(connection.getOriginalSourceConduit(), connection)); // raw bytes
    this.exchange = exchange;
    this.connection = connection;
  }

  /** Takes over the body of an HTTP/1.1 request with a transfer coding, before it is read. */
  static void install(HttpServerExchange exchange) {
    String coding = exchange.getRequestHeaders().getLast(Headers.TRANSFER_ENCODING);
    if (exchange.getConnection() instanceof HttpServerConnection http
        && coding != null
        && coding.strip().toLowerCase(Locale.ROOT).endsWith("chunked")
        && !exchange.isRequestComplete()) {
      http.getChannel().getSourceChannel().setConduit(new StrictChunks(exchange, http));
    }
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    if (failed || decoder.finished()) {
      end();
      return -1;
    }
    int copied = 0;
    while (dst.hasRemaining() && !decoder.finished()) {
      PooledByteBuffer pooled = connection.getByteBufferPool().allocate();
      ByteBuffer raw = pooled.getBuffer();
      int read = next.read(raw);
      raw.flip();
      try {
        copied += decoder.decode(raw, dst);
      } catch (ChunkedDecoder.MalformedChunksException e) {
        failed = true;
        exchange.setPersistent(false);
        pooled.close();
        throw e;
      }
      if (raw.hasRemaining()) {
        connection.ungetRequestBytes(pooled); // past the body, or more than dst holds
      } else {
        pooled.close();
      }
      if (read == -1) {
        throw new ClosedChannelException(); // the peer left within the body
      }
      if (read == 0) {
        break;
      }
    }
    if (copied == 0 && decoder.finished()) {
      end();
      return -1;
    }
    return copied;
  }

  @Override
  public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
    for (int i = offset; i < offset + length; i++) {
      if (dsts[i].hasRemaining()) {
        return read(dsts[i]);
      }
    }
    return 0;
  }

  @Override
  public long transferTo(long position, long count, FileChannel target) throws IOException {
    return target.transferFrom(new ConduitReadableByteChannel(this), position, count);
  }

  @Override
  public long transferTo(long count, ByteBuffer throughBuffer, StreamSinkChannel target) throws IOException {
    return IoUtils.transfer(new ConduitReadableByteChannel(this), count, throughBuffer, target);
  }

  @Override
  public void terminateReads() throws IOException {
    if (!decoder.finished()) {
      exchange.setPersistent(false);
    }
    end();
    next.terminateReads();
  }

  private void end() {
    if (!ended) {
      ended = true;
      Connectors.terminateRequest(exchange);
    }
  }
}
