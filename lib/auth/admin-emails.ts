/** Addresses in ADMIN_EMAILS (comma-separated) are made admins when they sign in with that address verified. */
export function adminEmails(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.ADMIN_EMAILS ?? '')
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean)
}

/**
 * Whether this sign-in proves the person owns their email address: an emailed link does; a provider
 * does only when it says so (`email_verified`). GitHub and a generic OIDC provider that says nothing
 * prove nothing, so ADMIN_EMAILS never makes their accounts admins.
 */
export function emailIsVerified(
  account: { type?: string } | null | undefined,
  profile: { email_verified?: unknown } | null | undefined,
): boolean {
  return account?.type === 'email' || profile?.email_verified === true || profile?.email_verified === 'true'
}
