package org.actionhero4j.spi;

import java.util.List;
import java.util.Map;

/**
 * A complete HTTP response. Header names keep the case given here; a transport adds
 * {@code Content-Length} itself from {@code body.length} and may add {@code Date}.
 */
public record HttpResponse(int status, Map<String, List<String>> headers, byte[] body) {}
