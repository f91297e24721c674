// Part of npm run bench: imports generated 25 MB and 100 MB WordPress exports; reports time and memory.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { once } from 'node:events'
import { closeDb, getDb } from '../db'
import { migrateToLatest } from '../db/migrate'
import { importWordPress } from '../lib/wordpress/import'

async function run(posts: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plateau-import-bench-'))
  const file = path.join(dir, 'export.xml')
  process.env.DATABASE_URL = path.join(dir, 'blog.db')
  await closeDb()

  // ~10 KB per post: paragraphs of text and five comments, two of them replies.
  const paragraph =
    'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. '.repeat(
      6,
    )
  const out = fs.createWriteStream(file)
  const put = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain')
  }
  await put(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Big</title><link>http://big.example</link><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>http://big.example</wp:base_site_url>
<wp:author><wp:author_id>1</wp:author_id><wp:author_login>writer</wp:author_login><wp:author_email>writer@big.example</wp:author_email><wp:author_display_name>Writer</wp:author_display_name></wp:author>
`)
  for (let i = 1; i <= posts; i++) {
    const comments = [1, 2, 3, 4, 5]
      .map((c) => {
        const id = i * 10 + c
        return `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author>Reader ${c}</wp:comment_author><wp:comment_author_email>r${c}@mail.example</wp:comment_author_email><wp:comment_date_gmt>2020-01-01 10:0${c}:00</wp:comment_date_gmt><wp:comment_content><![CDATA[${paragraph}]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>${c > 3 ? i * 10 + 1 : 0}</wp:comment_parent></wp:comment>`
      })
      .join('')
    await put(
      `<item><title>Post ${i}</title><dc:creator>writer</dc:creator><content:encoded><![CDATA[${`<p>${paragraph}</p>\n`.repeat(6)}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded><wp:post_id>${i}</wp:post_id><wp:post_date_gmt>2020-01-01 10:00:00</wp:post_date_gmt><wp:comment_status>open</wp:comment_status><wp:post_name>post-${i}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type><category domain="category" nicename="news">News</category>${comments}</item>\n`,
    )
  }
  await put('</channel></rss>\n')
  out.end()
  await once(out, 'finish')
  const size = fs.statSync(file).size

  await migrateToLatest(getDb())
  let peakHeap = 0
  let peakRss = 0
  const sample = setInterval(() => {
    const m = process.memoryUsage()
    peakHeap = Math.max(peakHeap, m.heapUsed)
    peakRss = Math.max(peakRss, m.rss)
  }, 50)
  const started = performance.now()
  const report = await importWordPress('command-line', fs.createReadStream(file), { download: false })
  const seconds = (performance.now() - started) / 1000
  clearInterval(sample)
  await closeDb()
  fs.rmSync(dir, { recursive: true, force: true })

  return { size, report, seconds, peakHeap, peakRss }
}

// Two sizes: memory that stays flat from one to the other is bounded by a post, not by the file.
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`
console.log('\nWordPress import into SQLite (generated exports: 10 KB posts, five comments each)')
for (const posts of [2_500, 10_000]) {
  process.stdout.write(`importing ${posts} posts…\n`)
  const { size, report, seconds, peakHeap, peakRss } = await run(posts)
  console.log(
    `  ${mb(size).padStart(7)} export: ${seconds.toFixed(1)} s (${(report.posts / seconds).toFixed(0)} posts/s, ${report.comments} comments), peak heap ${mb(peakHeap)}, peak RSS ${mb(peakRss)}`,
  )
}
console.log('  target: peak memory the same for both sizes (bounded by one post, not by the file)')
