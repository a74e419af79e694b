// Loopback only; the port comes from PORT (Actionhero's default).
exports.DEFAULT = {
  web: () => ({
    bindIP: process.env.BIND_IP || "127.0.0.1",
    port: process.env.PORT || 8080,
  }),
};
