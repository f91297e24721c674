import { defineConfig, devices } from '@playwright/test'
import { BLOG_PORT, BLOG_URL, INSTANCE_PORTS, OIDC_PORT, STACK } from './e2e/fixtures/auth-config'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/fixtures/chromium'
import { instanceEnv } from './e2e/fixtures/instance-env'

// E2E_STACK=sqlite (default) or postgres: see e2e/fixtures/auth-config.ts.

const instance = (port: number, join: boolean) => ({
  command: `sh e2e/serve.sh${join ? ' --join' : ''}`,
  url: `http://localhost:${port}/`,
  env: { ...instanceEnv, E2E_PORT: String(port) },
  reuseExistingServer: false,
  timeout: 120_000,
  stdout: 'pipe' as const,
  stderr: 'pipe' as const,
})

const CHROMIUM = { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }

/** Tests that change what every page shows: see their own project below. */
const SITE_WIDE = '**/site-wide.spec.ts'

// The Quick start's own attacks and start-up sentences concern one machine: the SQLite run has them.
// Starting, stopping and restarting instances beside the running ones is the scale path's concern:
// the PostgreSQL run has it (on SQLite a third process opening the file mid-run holds its write
// lock while it starts, and better-sqlite3 waits for it synchronously, stalling the others).
const OTHER_STACK_ONLY =
  STACK === 'postgres' ? ['**/security.spec.ts', '**/startup.spec.ts'] : ['**/operations.spec.ts']

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: `.test-output/playwright-${STACK}.json` }]],
  use: {
    // Auth.js and Next treat 127.0.0.1 as localhost; use localhost everywhere.
    baseURL: BLOG_URL,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: STACK,
      testIgnore: [...OTHER_STACK_ONLY, SITE_WIDE],
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: CHROMIUM,
      },
    },
    {
      // Tests that switch the whole site (its time zone…): after all the others, so none of them sees it.
      name: `${STACK}, site-wide settings`,
      testMatch: SITE_WIDE,
      dependencies: [STACK],
      use: { ...devices['Desktop Chrome'], launchOptions: CHROMIUM },
    },
  ],
  webServer: [
    {
      // The SMTP server and OpenID Connect provider the sign-in tests go through.
      command: 'node_modules/.bin/tsx e2e/fixtures/auth-servers.ts',
      url: `http://localhost:${OIDC_PORT}/.well-known/openid-configuration`,
      env: { E2E_STACK: STACK },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    // The first instance prepares the database; the second joins it once that is done.
    instance(INSTANCE_PORTS[0], false),
    instance(INSTANCE_PORTS[1], true),
    ...(STACK === 'postgres'
      ? [
          {
            command: 'sh e2e/nginx.sh',
            url: `${BLOG_URL}/`,
            env: { E2E_PORT: String(BLOG_PORT), E2E_INSTANCE_PORTS: INSTANCE_PORTS.join(' ') },
            reuseExistingServer: false,
            timeout: 30_000,
          },
        ]
      : []),
  ],
})
