// npm run bench (second part) — the scale path: PostgreSQL, one instance and two behind nginx. See --help.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { closeDb, getDb } from '../db'
import { prepareDatabase } from '../db/prepare'
import { insertComment } from '../db/queries/comments'
import { insertPost } from '../db/queries/posts'
import { cacheTags } from '../lib/public/tags'
import { invalidateEverywhere } from '../lib/public/cache/shared-tags'
import {
  benchOptions,
  ensureBuild,
  measure as measureAt,
  peakRssMb,
  root,
  startServer,
  stopServer,
  type Measured,
} from './production-server'

const HELP = `Usage: npm run bench [-- --duration SECONDS --connections N]   (this part: tsx scripts/bench-scale.ts)

On the PostgreSQL server at TEST_DATABASE_URL (database plateau_bench, made anew): the demo post and
a post with 10,000 approved comments. Measures, with autocannon on loopback:
  1. the home page, the demo post and the 10,000-comment post through nginx (deploy/nginx/plateau.conf
     as e2e/nginx.sh runs it) with one app instance behind it, then with two, and nginx serving the
     demo post's HTML as a file itself (this machine's ceiling) in the same run;
  2. the 10,000-comment post's first (uncached) render, its cached req/s, each instance's peak RSS;
  3. write-while-read: readers on the demo post through nginx while one comment a second is added and
     approved (written as the command-line tools write: the database plus the shared invalidation),
     reporting readers' req/s and p99 against the read-only run, and how long each comment took to
     show on both instances.
Nothing here asserts: it measures.`

const { duration, connections } = benchOptions(HELP)
const measure = (url: string, seconds = duration) => measureAt(url, connections, seconds)
const NGINX_PORT = 3400
const INSTANCES = [3401, 3402]
const serverUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test'
const DATABASE_URL = Object.assign(new URL(serverUrl), { pathname: '/plateau_bench' }).toString()
const LONG = 'ten-thousand-comments'
const DEMO = 'the-social-media-plateau'

ensureBuild()

async function freshDatabase(): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query('drop database if exists plateau_bench with (force)')
  await admin.query('create database plateau_bench')
  await admin.end()
  process.env.DATABASE_URL = DATABASE_URL
  const db = getDb()
  await prepareDatabase(db)
  const postId = await insertPost(db, {
    slug: LONG,
    title: 'Ten thousand comments',
    excerpt: 'A conversation that never ended.',
    body: 'People kept talking.',
    status: 'published',
    publishedAt: '2013-04-01T09:00:00.000Z',
  })
  // Two thirds top level, one third replies up to four levels deep, as in the SQLite bench.
  await db.transaction().execute(async (trx) => {
    const depthOf = new Map<number, number>()
    const top: number[] = []
    let last: number | null = null
    for (let i = 0; i < 10_000; i++) {
      let parentId: number | null = null
      if (i % 3 === 2 && last !== null) parentId = depthOf.get(last)! < 3 ? last : top[top.length - 1]
      const id: number = await insertComment(trx, {
        postId,
        parentId,
        authorName: `Reader ${i % 97}`,
        body: `Comment number ${i}. I have *thoughts* about this, and [a link](https://example.com/${i}).`,
        status: 'approved',
        createdAt: new Date(Date.UTC(2013, 3, 1, 10) + i * 60_000),
      })
      depthOf.set(id, parentId === null ? 0 : depthOf.get(parentId)! + 1)
      if (parentId === null) top.push(id)
      last = id
    }
  })
}

function startNginx(port: number, instances: number[], staticDir: string): Promise<ChildProcess> {
  const child = spawn('sh', [path.join(root, 'e2e/nginx.sh')], {
    cwd: root,
    env: {
      ...process.env,
      E2E_PORT: String(port),
      E2E_INSTANCE_PORTS: instances.join(' '),
      NGINX_DIR: path.join(root, '.test-output', `bench-nginx-${port}`),
      NGINX_STATIC_DIR: staticDir,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 20_000
    const poll = async () => {
      try {
        if ((await fetch(`http://localhost:${port}/api/health`)).ok) return resolve(child)
      } catch {
        // not yet
      }
      if (child.exitCode !== null || Date.now() > deadline) return reject(new Error('nginx did not start'))
      setTimeout(poll, 200)
    }
    void poll()
  })
}

await freshDatabase()
console.log(`Seeded ${new URL(DATABASE_URL).host}/plateau_bench: the demo post and a 10,000-comment post.`)

const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plateau-bench-static-'))
fs.chmodSync(staticDir, 0o755) // nginx's workers run as another user
const servers: ChildProcess[] = []
const started = async (port: number) => {
  const child = await startServer(port, DATABASE_URL)
  servers.push(child)
  return child
}
const first = await started(INSTANCES[0])
const t0 = performance.now()
const longHtml = await (await fetch(`http://localhost:${INSTANCES[0]}/posts/${LONG}`)).text()
const firstRenderMs = performance.now() - t0
fs.writeFileSync(
  path.join(staticDir, 'demo-post.html'),
  await (await fetch(`http://localhost:${INSTANCES[0]}/posts/${DEMO}`)).text(),
)

const pages: [string, string][] = [
  ['home', '/'],
  ['demo post', `/posts/${DEMO}`],
  ['10,000-comment post', `/posts/${LONG}`],
]
const one: Record<string, Measured> = {}
const two: Record<string, Measured> = {}
let nginx = await startNginx(NGINX_PORT, [INSTANCES[0]], staticDir)
for (const [name, url] of pages) {
  process.stdout.write(`one instance behind nginx: ${name}…\n`)
  one[name] = await measure(`http://localhost:${NGINX_PORT}${url}`)
}
const staticCeiling = await measure(`http://localhost:${NGINX_PORT}/__static/demo-post.html`)
await stopServer(nginx)

const second = await started(INSTANCES[1])
nginx = await startNginx(NGINX_PORT, INSTANCES, staticDir)
for (const [name, url] of pages) {
  process.stdout.write(`two instances behind nginx: ${name}…\n`)
  two[name] = await measure(`http://localhost:${NGINX_PORT}${url}`)
}

// Write while reading: one comment a second, approved, while readers load the demo post.
process.stdout.write('write-while-read…\n')
const demoPostId = Number(
  (await getDb().selectFrom('post').select('id').where('slug', '=', DEMO).executeTakeFirstOrThrow()).id,
)
const shownAfter: number[] = []
let writing = true
const writer = (async () => {
  for (let n = 0; writing; n++) {
    const text = `Written while reading, number ${n} ${Date.now()}`
    const at = performance.now()
    await insertComment(getDb(), {
      postId: demoPostId,
      authorName: 'Bench writer',
      body: text,
      status: 'approved',
      createdAt: new Date(),
    })
    await invalidateEverywhere([cacheTags.post(DEMO)])
    const seen = new Set<number>()
    while (seen.size < INSTANCES.length && performance.now() - at < 10_000) {
      for (const port of INSTANCES) {
        if (!seen.has(port) && (await (await fetch(`http://localhost:${port}/posts/${DEMO}`)).text()).includes(text))
          seen.add(port)
      }
      if (seen.size < INSTANCES.length) await new Promise((r) => setTimeout(r, 50))
    }
    shownAfter.push(seen.size === INSTANCES.length ? performance.now() - at : Infinity)
    await new Promise((r) => setTimeout(r, Math.max(0, 1000 - (performance.now() - at))))
  }
})()
const whileWriting = await measure(`http://localhost:${NGINX_PORT}/posts/${DEMO}`, Math.max(duration, 15))
writing = false
await writer

const rss = servers.map((s) => peakRssMb(s.pid!))
await stopServer(nginx)
await stopServer(second)
await stopServer(first)
await closeDb()
fs.rmSync(staticDir, { recursive: true, force: true })

const row = (name: string, r: Measured, extra = '') =>
  console.log(
    `${name.padEnd(34)} ${r.rps.toFixed(0).padStart(7)} ${String(r.p50).padStart(7)} ${String(r.p99).padStart(7)} ${String(r.errors).padStart(7)}${extra}`,
  )
const sorted = [...shownAfter].sort((a, b) => a - b)
console.log(
  `\nPlateau on PostgreSQL, ${os.cpus().length} cores, Node ${process.version}, ${connections} connections, ${duration} s each, through nginx\n`,
)
console.log('page                                 req/s  p50 ms  p99 ms  errors')
for (const [name] of pages) {
  row(`${name}, one instance`, one[name])
  row(`${name}, two instances`, two[name], `   ×${(two[name].rps / one[name].rps).toFixed(2)}`)
}
row('static demo HTML (nginx itself)', staticCeiling)
console.log(
  `\n10,000-comment post: first render ${firstRenderMs.toFixed(0)} ms; ${(longHtml.length / 1024).toFixed(0)} KB of HTML`,
)
console.log(`peak RSS per instance: ${rss.map((mb) => `${mb} MB`).join(', ')}`)
console.log(
  `write-while-read: readers ${whileWriting.rps.toFixed(0)} req/s (${((whileWriting.rps / two['demo post'].rps) * 100).toFixed(0)}% of read-only), p99 ${whileWriting.p99} ms; ${shownAfter.length} comments shown on both instances after median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(0)} ms, slowest ${sorted[sorted.length - 1]?.toFixed(0)} ms`,
)
console.log(
  '\ngoals: two ≥ 1.6× one; 10,000-comment first render < 1 s, cached ≥ 300 req/s; RSS < 300 MB; while writing ≥ 70% of read-only and every comment within 1 s',
)
