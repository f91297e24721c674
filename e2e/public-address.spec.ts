import fs from 'node:fs'
import path from 'node:path'
import { BLOG_PORT, BLOG_URL, MAIL_DIR } from './fixtures/auth-config'
import { rawRequest } from './fixtures/raw-http'
import { expect, test } from './fixtures/test'

// The deployed blog (AUTH_URL set; on the PostgreSQL stack, two instances behind nginx): whatever
// host a request names, links point at the public address, and client-written headers change no limit.

const mailsTo = (address: string) => {
  const file = path.join(MAIL_DIR, `${address}.count`)
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).length : 0
}
const lastMailTo = (address: string) =>
  fs
    .readFileSync(path.join(MAIL_DIR, `${address}.eml`), 'utf8')
    .replace(/=\r?\n/g, '')
    .replace(/=3D/g, '=')

async function authJsSignIn(email: string, headers: Record<string, string>) {
  const csrf = await rawRequest(BLOG_PORT, { path: '/api/auth/csrf', headers })
  const cookie = (csrf.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ')
  const body = new URLSearchParams({ email, csrfToken: JSON.parse(csrf.body).csrfToken }).toString()
  return rawRequest(BLOG_PORT, {
    method: 'POST',
    path: '/api/auth/signin/nodemailer',
    headers: {
      ...headers,
      cookie,
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': String(Buffer.byteLength(body)),
    },
    body,
  })
}

test('a forged Host or X-Forwarded-Host gets a sign-in link to the public address, never its own', async () => {
  const victim = 'deployed-owner@mail.example'
  const answer = await authJsSignIn(victim, {
    host: 'evil.example',
    'x-forwarded-host': 'evil.example',
    origin: 'http://evil.example',
  })
  expect(answer.headers.location).toBe(`${BLOG_URL}/api/auth/verify-request?provider=nodemailer&type=email`)
  await expect.poll(() => mailsTo(victim)).toBe(1)
  expect(lastMailTo(victim)).toContain(`${BLOG_URL}/api/auth/callback/nodemailer?`)
  expect(lastMailTo(victim)).not.toContain('evil.example')
  const feed = await rawRequest(BLOG_PORT, {
    path: '/feed.xml',
    headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example' },
  })
  expect(feed.body).toContain(`${BLOG_URL}/posts/`)
  expect(feed.body).not.toContain('evil.example')
})

test('a client-written X-Forwarded-For does not reset the sign-in email limit', async () => {
  const flooded = 'deployed-flooded@mail.example'
  const host = { host: `localhost:${BLOG_PORT}` }
  for (let i = 1; i <= 5; i++)
    expect((await authJsSignIn(flooded, { ...host, 'x-forwarded-for': `198.51.100.${i}` })).headers.location).toContain(
      '/verify-request',
    )
  expect((await authJsSignIn(flooded, { ...host, 'x-forwarded-for': '198.51.100.99' })).headers.location).toContain(
    '/signin?error=AccessDenied',
  )
  await expect.poll(() => mailsTo(flooded)).toBe(5)
})

test('pages carry the security headers through every hop', async () => {
  for (const target of ['/', '/posts/the-social-media-plateau', '/signin', '/admin', '/feed.xml']) {
    const { headers } = await rawRequest(BLOG_PORT, { path: target, headers: { host: `localhost:${BLOG_PORT}` } })
    expect(String(headers['content-security-policy']), target).toContain("frame-ancestors 'none'")
    expect(headers['x-content-type-options'], target).toBe('nosniff')
  }
})
