import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test } from './fixtures/test'

// A person starting the blog with a broken configuration gets one sentence, not a stack trace.
function startServer(env: Record<string, string>, port: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('node_modules/.bin/next', ['start', '-p', String(port)], {
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    child.on('exit', (code) => resolve({ code, output }))
  })
}

const cases: [string, () => string, RegExp][] = [
  [
    'an unsupported DATABASE_URL',
    () => 'mysql://localhost/blog',
    /Plateau cannot start: DATABASE_URL uses "mysql:", which Plateau does not support/,
  ],
  [
    'a malformed PostgreSQL URL',
    () => 'postgres://localhost',
    /Plateau cannot start: DATABASE_URL needs a host and a database name/,
  ],
  [
    'an unreachable PostgreSQL',
    () => 'postgres://postgres@127.0.0.1:1/blog',
    /Plateau cannot start: Cannot reach PostgreSQL at 127\.0\.0\.1:1: the connection was refused\. Start PostgreSQL, or fix the host and port in DATABASE_URL\./,
  ],
  [
    'a data folder that cannot be created',
    () => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'plateau-')), 'a-file')
      fs.writeFileSync(file, '')
      return path.join(file, 'blog.db')
    },
    /Plateau cannot start: Cannot create the SQLite file .*a-file\/blog\.db: part of that path is a file, not a folder\./,
  ],
]

for (const [i, [what, url, message]] of cases.entries()) {
  test(`start-up with ${what} stops with one clear sentence`, async () => {
    const { code, output } = await startServer({ DATABASE_URL: url() }, 3190 + i)
    expect(code).toBe(1)
    expect(output).toMatch(message)
    expect(output).not.toMatch(/^\s+at /m)
  })
}
