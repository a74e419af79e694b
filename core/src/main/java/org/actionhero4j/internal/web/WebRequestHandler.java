package org.actionhero4j.internal.web;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.actionhero4j.ActionheroException;
import org.actionhero4j.Connection;
import org.actionhero4j.config.RoutesConfig.Route;
import org.actionhero4j.config.WebConfig;
import org.actionhero4j.MessageId;
import org.actionhero4j.config.GeneralConfig;
import org.actionhero4j.config.RoutesConfig;
import org.actionhero4j.internal.ErrorTexts;
import org.actionhero4j.internal.Json;
import org.actionhero4j.internal.actions.ActionPipeline;
import org.actionhero4j.internal.actions.ActionProcessor;
import org.actionhero4j.internal.actions.ActionRegistry;
import org.actionhero4j.internal.connections.ConnectionChannel;
import org.actionhero4j.internal.connections.ConnectionRegistry;
import org.actionhero4j.internal.connections.LocalConnection;
import org.actionhero4j.internal.connections.OutboundMessage;
import org.actionhero4j.spi.HttpExchange;
import org.actionhero4j.spi.support.ChunkedDecoder;
import org.actionhero4j.spi.HttpExchange.BodyTooLargeException;
import org.actionhero4j.spi.HttpResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP requests that are not Primus': actions under {@code /api}, static files elsewhere (PROTOCOL
 * A1.3, A2.4, A2.10 and B3).
 *
 * <p>Every response carries {@code web.httpHeaders} (empty values skipped), adjusted for
 * cross-origin requests by {@link CrossOrigin}, and {@code Set-Cookie} when the request brought no
 * fingerprint ({@link Fingerprint}).
 *
 * <p>Order of decisions, on the transport's IO thread (nothing there blocks):
 *
 * <ol>
 *   <li>a method other than GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, TRACE: 405 JSON error
 *       with {@code Allow};
 *   <li>an api request from a refused origin (OPTIONS included): 403 JSON error;
 *   <li>OPTIONS, any path: 200, headers only ({@code Access-Control-Allow-Methods} added when the
 *       config has none, as Actionhero does);
 *   <li>file mode: the file ({@link StaticFileResponder}); a refused origin still gets the file,
 *       without {@code Access-Control-Allow-Origin};
 *   <li>api mode: the body is read (methods other than GET and HEAD; over
 *       {@code web.maxRequestBodyBytes}: 413 JSON error), then the rest runs on the worker
 *       executor.
 * </ol>
 *
 * <p>Params of an api request, later sources winning: the query string (string values), the body
 * ({@link BodyParams}; a body that is not what its Content-Type says: 400 JSON error), then
 * routing. With {@code web.queryRouting} off, an {@code action} param is dropped first (Actionhero
 * 29). When no {@code action} param names a registered action, the configured {@link Routes} of
 * the method are tried: a match sets its captured params, its {@code apiVersion} if the request has
 * none, and its action (a {@code dir} route serves the remaining path from that directory instead).
 * With {@code web.queryRouting} on and still no {@code action} param, the last path segment below
 * {@code /api} names the action, for every method (so {@code HEAD /api/status} runs {@code status};
 * with query routing off it is a 404 as in Actionhero 29).
 *
 * <p>Each action request gets a {@code web} connection {@code <fingerprint>-<uuid>} (messageId: the
 * uuid, unless a {@code messageId} param is sent); connection middleware may refuse it (the error's
 * HTTP status if it is an {@link ActionheroException} with one, else
 * {@code defaultErrorStatusCode}). The action runs on the worker already holding the request, and
 * the connection is destroyed after the answer. Static files, OPTIONS and TRACE open no connection.
 *
 * <p>Status of an action answer, when {@code returnErrorCodes} (else always 200): the status the
 * {@link ActionheroException} asked for, 404 for an unknown action or no route, 422 for a missing
 * param, {@code defaultErrorStatusCode} for every other error, 200 on success. An action that sets
 * {@code toRender} false gets an empty body with that status. Error responses made here (400, 403,
 * 405, 413, 503) keep their status whatever {@code returnErrorCodes} says.
 */
public final class WebRequestHandler {

  private static final Logger log = LoggerFactory.getLogger(WebRequestHandler.class);

  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");
  private static final String ALLOW = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, TRACE";
  private static final byte[] NO_BODY = new byte[0];

  /** HTTP cannot push: what a web connection is sent outside its answer is dropped. */
  private static final ConnectionChannel NO_PUSH =
      new ConnectionChannel() {
        @Override
        public void deliver(OutboundMessage message) {
          if (log.isDebugEnabled()) {
            log.debug("dropped a message to a web connection (HTTP has no push): {}", message.json());
          }
        }

        @Override
        public void end(boolean reconnect) {}
      };

  /** Bodies up to this size are parsed on the thread that read them; larger ones on the pool. */
  private static final int INLINE_BODY_BYTES = 64 * 1024;

  private final StaticFiles staticFiles;
  private final ErrorTexts errors;
  private final Executor executor;
  private final ConnectionRegistry connections;
  private final ActionRegistry actions;
  private final ActionPipeline pipeline;
  private final WebConfig web;
  private final Routes routes;
  private final CrossOrigin crossOrigin;
  private final Envelope envelope;
  private final StaticFileResponder files;
  private final Map<String, StaticFiles> routeDirectories = new ConcurrentHashMap<>();

  public WebRequestHandler(
      WebConfig web,
      RoutesConfig routes,
      GeneralConfig general,
      ErrorTexts errors,
      StaticFiles staticFiles,
      Executor executor,
      ConnectionRegistry connections,
      ActionRegistry actions,
      ActionPipeline pipeline,
      RequestHosts hosts) {
    this.staticFiles = staticFiles;
    this.errors = errors;
    this.executor = executor;
    this.connections = connections;
    this.actions = actions;
    this.pipeline = pipeline;
    this.web = web;
    this.routes = Routes.of(routes);
    this.crossOrigin = new CrossOrigin(web.allowedOrigins(), hosts);
    this.envelope = new Envelope(web, general);
    this.files = new StaticFileResponder(web, errors);
  }

  /** Answers one request, exactly once. */
  public void handle(HttpExchange exchange) {
    long receivedAt = System.currentTimeMillis();
    String method = exchange.method().toUpperCase(Locale.ROOT);
    RequestTarget target = RequestTarget.of(exchange.rawPath(), web);
    Fingerprint fingerprint = Fingerprint.of(exchange::headers, web.fingerprintOptions());
    Responses headers = Responses.status(200).headers(web.httpHeaders()).header("Content-Type", Envelope.JSON);
    if (!exchange.secure()) {
      // RFC 6797 7.2: HSTS is only meaningful, and only sent, over TLS.
      headers.removeHeader("Strict-Transport-Security");
    }
    fingerprint
        .setCookie(web.fingerprintOptions(), receivedAt, exchange.secure())
        .ifPresent(cookie -> headers.addHeader("Set-Cookie", cookie));
    String origin = first(exchange.headers("Origin"));
    CrossOrigin.Verdict verdict = crossOrigin.check(origin, first(exchange.headers("Host")));
    crossOrigin.apply(verdict, origin, headers);
    Request request =
        new Request(
            exchange,
            method,
            target,
            fingerprint,
            ClientAddress.of(exchange::headers, exchange.remoteAddress()),
            headers,
            receivedAt);

    if (!METHODS.contains(method)) {
      request.send(
          error(request, headers.withStatus(405).header("Allow", ALLOW),
              "the method " + method + " is not supported; use one of " + ALLOW, request.queryParams()));
      return;
    }
    if (verdict == CrossOrigin.Verdict.REFUSED && target.mode() == RequestTarget.Mode.API) {
      log.info("refused a cross-origin {} {} from origin {}", method, exchange.rawPath(), origin);
      request.send(
          error(request, headers.withStatus(403), "origin not allowed: " + origin, request.queryParams()));
      return;
    }
    if (method.equals("OPTIONS")) {
      request.send(options(headers, verdict));
      return;
    }
    if (target.mode() == RequestTarget.Mode.FILE) {
      dispatch(request, () -> serveFile(request, staticFiles, target.segments()));
    } else if (method.equals("GET") || method.equals("HEAD")) {
      guarded(request, () -> api(request, NO_BODY, false));
    } else {
      exchange.readBody(
          web.maxRequestBodyBytes(),
          body -> {
            if (body.length <= INLINE_BODY_BYTES) {
              guarded(request, () -> api(request, body, false));
            } else {
              dispatch(request, () -> api(request, body, true)); // parsing it would hold the IO thread
            }
          },
          failure -> bodyFailed(request, failure));
    }
  }

  private HttpResponse options(Responses headers, CrossOrigin.Verdict verdict) {
    Responses response = headers.withStatus(200);
    if (!hasHeader(web.httpHeaders(), "Access-Control-Allow-Methods")) {
      response.header("Access-Control-Allow-Methods", ALLOW);
    }
    if (verdict != CrossOrigin.Verdict.REFUSED
        && !crossOrigin.namesOrigins()
        && !hasHeader(web.httpHeaders(), "Access-Control-Allow-Origin")) {
      response.header("Access-Control-Allow-Origin", "*");
    }
    return response.empty();
  }

  /** Runs work here; a throw becomes a 500. */
  private void guarded(Request request, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      log.error("{} {} failed: {}", request.method, request.exchange.rawPath(), e.toString(), e);
      request.send(
          error(request, request.headers.withStatus(500), errors.internalError(), request.queryParams()));
    }
  }

  /** Runs work on the worker pool; a pool that refuses it means the node is stopping. */
  private void dispatch(Request request, Runnable work) {
    try {
      executor.execute(() -> guarded(request, work));
    } catch (RejectedExecutionException e) {
      request.send(
          error(request, request.headers.withStatus(503), errors.serverShuttingDown(), request.queryParams()));
    }
  }

  private void bodyFailed(Request request, Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof BodyTooLargeException) {
      log.info("refused {} {}: {}", request.method, request.exchange.rawPath(), cause.getMessage());
      request.send(error(request, request.headers.withStatus(413), cause.getMessage(), request.queryParams()));
    } else if (cause instanceof ChunkedDecoder.MalformedChunksException) {
      log.debug("refused {} {}: {}", request.method, request.exchange.rawPath(), cause.getMessage());
      request.send(error(request, request.headers.withStatus(400), "malformed chunked body: " + cause.getMessage(),
          request.queryParams()));
    } else {
      log.debug("could not read the body of {} {}: {}", request.method, request.exchange.rawPath(), cause.toString());
      request.send(
          error(request, request.headers.withStatus(400), "the request body could not be read", request.queryParams()));
    }
  }

  /** Parses params, routes and runs the action; {@code pooled}: already on the worker pool. */
  private void api(Request request, byte[] body, boolean pooled) {
    Map<String, Object> params = request.queryParams();
    try {
      params.putAll(BodyParams.parse(first(request.exchange.headers("Content-Type")), body));
    } catch (BodyParams.InvalidBodyException e) {
      log.debug("bad body in {} {}: {}", request.method, request.exchange.rawPath(), e.getMessage());
      request.send(error(request, request.headers.withStatus(400), e.getMessage(), params));
      return;
    }
    if (!web.queryRouting()) {
      params.remove("action");
    }
    Object named = params.get("action");
    List<String> segments = request.target.segments();
    if (named == null || actions.resolveRequested(named, null).isEmpty()) {
      Optional<Routes.Match> match = routes.match(request.method, segments);
      if (match.isPresent()) {
        Route route = match.get().route();
        Object requestedVersion = params.get("apiVersion");
        if (route.apiVersion() != null && (requestedVersion == null || "".equals(requestedVersion))) {
          params.put("apiVersion", route.apiVersion());
        }
        params.putAll(match.get().params());
        if (route.dir() != null && !route.dir().isBlank()) {
          List<String> remainder = match.get().remainder();
          runHereOrPooled(request, pooled, () -> serveFile(request, routeDirectory(route.dir()), remainder));
          return;
        }
        params.put("action", route.action());
      } else if (web.queryRouting() && named == null && !segments.isEmpty()) {
        PercentDecoding.decode(segments.get(segments.size() - 1)).ifPresent(a -> params.put("action", a));
      }
    }
    if (request.method.equals("TRACE")) {
      Map<String, Object> info =
          envelope.requesterInformation(request.requester(params), params, actions.allInputNames());
      request.send(rendered(request.headers.withStatus(200), envelope.render(info, null)));
      return;
    }
    runAction(request, params, pooled);
  }

  /**
   * Runs the action here, on the thread that read the request, when it and all middleware around
   * it promised never to block (or when this is the worker pool already); else on the pool.
   */
  private void runAction(Request request, Map<String, Object> params, boolean pooled) {
    boolean here = pooled || (pipeline.runsInline(params) && connections.middlewareNonBlocking());
    runHereOrPooled(request, here, () -> runActionHere(request, params));
  }

  /** Runs work on this thread when {@code here}, else on the worker pool. */
  private void runHereOrPooled(Request request, boolean here, Runnable work) {
    if (here) {
      work.run();
    } else {
      dispatch(request, work);
    }
  }

  private void runActionHere(Request request, Map<String, Object> params) {
    Envelope.Requester requester = request.requester(params);
    LocalConnection connection;
    try {
      connection =
          connections
              .open(
                  requester.id(),
                  Connection.WEB,
                  requester.fingerprint(),
                  request.address.ip(),
                  request.address.port(),
                  false,
                  NO_PUSH);
    } catch (Exception e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      log.info("connection middleware refused web connection {}: {}", requester.id(), message);
      int status =
          e instanceof ActionheroException ae && ae.httpStatus().isPresent()
              ? ae.httpStatus().getAsInt()
              : web.defaultErrorStatusCode();
      request.send(error(request, request.headers.withStatus(status), message, params));
      return;
    }
    try {
      connection.params(params);
      connection.messageId(requester.messageId());
      ActionProcessor processor = pipeline.runHere(connection, params, requester.messageId());
      request.send(answer(request, requester, processor, params));
    } finally {
      connections.destroy(connection, ConnectionRegistry.Ending.CLOSED);
    }
  }

  private HttpResponse answer(
      Request request, Envelope.Requester requester, ActionProcessor processor, Map<String, Object> params) {
    int status = web.returnErrorCodes() ? processor.httpStatus(web.defaultErrorStatusCode()) : 200;
    Responses response = request.headers.withStatus(status);
    if (!processor.toRender()) {
      return response.empty();
    }
    Map<String, Object> body =
        envelope.wrap(processor.response(), requester, params, actions.allInputNames(), request.receivedAt);
    return rendered(response, envelope.render(body, params.get("callback")));
  }

  private void serveFile(Request request, StaticFiles from, List<String> segments) {
    Optional<String> relative = PercentDecoding.decode(String.join("/", segments));
    request.send(files.respond(from, relative, request.exchange::headers, request.headers));
  }

  private StaticFiles routeDirectory(String dir) {
    return routeDirectories.computeIfAbsent(dir, d -> new StaticFiles(List.of(Path.of(d))));
  }

  /** A JSON error in the envelope's shape: {@code {error, serverInformation, requesterInformation}}. */
  private HttpResponse error(Request request, Responses response, String message, Map<String, Object> params) {
    Map<String, Object> body =
        envelope.wrap(
            Map.of("error", message),
            request.requester(params),
            params,
            actions.allInputNames(),
            request.receivedAt);
    return rendered(response, envelope.render(body, params.get("callback")));
  }

  private static HttpResponse rendered(Responses response, Envelope.Rendered rendered) {
    return response.header("Content-Type", rendered.contentType()).body(rendered.body());
  }

  private static boolean hasHeader(Map<String, String> headers, String name) {
    return headers.entrySet().stream()
        .anyMatch(e -> e.getKey().equalsIgnoreCase(name) && e.getValue() != null && !e.getValue().isEmpty());
  }

  private static String first(List<String> values) {
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** One request on its way to its one answer. */
  private static final class Request {
    final HttpExchange exchange;
    final String method;
    final RequestTarget target;
    final Fingerprint fingerprint;
    final ClientAddress address;
    final Responses headers;
    final long receivedAt;
    final String uuid = UUID.randomUUID().toString();
    private final AtomicBoolean answered = new AtomicBoolean();

    Request(
        HttpExchange exchange,
        String method,
        RequestTarget target,
        Fingerprint fingerprint,
        ClientAddress address,
        Responses headers,
        long receivedAt) {
      this.exchange = exchange;
      this.method = method;
      this.target = target;
      this.fingerprint = fingerprint;
      this.address = address;
      this.headers = headers;
      this.receivedAt = receivedAt;
    }

    Map<String, Object> queryParams() {
      return QueryString.parse(exchange.rawQuery());
    }

    /** Connection id {@code <fingerprint>-<uuid>}; messageId the uuid unless the params name one. */
    Envelope.Requester requester(Map<String, Object> params) {
      Object given = params.get("messageId");
      MessageId messageId = given != null && !"".equals(given) ? Json.messageId(given) : MessageId.of(uuid);
      return new Envelope.Requester(fingerprint.value() + "-" + uuid, fingerprint.value(), messageId, address.ip());
    }

    /** Answers once; later calls (a failure after the answer) are ignored. */
    void send(HttpResponse response) {
      if (!answered.compareAndSet(false, true)) {
        return;
      }
      try {
        exchange.respond(response);
      } catch (RuntimeException e) {
        log.debug("could not answer {} {}: {}", method, exchange.rawPath(), e.toString());
        return;
      }
      if (log.isDebugEnabled()) {
        log.debug(
            "{} {} -> {} in {} ms", method, exchange.rawPath(), response.status(), System.currentTimeMillis() - receivedAt);
      }
    }
  }
}
