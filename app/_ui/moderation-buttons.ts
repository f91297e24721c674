import type { ModerationAction } from '@/lib/admin/moderation'
import type { CommentStatus } from '@/lib/vocabulary'

// What a moderator can do to a comment or a mention in each status, as the admin's buttons say it.

export const MODERATION_STATUS_LABELS: Record<CommentStatus, string> = { pending: 'Pending', approved: 'Approved', spam: 'Spam', trash: 'Trash' }

export const MODERATION_BUTTONS: Record<CommentStatus, [ModerationAction, string][]> = {
  pending: [['approve', 'Approve'], ['spam', 'Spam'], ['trash', 'Trash']],
  approved: [['unapprove', 'Unapprove'], ['spam', 'Spam'], ['trash', 'Trash']],
  spam: [['not-spam', 'Not spam'], ['delete', 'Delete permanently']],
  trash: [['restore', 'Restore'], ['delete', 'Delete permanently']],
}
