package org.actionhero4j.config;

/**
 * The {@code errors} namespace: every text the framework sends for an error. Placeholders in braces
 * are filled in: {@code {param}}, {@code {type}}, {@code {verb}}, {@code {room}}, {@code {message}}.
 */
public record ErrorsConfig(
    String missingParams,
    String invalidParam,
    String unknownAction,
    String unsupportedServerType,
    String serverShuttingDown,
    String tooManyPendingActions,
    String fileNotFound,
    String fileNotProvided,
    String fileReadError,
    String verbNotFound,
    String connectionRoomAndMessage,
    String connectionNotInRoom,
    String connectionAlreadyInRoom,
    String connectionRoomHasBeenDeleted,
    String connectionRoomNotExist,
    String connectionRoomExists,
    String connectionRoomRequired) {

  /** Actionhero 29's texts. */
  public static final ErrorsConfig DEFAULTS =
      new ErrorsConfig(
          "{param} is a required parameter for this action",
          "Input for parameter \"{param}\" failed validation!",
          "unknown action or invalid apiVersion",
          "this action does not support the {type} connection type",
          "the server is shutting down",
          "you have too many pending requests",
          "that file is not found",
          "file is a required param to send a file",
          "error reading file: {message}",
          "verb not found or not allowed ({verb})",
          "both room and message are required",
          "connection not in this room ({room})",
          "connection already in this room ({room})",
          "this room has been deleted",
          "room does not exist",
          "room exists",
          "a room is required");

  /** Fills {@code {name}} placeholders of a template. */
  public static String fill(String template, String name, Object value) {
    return template.replace("{" + name + "}", String.valueOf(value));
  }
}
