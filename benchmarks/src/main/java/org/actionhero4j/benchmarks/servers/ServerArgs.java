package org.actionhero4j.benchmarks.servers;

/** The servers' one option: {@code --port N}. */
final class ServerArgs {

  private ServerArgs() {}

  static int port(String[] args, int def) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals("--port")) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return def;
  }

  static String option(String[] args, String name, String def) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals("--" + name)) {
        return args[i + 1];
      }
    }
    return def;
  }
}
