import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
// Next's own tags manifest, which updateTag and the shared invalidations (handler.mjs) write.
import { tagsManifest } from 'next/dist/server/lib/incremental-cache/tags-manifest.external.js'
import RouteCache from './route-cache.mjs'

// A page is dated by the lookup that led to its render: a render that began before an invalidation
// and was stored after it must not count as fresh (Next dates it by when it was stored).

const PAGE = {
  kind: 'APP_PAGE',
  html: '<p>old</p>',
  rscData: Buffer.from(''),
  headers: { 'x-next-cache-tags': 'post:hello,posts' },
  status: 200,
}
const CONTROL = { cacheControl: { revalidate: 31_536_000, expire: undefined } }
const lookup = { kind: 'APP_PAGE', isRoutePPREnabled: true, isFallback: false }

let key = 0
const newKey = () => `/route-cache/APP_PAGE/test/$/posts/hello-${++key}`

describe('the route cache', () => {
  let cache: RouteCache
  // Wall-clock milliseconds a little in the past, so an expiry at `start + n` has already happened.
  let start: number
  const at = (ms: number) => vi.setSystemTime(start + ms)
  const expire = (tag: string, ms: number) => tagsManifest.set(tag, { expired: start + ms })

  beforeEach(() => {
    start = Date.now() - 60_000
    vi.useFakeTimers({ toFake: ['Date'] })
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plateau-route-cache-'))
    const cacheFs = {
      existsSync: fs.existsSync,
      readFile: fs.promises.readFile,
      readFileSync: fs.readFileSync,
      writeFile: fs.promises.writeFile,
      mkdir: fs.promises.mkdir,
      stat: fs.promises.stat,
    }
    cache = new RouteCache({
      fs: cacheFs,
      serverDistDir: dir,
      flushToDisk: false,
      dev: false,
      maxMemoryCacheSize: 10 * 1024 * 1024,
      revalidatedTags: [],
      _requestHeaders: {},
    })
    tagsManifest.clear()
  })
  afterEach(() => {
    vi.useRealTimers()
    tagsManifest.clear()
  })

  it('does not keep a page whose render began before its post was changed', async () => {
    const page = newKey()
    at(0)
    expect(await cache.get(page, lookup)).toBeNull()
    // The render reads the old post; meanwhile the post changes and its tag expires.
    expire('post:hello', 1_000)
    at(2_000)
    await cache.set(page, PAGE, CONTROL)
    expect(await cache.get(page, lookup)).toBeNull()
  })

  it('keeps a page rendered after the change', async () => {
    const page = newKey()
    expire('post:hello', 1_000)
    at(1_500)
    expect(await cache.get(page, lookup)).toBeNull()
    at(2_000)
    await cache.set(page, PAGE, CONTROL)
    at(3_000)
    expect((await cache.get(page, lookup))?.value).toEqual(PAGE)
  })

  it('dates a page by the lookup that led to its render, not by earlier lookups that found it fresh', async () => {
    const page = newKey()
    at(0)
    await cache.get(page, lookup)
    await cache.set(page, PAGE, CONTROL)
    at(500)
    expect((await cache.get(page, lookup))?.value).toEqual(PAGE)
    expire('posts', 1_000)
    at(1_500)
    expect(await cache.get(page, lookup)).toBeNull()
    at(2_000)
    await cache.set(page, { ...PAGE, html: '<p>new</p>' }, CONTROL)
    at(2_500)
    expect((await cache.get(page, lookup))?.value).toMatchObject({ html: '<p>new</p>' })
  })
})
