package org.actionhero4j;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A room's cluster-wide membership.
 *
 * @param members by connection id, each as the member view ({@code id}, {@code joinedAt} by default)
 */
public record RoomStatus(String room, Map<String, Map<String, Object>> members, int membersCount) {

  /** The JSON shape of {@code roomView}. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("room", room);
    map.put("members", members);
    map.put("membersCount", membersCount);
    return map;
  }
}
