#!/bin/sh
# Serves the production build on a fresh SQLite database holding the demo post and the e2e fixtures.
# With --join, serves a second instance on the database and uploads the first one prepared.
set -e
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
dir=.test-output/e2e
export DATABASE_URL="$dir/blog.db"
export UPLOAD_DIR="$dir/uploads"
if [ "$1" != "--join" ]; then
  rm -rf "$dir" && mkdir -p "$dir"
  node_modules/.bin/tsx e2e/fixtures/prepare-database.ts
fi
exec node_modules/.bin/next start -p "${E2E_PORT:-3100}"
