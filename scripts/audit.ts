// npm run audit — Lighthouse scores of the home and demo post pages. See --help.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { closeDb, getDb } from '../db'
import { prepareDatabase } from '../db/prepare'
import { auditPages, CATEGORIES } from './lighthouse'
import { ensureBuild, startServer, stopServer } from './production-server'

const HELP = `Usage: npm run audit [-- --port N]

Builds the blog if needed, starts the production server on a fresh SQLite database holding the demo
post, and runs Lighthouse (Debian's Chromium, mobile profile with its simulated throttling) on the
home page and the demo post. Prints the four category scores of each page: performance,
accessibility, best practices and SEO. Nothing is asserted; aim for 100, 100, 100 and at least 95.`

const args = process.argv.slice(2)
if (args.includes('--help') || args.includes('-h')) {
  console.log(HELP)
  process.exit(0)
}
const portArg = args.indexOf('--port')
const port = portArg >= 0 ? Number(args[portArg + 1]) : 3300
const base = `http://localhost:${port}`

ensureBuild()
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plateau-audit-'))
const databaseUrl = path.join(dir, 'audit.db')
process.env.DATABASE_URL = databaseUrl
await prepareDatabase(getDb())
await closeDb()

// As in production: AUTH_URL says where the blog lives, so canonical links are full URLs.
process.env.AUTH_URL = base
const server = await startServer(port, databaseUrl)
let audits: Awaited<ReturnType<typeof auditPages>>
try {
  audits = await auditPages(base, [
    ['home', '/'],
    ['demo post', '/posts/the-social-media-plateau'],
  ])
} finally {
  await stopServer(server)
  fs.rmSync(dir, { recursive: true, force: true })
}
console.log(`\n${'page'.padEnd(12)}${CATEGORIES.map((c) => c.padStart(16)).join('')}`)
for (const audit of audits)
  console.log(`${audit.name.padEnd(12)}${audit.scores.map((s) => String(s).padStart(16)).join('')}`)
const misses = audits.flatMap((audit) => audit.misses)
if (misses.length) console.log(`\nWhat cost points:\n${misses.map((m) => `  ${m}`).join('\n')}`)
