import type { DB } from '@/db'
import { getDb } from '@/db'
import { deleteCreatedBefore, deleteExpiredSignIns } from '@/db/queries/housekeeping'
import { describeError, log } from '@/lib/log'
import { pruneRateLimits } from '@/lib/rate-limits'

/*
 * Every instance forgets, every few minutes, what nobody can use any more: spent rate-limit counters,
 * refused forms kept for their page (a day, refused comments among them), comments never confirmed (7 days),
 * expired sessions and sign-in links. So nothing a stranger can make the blog keep outlives its use.
 */

const DAY = 86_400_000
const EVERY_MS = 10 * 60_000

/** Forgets what has expired by `now`; returns how many rows went. Safe on several instances at once. */
export async function tidyUp(now: Date = new Date(), db: DB = getDb()): Promise<number> {
  return (
    (await pruneRateLimits(now, db)) +
    (await deleteCreatedBefore(db, 'keptForm', new Date(now.getTime() - DAY))) +
    (await deleteCreatedBefore(db, 'unconfirmedComment', new Date(now.getTime() - 7 * DAY))) +
    (await deleteExpiredSignIns(db, now))
  )
}

/** Tidies up now and every ten minutes, in the background; returns how to stop. */
export function startHousekeeping(): () => void {
  const run = () =>
    tidyUp().catch((error) =>
      log().warn(
        { event: 'housekeeping.failed', err: describeError(error) },
        'Could not forget expired rows; trying again later.',
      ),
    )
  void run()
  const timer = setInterval(run, EVERY_MS)
  timer.unref()
  return () => clearInterval(timer)
}
