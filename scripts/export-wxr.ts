// npm run export:wxr -- <file> — the whole blog as a WordPress export (WXR 1.2).
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { closeDb, getDb } from '../db'
import { migrateToLatest } from '../db/migrate'
import { exportWordPress } from '../lib/wordpress/export'

const file = process.argv[2]
if (!file || file === '--help' || file === '-h') {
  console.log(`Usage: npm run export:wxr -- <export.xml>

Writes every post, page, tag, author and comment of the blog named by DATABASE_URL as a WordPress
export (WXR 1.2), which WordPress (Tools → Import → WordPress) and Plateau both import. Links use
AUTH_URL when set.`)
  process.exit(file ? 0 : 1)
}

const out = createWriteStream(file)
await migrateToLatest(getDb())
const items = await exportWordPress(
  'command-line',
  async (chunk) => {
    if (!out.write(chunk)) await once(out, 'drain')
  },
  { origin: process.env.AUTH_URL ? new URL(process.env.AUTH_URL).origin : 'http://localhost:3000' },
)
out.end()
await once(out, 'finish')
await closeDb()
console.log(`Exported ${items} post(s) and page(s) to ${file}.`)
