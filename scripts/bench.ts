// npm run bench — throughput of the production server on this machine. See --help.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { closeDb, getDb } from '../db'
import { prepareDatabase } from '../db/prepare'
import { insertComment } from '../db/queries/comments'
import { insertPost } from '../db/queries/posts'
import { benchOptions, ensureBuild, measure as measureAt, peakRssMb, root, startServer, stopServer } from './production-server'

const HELP = `Usage: npm run bench [-- --duration SECONDS --connections N]

Builds the blog if needed, starts the production server on a fresh SQLite database holding the demo
post and a second post with 500 approved comments (a third of them replies, up to 4 levels deep),
then runs autocannon on loopback against: the home page, the demo post, the 500-comment post, and
the demo post's HTML saved as a static file served by the same server (this machine's ceiling).
Prints req/s, p50 and p99 latency per page, each page's share of the static ceiling, the server's
peak memory (RSS) and the demo post's gzipped size. Nothing here asserts: it measures.`

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
  const postId = await insertPost(
    {
      slug: 'a-long-conversation',
      title: 'A long conversation',
      excerpt: 'Five hundred approved comments, threaded.',
      body: 'A post that people could not stop talking about.\n\nIt has **500** approved comments.',
      status: 'published',
      publishedAt: '2013-04-01T09:00:00.000Z',
    },
    db,
  )
  // 500 comments: two thirds top level, one third replies, each reply one level deeper than its
  // parent, wrapping back to a top-level parent after depth 4.
  const depthOf = new Map<number, number>()
  const top: number[] = []
  let last: number | null = null
  for (let i = 0; i < 500; i++) {
    const isReply = i % 3 === 2 && last !== null
    let parentId: number | null = null
    if (isReply) parentId = depthOf.get(last!)! < 3 ? last : top[top.length - 1]
    const id: number = await insertComment(
      {
        postId,
        parentId,
        authorName: `Reader ${i % 37}`,
        body: `Comment number ${i}. I have *thoughts* about this, and [a link](https://example.com/${i}).\n\nA second paragraph to make it realistic.`,
        status: 'approved',
        createdAt: new Date(Date.UTC(2013, 3, 1, 10) + i * 60_000),
      },
      db,
    )
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

server = await startServer(port, DATABASE_URL)
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
const rss = peakRssMb(server.pid!)
await stopServer(server)
fs.rmSync(staticDir, { recursive: true, force: true })
fs.rmSync(dir, { recursive: true, force: true })

const ceiling = results['static demo HTML'].rps
console.log(`\nPlateau on ${os.cpus().length} cores, Node ${process.version}, ${connections} connections, ${duration} s each\n`)
console.log('page                  req/s     p50 ms   p99 ms   of static   errors')
for (const [name] of pages) {
  const r = results[name]
  console.log(
    `${name.padEnd(20)} ${r.rps.toFixed(0).padStart(7)} ${String(r.p50).padStart(9)} ${String(r.p99).padStart(8)} ${`${((r.rps / ceiling) * 100).toFixed(0)}%`.padStart(10)} ${String(r.errors).padStart(8)}`,
  )
}
console.log(`\nserver peak RSS: ${rss} MB`)
console.log(`demo post HTML: ${(demoHtml.length / 1024).toFixed(1)} KB, ${(gzipSync(demoHtml).length / 1024).toFixed(1)} KB gzipped`)
console.log(`500-comment post HTML: ${(longHtml.length / 1024).toFixed(0)} KB, ${(gzipSync(longHtml).length / 1024).toFixed(0)} KB gzipped`)
console.log('\ntargets: demo ≥ 1000 req/s with p99 < 100 ms; 500-comment ≥ 300 req/s; ≥ 50% of static; RSS < 300 MB; demo ≤ 20 KB gzipped')
