// A plain engine.io 6 server that sends every message back to its sender, with engine.io's own
// defaults (pingInterval 25 s, pingTimeout 20 s, both transports). Binds 127.0.0.1:$PORT only.
"use strict";
const http = require("http");
const engine = require("engine.io");

const port = Number(process.env.PORT || 18190);
const httpServer = http.createServer((req, res) => {
  res.writeHead(404);
  res.end();
});
const server = engine.attach(httpServer, { path: "/engine.io/" });
server.on("connection", (socket) => {
  socket.on("message", (data) => socket.send(data));
});
httpServer.listen(port, "127.0.0.1", () => {
  const version = JSON.parse(
    require("fs").readFileSync(require("path").join(__dirname, "node_modules/engine.io/package.json"), "utf8")
  ).version;
  console.log(`engine.io ${version} echo server on 127.0.0.1:${port}`);
});
process.on("SIGTERM", () => process.exit(0));
