import { hostname } from 'node:os'
import nodemailer from 'nodemailer'
import type { DB } from '@/db'
import { getDb } from '@/db'
import {
  claimDueMails,
  markMailBounced,
  markMailForRetry,
  markMailSent,
  type OutgoingMail,
} from '@/db/queries/outgoing-mail'
import { describeError, log } from '@/lib/log'
import { writeDueDigests } from './notifications'

/*
 * Sends the outbox (the outgoingMail table). Every instance runs a sender: each round it claims the
 * mails due (no two senders claim the same one), sends each through nodemailer and marks it sent. A
 * mail server that does not answer, or answers "try later" (4xx), gets the mail again later, waiting
 * longer each time; one that refuses the address for good (5xx) fails it and stops mail to that
 * address. A sender stopped mid-send leaves its claims, and they are taken again after ABANDONED_MS.
 * Each round first writes the daily digests that are due (./notifications.ts), so they go out with it.
 * Without SMTP_URL nothing is sent: the admin's "Outgoing mail" page shows what would have been.
 */

const ROUND_LIMIT = 20
const ABANDONED_MS = 5 * 60_000
const FIRST_RETRY_MS = 30_000
const LAST_RETRY_MS = 60 * 60_000

/** How long to wait before attempt `attempts + 1`: 30 s, 1 min, 2 min… at most an hour. */
export const retryDelayMs = (attempts: number) =>
  Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LAST_RETRY_MS)

export type SendMail = (mail: OutgoingMail) => Promise<void>

/** A mail server's permanent refusal of the address (a 5xx reply to the recipient or the message). */
const isPermanent = (error: unknown) => {
  const code = (error as { responseCode?: unknown }).responseCode
  return typeof code === 'number' && code >= 500 && code < 600
}

/** One round: claims what is due for `claimer` and sends it through `send`. Returns how it went. */
export async function sendDueMails(
  send: SendMail,
  claimer: string,
  now: Date = new Date(),
  db: DB = getDb(),
): Promise<{ sent: number; retried: number; bounced: number }> {
  const mails = await claimDueMails(db, claimer, now, new Date(now.getTime() - ABANDONED_MS), ROUND_LIMIT)
  const done = { sent: 0, retried: 0, bounced: 0 }
  // Sent side by side over the transport's pool of connections; each outcome is recorded on its own.
  await Promise.all(
    mails.map(async (mail) => {
      try {
        await send(mail)
        await markMailSent(db, mail.id, claimer, new Date())
        done.sent++
      } catch (error) {
        // Kept on the row for the admin's Outgoing mail page (which shows addresses anyway), never logged.
        const reason = error instanceof Error ? error.message : String(error)
        if (isPermanent(error)) {
          await markMailBounced(db, mail, claimer, reason, new Date())
          done.bounced++
          log().warn(
            { event: 'mail.bounced', mailId: mail.id, kind: mail.kind },
            'The mail server refused an address for good; nothing more is sent to it.',
          )
        } else {
          await markMailForRetry(db, mail.id, claimer, new Date(now.getTime() + retryDelayMs(mail.attempts)), reason)
          done.retried++
          log().warn(
            { event: 'mail.retry', mailId: mail.id, kind: mail.kind, attempts: mail.attempts },
            'A mail could not be sent; it will be tried again.',
          )
        }
      }
    }),
  )
  if (done.sent) log().info({ event: 'mail.sent', count: done.sent }, `${done.sent} mail(s) sent.`)
  return done
}

/** Sends through the SMTP server at `smtpUrl`, from SMTP_FROM, with no Reply-To (replies go to the blog). */
export function smtpSender(
  smtpUrl: string,
  from: string = process.env.SMTP_FROM || 'Plateau <no-reply@localhost>',
): SendMail {
  // A pool of up to five connections, kept open between mails, as a mail server expects of a sender.
  const transport = nodemailer.createTransport(
    `${smtpUrl}${smtpUrl.includes('?') ? '&' : '?'}pool=true&maxConnections=5`,
  )
  return async (mail) => {
    await transport.sendMail({
      from,
      to: mail.toAddress,
      subject: mail.subject,
      text: mail.textBody,
      html: mail.htmlBody,
      headers: JSON.parse(mail.headers) as Record<string, string>,
    })
  }
}

const state = globalThis as unknown as { __plateauMailSender?: { timer: NodeJS.Timeout; stop: () => Promise<void> } }

/** Starts this instance's sender (with SMTP_URL), a round every MAIL_POLL_MS (2 s); returns how to stop it. */
export function startMailSender(env: NodeJS.ProcessEnv = process.env): (() => Promise<void>) | null {
  if (!env.SMTP_URL) return null
  if (state.__plateauMailSender) return state.__plateauMailSender.stop
  const send = smtpSender(env.SMTP_URL)
  const claimer = `${hostname()}:${process.pid}`
  let running: Promise<unknown> | null = null
  const round = () => {
    if (running) return
    running = writeDueDigests()
      .then(() => sendDueMails(send, claimer))
      .catch((error) =>
        log().error(
          { event: 'mail.round-failed', err: describeError(error) },
          'The mail sender could not run; it tries again shortly.',
        ),
      )
      .finally(() => (running = null))
  }
  const timer = setInterval(round, Number(env.MAIL_POLL_MS) || 2000)
  timer.unref()
  const stop = async () => {
    clearInterval(timer)
    await running
    state.__plateauMailSender = undefined
  }
  state.__plateauMailSender = { timer, stop }
  return stop
}
