package org.actionhero4j;

/**
 * A file a plugin serves from memory under the public path, e.g. a generated client library.
 *
 * @param path relative to the public directory, e.g. {@code javascript/ActionheroWebsocketClient.js};
 *     served at {@code /public/<path>} and at {@code /<path>}
 * @param contentType e.g. {@code application/javascript; charset=utf-8}
 * @param content the bytes
 */
public record ServedFile(String path, String contentType, byte[] content) {}
