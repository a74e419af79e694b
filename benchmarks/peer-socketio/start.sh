#!/usr/bin/env bash
# Starts the Socket.IO 4 peer in the foreground on 127.0.0.1:PORT (default 8080): NODE_ENV=production,
# no DEBUG logging, node --expose-gc so that GET /api/heap can collect first.
set -euo pipefail
cd "$(dirname "$0")"
export NODE_ENV=production
unset DEBUG
export PORT="${PORT:-8080}"
exec node --expose-gc ./server.js
