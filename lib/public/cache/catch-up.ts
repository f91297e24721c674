// Read-your-writes across instances. Every instance applies the others' cache invalidations within a
// second (lib/public/cache/handler.mjs); someone who just changed something must not wait that second, so
// whoever posted a form carries a short-lived cookie, and each request with it makes the instance that
// answers apply every invalidation first (proxy.ts). Public pages never read it: they stay cached.

export const FRESH_COOKIE = 'plateau-wrote'
/** Seconds after a write during which the writer's requests catch up first. */
export const FRESH_SECONDS = 10

const holder = globalThis as typeof globalThis & { __plateauCatchUpSharedTags?: () => Promise<void> }

/** Applies other instances' invalidations now rather than at the next poll. Never throws. */
export async function catchUpWithOtherInstances(): Promise<void> {
  await holder.__plateauCatchUpSharedTags?.().catch(() => {})
}
