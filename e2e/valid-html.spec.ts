import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { expect, test } from './fixtures/test'
import { aboutPage, longThread } from './fixtures/content'

// Every public page type, as served, checked by the Nu HTML Checker (vnu.jar; needs Java) in one run.
const PAGES = {
  home: '/',
  post: '/posts/the-social-media-plateau',
  page: `/pages/${aboutPage.slug}`,
  'comments page 3': `/posts/${longThread.slug}/comments/page/3`,
  tag: '/tags/local-government',
  author: '/authors/simondigital',
  'year archive': '/2013',
  'month archive': '/2013/03',
  search: '/search?q=plateau',
  'empty search': '/search',
  'sign-in': '/signin',
  // The server-rendered 404. (A 404 from inside a post or archive route is Next 16.4's error document,
  // drawn by script — vercel/next.js#62228 — and not checked here.)
  '404': '/no/such/thing',
}

test('every public page type is valid HTML', async ({ request }) => {
  const dir = path.resolve('.test-output/vnu')
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true })
  const files: Record<string, string> = {}
  for (const [what, url] of Object.entries(PAGES)) {
    const file = path.join(dir, `${what.replace(/\W+/g, '-')}.html`)
    fs.writeFileSync(file, await (await request.get(url)).text())
    files[file] = what
  }
  const jar = path.resolve('node_modules/vnu-jar/build/dist/vnu.jar')
  // vnu exits non-zero when it finds errors; the JSON report (on stderr) says which.
  const result = await promisify(execFile)('java', ['-jar', jar, '--errors-only', '--format', 'json', ...Object.keys(files)]).catch((e: { stderr: string }) => e)
  const report = JSON.parse(result.stderr) as { messages: { type: string; url: string; message: string; lastLine?: number }[] }
  const errors = report.messages
    .filter((m) => m.type === 'error')
    .map((m) => `${files[decodeURIComponent(new URL(m.url).pathname)] ?? m.url}:${m.lastLine ?? '?'}: ${m.message}`)
  expect(errors).toEqual([])
})
