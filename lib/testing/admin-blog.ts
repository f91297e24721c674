import type { Kysely } from 'kysely'
import { beforeAll, beforeEach } from 'vitest'
import { insertComment } from '@/db/queries/comments'
import { insertPost } from '@/db/queries/posts'
import { insertRevision } from '@/db/queries/revisions'
import { useTestDatabase, type TestDialect } from '@/db/test-databases'
import type { CommentStatus, Database, Role } from '@/db/types'
import type { Viewer } from '@/lib/people/viewer'
import { insertPerson } from './people'

/** For the admin's tests: the settings form as a browser sends it, every field valid. */
export const validSettingsForm = {
  title: 'My blog',
  tagline: 'A blog with conversations worth reading',
  postsPerPage: '10',
  commentDepth: '5',
  holdFirstComment: 'on',
  linkLimit: '2',
  moderationWords: '',
  blockWords: '',
  floodSeconds: '15',
  minSubmitSeconds: '3',
  editMinutes: '15',
  commentsPerPage: '50',
  closeCommentsAfterDays: '0',
  commentOrder: 'oldest',
  uploadMaxMegabytes: '10',
  importMaxMegabytes: '200',
  navigation: '',
  language: 'en',
  timeZone: 'UTC',
  dateFormat: 'j F Y',
  timeFormat: 'H:i',
  accentColor: '',
  logoUrl: '',
  logoAlt: '',
  iconUrl: '',
  headerText: '',
  footerText: '',
  customCss: '',
}

/**
 * In a describe block: for each test, a fresh database with one published post ("p") and one
 * person of each role, plus a banned editor — and helpers to add comments and revisions to it.
 */
export function useAdminBlog(dialect: TestDialect) {
  beforeAll(() => {
    process.env.AUTH_SECRET ??= 'test-secret-for-form-tokens'
  })
  const database = useTestDatabase(dialect)
  const state = { db: undefined as unknown as Kysely<Database>, postId: 0 }
  const viewers = {} as Record<Role | 'banned', Viewer>
  const person = (name: string, role: Role, banned = false) => insertPerson(state.db, role, name, { banned })
  beforeEach(async () => {
    state.db = database()
    state.postId = await insertPost(state.db, {
      slug: 'p',
      title: 'P',
      body: 'b',
      status: 'published',
      publishedAt: new Date(),
    })
    for (const role of ['admin', 'editor', 'author', 'commenter'] as const) viewers[role] = await person(role, role)
    viewers.banned = await person('banned-editor', 'editor', true)
  })
  return {
    get db() {
      return state.db
    },
    get postId() {
      return state.postId
    },
    viewers,
    person,
    statusOf: async (id: number) =>
      (await state.db.selectFrom('comment').select('status').where('id', '=', id).executeTakeFirst())?.status,
    comment: (status: CommentStatus, body = `a ${status} comment`, authorId?: string) =>
      insertComment(state.db, { postId: state.postId, body, status, authorName: 'Guest', authorId }),
    revision: async () => {
      await insertRevision(state.db, { postId: state.postId, title: 'P', body: 'an older b' })
      return (await state.db.selectFrom('postRevision').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow()).id
    },
  }
}
