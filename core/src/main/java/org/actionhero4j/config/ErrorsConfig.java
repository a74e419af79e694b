package org.actionhero4j.config;

/**
 * The {@code errors} namespace: every text the framework sends for an error. Placeholders in braces
 * are filled in: {@code {param}}, {@code {type}}, {@code {verb}}, {@code {room}}, {@code {message}},
 * {@code {expected}}, {@code {max}}. The first seventeen are Actionhero 29's; the rest are ours:
 * {@code invalidParamType} (an input that cannot be converted to its declared type),
 * {@code internalError} (what a client sees of an unexpected exception; the server logs the rest),
 * {@code invalidFrame} (a socket message that is not a JSON object), and the room bounds.
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
    String connectionRoomRequired,
    String invalidParamType,
    String internalError,
    String invalidFrame,
    String roomNameTooLong,
    String tooManyRooms,
    String tooManyRoomsJoined) {

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
          "a room is required",
          "{param} must be {expected}",
          "internal error",
          "the message is not valid: {message}",
          "a room name has at most {max} characters",
          "no more rooms can be created (the limit is {max})",
          "a connection may be in at most {max} rooms");

  /** Fills {@code {name}} placeholders of a template. */
  public static String fill(String template, String name, Object value) {
    return template.replace("{" + name + "}", String.valueOf(value));
  }
}
