import NextAuth from 'next-auth'
import nodemailer from 'nodemailer'
import Nodemailer from 'next-auth/providers/nodemailer'
import { getDb } from '@/db'
import { findUserByEmail, findUserById, setUserRole } from '@/db/queries/users'
import { blogAdapter } from './adapter'
import { adminEmails, emailIsVerified } from './admin-emails'
import { emailDelivery, oauthProviders } from './providers'
import { safeReturnPath } from './redirects'
import { deliverSignInLink, type SignInLinkRequest } from './sign-in-email'
import { signInMail } from '@/lib/mail/templates'
import { getSiteSettings } from '@/lib/settings'

async function grantListedAdmin(email: string | null | undefined): Promise<void> {
  if (!email || !adminEmails().includes(email.toLowerCase())) return
  const user = await findUserByEmail(getDb(), email)
  if (user && user.role !== 'admin' && user.bannedAt === null) await setUserRole(getDb(), user.id, 'admin')
}

async function isBanned(user: { id?: string; email?: string | null }): Promise<boolean> {
  const row =
    (user.id ? await findUserById(getDb(), user.id) : undefined) ??
    (user.email ? await findUserByEmail(getDb(), user.email) : undefined)
  return !!row?.bannedAt
}

const SMTP_SERVER = process.env.SMTP_URL || { host: 'localhost', port: 25 }
const SMTP_FROM = process.env.SMTP_FROM || 'Plateau <no-reply@localhost>'
let transport: nodemailer.Transporter | null = null

/** Sends the sign-in link at once (a person waits for it), written in the site's language. */
async function sendLink(params: SignInLinkRequest): Promise<void> {
  if (emailDelivery() === 'log') {
    console.log(
      `Plateau: sign-in link for ${params.identifier} (no SMTP_URL set, so it is printed here): ${params.url}`,
    )
    return
  }
  const { title, language } = await getSiteSettings()
  const mail = signInMail({ title, language }, params.url)
  transport ??= nodemailer.createTransport(SMTP_SERVER)
  const sent = await transport.sendMail({
    to: params.identifier,
    from: SMTP_FROM,
    subject: mail.subject,
    text: mail.textBody,
    html: mail.htmlBody,
  })
  // As Auth.js's own sender does: a refused recipient is a failure the form reports.
  if (sent.rejected.length > 0)
    throw new Error(`The sign-in email was refused for ${sent.rejected.length} recipient(s).`)
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  // Set at start-up (lib/operations/startup.ts) from AUTH_SECRET or the blog's own stored secret.
  secret: process.env.AUTH_SECRET,
  // Links are built from AUTH_URL (or the stored public address, lib/public-address.ts); with neither,
  // the sign-in route and forms only serve loopback hosts, and every link is checked before it is sent.
  trustHost: true,
  // Database sessions: signing out, a ban or "sign out everywhere" takes effect at once.
  session: { strategy: 'database', maxAge: 30 * 24 * 60 * 60 },
  adapter: blogAdapter(getDb()),
  pages: { signIn: '/signin', verifyRequest: '/signin/check-email', error: '/signin' },
  providers: [
    Nodemailer({
      server: SMTP_SERVER,
      from: SMTP_FROM,
      maxAge: 24 * 60 * 60,
      sendVerificationRequest: (params: SignInLinkRequest) => deliverSignInLink(params, sendLink),
    }),
    ...oauthProviders(),
  ],
  callbacks: {
    // A banned person gets no sign-in email and no session, whichever way they try.
    async signIn({ user }) {
      return !(await isBanned(user))
    },
    redirect({ url, baseUrl }) {
      return new URL(safeReturnPath(url, baseUrl), baseUrl).toString()
    },
  },
  events: {
    async signIn({ user, account, profile }) {
      if (emailIsVerified(account, profile)) await grantListedAdmin(user.email)
    },
  },
}))
