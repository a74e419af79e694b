/**
 * Clustering on Redis: with {@code redis.enabled}, {@link org.actionhero4j.plugin.redis.RedisPlugin}
 * replaces the in-memory cluster bus with one on Redis, so rooms, members, chat and pushes to
 * connections work across every node that shares {@code redis.url}, {@code redis.keyPrefix} and
 * {@code general.serverToken}. Nodes announce themselves with expiring keys, so the members of a
 * node that dies leave every room within a bounded time.
 */
package org.actionhero4j.plugin.redis;
