import { z } from 'zod'
import type { DB } from '@/db'
import { getDb, inTransaction } from '@/db'
import {
  addPostRedirect,
  countPostsByStatus,
  deletePostRow,
  findPostForEditing,
  isSlugTaken,
  listPostFilterChoices,
  listPostsForAdmin,
  removePostRedirect,
  replacePostTags,
  updatePost,
  updatePostIfUnchanged,
  type EditablePost,
} from '@/db/queries/admin-posts'
import { insertAuditEntries } from '@/db/queries/audit'
import { insertPost } from '@/db/queries/posts'
import { postHtml } from '@/lib/markdown/stored'
import { isPublicNow } from '@/db/queries/visibility'
import { POST_KINDS, POST_STATUSES, type PostStatus } from '@/db/types'
import { can, PermissionDenied, requireCapability } from '@/lib/people/permissions'
import type { Viewer } from '@/lib/people/viewer'
import { canEditPost, findEditablePost } from './access'
import { recordRevision } from './revisions'
import { slugify } from '@/lib/slugs'
import { fromLocalInput } from '@/lib/dates'
import { getSiteSettings } from '@/lib/settings'
import { siteTranslator, type Translator } from '@/lib/i18n'
import { NOTHING_CHANGED, publicChanges, type PublicChanges } from '@/lib/changes'
import { refusal, type Changed, type Refusal, type Result } from '@/lib/result'

export const POSTS_PAGE_SIZE = 20

const listQuery = z.object({
  status: z.enum(POST_STATUSES).catch('published'),
  q: z.string().trim().max(200).optional().catch(undefined),
  author: z.string().max(100).optional().catch(undefined),
  tag: z.string().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
})

/** The posts list in /admin: every post for editors, their own for authors. Throws PermissionDenied. */
export async function loadPostList(viewer: Viewer | null, query: Record<string, unknown>, db: DB = getDb()) {
  const actor = requireCapability(viewer, 'posts.write')
  const q = listQuery.parse(query)
  const everyone = can(actor, 'posts.edit-any')
  // Authors see only their own posts, whatever the filter says.
  const authorId = everyone ? q.author || undefined : actor.id
  const counts = await countPostsByStatus(db, everyone ? undefined : actor.id)
  const rows = await listPostsForAdmin(db, {
    status: q.status,
    authorId,
    tagSlug: q.tag || undefined,
    search: q.q || undefined,
    limit: POSTS_PAGE_SIZE + 1,
    offset: (q.page - 1) * POSTS_PAGE_SIZE,
  })
  const choices = await listPostFilterChoices(db)
  return {
    query: q,
    counts,
    posts: rows.slice(0, POSTS_PAGE_SIZE),
    hasNext: rows.length > POSTS_PAGE_SIZE,
    authors: everyone ? choices.authors : [],
    tags: choices.tags,
  }
}

/** One post for the editor, or null if it does not exist or is not the viewer's to edit. */
export async function loadPostForEditing(
  viewer: Viewer | null,
  id: number,
  db: DB = getDb(),
): Promise<EditablePost | null> {
  requireCapability(viewer, 'posts.write')
  const post = Number.isSafeInteger(id) ? await findEditablePost(id, new Date(), db) : undefined
  return post && canEditPost(viewer, post) ? post : null
}

// The schema's messages are keys of the catalog's errors.posts, turned into sentences in the site's
// language when a save is refused (`postRefusal`).
const optionalUrl = z
  .string()
  .trim()
  .max(2000, 'tooLong')
  .refine((v) => v === '' || /^(https?:\/\/|\/)[^\s]*$/i.test(v), 'badUrl')
const optionalText = (max: number) => z.string().trim().max(max, 'tooLong')

export const postFormSchema = z.object({
  title: z.string().trim().min(1, 'noTitle').max(200, 'titleTooLong'),
  slug: z.string().trim().max(80, 'slugTooLong'),
  body: z.string().max(500_000, 'bodyTooLong'),
  excerpt: optionalText(500),
  tags: optionalText(1000),
  featuredImageUrl: optionalUrl,
  featuredImageAlt: optionalText(300),
  featuredImageCaption: optionalText(500),
  featuredImageCredit: optionalText(200),
  featuredImageCreditUrl: optionalUrl,
  commentsOpen: z.preprocess((v) => v === 'on' || v === true, z.boolean()),
  pinned: z.preprocess((v) => v === 'on' || v === true, z.boolean()),
  intent: z.enum(['save', 'publish', 'schedule', 'unpublish']),
  /** Only read when the post is created; pages stay pages. */
  kind: z.enum(POST_KINDS).catch('post'),
  publishAt: z.string().trim().max(40),
  version: z.string().max(40),
})

export type PostFormField = keyof z.input<typeof postFormSchema>
export type PostFormValues = Record<string, string>

type PostRefusals = Translator<'errors.posts'>
/** The sentences posts are refused with, in the site's language. */
const postRefusals = (db?: DB) => siteTranslator('errors.posts', db)

const REFUSAL_KEYS = ['badUrl', 'tooLong', 'noTitle', 'titleTooLong', 'slugTooLong', 'bodyTooLong'] as const

/** A schema issue as a sentence (its message is the catalog key; "too long" says its limit). */
function postRefusal(t: PostRefusals, issue: z.core.$ZodIssue): string {
  const key = REFUSAL_KEYS.find((k) => k === issue.message)
  if (key === 'tooLong') return t('tooLong', { max: issue.code === 'too_big' ? Number(issue.maximum) : 0 })
  return key ? t(key) : t('checkFields')
}

/** Refused: `reason` says which of the three, for the autosave's own sentences. */
export type SavePostRefusal = Refusal & { reason: 'invalid' | 'conflict' | 'gone' }

export type SavePostResult =
  { ok: true; id: number; slug: string; status: PostStatus; changes: PublicChanges; version: string } | SavePostRefusal

const gone = async (db: DB): Promise<SavePostRefusal> => ({
  ...refusal((await postRefusals(db))('goneWhileEditing')),
  reason: 'gone',
})

/** The excerpt shown on listings when the author wrote none: the start of the first paragraph. */
export function autoExcerpt(markdown: string): string {
  const first = markdown.split(/\n\s*\n/).find((p) => p.trim() && !/^\s*(#|!\[|>|```|[-*+] |\d+\. )/.test(p)) ?? ''
  const text = first
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`~]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
  return text.length > 240 ? `${text.slice(0, 239).replace(/\s+\S*$/, '')}…` : text
}

function tagList(text: string): { slug: string; name: string }[] {
  const seen = new Map<string, string>()
  for (const name of text
    .split(',')
    .map((t) => t.trim().slice(0, 60))
    .filter(Boolean)) {
    const slug = slugify(name)
    if (slug && !seen.has(slug)) seen.set(slug, name)
  }
  return [...seen].map(([slug, name]) => ({ slug, name }))
}

/**
 * Creates (id null) or saves a post from the editor form, and publishes, schedules or unpublishes it
 * as asked. Refuses bad fields one by one, and a save over someone else's newer save (a conflict,
 * with their version). Authors may only touch their own posts. Throws PermissionDenied.
 */
export async function savePost(
  viewer: Viewer | null,
  id: number | null,
  form: Record<string, unknown>,
  now: Date = new Date(),
  db: DB = getDb(),
): Promise<SavePostResult> {
  const actor = requireCapability(viewer, 'posts.write')
  const existing = id === null ? null : await findEditablePost(id, now, db)
  if (id !== null && !existing) return gone(db)
  if (existing && !canEditPost(actor, existing)) throw new PermissionDenied('posts.edit-any')

  const parsed = postFormSchema.safeParse(form)
  const refusals: Partial<Record<PostFormField, (t: PostRefusals) => string>> = {}
  if (!parsed.success)
    for (const issue of parsed.error.issues) refusals[issue.path[0] as PostFormField] ??= (t) => postRefusal(t, issue)
  const input = parsed.success ? parsed.data : null

  const slug = input ? slugify(input.slug || input.title) : ''
  if (input && !slug) refusals.slug = (t) => t('slugNoLetters')
  if (input && slug && (await isSlugTaken(db, slug, id)))
    refusals.slug = (t) => t('slugTaken', { path: `/posts/${slug}` })
  let publishAt: Date | null = null
  if (input?.intent === 'schedule') {
    // Typed on the site's clock (Settings → Time zone), kept in UTC.
    const { timeZone } = await getSiteSettings(db)
    publishAt = fromLocalInput(input.publishAt, timeZone)
    if (!publishAt) refusals.publishAt = (t) => t('noPublishAt')
    else if (publishAt <= now) refusals.publishAt = (t) => t('pastPublishAt')
  }
  if (!input || Object.keys(refusals).length > 0) {
    const t = await postRefusals(db)
    const fieldErrors = Object.fromEntries(Object.entries(refusals).map(([field, say]) => [field, say(t)])) as Partial<
      Record<PostFormField, string>
    >
    return { ...refusal(t('fixFields'), { fieldErrors }), reason: 'invalid' }
  }

  const status: PostStatus =
    input.intent === 'publish'
      ? 'published'
      : input.intent === 'schedule'
        ? 'scheduled'
        : input.intent === 'unpublish'
          ? 'draft'
          : (existing?.status ?? 'draft')
  const publishedAt =
    input.intent === 'publish'
      ? existing?.status === 'published' && existing.publishedAt
        ? existing.publishedAt
        : now
      : input.intent === 'schedule'
        ? publishAt
        : (existing?.publishedAt ?? null)
  const fields = {
    title: input.title,
    slug,
    body: input.body,
    html: postHtml(input.body),
    excerpt: input.excerpt || autoExcerpt(input.body) || null,
    featuredImageUrl: input.featuredImageUrl || null,
    featuredImageAlt: input.featuredImageAlt || null,
    featuredImageCaption: input.featuredImageCaption || null,
    featuredImageCredit: input.featuredImageCredit || null,
    featuredImageCreditUrl: input.featuredImageCreditUrl || null,
    commentsOpen: input.commentsOpen,
    // Only posts are listed, so only posts are pinned.
    pinned: (existing?.kind ?? input.kind) === 'post' && input.pinned,
    status,
    publishedAt,
    updatedAt: now,
  }
  const wasLive = existing ? isPublicNow(existing, now) : false
  const live = isPublicNow({ status, publishedAt }, now)
  const action = input.intent === 'save' ? 'post.update' : `post.${input.intent}`

  let postId = id
  const conflict = await inTransaction(db, async (trx) => {
    if (existing) {
      if (!(await updatePostIfUnchanged(trx, existing.id, fields, new Date(input.version)))) return true
      if (existing.slug !== slug && wasLive) await addPostRedirect(trx, existing.slug, existing.id)
    } else {
      postId = await insertPost(trx, { ...fields, kind: input.kind, authorId: actor.id, createdAt: now })
    }
    if (status === 'published' || existing?.status === 'published')
      await recordRevision(postId!, existing?.status === 'published' ? existing : null, fields, actor.id, trx)
    await removePostRedirect(trx, slug)
    await replacePostTags(trx, postId!, tagList(input.tags))
    await insertAuditEntries(trx, [
      { actorId: actor.id, action, subject: `post:${postId}`, detail: { title: input.title, status } },
    ])
    return false
  })
  if (conflict) {
    const theirs = await findPostForEditing(db, existing!.id)
    if (!theirs) return gone(db)
    // Their version comes back to compare with, and saving again saves over it.
    const updatedAt = theirs.updatedAt.toISOString()
    return {
      ...refusal((await postRefusals(db))('savedMeanwhile'), {
        theirs: { title: theirs.title, body: theirs.body, updatedAt },
        values: { version: updatedAt },
      }),
      reason: 'conflict',
    }
  }
  // Readers see it if it is live now or was, and listings also wait for a scheduled post to come due.
  const shown = live || wasLive || status === 'scheduled' || existing?.status === 'scheduled'
  const changes = shown
    ? publicChanges({ listings: true, posts: [slug, ...(existing ? [existing.slug] : [])] })
    : NOTHING_CHANGED
  return { ok: true, id: postId!, slug, status, changes, version: now.toISOString() }
}

/** Moves a post to the trash, brings it back as a draft, or deletes it for good (from the trash only). */
export async function changePostLifecycle(
  viewer: Viewer | null,
  id: number,
  action: 'trash' | 'restore' | 'delete',
  now: Date = new Date(),
  db: DB = getDb(),
): Promise<Changed<{ slug: string }>> {
  const actor = requireCapability(viewer, 'posts.write')
  const post = await findEditablePost(id, now, db)
  if (!post) return refusal((await postRefusals(db))('postGone'))
  if (!canEditPost(actor, post)) throw new PermissionDenied('posts.edit-any')
  if (action === 'delete' && post.status !== 'trash') return refusal((await postRefusals(db))('trashFirst'))
  const wasLive = isPublicNow(post, now)
  await inTransaction(db, async (trx) => {
    if (action === 'delete') await deletePostRow(trx, id)
    else await updatePost(trx, id, { status: action === 'trash' ? 'trash' : 'draft', updatedAt: now })
    await insertAuditEntries(trx, [
      { actorId: actor.id, action: `post.${action}`, subject: `post:${id}`, detail: { title: post.title } },
    ])
  })
  return {
    ok: true,
    slug: post.slug,
    changes: wasLive ? publicChanges({ listings: true, posts: [post.slug] }) : NOTHING_CHANGED,
  }
}

export type AutosaveResult = Result<{ id: number; version: string }>

/**
 * Saves a draft (or a new post, as a draft) while it is being written, without publishing anything.
 * Published and scheduled posts are not autosaved — their changes go live only when someone presses
 * Update — so the editor keeps those in the browser instead. Throws PermissionDenied.
 */
export async function autosavePost(
  viewer: Viewer | null,
  id: number | null,
  form: Record<string, unknown>,
  now: Date = new Date(),
  db: DB = getDb(),
): Promise<AutosaveResult> {
  requireCapability(viewer, 'posts.write')
  if (id !== null) {
    const existing = await findEditablePost(id, now, db)
    if (existing && existing.status !== 'draft') return refusal((await postRefusals(db))('notDraft'))
  }
  const result = await savePost(viewer, id, { ...form, intent: 'save', publishAt: '' }, now, db)
  if (result.ok) return { ok: true, id: result.id, version: result.version }
  const t = await postRefusals(db)
  if (result.reason === 'invalid')
    return refusal(t('notSavedYet', { reason: Object.values(result.fieldErrors ?? {})[0] ?? t('checkFields') }))
  if (result.reason === 'conflict') return refusal(t('conflict'))
  return refusal(t('deleted'))
}
