package org.actionhero4j.internal;

import org.actionhero4j.config.ErrorsConfig;

/** The error texts of the {@code errors} namespace, with their placeholders filled. */
public final class ErrorTexts {

  private final ErrorsConfig c;

  public ErrorTexts(ErrorsConfig config) {
    this.c = config;
  }

  public String missingParams(String param) {
    return ErrorsConfig.fill(c.missingParams(), "param", param);
  }

  public String invalidParam(String param) {
    return ErrorsConfig.fill(c.invalidParam(), "param", param);
  }

  public String unknownAction() {
    return c.unknownAction();
  }

  public String unsupportedServerType(String type) {
    return ErrorsConfig.fill(c.unsupportedServerType(), "type", type);
  }

  public String serverShuttingDown() {
    return c.serverShuttingDown();
  }

  public String tooManyPendingActions() {
    return c.tooManyPendingActions();
  }

  public String fileNotFound() {
    return c.fileNotFound();
  }

  public String fileNotProvided() {
    return c.fileNotProvided();
  }

  public String fileReadError(String message) {
    return ErrorsConfig.fill(c.fileReadError(), "message", message);
  }

  public String verbNotFound(Object verb) {
    return ErrorsConfig.fill(c.verbNotFound(), "verb", verb == null ? "undefined" : verb);
  }

  public String roomAndMessage() {
    return c.connectionRoomAndMessage();
  }

  public String notInRoom(Object room) {
    return ErrorsConfig.fill(c.connectionNotInRoom(), "room", room == null ? "undefined" : room);
  }

  public String alreadyInRoom(String room) {
    return ErrorsConfig.fill(c.connectionAlreadyInRoom(), "room", room);
  }

  public String roomDeleted() {
    return c.connectionRoomHasBeenDeleted();
  }

  public String roomNotExist() {
    return c.connectionRoomNotExist();
  }

  public String roomExists() {
    return c.connectionRoomExists();
  }

  public String roomRequired() {
    return c.connectionRoomRequired();
  }

  public String invalidParamType(String param, String expected) {
    return ErrorsConfig.fill(ErrorsConfig.fill(c.invalidParamType(), "param", param), "expected", expected);
  }

  public String internalError() {
    return c.internalError();
  }

  public String invalidFrame(String message) {
    return ErrorsConfig.fill(c.invalidFrame(), "message", message);
  }

  public String roomNameTooLong(int max) {
    return ErrorsConfig.fill(c.roomNameTooLong(), "max", max);
  }

  public String tooManyRooms(int max) {
    return ErrorsConfig.fill(c.tooManyRooms(), "max", max);
  }

  public String tooManyRoomsJoined(int max) {
    return ErrorsConfig.fill(c.tooManyRoomsJoined(), "max", max);
  }
}
