// The Content-Security-Policy, as a plain module: next.config.mjs (for responses to requests with a
// body, which skip the proxy) and proxy.ts (lib/http/security-headers.ts) both build it here.

/** Where forms may send people: the blog, and the sign-in providers it is configured with (their pages follow a form's redirect). */
function formTargets(env) {
  const targets = ["'self'"]
  if (env.GITHUB_CLIENT_ID) targets.push('https://github.com')
  if (env.GOOGLE_CLIENT_ID) targets.push('https://accounts.google.com')
  if (env.OIDC_ISSUER) {
    try {
      targets.push(new URL(env.OIDC_ISSUER).origin)
    } catch {
      // an OIDC_ISSUER that is no URL offers no sign-in button either
    }
  }
  return targets
}

/**
 * The policy for a response: with `nonce` for pages rendered per request, without for cached ones.
 * @param {string | null} nonce
 * @param {Record<string, string | undefined>} env
 * @returns {string}
 */
export function contentSecurityPolicy(nonce, env = process.env) {
  const script = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'` : `'self' 'unsafe-inline'`
  return [
    `default-src 'self'`,
    `script-src ${script}`,
    `style-src 'self' 'unsafe-inline'`,
    // Imported posts may still show images kept at their old address.
    `img-src 'self' data: blob: https: http:`,
    `font-src 'self'`,
    `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'none'`,
    `frame-ancestors 'none'`,
    `form-action ${formTargets(env).join(' ')}`,
  ].join('; ')
}

/**
 * The headers besides the policy that every response carries.
 * @param {string | null} publicOrigin
 * @returns {Record<string, string>}
 */
export function securityHeaders(publicOrigin) {
  /** @type {Record<string, string>} */
  const headers = {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
    'X-Frame-Options': 'DENY',
  }
  if (publicOrigin?.startsWith('https:')) headers['Strict-Transport-Security'] = 'max-age=31536000'
  return headers
}
