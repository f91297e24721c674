import type { ModerationAction } from '@/lib/comments/moderation'
import { translator, type Language } from '@/lib/i18n'
import type { CommentStatus } from '@/lib/vocabulary'

// What a moderator can do to a comment or a mention in each status, as the admin's buttons say it.

const ACTIONS: Record<CommentStatus, ModerationAction[]> = {
  pending: ['approve', 'spam', 'trash'],
  approved: ['unapprove', 'spam', 'trash'],
  spam: ['not-spam', 'delete'],
  trash: ['restore', 'delete'],
}

const KEYS = {
  approve: 'approve',
  unapprove: 'unapprove',
  spam: 'spam',
  'not-spam': 'notSpam',
  trash: 'trash',
  restore: 'restore',
  delete: 'delete',
} as const satisfies Record<ModerationAction, string>

/** The statuses' names and, per status, its buttons (action and label) in the site's language. */
export function moderationWords(language: Language) {
  const t = translator(language, 'admin.moderation')
  const statuses = {
    pending: t('statuses.pending'),
    approved: t('statuses.approved'),
    spam: t('statuses.spam'),
    trash: t('statuses.trash'),
  } satisfies Record<CommentStatus, string>
  const buttons = Object.fromEntries(
    Object.entries(ACTIONS).map(([status, actions]) => [
      status,
      actions.map((action) => [action, t(`actions.${KEYS[action]}`)] as [ModerationAction, string]),
    ]),
  ) as Record<CommentStatus, [ModerationAction, string][]>
  return { statuses, buttons, withSelected: t('withSelected'), select: t('select') }
}
