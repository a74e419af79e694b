package ${package};

import org.actionhero4j.ActionContext;
import org.actionhero4j.ActionMiddleware;
import org.actionhero4j.RequestLocal;

/** Adds how long each action took to its response. */
public final class Timing implements ActionMiddleware {

  private static final RequestLocal<Long> STARTED = RequestLocal.named("startedAt", Long.class);

  @Override
  public String name() {
    return "timing";
  }

  @Override
  public boolean global() {
    return true;
  }

  @Override
  public void preProcessor(ActionContext ctx) {
    ctx.locals().put(STARTED, System.nanoTime());
  }

  @Override
  public void postProcessor(ActionContext ctx) {
    ctx.locals().get(STARTED).ifPresent(started -> ctx.response().put("tookMicros", (System.nanoTime() - started) / 1000));
  }
}
