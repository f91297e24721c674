// Reading other instances' cache invalidations in id order, without missing one that commits late.
// On PostgreSQL an event takes its id when it is inserted, not when it commits: a transaction holding
// id 10 can commit after another's id 11 has been read. Ids skipped over are therefore looked for again
// on every read for LATE_MS, and applied when they appear (rolled-back ids simply never do).
// A plain module, used by the cache handler (handler.mjs), which Next loads outside the app's bundle.

const PAGE = 500
const LATE_MS = 10_000
const MAX_MISSING = 1000

/**
 * Returns read(): applies (through `apply`) each event of `store` not applied yet. The first read only
 * notes where the log stands: a starting instance's cache is empty, so earlier events do not matter.
 */
export function createEventReader(store, apply, now = () => Date.now()) {
  let lastId = null
  const missing = new Map()
  return async function read() {
    if (lastId === null) {
      lastId = await store.latestId()
      return
    }
    const t = now()
    for (const [id, since] of missing) if (t - since > LATE_MS) missing.delete(id)
    let cursor = missing.size > 0 ? Math.min(lastId, ...missing.keys()) - 1 : lastId
    for (;;) {
      const events = await store.after(cursor, PAGE)
      for (const event of events) {
        if (event.id <= lastId) {
          if (missing.delete(event.id)) apply(event)
          continue
        }
        for (let gap = lastId + 1; gap < event.id && missing.size < MAX_MISSING; gap++) missing.set(gap, t)
        apply(event)
        lastId = event.id
      }
      if (events.length < PAGE) return
      cursor = events[events.length - 1].id
    }
  }
}
