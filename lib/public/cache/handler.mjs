// The `default` cache handler for 'use cache' (next.config.mjs → cacheHandlers): Next's own in-memory
// handler, plus invalidations shared between app instances through the database (see
// lib/public/cache/shared-tags.ts, which registers the database side at start-up). A plain module: Next
// imports it itself, outside the app's bundle.
//
// It leans on two of Next's internals (its in-memory handler and the tags manifest), which is why
// package.json pins Next's exact version. Should an upgrade move them, the server stops at start with
// one sentence instead of serving stale pages.
import { createEventReader } from './event-reader.mjs'

const PINNED = 'Plateau pins Next.js to the version in package.json; run npm ci to install it'
let defaults
let manifest
try {
  defaults = (await import('next/dist/server/lib/cache-handlers/default.js')).default
  manifest = (await import('next/dist/server/lib/incremental-cache/tags-manifest.external.js')).default
} catch (error) {
  throw new Error(
    `Plateau cannot start: the shared page cache needs Next.js internals this version does not have (${error.message}). ${PINNED}.`,
  )
}
if (typeof defaults?.createDefaultCacheHandler !== 'function' || !(manifest?.tagsManifest instanceof Map)) {
  throw new Error(
    `Plateau cannot start: this Next.js version's cache handler or tags manifest is not what the shared page cache expects. ${PINNED}.`,
  )
}

const base = defaults.createDefaultCacheHandler(50 * 1024 * 1024)
/** How often an instance looks for other instances' invalidations: one indexed query, four times a second, so a change shows everywhere well within a second. */
const REFRESH_MS = 250
let lastRefresh = 0
let refreshing = null

const shared = () => globalThis.__plateauSharedCacheTags

/** Tells the index of known addresses (lib/public/known-addresses.ts) which tags expired here. */
const tellExpired = (tags) => globalThis.__plateauTagsExpired?.(tags)

/** Expires a tag in this instance's cache as updateTag / revalidateTag would have. */
function expire(tag, expireSeconds) {
  tellExpired([tag])
  const now = Date.now()
  const entry = manifest.tagsManifest.get(tag) ?? {}
  manifest.tagsManifest.set(
    tag,
    expireSeconds === null ? { ...entry, expired: now } : { ...entry, stale: now, expired: now + expireSeconds * 1000 },
  )
}

let read = null
/** The new events of the shared log, each applied once (./event-reader.mjs: late commits included). */
function readNewEvents(store) {
  read ??= createEventReader(store, (event) => expire(event.tag, event.expireSeconds))
  return read()
}

let failing = false

/** Through the blog's log (lib/log.ts) once the app has started; plain stderr before. */
function logLine(level, fields, message) {
  const logger = globalThis.__plateauLog
  if (logger) logger[level](fields, message)
  else console.error(`Plateau: ${message} ${fields.error ?? ''}`)
}

/** Reads other instances' invalidations now, unless that was done less than REFRESH_MS ago. */
async function refresh() {
  const store = shared()
  if (!store || Date.now() - lastRefresh < REFRESH_MS) return
  lastRefresh = Date.now()
  refreshing ??= readNewEvents(store)
    .then(() => {
      if (failing)
        logLine('info', { event: 'cache.shared-tags-back' }, "Reading other instances' cache invalidations again.")
      failing = false
    })
    .catch((error) => {
      // Once per outage, not every second.
      if (!failing)
        logLine(
          'error',
          { event: 'cache.shared-tags-failed', error: error.message },
          "Could not read other instances' cache invalidations.",
        )
      failing = true
    })
    .finally(() => {
      refreshing = null
    })
  await refreshing
}

// Reads other instances' invalidations at once, not at the next poll (lib/public/cache/shared-tags.ts).
globalThis.__plateauCatchUpSharedTags = () => {
  lastRefresh = 0
  return refresh()
}

// On that beat, whether or not requests come: a page served whole from Next's route cache reads no
// 'use cache' entry, so refreshTags alone would never run for it.
setInterval(() => void refresh(), REFRESH_MS).unref()

const handler = {
  get: (cacheKey, softTags) => base.get(cacheKey, softTags),
  set: (cacheKey, pendingEntry) => base.set(cacheKey, pendingEntry),
  refreshTags: refresh,
  getExpiration: (tags) => base.getExpiration(tags),
  async updateTags(tags, durations) {
    tellExpired(tags)
    await base.updateTags(tags, durations)
    const store = shared()
    if (!store) return
    try {
      await store.record(tags, durations?.expire ?? null)
    } catch (error) {
      logLine(
        'error',
        { event: 'cache.share-failed', error: error.message },
        'Could not share a cache invalidation with other instances.',
      )
    }
  },
}

export default handler
