import type { SiteSettings } from '@/lib/settings'

const DAY = 86_400_000

/**
 * Whether a post takes new comments: its own switch, and the site's "close comments on posts older
 * than N days" (0: never) counted from publication.
 */
export function commentsAreOpen(
  post: { commentsOpen: boolean; publishedAt: Date | null },
  site: Pick<SiteSettings, 'closeCommentsAfterDays'>,
  now: Date = new Date(),
): boolean {
  if (!post.commentsOpen) return false
  const days = site.closeCommentsAfterDays
  return days === 0 || !post.publishedAt || now.getTime() - post.publishedAt.getTime() < days * DAY
}
