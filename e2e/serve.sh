#!/bin/sh
# Serves the production build for the end-to-end tests on DATABASE_URL (set by playwright.config.ts:
# a fresh SQLite file, or a fresh PostgreSQL database), prepared with the demo post and the e2e
# fixtures. With --join, serves another instance on the database the first one prepared.
set -e
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
if [ "$1" != "--join" ]; then
  rm -rf .test-output/e2e && mkdir -p .test-output/e2e
  node_modules/.bin/tsx e2e/fixtures/prepare-database.ts
fi
exec node_modules/.bin/next start -p "${E2E_PORT:-3100}" --keepAliveTimeout 65000
