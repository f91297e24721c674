import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'

/**
 * Timestamps are read back as `Date` on both dialects (PostgreSQL's timestamptz natively, SQLite's
 * ISO text through `SqliteValuesPlugin`) and may be written as a `Date` or an ISO string.
 */
export type Timestamp = ColumnType<Date, Date | string, Date | string>
export type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>

export const ROLES = ['admin', 'editor', 'author', 'commenter'] as const
export type Role = (typeof ROLES)[number]

export const POST_STATUSES = ['draft', 'scheduled', 'published', 'trash'] as const
export type PostStatus = (typeof POST_STATUSES)[number]

/** Why a comment waits for a moderator (lib/comments/screening.ts decides; kept with a digest item, said in mails). */
export type HoldReason =
  { rule: 'moderationWord'; word: string } | { rule: 'links'; limit: number } | { rule: 'firstComment' }

export const COMMENT_STATUSES = ['pending', 'approved', 'spam', 'trash'] as const
export type CommentStatus = (typeof COMMENT_STATUSES)[number]

/** Auth.js user, as `@auth/kysely-adapter` expects it, plus the blog's own columns. */
export interface UserTable {
  id: string
  name: string | null
  email: string | null
  emailVerified: Timestamp | null
  image: string | null
  role: ColumnType<Role, Role | undefined, Role>
  createdAt: GeneratedTimestamp
  bannedAt: Timestamp | null
  deletedAt: Timestamp | null
  /** The author page's address, /authors/<slug>; given with the first name, then kept. */
  slug: ColumnType<string | null, string | null | undefined, string | null>
  /** Mail when someone replies to this person's comments. */
  notifyReplies: ColumnType<MailChoice, MailChoice | undefined, MailChoice>
  /** Mail for each comment held for moderation (editors and admins). */
  notifyHeld: ColumnType<MailChoice, MailChoice | undefined, MailChoice>
  /** The mail server refused the address for good: nothing more is sent to it. */
  emailBouncedAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
  /** Each notification as its own mail, or gathered into one a day. */
  mailDelivery: ColumnType<MailDelivery, MailDelivery | undefined, MailDelivery>
}

export const MAIL_CHOICES = ['each', 'off'] as const
export type MailChoice = (typeof MAIL_CHOICES)[number]

export const MAIL_DELIVERIES = ['each', 'daily'] as const
export type MailDelivery = (typeof MAIL_DELIVERIES)[number]

export const MAIL_KINDS = ['held-comment', 'reply', 'follow', 'approved', 'confirm-comment', 'digest'] as const
export type MailKind = (typeof MAIL_KINDS)[number]

export interface UnconfirmedCommentTable {
  tokenHash: string
  postId: number
  parentId: number | null
  name: string
  email: string
  body: string
  followConversation: ColumnType<boolean, boolean | undefined, boolean>
  /** Seconds the form took to fill in, by its signed token; null when it carried none (sent without script). */
  formSeconds: ColumnType<number | null, number | null | undefined, number | null>
  createdAt: Timestamp
}

export interface PostFollowTable {
  userId: string
  postId: number
  createdAt: Timestamp
}

export const MENTION_KINDS = ['pingback', 'trackback', 'webmention'] as const
export type MentionKind = (typeof MENTION_KINDS)[number]

/** Another page that links to a post, shown under its comments once approved. */
export interface MentionTable {
  id: Generated<number>
  postId: number
  kind: MentionKind
  sourceUrl: string
  /** The linking page's title (or its site's name). */
  title: string
  excerpt: string | null
  status: ColumnType<CommentStatus, CommentStatus | undefined, CommentStatus>
  createdAt: Timestamp
  legacyKey: string | null
}

export const IMPORT_KINDS = ['wordpress', 'disqus'] as const
export type ImportKindName = (typeof IMPORT_KINDS)[number]
/** running → done (its report in the audit log) | refused (the file; why, in the audit log) | failed. */
export type ImportJobStatus = 'running' | 'done' | 'refused' | 'failed'

/** An import started from /admin, and how far it has got. */
export interface ImportJobTable {
  id: Generated<number>
  kind: ImportKindName
  actorId: string | null
  fileName: string
  status: ColumnType<ImportJobStatus, ImportJobStatus | undefined, ImportJobStatus>
  /** Records read, of about `total` (counted ahead from the file). */
  done: ColumnType<number, number | undefined, number>
  total: ColumnType<number, number | undefined, number>
  /** The audit log entry with the outcome: the report, or why the file was refused. */
  auditId: number | null
  startedAt: Timestamp
  /** Last heard of from the instance running it (a running import unheard of for long has stopped). */
  heartbeatAt: Timestamp
}

/** An address of an imported site, and what lives on at it (one of post, tag, person). */
export interface OldAddressTable {
  path: string
  postId: number | null
  tagId: number | null
  userId: string | null
}

/** A notification waiting for its person's daily digest. */
export interface DigestItemTable {
  id: Generated<number>
  userId: string
  kind: Exclude<MailKind, 'confirm-comment' | 'digest'>
  commentId: number
  reason: string | null
  dedupeKey: string
  createdAt: Timestamp
}

export interface OutgoingMailTable {
  id: Generated<number>
  userId: string | null
  toAddress: string
  kind: MailKind
  dedupeKey: string
  subject: string
  textBody: string
  htmlBody: string
  /** JSON: extra headers (List-Unsubscribe…). */
  headers: string
  /** pending → sending (claimed by one sender) → sent; failed when the address is refused for good. */
  status: ColumnType<
    'pending' | 'sending' | 'sent' | 'failed',
    'pending' | undefined,
    'pending' | 'sending' | 'sent' | 'failed'
  >
  attempts: ColumnType<number, number | undefined, number>
  nextAttemptAt: Timestamp
  claimedBy: string | null
  claimedAt: Timestamp | null
  lastError: string | null
  sentAt: Timestamp | null
  createdAt: GeneratedTimestamp
}

export interface AccountTable {
  id: string
  userId: string
  type: string
  provider: string
  providerAccountId: string
  refresh_token: string | null
  access_token: string | null
  expires_at: number | null
  token_type: string | null
  scope: string | null
  id_token: string | null
  session_state: string | null
}

export interface SessionTable {
  id: string
  userId: string
  sessionToken: string
  /** Slides forward as the session is used (Auth.js). */
  expires: Timestamp
  /** When it began: it ends SESSION_MAX_AGE_DAYS later whatever `expires` says (lib/auth/adapter.ts). */
  createdAt: ColumnType<Date | null, Date | string | undefined, Date | string>
}

export interface VerificationTokenTable {
  identifier: string
  token: string
  expires: Timestamp
}

export interface PostTable {
  id: Generated<number>
  slug: string
  title: string
  excerpt: string | null
  /** Markdown source, exactly as the author wrote it. */
  body: string
  /** The body rendered (lib/markdown), made when it is written; null until then. */
  html: ColumnType<string | null, string | null | undefined, string | null>
  status: PostStatus
  publishedAt: Timestamp | null
  authorId: string | null
  featuredImageUrl: string | null
  featuredImageAlt: string | null
  featuredImageCaption: string | null
  featuredImageCredit: string | null
  featuredImageCreditUrl: string | null
  commentsOpen: ColumnType<boolean, boolean | undefined, boolean>
  createdAt: GeneratedTimestamp
  updatedAt: GeneratedTimestamp
  /** 'post' (dated, listed, with comments) or 'page' (About, Contact: at /pages/<slug>, never listed). */
  kind: ColumnType<PostKind, PostKind | undefined, PostKind>
  /** Imported posts: "<WordPress site URL>#<post id>"; a re-import skips posts it already brought. */
  legacyKey: ColumnType<string | null, string | null | undefined, string | null>
  /** Imported posts: the WordPress id and slug their old addresses used (/?p=ID, /2024/06/05/slug/). */
  legacyId: ColumnType<number | null, number | null | undefined, number | null>
  legacySlug: ColumnType<string | null, string | null | undefined, string | null>
  /** Pinned to the top of the home page (WordPress's sticky posts). */
  pinned: ColumnType<boolean, boolean | undefined, boolean>
  /** Pages: the page this one sits under (WordPress's page hierarchy). */
  parentId: ColumnType<number | null, number | null | undefined, number | null>
}

export const POST_KINDS = ['post', 'page'] as const
export type PostKind = (typeof POST_KINDS)[number]

export interface TagTable {
  id: Generated<number>
  slug: string
  name: string
}

export interface PostTagTable {
  postId: number
  tagId: number
}

export interface CommentTable {
  id: Generated<number>
  postId: number
  parentId: number | null
  /** The signed-in author; null for guests and imported commenters, who have only a name. */
  authorId: string | null
  authorName: string | null
  /** Private: never selected for a page. */
  authorEmail: string | null
  authorUrl: string | null
  /** Markdown source, exactly as the commenter wrote it. */
  body: string
  /** The body rendered (lib/markdown), made when it is written; null until then. */
  html: ColumnType<string | null, string | null | undefined, string | null>
  status: CommentStatus
  createdAt: GeneratedTimestamp
  editedAt: Timestamp | null
  deletedAt: Timestamp | null
  /** Imported comments: "<WordPress site URL>#comment-<id>", and that id (old #comment-ID anchors). */
  legacyKey: ColumnType<string | null, string | null | undefined, string | null>
  legacyId: ColumnType<number | null, number | null | undefined, number | null>
}

export interface RateLimitTable {
  key: string
  windowStartedAt: Timestamp
  hits: number
}

export interface KeptFormTable {
  id: string
  userId: string | null
  /** The refused FormState as JSON. */
  state: string
  createdAt: Timestamp
}

export interface AuditLogTable {
  id: Generated<number>
  actorId: string | null
  /** What was done, e.g. "comment.approve", "user.role", "user.ban". */
  action: string
  /** What it was done to, e.g. "comment:12", "user:…". */
  subject: string
  /** JSON with the details (before/after values). */
  detail: ColumnType<string, string | undefined, string>
  createdAt: GeneratedTimestamp
}

export interface PostRedirectTable {
  slug: string
  postId: number
}

export interface PostRevisionTable {
  id: Generated<number>
  postId: number
  title: string
  excerpt: string | null
  body: string
  savedById: string | null
  createdAt: GeneratedTimestamp
}

export interface UploadTable {
  /** The file's path under /uploads/, e.g. "2026/11/3f9c…-1200x800.jpg"; names the original. */
  key: string
  originalName: string
  contentType: string
  width: number
  height: number
  size: number
  /** JSON: [{ key, width, height, contentType }] of the resized copies. */
  variants: ColumnType<string, string | undefined, string>
  uploadedById: string | null
  createdAt: GeneratedTimestamp
}

export interface StoredFileTable {
  key: string
  contentType: string
  data: Uint8Array
}

export interface CacheTagEventTable {
  id: Generated<number>
  tag: string
  expireSeconds: number | null
  createdAt: GeneratedTimestamp
}

export interface SettingTable {
  key: string
  /** JSON-encoded value. */
  value: string
}

export interface Database {
  User: UserTable
  Account: AccountTable
  Session: SessionTable
  VerificationToken: VerificationTokenTable
  post: PostTable
  tag: TagTable
  postTag: PostTagTable
  comment: CommentTable
  setting: SettingTable
  rateLimit: RateLimitTable
  keptForm: KeptFormTable
  outgoingMail: OutgoingMailTable
  digestItem: DigestItemTable
  oldAddress: OldAddressTable
  mention: MentionTable
  importJob: ImportJobTable
  postFollow: PostFollowTable
  unconfirmedComment: UnconfirmedCommentTable
  auditLog: AuditLogTable
  postRedirect: PostRedirectTable
  postRevision: PostRevisionTable
  upload: UploadTable
  storedFile: StoredFileTable
  cacheTagEvent: CacheTagEventTable
}

export type Post = Selectable<PostTable>
export type NewPost = Insertable<PostTable>
export type PostUpdate = Updateable<PostTable>
export type Comment = Selectable<CommentTable>
export type NewComment = Insertable<CommentTable>
export type NewUser = Insertable<UserTable>
export type NewTag = Insertable<TagTable>
