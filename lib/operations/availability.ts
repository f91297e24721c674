import { databaseLostSince } from '@/db/availability'

/*
 * What readers get while the database is away: the proxy answers every page with a 503 and a
 * friendly sentence instead of an error, and probes (at most once a second, whoever asks) for the
 * database's return, so the instance recovers by itself. Nothing here imports the database itself:
 * the proxy stays light, and start-up hands over the probe (lib/operations/startup.ts).
 */

const PROBE_EVERY_MS = 1000
const PROBE_TIMEOUT_MS = 2000

const holder = globalThis as typeof globalThis & {
  __plateauDatabaseProbe?: { probe: () => Promise<unknown>; lastAt: number; running: Promise<boolean> | null }
}

/** Called once at start-up with a cheap query (`select 1`) against the process's database. */
export function registerDatabaseProbe(probe: () => Promise<unknown>): void {
  holder.__plateauDatabaseProbe = { probe, lastAt: 0, running: null }
}

/**
 * Whether requests can reach the database. Costs nothing while it answers; once it has gone away,
 * probes again at most once a second (concurrent callers share the probe).
 */
export async function databaseAnswers(): Promise<boolean> {
  if (databaseLostSince() === null) return true
  const probe = holder.__plateauDatabaseProbe
  if (!probe) return false
  if (probe.running) return probe.running
  if (Date.now() - probe.lastAt < PROBE_EVERY_MS) return false
  probe.lastAt = Date.now()
  probe.running = Promise.race([
    probe.probe().then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), PROBE_TIMEOUT_MS).unref()),
  ])
    .catch(() => false)
    // A successful probe has already cleared the mark (the pool notes every connection it makes).
    .then((answered) => answered && databaseLostSince() === null)
    .finally(() => {
      probe.running = null
    })
  return probe.running
}

/** Seconds a client should wait before trying again, for Retry-After. */
export const RETRY_AFTER_SECONDS = 10
