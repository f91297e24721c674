// npm run audit — Lighthouse scores of the home and demo post pages. See --help.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { closeDb, getDb } from '../db'
import { prepareDatabase } from '../db/prepare'
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
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  chromeFlags: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
})
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const
const rows: string[] = []
const misses: string[] = []
try {
  for (const [name, url] of [
    ['home', '/'],
    ['demo post', '/posts/the-social-media-plateau'],
  ]) {
    await fetch(base + url) // render once, so the page is measured as readers get it: from the cache
    const result = await lighthouse(base + url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...categories],
    })
    const scores = categories.map((c) => Math.round((result?.lhr.categories[c]?.score ?? 0) * 100))
    rows.push(`${name.padEnd(12)}${scores.map((s) => String(s).padStart(16)).join('')}`)
    for (const c of categories) {
      for (const ref of result?.lhr.categories[c]?.auditRefs ?? []) {
        const audit = result!.lhr.audits[ref.id]
        if (ref.weight > 0 && audit.score !== null && audit.score < 1)
          misses.push(
            `${name}, ${c}: ${audit.title} (${Math.round(audit.score * 100)})${audit.displayValue ? ` — ${audit.displayValue}` : ''}`,
          )
      }
    }
  }
} finally {
  chrome.kill()
  await stopServer(server)
  fs.rmSync(dir, { recursive: true, force: true })
}
console.log(`\n${'page'.padEnd(12)}${categories.map((c) => c.padStart(16)).join('')}`)
for (const row of rows) console.log(row)
if (misses.length) console.log(`\nWhat cost points:\n${misses.map((m) => `  ${m}`).join('\n')}`)
