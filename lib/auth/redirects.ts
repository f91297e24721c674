/**
 * A same-site path to return to after sign-in, or "/" — a callback URL pointing at another site is
 * refused, so sign-in can never be used to send someone elsewhere.
 */
export function safeReturnPath(value: unknown, base = 'http://localhost'): string {
  if (typeof value !== 'string' || value === '') return '/'
  try {
    const origin = new URL(base).origin
    const url = new URL(value, origin)
    if (url.origin !== origin) return '/'
    if (!value.startsWith('/') && !value.startsWith(origin)) return '/'
    if (value.startsWith('//') || value.startsWith('/\\')) return '/'
    return `${url.pathname}${url.search}${url.hash}`
  } catch {
    return '/'
  }
}
