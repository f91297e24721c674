import type { AddressInfo } from 'node:net'
import type { Kysely } from 'kysely'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { claimDueMails, insertOutgoingMails, type NewOutgoingMail } from '@/db/queries/outgoing-mail'
import { testDialects, useTestDatabase } from '@/db/test-databases'
import type { Database } from '@/db/types'
import { loadPeople } from '@/lib/admin/people'
import { insertPerson } from '@/lib/testing/people'
import { sendDueMails, smtpSender } from './sender'

// The outbox's sender against a real SMTP server (smtp-server on loopback) that can be told to
// answer "try later" (451) or "no such address" (550).

const received: { to: string; subject: string; raw: string }[] = []
let answer: 'ok' | 'later' = 'ok'
const refused = new Set<string>()
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onRcptTo(address, _session, callback) {
    if (refused.has(address.address))
      return callback(Object.assign(new Error('5.1.1 No such mailbox'), { responseCode: 550 }))
    if (answer === 'later') return callback(Object.assign(new Error('4.3.2 Try again later'), { responseCode: 451 }))
    callback()
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = []
    stream.on('data', (c: Buffer) => chunks.push(c))
    stream.on('end', () => {
      const raw = Buffer.concat(chunks).toString()
      for (const to of session.envelope.rcptTo)
        received.push({ to: to.address, subject: /^Subject: (.*)$/m.exec(raw)?.[1] ?? '', raw })
      callback()
    })
  },
})
let send: ReturnType<typeof smtpSender>
beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
  send = smtpSender(`smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`, 'Plateau <blog@example.com>')
})
afterAll(() => new Promise<void>((resolve) => smtp.close(resolve)))

const T0 = new Date('2026-12-02T09:00:00Z')
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000)
const mail = (to: string, n: number): NewOutgoingMail => ({
  userId: null,
  toAddress: to,
  kind: 'reply',
  dedupeKey: `test:${to}:${n}`,
  subject: `Mail ${n} to ${to}`,
  textBody: `Hello ${n}`,
  htmlBody: `<p>Hello ${n}</p>`,
  headers: JSON.stringify({
    'List-Unsubscribe': '<https://blog.example/api/unsubscribe?x>',
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  }),
  nextAttemptAt: T0,
})

describe.each(await testDialects())('sending the outbox on $name', (dialect) => {
  const database = useTestDatabase(dialect)
  let db: Kysely<Database>
  const rows = () =>
    db
      .selectFrom('outgoingMail')
      .select(['toAddress', 'status', 'attempts', 'nextAttemptAt', 'lastError'])
      .orderBy('id')
      .execute()
  beforeEach(() => {
    db = database()
    received.length = 0
    answer = 'ok'
    refused.clear()
  })

  it('two senders racing send each mail exactly once, with its headers and no Reply-To', async () => {
    await insertOutgoingMails(
      db,
      [1, 2, 3, 4, 5].map((n) => mail(`reader${n}@example.com`, n)),
    )
    // Written twice (the same event retried): still one mail each.
    await insertOutgoingMails(db, [mail('reader1@example.com', 1)])
    const [a, b] = await Promise.all([
      sendDueMails(send, 'instance-a', T0, db),
      sendDueMails(send, 'instance-b', T0, db),
    ])
    expect(a.sent + b.sent).toBe(5)
    expect(received.map((r) => r.to).sort()).toEqual([1, 2, 3, 4, 5].map((n) => `reader${n}@example.com`))
    expect((await rows()).map((r) => r.status)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent'])
    expect(received[0].raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m)
    expect(received[0].raw).toMatch(/^From: Plateau <blog@example.com>\r?$/m)
    expect(received[0].raw).not.toMatch(/^Reply-To:/im)
    expect(await sendDueMails(send, 'instance-a', at(1), db)).toEqual({ sent: 0, retried: 0, bounced: 0 })
    expect(received).toHaveLength(5)
  })

  it('a mail server that says "later" loses nothing: the mail goes when it takes mail again, waiting longer each time', async () => {
    await insertOutgoingMails(db, [mail('patient@example.com', 1)])
    answer = 'later'
    expect(await sendDueMails(send, 'a', T0, db)).toEqual({ sent: 0, retried: 1, bounced: 0 })
    const [first] = await rows()
    expect(first).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: expect.stringContaining('Try again later'),
    })
    expect(first.nextAttemptAt.getTime() - T0.getTime()).toBe(30_000)
    // Not due again yet; then due, and the server still says later: the wait doubles.
    expect((await sendDueMails(send, 'a', T0, db)).retried).toBe(0)
    expect((await sendDueMails(send, 'a', at(31), db)).retried).toBe(1)
    const [second] = await rows()
    expect(second.nextAttemptAt.getTime() - at(31).getTime()).toBe(60_000)
    answer = 'ok'
    expect(await sendDueMails(send, 'a', at(92), db)).toEqual({ sent: 1, retried: 0, bounced: 0 })
    expect(received.map((r) => r.to)).toEqual(['patient@example.com'])
    expect((await rows())[0]).toMatchObject({ status: 'sent', attempts: 3 })
  })

  it('an address refused for good fails its mails, marks its person, and spares everyone else', async () => {
    const gone = await insertPerson(db, 'commenter', 'gone')
    refused.add('gone@example.com')
    await insertOutgoingMails(db, [mail('gone@example.com', 1), mail('fine@example.com', 2)])
    expect(await sendDueMails(send, 'a', T0, db)).toEqual({ sent: 1, retried: 0, bounced: 1 })
    await insertOutgoingMails(db, [mail('gone@example.com', 3)])
    expect((await rows()).map((r) => `${r.toAddress} ${r.status}`)).toEqual([
      'gone@example.com failed',
      'fine@example.com sent',
      'gone@example.com pending',
    ])
    // The admin's People page marks the person.
    const admin = await insertPerson(db, 'admin', 'admin')
    expect((await loadPeople(admin, 1, db)).people.find((p) => p.id === gone.id)?.emailBouncedAt).not.toBeNull()
    expect((await loadPeople(admin, 1, db)).people.find((p) => p.id === admin.id)?.emailBouncedAt).toBeNull()
  })

  it('a sender that stopped mid-send leaves its mail to be taken again after five minutes', async () => {
    await insertOutgoingMails(db, [mail('someone@example.com', 1)])
    expect(await claimDueMails(db, 'crashed', T0, at(-300), 10)).toHaveLength(1)
    expect((await sendDueMails(send, 'b', at(60), db)).sent).toBe(0)
    expect((await sendDueMails(send, 'b', at(301), db)).sent).toBe(1)
    expect(received).toHaveLength(1)
  })
})
