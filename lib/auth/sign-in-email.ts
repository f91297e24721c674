import { AccessDenied } from '@auth/core/errors'
import { getDb, type DB } from '@/db'
import { log } from '@/lib/log'
import { isOwnUrl, UNKNOWN_ADDRESS_MESSAGE } from '@/lib/public-address'
import { allow } from '@/lib/rate-limits'
import { clientAddressOf } from '@/lib/request'

/** A sign-in email the blog will not send; `sentence` says why, for the person who asked. */
export class SignInEmailRefused extends AccessDenied {
  constructor(readonly sentence: string) {
    super(sentence)
  }
}

export const TOO_MANY_EMAILS = 'Too many sign-in emails were asked for. Check your inbox, or try again in an hour.'

export interface SignInLinkRequest {
  identifier: string
  url: string
  request: Request
}

/**
 * Sends a sign-in link through `send` once it passes the checks every path shares — the sign-in form
 * and Auth.js's own endpoint both end here: the link must point at the blog's public address (or this
 * machine while none is known), and the limits per address-and-client and per client must allow it.
 * Counting the address together with the client means nobody can lock someone else out of signing
 * in. Throws SignInEmailRefused otherwise. Called by Auth.js only.
 */
export async function deliverSignInLink(params: SignInLinkRequest, send: (params: SignInLinkRequest) => Promise<void>, db: DB = getDb()): Promise<void> {
  if (!isOwnUrl(params.url)) throw new SignInEmailRefused(UNKNOWN_ADDRESS_MESSAGE)
  const client = clientAddressOf(params.request.headers)
  const address = params.identifier.toLowerCase()
  if (!(await allow('signInEmailsPerAddressAndClient', `${address} ${client}`, new Date(), db))) throw new SignInEmailRefused(TOO_MANY_EMAILS)
  if (!(await allow('signInEmailsPerClient', client, new Date(), db))) throw new SignInEmailRefused(TOO_MANY_EMAILS)
  await send(params)
  log().info({ event: 'sign-in.link-sent' }, 'A sign-in link was sent.')
}
