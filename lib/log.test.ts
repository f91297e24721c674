import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { insertPost } from '@/db/queries/posts'
import { testDialects, useTestDatabase } from '@/db/test-databases'
import { moderateComments } from '@/lib/comments/moderation'
import { issueFormToken } from '@/lib/comments/form-token'
import { postComment } from '@/lib/comments/posting'
import { insertPerson } from '@/lib/testing/people'
import { captureLog, logRequestError } from './log'

// The log an operator collects: one JSON object per line, naming the event and its ids — and never
// an email address, a token or what someone wrote.

beforeAll(() => {
  process.env.AUTH_SECRET ??= 'test-secret-for-form-tokens'
})

describe.each(await testDialects())('the log on $name', (dialect) => {
  const database = useTestDatabase(dialect)
  let lines: string[]
  let release: () => void
  beforeEach(() => {
    lines = []
    release = captureLog(lines)
  })
  afterEach(() => release())

  it('records a held comment and its moderation as JSON events without the author’s address or words', async () => {
    const db = database()
    const T0 = new Date('2026-06-01T12:00:00Z')
    const postId = await insertPost(db, {
      slug: 'logged',
      title: 'Logged',
      body: 'b',
      status: 'published',
      publishedAt: T0,
    })
    const reader = await insertPerson(db, 'commenter', 'Quiet')
    const editor = await insertPerson(db, 'editor', 'Ed')
    const body = 'A secret sentence nobody should find in a log file.'
    const now = new Date(T0.getTime() + 60_000)
    const posted = await postComment(
      reader,
      { postId, parentId: '', body, honeypot: '', formToken: issueFormToken(T0) },
      { ip: '203.0.113.9', now },
      db,
    )
    expect(posted).toMatchObject({ ok: true, status: 'pending' })
    await moderateComments(editor, 'approve', [(posted as { id: number }).id], db)

    const events = lines.map((line) => JSON.parse(line))
    expect(events).toEqual([
      expect.objectContaining({
        event: 'comment.held',
        level: 'info',
        postId,
        authorId: reader.id,
        status: 'pending',
        reason: { rule: 'firstComment' },
      }),
      expect.objectContaining({ event: 'comment.moderated', action: 'approve', actorId: editor.id }),
    ])
    const all = lines.join('\n')
    expect(all).not.toContain('quiet@example.com')
    expect(all).not.toContain('secret sentence')
  })
})

describe('errors in the log', () => {
  it('carry the request’s id and path, with any email address a driver quoted scrubbed', () => {
    const lines: string[] = []
    const release = captureLog(lines)
    try {
      logRequestError(
        new Error('duplicate key value violates unique constraint: Key (email)=(someone@mail.example) already exists.'),
        {
          path: '/admin/people?email=someone@mail.example',
          method: 'POST',
          headers: { 'x-request-id': 'req-12345678' },
        },
        { routePath: '/admin/people', routeType: 'action' },
      )
    } finally {
      release()
    }
    const [event] = lines.map((line) => JSON.parse(line))
    expect(event).toMatchObject({
      event: 'request.failed',
      level: 'error',
      requestId: 'req-12345678',
      path: '/admin/people',
      method: 'POST',
    })
    expect(event.error.message).toContain('Key (email)=([email]) already exists')
    expect(lines.join('\n')).not.toContain('someone@mail.example')
  })

  it('never show the owner’s setup token, nor any query', () => {
    const lines: string[] = []
    const release = captureLog(lines)
    try {
      logRequestError(
        new Error('boom'),
        { path: '/setup/Abc123_secret-token?x=1', method: 'GET', headers: {} },
        { routePath: '/setup/[token]', routeType: 'render' },
      )
      logRequestError(
        new Error('boom'),
        { path: '/comments/confirm?token=another-secret', method: 'GET', headers: {} },
        { routePath: '/comments/confirm', routeType: 'render' },
      )
    } finally {
      release()
    }
    expect(lines.map((line) => JSON.parse(line).path)).toEqual(['/setup/[token]', '/comments/confirm'])
    expect(lines.join('\n')).not.toMatch(/secret/)
  })
})
