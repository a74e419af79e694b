package org.actionhero4j.plugin.redis;

/** A named Lua script, run with EVAL (Redis keeps it compiled after the first run). */
record LuaScript(String name, String source) {

  static LuaScript of(String name, String source) {
    return new LuaScript(name, source);
  }
}
