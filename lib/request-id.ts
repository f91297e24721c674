/** The header carrying each request's id: set by nginx (deploy/nginx/plateau.conf) or by proxy.ts. */
export const REQUEST_ID_HEADER = 'x-request-id'
