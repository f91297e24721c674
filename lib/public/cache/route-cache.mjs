// The route cache (next.config.mjs → cacheHandler): Next's own file-system cache (in memory here, see
// isrFlushToDisk), with one correction. Next dates a rendered page by when it was stored, not by when
// its render began, so a render that read the database before a change and finished after the change
// expired its tags was kept as fresh — the old page stayed until its revalidate time. With two
// instances that is likely (the other instance applies the change within a quarter of a second, while
// a render under load takes longer). Here a page is dated by the lookup that led to its render, which
// came before the render read anything, so such a page counts as expired and is rendered again.
//
// Like handler.mjs it leans on Next's internals, which is why package.json pins Next's exact version.
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const PINNED = 'Plateau pins Next.js to the version in package.json; run npm ci to install it'
let FileSystemCache
let manifest
try {
  FileSystemCache = require('next/dist/server/lib/incremental-cache/file-system-cache.js').default
  manifest = require('next/dist/server/lib/incremental-cache/tags-manifest.external.js')
} catch (error) {
  throw new Error(
    `Plateau cannot start: the page cache needs Next.js internals this version does not have (${error.message}). ${PINNED}.`,
  )
}
if (
  typeof FileSystemCache !== 'function' ||
  typeof manifest?.areTagsExpired !== 'function' ||
  typeof manifest?.areTagsStale !== 'function'
) {
  throw new Error(`Plateau cannot start: this Next.js version's route cache is not what Plateau expects. ${PINNED}.`)
}

const TAGS_HEADER = 'x-next-cache-tags'
/** A lookup this old was not what led to a render still being stored; forgotten rather than kept. */
const FORGET_MS = 10 * 60_000

/** Per cache key: when the earliest lookup that will lead to a render (not stored yet) was made. */
const rendersSince = new Map()

/** Whether Next renders after this lookup: nothing stored, expired or stale. Unsure counts as yes. */
function leadsToRender(data, now) {
  if (!data || data.lastModified === -1 || !data.value) return true
  const control = data.cacheControl
  if (!control) return true
  if (typeof control.revalidate === 'number' && data.lastModified + control.revalidate * 1000 < now) return true
  if (typeof control.expire === 'number' && data.lastModified + control.expire * 1000 < now) return true
  const header = data.value.headers?.[TAGS_HEADER]
  if (typeof header !== 'string') return false
  const tags = header.split(',')
  return manifest.areTagsExpired(tags, data.lastModified) || manifest.areTagsStale(tags, data.lastModified)
}

function forgetOld(now) {
  for (const [key, since] of rendersSince) if (now - since > FORGET_MS) rendersSince.delete(key)
}

/** Whether an entry is a whole page, the same for every request (no part left to render per request). */
const isWholePage = (data) => data?.value?.kind === 'APP_PAGE' && data.value.postponed == null

/** For the front door's copies of cached pages (lib/http/page-copies.ts): whether `entry` is still what Next holds for `key` and would answer without a render. */
const stillServes = (key, entry, now) =>
  FileSystemCache.memoryCache?.get(key) === entry && isWholePage(entry) && !leadsToRender(entry, now)

export default class RouteCache extends FileSystemCache {
  async get(key, ctx) {
    const lookedUp = Date.now()
    const data = await super.get(key, ctx)
    const rendering = leadsToRender(data, Date.now())
    if (rendering && !rendersSince.has(key)) rendersSince.set(key, lookedUp)
    const serving = globalThis.__plateauServing?.getStore()
    // The front door (lib/http/page-copies.ts) notes which entry this request is answered from.
    if (serving && !serving.stillFresh && !rendering && isWholePage(data))
      serving.stillFresh = (now) => stillServes(key, data, now)
    return data
  }

  async set(key, data, ctx) {
    const since = rendersSince.get(key)
    rendersSince.delete(key)
    if (rendersSince.size > 1000) forgetOld(Date.now())
    // Next's set puts the entry in memory before its first await: dated here, before anyone reads it.
    const stored = super.set(key, data, ctx)
    const entry = since === undefined ? undefined : FileSystemCache.memoryCache?.get(key)
    if (entry && entry.value === data && since < entry.lastModified) entry.lastModified = since
    await stored
  }
}
