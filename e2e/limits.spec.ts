import { BLOG_PORT, INSTANCE_PORTS, STACK } from './fixtures/auth-config'
import { rawRequest } from './fixtures/raw-http'
import { expect, test } from './fixtures/test'

// Limits that hold against a client rotating through addresses. On the PostgreSQL stack an instance
// trusts what the proxy in front of it says of the client (TRUSTED_PROXIES=loopback): asked directly,
// with X-Forwarded-For as nginx would set it for an IPv6 reader, one test is many clients at once. On
// the SQLite stack nothing stands in front to say who the client is.

test.skip(STACK !== 'postgres', 'needs a proxy in front that tells the blog who the client is')

const INSTANCE = INSTANCE_PORTS[0]

/** Asks Auth.js's own endpoint for a sign-in mail to `email`, as nginx would for the client at `client`. */
async function askForSignInMail(email: string, client: string): Promise<string> {
  const csrf = await rawRequest(INSTANCE, {
    path: '/api/auth/csrf',
    headers: { host: `localhost:${BLOG_PORT}`, 'x-forwarded-for': client },
  })
  const cookie = (csrf.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ')
  const body = new URLSearchParams({ email, csrfToken: JSON.parse(csrf.body).csrfToken }).toString()
  const answer = await rawRequest(INSTANCE, {
    method: 'POST',
    path: '/api/auth/signin/nodemailer',
    headers: {
      host: `localhost:${BLOG_PORT}`,
      cookie,
      'x-forwarded-for': client,
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': String(Buffer.byteLength(body)),
    },
    body,
  })
  return String(answer.headers.location)
}

test('addresses of one IPv6 /64 are one client, and no mailbox gets more than ten sign-in mails an hour, however many clients ask', async () => {
  // The sixth mail to one address from one /64 is refused, whichever of its 2^64 addresses asks.
  const sameNetwork = 'rotated-64@mail.example'
  const answers: string[] = []
  for (let i = 1; i <= 6; i++)
    answers.push(await askForSignInMail(sameNetwork, `2001:db8:64:1:${i.toString(16)}:${(i * 7).toString(16)}::1`))
  expect(answers.slice(0, 5).every((a) => a.includes('/verify-request'))).toBe(true)
  expect(answers[5]).toContain('error=AccessDenied')
  // A mailbox flooded from many networks: ten, then no more.
  const flooded = 'flooded-everywhere@mail.example'
  const many: string[] = []
  for (let i = 1; i <= 12; i++) many.push(await askForSignInMail(flooded, `2001:db8:${(100 + i).toString(16)}::1`))
  expect(many.filter((a) => a.includes('/verify-request'))).toHaveLength(10)
  expect(many.slice(10).every((a) => a.includes('error=AccessDenied'))).toBe(true)
})
