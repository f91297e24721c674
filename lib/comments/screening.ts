import type { CommentStatus } from '@/db/types'
import type { SiteSettings } from '@/lib/settings'

/** Links in a comment: Markdown links, bare URLs and www. addresses. */
export function countLinks(text: string): number {
  return (text.match(/\bhttps?:\/\/|\bwww\./gi) ?? []).length
}

/** The first word of the list found in the text, ignoring case; blank entries never match. */
export function findListedWord(text: string, list: string[]): string | undefined {
  const haystack = text.toLowerCase()
  return list.map((w) => w.trim().toLowerCase()).find((w) => w !== '' && haystack.includes(w))
}

export interface ModerationInput {
  body: string
  /** The hidden field people never see; bots fill it in. */
  honeypot: string
  /** Seconds between the form being shown and sent; null when its token is missing or forged. */
  secondsToSubmit: number | null
  /** Editors and admins are not held. */
  trusted: boolean
  /** Whether one of this person's comments was approved before. */
  hasApprovedComment: boolean
}

/** Why a comment is held for a moderator: the moderators' mail says it in the site's language. */
export type { HoldReason } from '@/db/types'
import type { HoldReason } from '@/db/types'

/** Why a comment is spam or approved: for the log. */
export type OtherReason =
  { rule: 'honeypot' | 'formToken' | 'tooFast' | 'trusted' | 'passed' } | { rule: 'blockedWord'; word: string }

export type Screening =
  { status: 'pending'; reason: HoldReason } | { status: Exclude<CommentStatus, 'pending'>; reason: OtherReason }

/**
 * The status a new comment gets, and why, by the site's rules in WordPress's order: bots and blocked
 * words → spam; moderation words, too many links or a first comment → held; otherwise approved.
 */
export function decideCommentStatus(input: ModerationInput, settings: SiteSettings): Screening {
  if (input.honeypot.trim() !== '') return { status: 'spam', reason: { rule: 'honeypot' } }
  if (input.secondsToSubmit === null) return { status: 'spam', reason: { rule: 'formToken' } }
  if (input.secondsToSubmit < settings.minSubmitSeconds) return { status: 'spam', reason: { rule: 'tooFast' } }
  const blocked = findListedWord(input.body, settings.blockWords)
  if (blocked) return { status: 'spam', reason: { rule: 'blockedWord', word: blocked } }
  if (input.trusted) return { status: 'approved', reason: { rule: 'trusted' } }
  const held = findListedWord(input.body, settings.moderationWords)
  if (held) return { status: 'pending', reason: { rule: 'moderationWord', word: held } }
  if (countLinks(input.body) >= settings.linkLimit)
    return { status: 'pending', reason: { rule: 'links', limit: settings.linkLimit } }
  if (settings.holdFirstComment && !input.hasApprovedComment)
    return { status: 'pending', reason: { rule: 'firstComment' } }
  return { status: 'approved', reason: { rule: 'passed' } }
}
