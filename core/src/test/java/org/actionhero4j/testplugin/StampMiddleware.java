package org.actionhero4j.testplugin;

import org.actionhero4j.ActionContext;
import org.actionhero4j.ActionMiddleware;

/** A global middleware: stamps every response. */
public final class StampMiddleware implements ActionMiddleware {

  @Override
  public String name() {
    return "greeting-stamp";
  }

  @Override
  public boolean global() {
    return true;
  }

  @Override
  public void postProcessor(ActionContext ctx) {
    ctx.response().put("stampedBy", "greeting-plugin");
  }
}
