import { inTransaction, type DB } from '@/db'
import { clearStoredHtml, listRowsWithoutHtml, setStoredHtml } from '@/db/queries/rendered-html'
import { readSettings, writeSetting } from '@/db/queries/settings'
import { renderCommentMarkdown, renderPostMarkdown } from './render'

/*
 * Comments and posts are rendered when they are written and their HTML stored beside the Markdown
 * (comment.html, post.html): reading a page, a feed, a mail or the export never parses Markdown.
 * Rows written before this (or restored from an older backup) are rendered when the blog starts, and
 * everything again when the renderer changes what it writes (RENDERER, below).
 */

/** Bump when the renderer writes different HTML for the same Markdown: stored HTML is then made again. */
export const RENDERER = 'markdown-it 15, rules of 2026-12-07'
const RENDERER_KEY = 'markdown.renderer'
const BATCH = 200

/** What a comment's stored HTML is: its body rendered. For every writer of a comment body. */
export const commentHtml = renderCommentMarkdown
/** What a post's stored HTML is: its body rendered. For every writer of a post body. */
export const postHtml = renderPostMarkdown

/** A comment row to write, with its HTML. */
export const withCommentHtml = <T extends { body: string }>(row: T): T & { html: string } => ({
  ...row,
  html: commentHtml(row.body),
})
/** A post row to write, with its HTML. */
export const withPostHtml = <T extends { body: string }>(row: T): T & { html: string } => ({
  ...row,
  html: postHtml(row.body),
})

/** A comment's HTML: as stored, or (for a row written around lib/, such as a test's) made now. */
export const shownCommentHtml = (row: { html: string | null; body: string }): string =>
  row.html ?? renderCommentMarkdown(row.body)
/** A post's HTML: as stored, or made now. */
export const shownPostHtml = (row: { html: string | null; body: string }): string =>
  row.html ?? renderPostMarkdown(row.body)

/**
 * Renders every comment and post whose HTML is missing (all of them after a renderer change), in
 * batches. Returns how many it rendered. At start-up and after a restore; safe on several instances
 * at once (each writes the same HTML).
 */
export async function renderMissingHtml(db: DB): Promise<number> {
  const settings = await readSettings(db)
  if (settings[RENDERER_KEY] !== RENDERER) {
    await clearStoredHtml(db, 'comment')
    await clearStoredHtml(db, 'post')
    await writeSetting(db, RENDERER_KEY, RENDERER)
  }
  let rendered = 0
  for (const [table, render] of [
    ['comment', renderCommentMarkdown],
    ['post', renderPostMarkdown],
  ] as const) {
    for (;;) {
      const rows = await listRowsWithoutHtml(db, table, BATCH)
      await inTransaction(db, async (trx) => {
        for (const row of rows) await setStoredHtml(trx, table, row.id, render(row.body))
      })
      rendered += rows.length
      if (rows.length < BATCH) break
    }
  }
  return rendered
}
