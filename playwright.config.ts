import { defineConfig, devices } from '@playwright/test'
import { BLOG_URL, OIDC_CLIENT, OIDC_PORT, SECOND_PORT, SECOND_URL, SMTP_PORT } from './e2e/fixtures/auth-config'
import { OWNER_EMAIL } from './e2e/fixtures/content'

const port = Number(process.env.E2E_PORT ?? 3100)

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '.test-output/playwright.json' }]],
  use: {
    // Auth.js and Next treat 127.0.0.1 as localhost; use localhost everywhere.
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          // Debian's Chromium: Playwright cannot download its own browser on these machines.
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: [
    {
      // The SMTP server and OpenID Connect provider the sign-in tests go through.
      command: 'node_modules/.bin/tsx e2e/fixtures/auth-servers.ts',
      url: `http://localhost:${OIDC_PORT}/.well-known/openid-configuration`,
      env: { E2E_PORT: String(port) },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: 'sh e2e/serve.sh',
      url: `http://localhost:${port}/`,
      env: {
        E2E_PORT: String(port),
        AUTH_URL: BLOG_URL,
        SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
        SMTP_FROM: 'Plateau <blog@localhost>',
        OIDC_ISSUER: `http://localhost:${OIDC_PORT}`,
        OIDC_CLIENT_ID: OIDC_CLIENT.id,
        OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
        OIDC_NAME: 'Test Identity',
        ADMIN_EMAILS: OWNER_EMAIL,
      },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
      // A second instance on the same database and uploads, started once the first has prepared them.
      command: 'sh e2e/serve.sh --join',
      url: `${SECOND_URL}/`,
      env: { E2E_PORT: String(SECOND_PORT), AUTH_URL: BLOG_URL },
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
})
