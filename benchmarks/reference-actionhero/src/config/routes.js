// Actionhero 29 routes HTTP requests to actions only through this table (no ?action= routing):
// GET /api/echo?message=x and GET /api/heap.
exports.DEFAULT = {
  routes: () => ({
    get: [
      { path: "/echo", action: "echo" },
      { path: "/heap", action: "heap" },
    ],
  }),
};
