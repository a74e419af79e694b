package org.actionhero4j.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.actionhero4j.ActionheroException;

/** Waits for calls to other nodes, turning their failures into the caller's error. */
public final class ClusterCalls {

  private final long rpcTimeoutMillis;

  public ClusterCalls(long rpcTimeoutMillis) {
    this.rpcTimeoutMillis = rpcTimeoutMillis;
  }

  /** The call's answer, or an {@link ActionheroException} saying why there is none. */
  public Object await(CompletableFuture<Object> call) {
    try {
      return call.get(rpcTimeoutMillis + 1000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      Throwable cause = Failures.unwrap(e);
      if (cause instanceof ActionheroException ae) {
        throw ae;
      }
      throw new ActionheroException(Failures.messageOf(cause));
    } catch (TimeoutException e) {
      throw new ActionheroException("RPC Timeout");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ActionheroException("interrupted while waiting for the cluster");
    }
  }
}
