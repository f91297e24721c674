/** The header carrying each request's id: set by nginx (deploy/nginx/plateau.conf) or by proxy.ts. */
export const REQUEST_ID_HEADER = 'x-request-id'

/** The id a request goes by: the one nginx gave it, if well formed, or a new one. */
export function requestIdFrom(given: string | null | undefined): string {
  return given && /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : crypto.randomUUID()
}
