import { z } from 'zod'
import type { DB } from '@/db'
import { getDb } from '@/db'
import {
  countMentionsByStatus,
  deleteMentionsForever,
  findMentionsWithPost,
  listMentionsForModeration,
  setMentionsStatus,
} from '@/db/queries/mentions'
import { COMMENT_STATUSES } from '@/db/types'
import { requireCapability } from '@/lib/people/permissions'
import type { Viewer } from '@/lib/people/viewer'
import { moderate, QUEUE_PAGE_SIZE, type ModerationTarget } from '@/lib/comments/moderation'

// Mentions (pingbacks, trackbacks) are moderated as comments are: the same statuses and actions.

const querySchema = z.object({
  status: z.enum(COMMENT_STATUSES).catch('pending'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
})

/** The mentions in one status, for the admin. Editors and admins only; throws PermissionDenied. */
export async function loadMentionQueue(viewer: Viewer | null, query: Record<string, unknown>, db: DB = getDb()) {
  requireCapability(viewer, 'comments.moderate')
  const q = querySchema.parse(query)
  const rows = await listMentionsForModeration(db, q.status, QUEUE_PAGE_SIZE + 1, (q.page - 1) * QUEUE_PAGE_SIZE)
  return {
    query: q,
    counts: await countMentionsByStatus(db),
    mentions: rows.slice(0, QUEUE_PAGE_SIZE),
    hasNext: rows.length > QUEUE_PAGE_SIZE,
  }
}

const mentions: ModerationTarget<Awaited<ReturnType<typeof findMentionsWithPost>>[number]> = {
  noun: 'mention',
  find: findMentionsWithPost,
  setStatus: setMentionsStatus,
  deleteForever: deleteMentionsForever,
}

/** Applies one moderation action to mentions, as to comments (lib/comments/moderation.ts). Editors and admins only; throws PermissionDenied. */
export const moderateMentions = (viewer: Viewer | null, action: string, rawIds: unknown[], db: DB = getDb()) =>
  moderate(mentions, viewer, action, rawIds, db)
