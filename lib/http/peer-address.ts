/**
 * The header that carries the address of the socket a request arrived on. Stamped on every request
 * as it arrives (lib/http/front-door.ts), overwriting whatever a client sent under that name, because
 * Next only fills in X-Forwarded-For when the client did not — so a client-written one would
 * otherwise be all we see.
 */
export const PEER_HEADER = 'x-plateau-peer-address'
