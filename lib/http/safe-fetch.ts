import dns from 'node:dns'
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import ipaddr from 'ipaddr.js'

// Every request the blog makes to an address it was given (images in an import today, webmentions
// later) goes through here, so a crafted address cannot make the server reach what only it can reach:
// its own loopback, the private network, link-local and cloud metadata addresses.

export interface SafeFetchOptions {
  /** Bytes read at most; a longer body is abandoned. */
  maxBytes: number
  /** Milliseconds for the whole exchange, redirects included. */
  timeoutMs: number
  /** Redirects followed at most, each one checked like the first address. */
  maxRedirects?: number
  /** Let private and loopback addresses through (IMPORT_ALLOW_PRIVATE_MEDIA=1: tests, intranets). */
  allowPrivate?: boolean
  /** Which resolved addresses may be reached; by default public ones only (or any, with allowPrivate). */
  allowAddress?: (address: string) => boolean
}

export interface FetchedBody {
  url: string
  status: number
  contentType: string | null
  bytes: Uint8Array
}

/** Why a fetch was not made or was abandoned; the message names the reason, never the response. */
export class FetchRefused extends Error {
  override name = 'FetchRefused'
}

/** Whether an address is one the public internet routes: not loopback, private, link-local, ULA, multicast, metadata or reserved. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false
  let parsed = ipaddr.parse(address)
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress())
    parsed = (parsed as ipaddr.IPv6).toIPv4Address()
  return parsed.range() === 'unicast'
}

function checkedLookup(allowed: (address: string) => boolean): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0)
      const list = addresses as dns.LookupAddress[]
      const usable = list.find((a) => allowed(a.address))
      if (!usable) return callback(new FetchRefused(`${hostname} resolves to an address that is not public`), '', 0)
      // The connection goes to exactly the address checked here: no second look-up can change it.
      if ((options as dns.LookupOptions).all)
        return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, [usable])
      callback(null, usable.address, usable.family)
    })
  }
}

function requestOnce(
  url: URL,
  options: SafeFetchOptions,
  signal: AbortSignal,
): Promise<{ status: number; location: string | null; contentType: string | null; bytes: Uint8Array }> {
  return new Promise((resolve, reject) => {
    const allowed = options.allowAddress ?? (options.allowPrivate ? () => true : isPublicAddress)
    const literal = url.hostname.replace(/^\[|\]$/g, '')
    if (net.isIP(literal) && !allowed(literal)) return reject(new FetchRefused(`${literal} is not a public address`))
    const client = url.protocol === 'https:' ? https : http
    const request = client.get(
      url,
      { lookup: checkedLookup(allowed), agent: false, signal, headers: { 'user-agent': 'Plateau', accept: '*/*' } },
      (response) => {
        const status = response.statusCode ?? 0
        if (status >= 300 && status < 400) {
          response.resume()
          return resolve({
            status,
            location: response.headers.location ?? null,
            contentType: null,
            bytes: new Uint8Array(),
          })
        }
        const declared = Number(response.headers['content-length'])
        if (Number.isFinite(declared) && declared > options.maxBytes) {
          response.destroy()
          return reject(new FetchRefused(`larger than ${options.maxBytes} bytes`))
        }
        const chunks: Buffer[] = []
        let size = 0
        response.on('data', (chunk: Buffer) => {
          size += chunk.length
          if (size > options.maxBytes) {
            response.destroy()
            reject(new FetchRefused(`larger than ${options.maxBytes} bytes`))
          } else chunks.push(chunk)
        })
        response.on('end', () =>
          resolve({
            status,
            location: null,
            contentType: response.headers['content-type'] ?? null,
            bytes: new Uint8Array(Buffer.concat(chunks)),
          }),
        )
        response.on('error', reject)
      },
    )
    request.on('error', reject)
  })
}

/**
 * GETs an http(s) URL whose every hop resolves to a public address (unless `allowPrivate`), pinned for
 * the connection, with redirects re-checked one by one, a byte cap and a timeout. Resolves with the
 * final response; rejects with FetchRefused (or a network error) otherwise. Anyone may call it.
 */
export async function safeFetch(address: string, options: SafeFetchOptions): Promise<FetchedBody> {
  const signal = AbortSignal.timeout(options.timeoutMs)
  let url: URL
  try {
    url = new URL(address)
  } catch {
    throw new FetchRefused('not a URL')
  }
  for (let hop = 0; ; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new FetchRefused(`${url.protocol} addresses are not fetched`)
    const response = await requestOnce(url, options, signal)
    if (response.location === null)
      return { url: url.toString(), status: response.status, contentType: response.contentType, bytes: response.bytes }
    if (hop >= (options.maxRedirects ?? 5)) throw new FetchRefused('too many redirects')
    url = new URL(response.location, url)
  }
}
