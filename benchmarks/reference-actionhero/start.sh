#!/usr/bin/env bash
# Starts the reference Actionhero 29.3.5 server in the foreground: PORT (default 8080), plain JS
# (no TypeScript), NODE_ENV=production, logging at warning, Redis on 127.0.0.1:6379.
set -euo pipefail
cd "$(dirname "$0")"
export NODE_ENV=production
export ACTIONHERO_CONFIG="$PWD/src/config"
export ACTIONHERO_TYPESCRIPT_MODE=false
export LOG_LEVEL="${LOG_LEVEL:-warning}"
export PORT="${PORT:-8080}"
exec node --expose-gc ./node_modules/actionhero/dist/server.js
