package org.actionhero4j.internal.web;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.actionhero4j.config.GeneralConfig;
import org.actionhero4j.config.WebConfig;
import org.actionhero4j.MessageId;
import org.actionhero4j.internal.actions.ActionRegistry;

/**
 * The JSON body of an HTTP answer (PROTOCOL B3.3): the action's response, then
 * {@code serverInformation} and {@code requesterInformation} as {@code web.metadataOptions} allow,
 * laid out with {@code web.padding}, and wrapped as JSONP when the request has a {@code callback}.
 */
final class Envelope {

  static final String JSON = "application/json; charset=utf-8";
  static final String JAVASCRIPT = "application/javascript";

  /** Who asked: the {@code requesterInformation} fields besides the params. */
  record Requester(String id, String fingerprint, MessageId messageId, String remoteIp) {}

  /** A rendered body and its Content-Type. */
  record Rendered(String contentType, byte[] body) {}

  private final WebConfig web;
  private final GeneralConfig general;

  Envelope(WebConfig web, GeneralConfig general) {
    this.web = web;
    this.general = general;
  }

  /**
   * The response plus metadata.
   *
   * @param params the request's params (before defaults), scrubbed here for {@code receivedParams}
   * @param inputNames every input name of every action: the params that survive scrubbing
   */
  Map<String, Object> wrap(
      Map<String, Object> response,
      Requester requester,
      Map<String, Object> params,
      Collection<String> inputNames,
      long receivedAt) {
    Map<String, Object> body = new LinkedHashMap<>(response);
    if (body.get("error") instanceof Throwable t) {
      body.put("error", t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
    }
    if (web.metadataOptions().serverInformation()) {
      long now = System.currentTimeMillis();
      Map<String, Object> server = new LinkedHashMap<>();
      server.put("serverName", general.serverName());
      server.put("apiVersion", general.apiVersion());
      server.put("requestDuration", now - receivedAt);
      server.put("currentTime", now);
      body.put("serverInformation", server);
    }
    if (web.metadataOptions().requesterInformation()) {
      body.put("requesterInformation", requesterInformation(requester, params, inputNames));
    }
    return body;
  }

  /** {@code {id, fingerprint, messageId, remoteIP, receivedParams}}; TRACE answers with this alone. */
  Map<String, Object> requesterInformation(
      Requester requester, Map<String, Object> params, Collection<String> inputNames) {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("id", requester.id());
    info.put("fingerprint", requester.fingerprint());
    info.put("messageId", requester.messageId());
    info.put("remoteIP", requester.remoteIp());
    Set<String> keep = new HashSet<>(ActionRegistry.GLOBALLY_SAFE_PARAMS);
    keep.addAll(inputNames);
    Map<String, Object> received = new LinkedHashMap<>();
    params.forEach(
        (k, v) -> {
          if (general.disableParamScrubbing() || keep.contains(k)) {
            received.put(k, v);
          }
        });
    info.put("receivedParams", received);
    return info;
  }

  /** JSON with the configured padding; JSONP when {@code callback} is a non-empty value. */
  Rendered render(Object body, Object callback) {
    String json = PaddedJson.write(body, web.padding());
    if (callback == null || String.valueOf(callback).isEmpty()) {
      return new Rendered(JSON, json.getBytes(StandardCharsets.UTF_8));
    }
    String script = callbackName(String.valueOf(callback)) + "(" + json + ");";
    return new Rendered(JAVASCRIPT, script.getBytes(StandardCharsets.UTF_8));
  }

  /** Actionhero's {@code callbackHtmlEscape}: HTML-escaped, parentheses removed. */
  static String callbackName(String callback) {
    return callback
        .replace("&", "&amp;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace(")", "")
        .replace("(", "");
  }
}
