// Socket.IO 4 peer for actionhero4j's benchmarks (see ../README.md).
//   echo  (event with an ack)  42<id>["echo",{"message":m}]      -> 43<id>[{"message":m}]
//   join  (event with an ack)  42<id>["join","defaultRoom"]      -> 43<id>[{"status":"OK"}]
//   say   (event with an ack)  42<id>["say",{"room":r,"message":m}] -> 43<id>[{"status":"OK"}], then
//         42["say",{"message":m,"room":r,"from":<socket id>,"sentAt":<ms>}] to every member of r, the sender included
//   GET /api/heap: a full GC (node --expose-gc), then {"heapUsed":..,"rss":..,"gc":..}
// Set up as Socket.IO's performance-tuning guide says: ws's native add-ons (optional dependencies),
// the initial HTTP request discarded once a socket is open; NODE_ENV=production and no DEBUG (start.sh).
"use strict";
const { createServer } = require("http");
const { Server } = require("socket.io");

const PORT = Number(process.env.PORT || 8080);
const HOST = "127.0.0.1";
const ROOM = "defaultRoom";

const httpServer = createServer((req, res) => {
  if (req.method === "GET" && req.url.split("?")[0] === "/api/heap") {
    const gc = typeof global.gc === "function";
    if (gc) {
      global.gc();
      global.gc();
    }
    const m = process.memoryUsage();
    res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
    res.end(JSON.stringify({ heapUsed: m.heapUsed, rss: m.rss, gc }));
    return;
  }
  res.writeHead(404, { "content-type": "application/json; charset=utf-8" });
  res.end('{"error":"not found"}');
});

const io = new Server(httpServer, { serveClient: false });

// "Discard the initial HTTP request" (performance tuning, memory usage)
io.engine.on("connection", (rawSocket) => {
  rawSocket.request = null;
});

io.on("connection", (socket) => {
  socket.on("echo", (params, ack) => {
    if (typeof ack === "function") {
      ack({ message: params && params.message });
    }
  });
  socket.on("join", (room, ack) => {
    if (room !== ROOM) {
      if (typeof ack === "function") ack({ error: "unknown room" });
      return;
    }
    socket.join(room);
    if (typeof ack === "function") ack({ status: "OK" });
  });
  socket.on("say", (params, ack) => {
    const room = params && params.room;
    if (room !== ROOM) {
      if (typeof ack === "function") ack({ error: "unknown room" });
      return;
    }
    if (typeof ack === "function") ack({ status: "OK" });
    io.to(room).emit("say", { message: params.message, room, from: socket.id, sentAt: Date.now() });
  });
});

httpServer.listen(PORT, HOST, () => {
  console.log(`socket.io ${require("socket.io/package.json").version} on ${HOST}:${PORT}`);
});

const stop = () => {
  io.close();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
