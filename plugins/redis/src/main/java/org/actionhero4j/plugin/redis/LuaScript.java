package org.actionhero4j.plugin.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A Lua script run with EVALSHA (falling back to EVAL when Redis does not have it cached). */
record LuaScript(String name, String source, String sha1) {

  static LuaScript of(String name, String source) {
    return new LuaScript(name, source, sha1Hex(source));
  }

  private static String sha1Hex(String source) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-1");
      return HexFormat.of().formatHex(digest.digest(source.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-1", e);
    }
  }
}
