// npm run bench — throughput of the production server on this machine. See --help.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { closeDb, getDb } from '../db'
import { prepareDatabase } from '../db/prepare'
import { insertComment } from '../db/queries/comments'
import { insertPost } from '../db/queries/posts'
import { spawn } from 'node:child_process'
import { auditPages, CATEGORIES } from './lighthouse'
import {
  benchOptions,
  type Cost,
  ensureBuild,
  measureCost,
  peakRssMb,
  root,
  rssMb,
  startServer,
  stopServer,
} from './production-server'

const HELP = `Usage: npm run bench [-- --duration SECONDS --connections N --lighthouse 0]

Builds the blog if needed and starts the production server on a fresh SQLite database holding the
demo post and a second post with 500 approved comments (a third of them replies, up to 4 levels
deep). First measures this machine's ceilings for the demo post's HTML: a bare Node http server
sending it from memory, and nginx sending it as a file (skipped if nginx is not installed). Then,
with autocannon on loopback, one table: req/s, p50 and p99 latency and the server's CPU milliseconds
per request for the demo post, the home page, the 500-comment post, a static file through the same
server, GET /api/health, search, never-seen addresses and a 10-second flood of them (with the
server's memory before and after), each beside its goal; the server's memory at start, after the
whole bench and at its peak; the JavaScript each page type loads (raw and gzipped); and Lighthouse's
four scores for the home page and the demo post (--lighthouse 0 skips it). Nothing here asserts: it
measures.`

const { option, duration, connections } = benchOptions(HELP)
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

/** The ceilings of this machine for the same bytes: one Node process sending them from memory, and nginx sending them as a file. */
async function ceilings(): Promise<{ node: Cost; nginx: Cost | null }> {
  const nodePort = port + 10
  const bare = spawn(
    process.execPath,
    [
      '-e',
      `const body = require('fs').readFileSync(${JSON.stringify(path.join(staticDir, 'demo-post.html'))});
       require('http').createServer((q, s) => { s.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length }); s.end(body) }).listen(${nodePort}, '127.0.0.1')`,
    ],
    { stdio: 'ignore' },
  )
  await waitFor(`http://127.0.0.1:${nodePort}/`)
  process.stdout.write('measuring a bare Node http server sending the demo post from memory…\n')
  const node = await measureCost(
    `http://127.0.0.1:${nodePort}`,
    bare.pid!,
    () => ({ path: '/' }),
    connections,
    duration,
  )
  bare.kill()
  let nginx: Cost | null = null
  const nginxDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plateau-bench-nginx-'))
  fs.chmodSync(nginxDir, 0o755)
  fs.copyFileSync(path.join(staticDir, 'demo-post.html'), path.join(nginxDir, 'demo-post.html'))
  fs.chmodSync(path.join(nginxDir, 'demo-post.html'), 0o644)
  const nginxPort = port + 11
  fs.writeFileSync(
    path.join(nginxDir, 'nginx.conf'),
    `daemon off; worker_processes auto; pid ${nginxDir}/nginx.pid; error_log ${nginxDir}/error.log;
     events { worker_connections 1024; }
     http { access_log off; server { listen 127.0.0.1:${nginxPort}; root ${nginxDir};
       client_body_temp_path ${nginxDir}/body; proxy_temp_path ${nginxDir}/proxy; fastcgi_temp_path ${nginxDir}/fastcgi;
       uwsgi_temp_path ${nginxDir}/uwsgi; scgi_temp_path ${nginxDir}/scgi; } }`,
  )
  const binary = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((candidate) => fs.existsSync(candidate))
  if (binary) {
    const child = spawn(binary, ['-c', path.join(nginxDir, 'nginx.conf'), '-p', nginxDir], { stdio: 'ignore' })
    try {
      await waitFor(`http://127.0.0.1:${nginxPort}/demo-post.html`)
      process.stdout.write('measuring nginx sending the demo post as a file…\n')
      nginx = await measureCost(
        `http://127.0.0.1:${nginxPort}`,
        child.pid!,
        () => ({ path: '/demo-post.html' }),
        connections,
        duration,
      )
      nginx.cpuMsPerRequest = NaN // its workers are other processes
    } finally {
      child.kill('SIGQUIT')
    }
  }
  fs.rmSync(nginxDir, { recursive: true, force: true })
  return { node, nginx }
}

async function waitFor(url: string): Promise<void> {
  for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`${url} did not answer`)
}

/** Bytes of JavaScript a page makes a browser load (module scripts, not the noModule polyfills), raw and gzipped. */
function scriptsOf(html: string): { count: number; raw: number; gzip: number } {
  const sources = (html.match(/<script\b[^>]*\bsrc="[^"]+"[^>]*>/g) ?? [])
    .filter((tag) => !/\bnoModule\b/i.test(tag))
    .map((tag) => /\bsrc="([^"]+)"/.exec(tag)![1])
  const preloaded = (html.match(/<link\b[^>]*\brel="(?:preload|modulepreload)"[^>]*\bas="script"[^>]*>/g) ?? [])
    .map((tag) => /\bhref="([^"]+)"/.exec(tag)?.[1])
    .filter((href): href is string => href !== undefined && !html.includes(`src="${href}"`))
  const total = { count: 0, raw: 0, gzip: 0 }
  for (const src of [...sources, ...preloaded]) {
    const file = path.join(root, '.next', src.replace(/^\/_next\//, ''))
    if (!fs.existsSync(file)) continue
    const bytes = fs.readFileSync(file)
    total.count++
    total.raw += bytes.length
    total.gzip += gzipSync(bytes).length
  }
  return total
}

const machine = await ceilings()

// Trusting loopback's X-Forwarded-For lets the search below come from many clients (its limit is per client).
// As in production, AUTH_URL says where the blog lives (canonical links are full URLs on it); NODE_OPTIONS
// given to the bench reach the server (e.g. a smaller heap).
server = await startServer(port, DATABASE_URL, { TRUSTED_PROXIES: 'loopback', AUTH_URL: base })
const pid = server.pid!
const rssAtStart = rssMb(pid)
const cost = (name: string, next: () => { path: string; headers?: Record<string, string> }) => {
  process.stdout.write(`measuring ${name} (${connections} connections, ${duration} s)…\n`)
  return measureCost(base, pid, next, connections, duration)
}
const longHtml = await (await fetch(`${base}/posts/a-long-conversation`)).text()
let n = 0
const words = ['social', 'media', 'plateau', 'comments', 'conversation', 'blog', 'readers', 'twitter']
const rows: [string, Cost, string][] = [
  ['cached post (demo)', await cost('the demo post', () => ({ path: '/posts/the-social-media-plateau' })), ''],
  ['home', await cost('the home page', () => ({ path: '/' })), ''],
  ['500-comment post', await cost('the 500-comment post', () => ({ path: '/posts/a-long-conversation' })), ''],
  ['static file through the server', await cost('a static file', () => ({ path: '/__bench/demo-post.html' })), ''],
  ['GET /api/health', await cost('the health check', () => ({ path: '/api/health' })), ''],
  [
    'search (8 queries, many clients)',
    await cost('search', () => ({
      path: `/search?q=${words[n++ % words.length]}`,
      headers: { 'x-forwarded-for': `198.18.${(n >> 8) & 255}.${n & 255}` },
    })),
    '',
  ],
  [
    'never-seen address (404)',
    await cost('never-seen addresses', () => ({
      path: `/posts/never-seen-${n++}-${Math.random().toString(36).slice(2)}`,
    })),
    '',
  ],
]
// Its memory before and after a flood of never-seen addresses of every family: it keeps nothing for them.
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

// After a write, readers of the page at once: how many renders does it take? (Next's response cache
// shares one render between the requests for a page that arrive while it runs.)
const pageTypes: [string, string][] = [
  ['home', '/'],
  ['post', '/posts/the-social-media-plateau'],
  ['500-comment post', '/posts/a-long-conversation'],
  ['tag', '/tags/social-media'],
  ['month', '/2013/03'],
  ['search', '/search?q=plateau'],
  ['sign-in', '/signin'],
]
const scripts = await Promise.all(
  pageTypes.map(async ([name, url]) => [name, scriptsOf(await (await fetch(base + url)).text())] as const),
)
const audits = option('lighthouse', 1) ? await auditPages(base, [pageTypes[0], pageTypes[1]]) : []
const rssAfterBench = rssMb(pid)
const rss = peakRssMb(pid)
await stopServer(server)
fs.rmSync(staticDir, { recursive: true, force: true })
fs.rmSync(dir, { recursive: true, force: true })

const post = rows[0][1]
const goals: Record<string, string> = {
  'cached post (demo)': `≥ 50% of bare Node (${post.rps >= machine.node.rps / 2 ? 'met' : 'not met'}: ${((post.rps / machine.node.rps) * 100).toFixed(0)}%); CPU ≤ 1 ms`,
  '500-comment post': '≥ 700 req/s, p99 < 200 ms',
  'GET /api/health': 'CPU ≤ 0.3 ms',
  'search (8 queries, many clients)': '≥ 300 req/s',
}
const ms = (value: number) => (Number.isNaN(value) ? '—' : value.toFixed(2))
console.log(
  `\nPlateau on ${os.cpus().length} cores, Node ${process.version} (${process.env.NODE_OPTIONS ? `NODE_OPTIONS=${process.env.NODE_OPTIONS}` : 'no extra flags'}), SQLite, ${connections} connections, ${duration} s each, after a 2-second warm-up; the load generator runs on the same cores\n`,
)
console.log(
  `${'what'.padEnd(34)}${'req/s'.padStart(8)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'CPU ms/req'.padStart(12)}   goal`,
)
const line = (name: string, c: Cost, goal = '') =>
  console.log(
    `${name.padEnd(34)}${c.rps.toFixed(0).padStart(8)}${String(c.p50).padStart(8)}${String(c.p99).padStart(8)}${ms(c.cpuMsPerRequest).padStart(12)}   ${goal}`,
  )
line('bare Node http, same HTML', machine.node, 'one Node process’s ceiling')
if (machine.nginx) line('nginx, same HTML as a file', machine.nginx, 'the machine’s ceiling')
else console.log('nginx, same HTML as a file          (nginx not installed: skipped)')
console.log(
  process.env.WORDPRESS_URL
    ? `WordPress at ${process.env.WORDPRESS_URL}: measure it with autocannon alongside (not run here)`
    : 'WordPress                           (not installed on this machine: skipped; set up php-fpm + MariaDB to compare)',
)
for (const [name, c] of rows) line(name, c, goals[name] ?? '')
line('flood of never-seen addresses', flood, `RSS ${rssBeforeFlood} MB before, ${rssAfterFlood} MB after`)
console.log(
  `\nserver memory (RSS): ${rssAtStart} MB at start, ${rssAfterBench} MB after the whole bench, peak ${rss} MB   goal < 250 MB`,
)
console.log(
  `demo post HTML: ${(demoHtml.length / 1024).toFixed(1)} KB, ${(gzipSync(demoHtml).length / 1024).toFixed(1)} KB gzipped; 500-comment post ${(longHtml.length / 1024).toFixed(0)} KB, ${(gzipSync(longHtml).length / 1024).toFixed(0)} KB gzipped`,
)
console.log('\nJavaScript a page loads      scripts    raw KB   gzip KB   goal ≤ 100 KB gzipped')
for (const [name, s] of scripts)
  console.log(
    `${name.padEnd(28)}${String(s.count).padStart(8)}${(s.raw / 1024).toFixed(0).padStart(10)}${(s.gzip / 1024).toFixed(0).padStart(10)}`,
  )
if (audits.length) {
  console.log(`\nLighthouse (mobile)${CATEGORIES.map((c) => c.padStart(16)).join('')}   goal 100 each`)
  for (const audit of audits)
    console.log(`${audit.name.padEnd(19)}${audit.scores.map((score) => String(score).padStart(16)).join('')}`)
  const misses = audits.flatMap((audit) => audit.misses)
  if (misses.length) console.log(misses.map((miss) => `  ${miss}`).join('\n'))
}
