// Part of npm run bench: the outbox's sender. Writes 2,000 mails, then two senders (as two instances
// would) race to send them through a local SMTP server; reports mails per second and how many were
// received twice (the claim must make that none) — on SQLite and on PostgreSQL. Measures, never asserts.
import fs from 'node:fs'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { SMTPServer } from 'smtp-server'
import { readDatabaseConfig } from '../db/config'
import { connect } from '../db/connect'
import { migrateToLatest } from '../db/migrate'
import { insertOutgoingMails } from '../db/queries/outgoing-mail'
import { DEFAULT_TEST_DATABASE_URL } from '../db/test-databases'
import { sendDueMails, smtpSender } from '../lib/mail/sender'

const MAILS = 2000
const received = new Map<string, number>()
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    stream.resume()
    stream.on('end', () => {
      for (const to of session.envelope.rcptTo) received.set(to.address, (received.get(to.address) ?? 0) + 1)
      callback()
    })
  },
})
await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
const send = smtpSender(`smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`, 'Bench <bench@example.com>')

async function run(name: string, url: string) {
  received.clear()
  const db = connect(readDatabaseConfig(url))
  await migrateToLatest(db)
  const now = new Date()
  for (let i = 0; i < MAILS; i += 500) {
    await insertOutgoingMails(
      db,
      Array.from({ length: 500 }, (_, j) => ({
        userId: null,
        toAddress: `reader${i + j}@example.com`,
        kind: 'reply' as const,
        dedupeKey: `bench:${i + j}`,
        subject: `Reply ${i + j}`,
        textBody: 'A reply.',
        htmlBody: '<p>A reply.</p>',
        headers: '{}',
        nextAttemptAt: now,
      })),
    )
  }
  const t0 = performance.now()
  const sender = async (claimer: string) => {
    for (;;) {
      const round = await sendDueMails(send, claimer, new Date(), db)
      if (round.sent + round.retried + round.bounced === 0) return
    }
  }
  await Promise.all([sender('instance-a'), sender('instance-b')])
  const seconds = (performance.now() - t0) / 1000
  const twice = [...received.values()].filter((n) => n > 1).length
  console.log(
    `${name.padEnd(11)} ${MAILS} mails in ${seconds.toFixed(1)} s: ${Math.round(MAILS / seconds)} mails/s, ${received.size} addresses reached, ${twice} received twice`,
  )
  await db.destroy()
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plateau-mail-bench-'))
console.log('\nThe outbox: two senders racing through a local SMTP server')
await run('SQLite', path.join(dir, 'mail.db'))
const server = process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL
try {
  const admin = new pg.Client({ connectionString: server })
  await admin.connect()
  await admin.query('drop database if exists plateau_mail_bench with (force)')
  await admin.query('create database plateau_mail_bench')
  await admin.end()
  const url = new URL(server)
  url.pathname = '/plateau_mail_bench'
  await run('PostgreSQL', url.toString())
} catch (error) {
  console.log(`PostgreSQL: not measured (${(error as Error).message})`)
}
fs.rmSync(dir, { recursive: true, force: true })
await new Promise<void>((resolve) => smtp.close(resolve))
