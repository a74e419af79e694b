package org.actionhero4j.spi;

import java.util.Map;

/**
 * One member of a room as the cluster stores it.
 *
 * @param node the id of the node holding the connection
 * @param details JSON values: {@code id}, {@code joinedAt} and whatever member details add
 */
public record RoomMember(String connectionId, String node, Map<String, Object> details) {}
