package org.actionhero4j.spi.support;

import java.util.concurrent.atomic.AtomicBoolean;
import org.actionhero4j.spi.SocketSession.WriteCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Guards a {@link WriteCallback} so that it is invoked exactly once. */
public final class WriteOnce {

  private static final Logger LOG = LoggerFactory.getLogger(WriteOnce.class);

  private final AtomicBoolean done = new AtomicBoolean();
  private final WriteCallback callback;

  public WriteOnce(WriteCallback callback) {
    this.callback = callback;
  }

  public void complete(Throwable failure) {
    if (!done.compareAndSet(false, true) || callback == null) {
      return;
    }
    try {
      callback.done(failure);
    } catch (Throwable t) {
      LOG.warn("write callback threw", t);
    }
  }
}
