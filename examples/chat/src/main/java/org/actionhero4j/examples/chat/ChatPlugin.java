package org.actionhero4j.examples.chat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.actionhero4j.Plugin;
import org.actionhero4j.PluginContext;
import org.actionhero4j.ServedFile;

/** Everything the chat adds: demo actions, chat and connection middleware, a stats push, the page. */
public final class ChatPlugin implements Plugin {

  private static final String[][] PAGE = {
    {"index.html", "text/html; charset=utf-8"},
    {"chat.js", "application/javascript; charset=utf-8"},
    {"chat.css", "text/css; charset=utf-8"},
    {"favicon.ico", "image/svg+xml"},
  };

  @Override
  public String name() {
    return "chat";
  }

  @Override
  public void register(PluginContext ctx) {
    ctx.action(DemoActions.RandomNumber.class)
        .action(DemoActions.SleepTest.class)
        .action(DemoActions.Echo.class)
        .action(Visits.VisitsAction.class)
        .action(Nicknames.NicknameAction.class)
        .chatMiddleware(RoomAnnouncements.class)
        .connectionMiddleware(Visits.Counter.class)
        .initializer(Nicknames.MemberNames.class)
        .initializer(StatsPush.class);
    for (String[] file : PAGE) {
      ctx.publicFile(new ServedFile(file[0], file[1], resource("public/" + file[0])));
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = ChatPlugin.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the chat page resource " + name + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
