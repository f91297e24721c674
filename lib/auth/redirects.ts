/**
 * A same-site path to return to after sign-in, or "/" — a callback URL pointing at another site is
 * refused, so sign-in can never be used to send someone elsewhere. The path is judged as the browser
 * will read it once resolved: `/.//evil.example` resolves to `//evil.example`, another site.
 */
export function safeReturnPath(value: unknown, base = 'http://localhost'): string {
  if (typeof value !== 'string' || value === '' || value.length > 2000) return '/'
  try {
    const origin = new URL(base).origin
    const url = new URL(value, origin)
    if (url.origin !== origin) return '/'
    if (!value.startsWith('/') && !value.startsWith(origin)) return '/'
    if (value.startsWith('//') || value.startsWith('/\\')) return '/'
    const path = `${url.pathname}${url.search}${url.hash}`
    // What is written into a page or a Location header must stay on this site when read again.
    if (
      !path.startsWith('/') ||
      path.startsWith('//') ||
      path.startsWith('/\\') ||
      new URL(path, origin).origin !== origin
    )
      return '/'
    return path
  } catch {
    return '/'
  }
}
