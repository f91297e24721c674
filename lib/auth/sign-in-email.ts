import { AccessDenied } from '@auth/core/errors'
import { getDb, type DB } from '@/db'
import { log } from '@/lib/log'
import { isOwnUrl, UNKNOWN_ADDRESS_MESSAGE } from '@/lib/public-address'
import { allowSignInMail } from '@/lib/rate-limits'
import { clientAddressOf } from '@/lib/request'

/** A sign-in email the blog will not send; `reason` names why (the catalog's errors.signIn says it to the person who asked). */
export class SignInEmailRefused extends AccessDenied {
  constructor(readonly reason: 'tooManyEmails' | 'unknownAddress') {
    super(reason === 'tooManyEmails' ? 'Too many sign-in emails were asked for.' : UNKNOWN_ADDRESS_MESSAGE)
  }
}

export interface SignInLinkRequest {
  identifier: string
  url: string
  request: Request
}

/**
 * Sends a sign-in link through `send` once it passes the checks every path shares — the sign-in form
 * and Auth.js's own endpoint both end here: the link must point at the blog's public address (or this
 * machine while none is known), and the limits must allow it (lib/rate-limits.ts: per address and
 * client, per address, per client). Throws SignInEmailRefused otherwise. Called by Auth.js only.
 */
export async function deliverSignInLink(
  params: SignInLinkRequest,
  send: (params: SignInLinkRequest) => Promise<void>,
  db: DB = getDb(),
): Promise<void> {
  if (!isOwnUrl(params.url)) throw new SignInEmailRefused('unknownAddress')
  if (!(await allowSignInMail(params.identifier, clientAddressOf(params.request.headers), new Date(), db)))
    throw new SignInEmailRefused('tooManyEmails')
  await send(params)
  log().info({ event: 'sign-in.link-sent' }, 'A sign-in link was sent.')
}
