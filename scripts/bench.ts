// npm run bench — throughput of the production server on this machine. See --help.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { closeDb, getDb } from '../db'
import { prepareDatabase } from '../db/prepare'
import { insertComment } from '../db/queries/comments'
import { insertPost } from '../db/queries/posts'
import {
  benchOptions,
  ensureBuild,
  measure as measureAt,
  measureCost,
  peakRssMb,
  root,
  rssMb,
  startServer,
  stopServer,
} from './production-server'

const HELP = `Usage: npm run bench [-- --duration SECONDS --connections N]

Builds the blog if needed, starts the production server on a fresh SQLite database holding the demo
post and a second post with 500 approved comments (a third of them replies, up to 4 levels deep),
then runs autocannon on loopback against: the home page, the demo post, the 500-comment post, and
the demo post's HTML saved as a static file served by the same server (this machine's ceiling).
Prints req/s, p50 and p99 latency per page, each page's share of the static ceiling, the server's
peak memory (RSS) and the demo post's gzipped size; then what a request costs the server in CPU
milliseconds — a cached post, a never-seen address (404) and a search — and its memory before and
after a 10-second flood of never-seen addresses. Nothing here asserts: it measures.`

const { option, duration, connections } = benchOptions(HELP)
const measure = (url: string, seconds = duration) => measureAt(url, connections, seconds)
const port = option('port', 3200)
const base = `http://localhost:${port}`
const staticDir = path.join(root, 'public', '__bench')

ensureBuild()

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plateau-bench-'))
const DATABASE_URL = path.join(dir, 'bench.db')
process.env.DATABASE_URL = DATABASE_URL

async function seed(): Promise<void> {
  const db = getDb()
  await prepareDatabase(db)
  const postId = await insertPost(db, {
    slug: 'a-long-conversation',
    title: 'A long conversation',
    excerpt: 'Five hundred approved comments, threaded.',
    body: 'A post that people could not stop talking about.\n\nIt has **500** approved comments.',
    status: 'published',
    publishedAt: '2013-04-01T09:00:00.000Z',
  })
  // 500 comments: two thirds top level, one third replies, each reply one level deeper than its
  // parent, wrapping back to a top-level parent after depth 4.
  const depthOf = new Map<number, number>()
  const top: number[] = []
  let last: number | null = null
  for (let i = 0; i < 500; i++) {
    const isReply = i % 3 === 2 && last !== null
    let parentId: number | null = null
    if (isReply) parentId = depthOf.get(last!)! < 3 ? last : top[top.length - 1]
    const id: number = await insertComment(db, {
      postId,
      parentId,
      authorName: `Reader ${i % 37}`,
      body: `Comment number ${i}. I have *thoughts* about this, and [a link](https://example.com/${i}).\n\nA second paragraph to make it realistic.`,
      status: 'approved',
      createdAt: new Date(Date.UTC(2013, 3, 1, 10) + i * 60_000),
    })
    depthOf.set(id, parentId === null ? 0 : depthOf.get(parentId)! + 1)
    if (parentId === null) top.push(id)
    last = id
  }
  await closeDb()
}

await seed()
console.log(`Seeded ${DATABASE_URL}: the demo post and a 500-comment post.`)

let server = await startServer(port, DATABASE_URL)
const demoHtml = await (await fetch(`${base}/posts/the-social-media-plateau`)).text()
await stopServer(server)
fs.mkdirSync(staticDir, { recursive: true })
fs.writeFileSync(path.join(staticDir, 'demo-post.html'), demoHtml)

// Trusting loopback's X-Forwarded-For lets the search below come from many clients (its limit is per client).
server = await startServer(port, DATABASE_URL, { TRUSTED_PROXIES: 'loopback' })
const pages: [string, string][] = [
  ['home', '/'],
  ['demo post', '/posts/the-social-media-plateau'],
  ['500-comment post', '/posts/a-long-conversation'],
  ['static demo HTML', '/__bench/demo-post.html'],
]
const longHtml = await (await fetch(`${base}/posts/a-long-conversation`)).text()
const results: Record<string, Awaited<ReturnType<typeof measure>>> = {}
for (const [name, url] of pages) {
  process.stdout.write(`measuring ${name} (${connections} connections, ${duration} s)…\n`)
  results[name] = await measure(base + url)
}
// What a request costs the server, in CPU: a cached page is the yardstick; a never-seen address and a
// search are what a stranger can send for free. Then the server's memory before and after a flood of
// never-seen addresses: it keeps nothing for them.
const pid = server.pid!
let n = 0
const words = ['social', 'media', 'plateau', 'comments', 'conversation', 'blog', 'readers', 'twitter']
const costs = {
  'cached post': await measureCost(
    base,
    pid,
    () => ({ path: '/posts/the-social-media-plateau' }),
    connections,
    duration,
  ),
  'never-seen address (404)': await measureCost(
    base,
    pid,
    () => ({ path: `/posts/never-seen-${n++}-${Math.random().toString(36).slice(2)}` }),
    connections,
    duration,
  ),
  search: await measureCost(
    base,
    pid,
    () => ({
      path: `/search?q=${words[n++ % words.length]}`,
      headers: { 'x-forwarded-for': `198.18.${(n >> 8) & 255}.${n & 255}` },
    }),
    connections,
    duration,
  ),
}
const families = ['/posts/', '/tags/', '/authors/', '/pages/', '/', '/2013/', '/posts/the-social-media-plateau/thread/']
const rssBeforeFlood = rssMb(pid)
const flood = await measureCost(
  base,
  pid,
  () => ({
    path: `${families[n % families.length]}${families[n++ % families.length].endsWith('thread/') ? 10_000 + n : `x-${n}-${Math.random().toString(36).slice(2)}`}`,
  }),
  connections,
  10,
)
const rssAfterFlood = rssMb(pid)
const rss = peakRssMb(pid)
await stopServer(server)
fs.rmSync(staticDir, { recursive: true, force: true })
fs.rmSync(dir, { recursive: true, force: true })

const ceiling = results['static demo HTML'].rps
console.log(
  `\nPlateau on ${os.cpus().length} cores, Node ${process.version}, ${connections} connections, ${duration} s each\n`,
)
console.log('page                  req/s     p50 ms   p99 ms   of static   errors')
for (const [name] of pages) {
  const r = results[name]
  console.log(
    `${name.padEnd(20)} ${r.rps.toFixed(0).padStart(7)} ${String(r.p50).padStart(9)} ${String(r.p99).padStart(8)} ${`${((r.rps / ceiling) * 100).toFixed(0)}%`.padStart(10)} ${String(r.errors).padStart(8)}`,
  )
}
console.log('\nwhat a request costs            req/s   CPU ms per request   answers')
for (const [name, c] of Object.entries(costs))
  console.log(
    `${name.padEnd(28)} ${c.rps.toFixed(0).padStart(7)} ${c.cpuMsPerRequest.toFixed(2).padStart(20)}   ${JSON.stringify(c.statuses)}`,
  )
console.log(
  `flood of never-seen addresses, 10 s: ${flood.rps.toFixed(0)} req/s, ${flood.cpuMsPerRequest.toFixed(2)} CPU ms each; server RSS ${rssBeforeFlood} MB before, ${rssAfterFlood} MB after`,
)
console.log(`\nserver peak RSS: ${rss} MB`)
console.log(
  `demo post HTML: ${(demoHtml.length / 1024).toFixed(1)} KB, ${(gzipSync(demoHtml).length / 1024).toFixed(1)} KB gzipped`,
)
console.log(
  `500-comment post HTML: ${(longHtml.length / 1024).toFixed(0)} KB, ${(gzipSync(longHtml).length / 1024).toFixed(0)} KB gzipped`,
)
console.log(
  '\ntargets: demo ≥ 1000 req/s with p99 < 100 ms; 500-comment ≥ 300 req/s; ≥ 50% of static; RSS < 300 MB; demo ≤ 20 KB gzipped',
)
