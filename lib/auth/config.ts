import NextAuth from 'next-auth'
import Nodemailer from 'next-auth/providers/nodemailer'
import { getDb } from '@/db'
import { findUserByEmail, setUserRole } from '@/db/queries/users'
import { blogAdapter } from './adapter'
import { emailDelivery, oauthProviders } from './providers'
import { safeReturnPath } from './redirects'

/** Addresses in ADMIN_EMAILS (comma-separated) are made admins when they sign in. */
export function adminEmails(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.ADMIN_EMAILS ?? '')
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean)
}

async function grantListedAdmin(email: string | null | undefined): Promise<void> {
  if (!email || !adminEmails().includes(email.toLowerCase())) return
  const user = await findUserByEmail(email)
  if (user && user.role !== 'admin') await setUserRole(user.id, 'admin')
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  // Set at start-up (lib/startup.ts) from AUTH_SECRET or the blog's own stored secret.
  secret: process.env.AUTH_SECRET,
  trustHost: true,
  // Database sessions: signing out, a ban or "sign out everywhere" takes effect at once.
  session: { strategy: 'database', maxAge: 30 * 24 * 60 * 60 },
  adapter: blogAdapter(getDb()),
  pages: { signIn: '/signin', verifyRequest: '/signin/check-email', error: '/signin' },
  providers: [
    Nodemailer({
      server: process.env.SMTP_URL || { host: 'localhost', port: 25 },
      from: process.env.SMTP_FROM || 'Plateau <no-reply@localhost>',
      maxAge: 24 * 60 * 60,
      ...(emailDelivery() === 'log'
        ? {
            async sendVerificationRequest({ identifier, url }: { identifier: string; url: string }) {
              console.log(`Plateau: sign-in link for ${identifier} (no SMTP_URL set, so it is printed here): ${url}`)
            },
          }
        : {}),
    }),
    ...oauthProviders(),
  ],
  callbacks: {
    redirect({ url, baseUrl }) {
      return new URL(safeReturnPath(url, baseUrl), baseUrl).toString()
    },
  },
  events: {
    async signIn({ user }) {
      await grantListedAdmin(user.email)
    },
    async createUser({ user }) {
      await grantListedAdmin(user.email)
    },
  },
}))
