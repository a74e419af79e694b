package org.actionhero4j.plugin.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.actionhero4j.EndpointReply;
import org.actionhero4j.EndpointRequest;
import org.actionhero4j.HttpEndpoint;

/** The Prometheus text exposition of every meter, outside the action pipeline. */
final class ScrapeEndpoint implements HttpEndpoint {

  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final String path;
  private final PrometheusMeterRegistry registry;

  ScrapeEndpoint(String path, PrometheusMeterRegistry registry) {
    this.path = path;
    this.registry = registry;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public EndpointReply handle(EndpointRequest request) {
    return EndpointReply.text(200, CONTENT_TYPE, registry.scrape());
  }
}
