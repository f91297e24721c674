import type { Provider } from 'next-auth/providers'
import GitHub from 'next-auth/providers/github'
import Google from 'next-auth/providers/google'

// Sign-in methods are switched on by environment variables; one whose variables are missing is not
// offered. Email sign-in is always on: without SMTP_URL the link goes to the server log.

export interface SignInMethod {
  id: string
  name: string
}

export function oauthProviders(env: NodeJS.ProcessEnv = process.env): Provider[] {
  const providers: Provider[] = []
  if (env.GITHUB_CLIENT_ID && env.GITHUB_CLIENT_SECRET) {
    providers.push(GitHub({ clientId: env.GITHUB_CLIENT_ID, clientSecret: env.GITHUB_CLIENT_SECRET }))
  }
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET) {
    providers.push(Google({ clientId: env.GOOGLE_CLIENT_ID, clientSecret: env.GOOGLE_CLIENT_SECRET }))
  }
  if (env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET) {
    providers.push({
      id: 'oidc',
      name: env.OIDC_NAME || 'OpenID Connect',
      type: 'oidc',
      issuer: env.OIDC_ISSUER,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
    })
  }
  return providers
}

/** The buttons the sign-in page shows, besides the email form. */
export function oauthSignInMethods(env: NodeJS.ProcessEnv = process.env): SignInMethod[] {
  const names: Record<string, string> = { github: 'GitHub', google: 'Google' }
  return oauthProviders(env).map((p) => {
    const config = typeof p === 'function' ? p() : p
    return { id: config.id, name: names[config.id] ?? config.name }
  })
}

export const emailDelivery = (env: NodeJS.ProcessEnv = process.env) => (env.SMTP_URL ? 'smtp' : 'log')
