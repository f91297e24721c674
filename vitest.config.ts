import path from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['{app,lib,db,scripts}/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    // The blog's JSON log (lib/log.ts) stays out of the test report; lib/log.test.ts captures it.
    env: { LOG_LEVEL: 'silent' },
    hookTimeout: 60_000,
  },
})
