import http from 'node:http'

/**
 * The header that carries the address of the socket a request arrived on. Stamped by the server on
 * every request (overwriting whatever a client sent under that name), because Next only fills in
 * X-Forwarded-For when the client did not — so a client-written one would otherwise be all we see.
 */
export const PEER_HEADER = 'x-plateau-peer-address'

let stamped = false

/** Makes every HTTP request this process serves carry its socket's address in PEER_HEADER. Called once at start-up. */
export function stampPeerAddresses(): void {
  if (stamped) return
  stamped = true
  const proto = http.Server.prototype as unknown as { emit: (event: string | symbol, ...args: unknown[]) => boolean }
  const emit = proto.emit
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const request = args[0] as http.IncomingMessage
      request.headers[PEER_HEADER] = request.socket?.remoteAddress ?? ''
    }
    return emit.call(this, event, ...args)
  }
}
