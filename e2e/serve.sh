#!/bin/sh
# Serves the production build on a fresh SQLite database holding the demo post and the e2e fixtures.
set -e
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
dir=.test-output/e2e
rm -rf "$dir" && mkdir -p "$dir"
export DATABASE_URL="$dir/blog.db"
export UPLOAD_DIR="$dir/uploads"
node_modules/.bin/tsx e2e/fixtures/prepare-database.ts
exec node_modules/.bin/next start -p "${E2E_PORT:-3100}"
