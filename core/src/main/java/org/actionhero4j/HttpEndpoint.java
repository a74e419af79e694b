package org.actionhero4j;

/**
 * A plugin's answer to one exact HTTP path outside the action pipeline, e.g. a metrics scrape or a
 * health probe. It answers {@code GET} and {@code HEAD} (other methods get 405), before static
 * files and actions, also while the node stops. {@link #handle} runs on a worker thread and may
 * block briefly.
 */
public interface HttpEndpoint {

  /** The exact path, starting with {@code /}, e.g. {@code /metrics}. */
  String path();

  /** Answers one request; a throw answers 500. */
  EndpointReply handle(EndpointRequest request) throws Exception;
}
