package org.actionhero4j.examples.chat;

import org.actionhero4j.Actionhero;

/**
 * The classic Actionhero chat on Actionhero4j. Runs on Undertow unless {@code web.transport} (or
 * {@code ACTIONHERO_WEB_TRANSPORT=jetty}) says otherwise; {@code PORT} sets the port.
 */
public final class ChatApp {

  private ChatApp() {}

  public static void main(String[] args) throws Exception {
    Actionhero app = start(Actionhero.builder());
    Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "chat-shutdown"));
    app.awaitStop();
  }

  /** Starts the chat on a builder (tests pass their own settings). */
  public static Actionhero start(Actionhero.Builder builder) throws Exception {
    return builder
        .defaultValue("web.transport", "undertow")
        .defaultValue("general.serverName", "actionhero4j chat")
        .defaultValue("general.welcomeMessage", "Hello! Welcome to the actionhero4j chat")
        .defaultValue("general.startingChatRooms", java.util.Map.of("defaultRoom", java.util.Map.of(), "otherRoom", java.util.Map.of()))
        .plugin(new ChatPlugin())
        .start();
  }
}
