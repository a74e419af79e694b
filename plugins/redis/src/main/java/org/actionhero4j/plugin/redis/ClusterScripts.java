package org.actionhero4j.plugin.redis;

/**
 * The Lua scripts that keep rooms, join order and each node's index of what it stored consistent:
 * every change that touches more than one key happens atomically in Redis.
 *
 * <p>A node's index ({@code held:<node>}) holds one entry per (room, connection) it stored, written
 * as {@code <byte length of room>:<room><connection id>} so that any room name survives.
 */
final class ClusterScripts {

  private ClusterScripts() {}

  private static final String LIBRARY =
      """
      local function entry(room, conn)
        return string.len(room) .. ':' .. room .. conn
      end
      local function nodeOf(stored)
        if not stored then return nil end
        local ok, member = pcall(cjson.decode, stored)
        if ok and type(member) == 'table' and type(member['node']) == 'string' then
          return member['node']
        end
        return nil
      end
      local function removeEntry(prefix, id, e)
        local colon = string.find(e, ':', 1, true)
        if not colon then return 0 end
        local n = tonumber(string.sub(e, 1, colon - 1))
        if not n then return 0 end
        local room = string.sub(e, colon + 1, colon + n)
        local conn = string.sub(e, colon + n + 1)
        local members = prefix .. 'members:' .. room
        if nodeOf(redis.call('HGET', members, conn)) ~= id then return 0 end
        redis.call('HDEL', members, conn)
        redis.call('ZREM', prefix .. 'order:' .. room, conn)
        return 1
      end
      local function bury(prefix, id)
        local held = prefix .. 'held:' .. id
        local removed = 0
        for _, e in ipairs(redis.call('SMEMBERS', held)) do
          removed = removed + removeEntry(prefix, id, e)
        end
        redis.call('DEL', held)
        return removed
      end
      """;

  /**
   * Stores a member unless the room is gone; a new member goes to the end of the join order, a
   * replaced one keeps its place. KEYS: rooms, members, order, joinSequence, held. ARGV: room,
   * connection id, member JSON. Returns 1 when stored.
   */
  static final LuaScript PUT_MEMBER =
      LuaScript.of(
          "putMember",
          LIBRARY
              + """
              if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 0 then return 0 end
              redis.call('HSET', KEYS[2], ARGV[2], ARGV[3])
              if not redis.call('ZSCORE', KEYS[3], ARGV[2]) then
                redis.call('ZADD', KEYS[3], redis.call('INCR', KEYS[4]), ARGV[2])
              end
              redis.call('SADD', KEYS[5], entry(ARGV[1], ARGV[2]))
              return 1
              """);

  /**
   * Removes a member and its holder's index entry. KEYS: members, order. ARGV: prefix, room,
   * connection id. Returns 1 when it was there.
   */
  static final LuaScript REMOVE_MEMBER =
      LuaScript.of(
          "removeMember",
          LIBRARY
              + """
              local stored = redis.call('HGET', KEYS[1], ARGV[3])
              redis.call('ZREM', KEYS[2], ARGV[3])
              if not stored then return 0 end
              redis.call('HDEL', KEYS[1], ARGV[3])
              local node = nodeOf(stored)
              if node then
                redis.call('SREM', ARGV[1] .. 'held:' .. node, entry(ARGV[2], ARGV[3]))
              end
              return 1
              """);

  /**
   * Deletes a room, its members, their index entries and its chat log. KEYS: rooms, members,
   * order, log. ARGV: prefix, room. Returns 1 when the room existed.
   */
  static final LuaScript DELETE_ROOM =
      LuaScript.of(
          "deleteRoom",
          LIBRARY
              + """
              local existed = redis.call('SREM', KEYS[1], ARGV[2])
              local all = redis.call('HGETALL', KEYS[2])
              for i = 1, #all, 2 do
                local node = nodeOf(all[i + 1])
                if node then
                  redis.call('SREM', ARGV[1] .. 'held:' .. node, entry(ARGV[2], all[i]))
                end
              end
              redis.call('DEL', KEYS[2], KEYS[3], KEYS[4])
              return existed
              """);

  /**
   * Appends a chat message to its room's log, trims the log by length and age, and publishes the
   * message with {@code logId} (its id in the log) and {@code logPrev} (the id before it, "" for
   * the first). KEYS: log. ARGV: length, max age in ms, channel, message JSON (an object with at
   * least one key), PUBLISH or SPUBLISH (sharded, on Redis Cluster). Returns the log id.
   */
  static final LuaScript APPEND_CHAT =
      LuaScript.of(
          "appendChat",
          """
          local last = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
          local prev = ''
          if #last > 0 then prev = last[1][1] end
          local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'm', ARGV[4])
          local now = redis.call('TIME')
          local oldest = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000) - tonumber(ARGV[2])
          if oldest > 0 then redis.call('XTRIM', KEYS[1], 'MINID', '~', oldest) end
          redis.call('PEXPIRE', KEYS[1], ARGV[2])
          redis.call(ARGV[5], ARGV[3],
            '{"logId":"' .. id .. '","logPrev":"' .. prev .. '",' .. string.sub(ARGV[4], 2))
          return id
          """);

  /**
   * A room's members as stored JSON, in join order (members missing from the order come last).
   * KEYS: members, order.
   */
  static final LuaScript MEMBERS =
      LuaScript.of(
          "members",
          """
          local out = {}
          local seen = {}
          for _, id in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
            local v = redis.call('HGET', KEYS[1], id)
            if v then
              out[#out + 1] = v
              seen[id] = true
            end
          end
          if redis.call('HLEN', KEYS[1]) > #out then
            local all = redis.call('HGETALL', KEYS[1])
            for i = 1, #all, 2 do
              if not seen[all[i]] then out[#out + 1] = all[i + 1] end
            end
          end
          return out
          """);

  /**
   * Refreshes a node's liveness key and registers the node. KEYS: node, nodes. ARGV: status JSON,
   * expiry in ms, node id. Returns 1 when the key still existed (0: first beat, or presumed dead).
   */
  static final LuaScript HEARTBEAT =
      LuaScript.of(
          "heartbeat",
          """
          local existed = redis.call('EXISTS', KEYS[1])
          redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
          redis.call('SADD', KEYS[2], ARGV[3])
          return existed
          """);

  /**
   * Makes Redis hold exactly the given members for a node: stores them (keeping the join order of
   * those already there) and removes whatever else its index lists. When the epoch is missing or
   * not the one the node last saw, Redis lost data: the node's own rooms are created again first.
   * KEYS: rooms, held, joinSequence, epoch. ARGV: prefix, node id, the epoch the node last saw (or
   * ""), a new epoch to write when there is none, the number of own rooms, the own rooms, then
   * (room, connection id, member JSON) triples. Returns {stored, removed, epoch, rooms created}.
   */
  static final LuaScript REGISTER_MEMBERS =
      LuaScript.of(
          "registerMembers",
          LIBRARY
              + """
              local prefix, id = ARGV[1], ARGV[2]
              local epoch = redis.call('GET', KEYS[4])
              if not epoch then
                epoch = ARGV[4]
                redis.call('SET', KEYS[4], epoch)
              end
              local roomCount = tonumber(ARGV[5])
              local created = 0
              if epoch ~= ARGV[3] then
                for i = 6, 5 + roomCount do
                  created = created + redis.call('SADD', KEYS[1], ARGV[i])
                end
              end
              local keep = {}
              local stored = 0
              for i = 6 + roomCount, #ARGV, 3 do
                local room, conn, json = ARGV[i], ARGV[i + 1], ARGV[i + 2]
                if redis.call('SISMEMBER', KEYS[1], room) == 1 then
                  local e = entry(room, conn)
                  keep[e] = true
                  redis.call('HSET', prefix .. 'members:' .. room, conn, json)
                  local order = prefix .. 'order:' .. room
                  if not redis.call('ZSCORE', order, conn) then
                    redis.call('ZADD', order, redis.call('INCR', KEYS[3]), conn)
                  end
                  redis.call('SADD', KEYS[2], e)
                  stored = stored + 1
                end
              end
              local removed = 0
              for _, e in ipairs(redis.call('SMEMBERS', KEYS[2])) do
                if not keep[e] then
                  removed = removed + removeEntry(prefix, id, e)
                  redis.call('SREM', KEYS[2], e)
                end
              end
              return {stored, removed, epoch, created}
              """);

  /**
   * Finds registered nodes whose liveness key expired and removes their members. KEYS: nodes.
   * ARGV: prefix. Returns {id, members removed, id, members removed, ...}.
   */
  static final LuaScript SWEEP =
      LuaScript.of(
          "sweep",
          LIBRARY
              + """
              local out = {}
              for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do
                if redis.call('EXISTS', ARGV[1] .. 'node:' .. id) == 0 then
                  local removed = bury(ARGV[1], id)
                  redis.call('SREM', KEYS[1], id)
                  out[#out + 1] = id
                  out[#out + 1] = removed
                end
              end
              return out
              """);

  /**
   * A node leaves: its members, index, liveness key and registration go. KEYS: nodes, node. ARGV:
   * prefix, node id. Returns the number of members removed.
   */
  static final LuaScript LEAVE =
      LuaScript.of(
          "leave",
          LIBRARY
              + """
              local removed = bury(ARGV[1], ARGV[2])
              redis.call('DEL', KEYS[2])
              redis.call('SREM', KEYS[1], ARGV[2])
              return removed
              """);

  /** The status JSON of every live node. KEYS: nodes. ARGV: prefix. */
  static final LuaScript LIVE_NODES =
      LuaScript.of(
          "liveNodes",
          """
          local out = {}
          for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do
            local v = redis.call('GET', ARGV[1] .. 'node:' .. id)
            if v then out[#out + 1] = v end
          end
          return out
          """);
}
