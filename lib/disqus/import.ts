import type { DB } from '@/db'
import { getDb, inTransaction } from '@/db'
import { insertAuditEntry } from '@/db/queries/audit'
import { waitForOtherImports } from '@/db/queries/import-jobs'
import { insertComment } from '@/db/queries/comments'
import { withCommentHtml } from '@/lib/markdown/stored'
import { findCommentIdByLegacyKey, findPostIdBySlug, setCommentParent } from '@/db/queries/imports'
import type { CommentStatus } from '@/db/types'
import { requireCapability } from '@/lib/people/permissions'
import type { Viewer } from '@/lib/people/viewer'
import { log } from '@/lib/log'
import { NOTHING_CHANGED, publicChanges, type PublicChanges } from '@/lib/changes'
import { htmlToMarkdown } from '@/lib/wordpress/content'
import { findPostOfOldAddress } from '@/lib/wordpress/old-addresses'
import { readDisqus, type DisqusPost, type DisqusThread } from './read'
import { DEFAULT_LANGUAGE, translator, type Language } from '@/lib/i18n'
import { getSiteSettings } from '@/lib/settings'

/*
 * Imports the comments of a Disqus export, all or nothing (one transaction while the file streams
 * through: a file found broken halfway changes nothing).
 * - Each thread is matched to a post or page here by its address, as an old link to it would be
 *   (lib/wordpress/old-addresses.ts: the addresses a WordPress import kept, then guesses; scheme,
 *   host, www., trailing slash and query do not matter), or by the WordPress id its identifier
 *   gives. Threads that match nothing are reported with how many comments they held; their
 *   comments are not imported (import the blog's posts first, then this file again).
 * - Each post becomes a comment by a guest: the name shown on Disqus, the email kept private (never
 *   shown), no website. Its HTML becomes the same safe Markdown comments are written in; Disqus's
 *   disq.us redirect links are unwrapped to where they lead.
 * - Replies are nested by <parent> (a reply may come before its parent). Spam stays spam (in the
 *   queue, never shown); a deleted post is kept deleted: its text is not kept, and it shows as
 *   "[deleted]" only where it holds up replies, as a comment deleted here does.
 * - Each comment remembers its Disqus id, so importing the file again adds nothing twice.
 */

export interface DisqusReport {
  forum: string
  threads: number
  /** Threads matched to a post or page here. */
  matched: number
  /** Comments added (of them, spam and deleted ones, and ones on pages, which keep but do not show comments). */
  comments: number
  onPages: number
  spam: number
  deleted: number
  /** Threads whose address names no post here, with the comments they held (not imported). */
  unmatched: { link: string; title: string; comments: number }[]
  skipped: { what: string; why: string }[]
  auditId?: number
  /** The site's language when it was imported: the report is written in it. */
  language?: Language
}

export interface DisqusImportOptions {
  now?: Date
  db?: DB
  /** Called after each comment read, with how many were. */
  onProgress?: (done: number) => void
}

/** Readers see the posts whose threads got comments, and every listing (comment counts). */
export function disqusChanges(report: DisqusReport): PublicChanges {
  return report.comments > 0 ? publicChanges({ listings: true }) : NOTHING_CHANGED
}

/** A disq.us redirect link's real target (https://disq.us/url?url=https%3A%2F%2Fa.example%2F%3AhashPart&cuid=1). */
function unwrapDisqusLinks(html: string): string {
  return html.replace(/href="(https?:\/\/disq\.us\/url\?[^"]*)"/gi, (all, href: string) => {
    try {
      const target = new URL(href.replaceAll('&amp;', '&')).searchParams.get('url')?.replace(/:[\w-]+$/, '')
      return target && /^https?:\/\//i.test(target) ? `href="${target.replaceAll('"', '%22')}"` : all
    } catch {
      return all
    }
  })
}

function date(text: string): Date | null {
  const parsed = /^\d{4}-\d\d-\d\dT/.test(text) ? new Date(text) : null
  return parsed && !Number.isNaN(parsed.getTime()) ? parsed : null
}

/**
 * Imports a Disqus export (as chunks): admins from /admin, or whoever runs `npm run import:disqus`
 * on the server ('command-line'). Throws ImportFileError, with nothing changed, for a file it cannot import.
 */
export async function importDisqus(
  viewer: Viewer | null | 'command-line',
  file: AsyncIterable<Uint8Array | string>,
  options: DisqusImportOptions = {},
): Promise<DisqusReport> {
  const actorId = viewer === 'command-line' ? null : requireCapability(viewer, 'settings.manage').id
  const { now = new Date(), db = getDb(), onProgress } = options
  const report: DisqusReport = {
    forum: '',
    threads: 0,
    matched: 0,
    comments: 0,
    onPages: 0,
    spam: 0,
    deleted: 0,
    unmatched: [],
    skipped: [],
  }
  // The report is written in the site's language, what was skipped as it is found.
  report.language = (await getSiteSettings(db)).language
  const skip = translator(report.language, 'importReport.skips')
  // Per thread only what the comments need (memory stays bounded by threads, never by comments).
  const threads = new Map<
    string,
    { forum: string; postId: number | null; onPage: boolean; link: string; title: string; comments: number }
  >()
  let done = 0

  await inTransaction(db, async (trx) => {
    await waitForOtherImports(trx)
    // Replies, linked to their parents once every comment exists.
    const replies: { id: number; parentKey: string; postId: number }[] = []

    async function thread(t: DisqusThread) {
      report.threads++
      report.forum ||= t.forum
      const found = await findPostOfOldAddress(t.link, t.identifier, now, trx)
      const postId = found ? ((await findPostIdBySlug(trx, found.slug)) ?? null) : null
      if (postId) report.matched++
      threads.set(t.id, {
        forum: t.forum,
        postId,
        onPage: found?.kind === 'page',
        link: t.link,
        title: t.title,
        comments: 0,
      })
    }

    async function post(p: DisqusPost) {
      const t = threads.get(p.threadId)
      if (!p.id || !t) {
        report.skipped.push({
          what: skip('disqusComment', { id: p.id || 'none', line: p.line }),
          why: p.id ? skip('threadMissing', { thread: p.threadId || skip('none') }) : skip('noDisqusId'),
        })
        return
      }
      t.comments++
      if (!t.postId) return
      const legacyKey = `disqus:${t.forum}/${p.id}`
      if (await findCommentIdByLegacyKey(trx, legacyKey)) return
      const createdAt = date(p.createdAt) ?? now
      const status: CommentStatus = p.isSpam ? 'spam' : p.isApproved ? 'approved' : 'pending'
      const id = await insertComment(
        trx,
        withCommentHtml({
          postId: t.postId,
          authorId: null,
          authorName: (p.author.name || p.author.username || 'Guest').slice(0, 100),
          authorEmail: p.author.email || null,
          authorUrl: null,
          body: p.isDeleted ? '' : htmlToMarkdown(unwrapDisqusLinks(p.message)) || '…',
          status,
          createdAt,
          deletedAt: p.isDeleted ? createdAt : null,
          legacyKey,
        }),
      )
      report.comments++
      if (p.isSpam) report.spam++
      if (p.isDeleted) report.deleted++
      if (t.onPage) report.onPages++
      if (p.parentId) replies.push({ id, parentKey: `disqus:${t.forum}/${p.parentId}`, postId: t.postId })
    }

    await readDisqus(file, async (record) => {
      if (record.kind === 'thread') await thread(record.thread)
      else {
        await post(record.post)
        onProgress?.(++done)
      }
    })
    for (const { id, parentKey } of replies) {
      const parentId = await findCommentIdByLegacyKey(trx, parentKey)
      if (parentId) await setCommentParent(trx, id, parentId)
      else
        report.skipped.push({
          what: skip('replyParent', { key: parentKey.split('/').pop() ?? parentKey }),
          why: skip('replyParentWhy'),
        })
    }
    for (const t of threads.values())
      if (!t.postId && t.comments > 0) report.unmatched.push({ link: t.link, title: t.title, comments: t.comments })
    report.auditId = await insertAuditEntry(trx, {
      actorId,
      action: 'import.disqus',
      subject: `disqus:${report.forum}`,
      detail: {
        ...report,
        unmatched: report.unmatched.length,
        skipped: report.skipped.length,
        lines: describeDisqusImport(report),
      },
    })
  })
  log().info(
    {
      event: 'import.finished',
      source: 'disqus',
      forum: report.forum,
      comments: report.comments,
      unmatched: report.unmatched.length,
      auditId: report.auditId,
    },
    'A Disqus export was imported.',
  )
  return report
}

/** The report as lines a person reads (the command prints them; /admin shows them). */
export function describeDisqusImport(report: DisqusReport): string[] {
  const t = translator(report.language ?? DEFAULT_LANGUAGE, 'importReport')
  const lost = report.unmatched.reduce((n, u) => n + u.comments, 0)
  const { comments, matched, threads, spam, deleted } = report
  return [
    t('disqusSummary', { forum: report.forum || t('noForum'), comments, matched, threads, spam, deleted }),
    ...(report.onPages ? [t('onPages', { count: report.onPages })] : []),
    report.unmatched.length ? t('unmatched', { lost }) : t('allMatched'),
    ...report.unmatched.map((u) => t('unmatchedItem', { link: u.link, title: u.title, count: u.comments })),
    ...(report.skipped.length
      ? [t('skipped', { count: report.skipped.length }), ...report.skipped.map((s) => t('skippedItem', s))]
      : []),
  ]
}
