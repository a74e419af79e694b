// Project config for the benchmark reference (plain JS, loaded with ACTIONHERO_CONFIG=src/config).
// Only what differs from Actionhero 29.3.5's own defaults (node_modules/actionhero/dist/config/api.js).
const path = require("path");

const root = path.join(__dirname, "..", "..");

exports.DEFAULT = {
  general: () => ({
    serverName: "reference-actionhero",
    welcomeMessage: "Welcome to the reference-actionhero api",
    paths: {
      action: [path.join(root, "src", "actions")],
      task: [path.join(root, "src", "tasks")],
      server: [path.join(root, "src", "servers")],
      cli: [path.join(root, "src", "bin")],
      initializer: [path.join(root, "src", "initializers")],
      public: [path.join(root, "public")],
      pid: [path.join(root, "pids")],
      log: [path.join(root, "log")],
      plugin: [path.join(root, "node_modules")],
      test: [path.join(root, "__tests__")],
      src: path.join(root, "src"),
      dist: path.join(root, "dist"),
    },
    startingChatRooms: { defaultRoom: {} },
  }),
};
