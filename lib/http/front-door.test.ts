import { describe, expect, it } from 'vitest'
import { admit, MAX_BODY_BYTES } from './front-door'

// The front door judges a request by its headers alone (the end-to-end attack suite sends the bodies).
describe('the front door', () => {
  const request = (url: string, headers: Record<string, string> = {}) => ({ method: 'POST', url, headers })

  it('lets in bodies up to the limit, and any request without one', () => {
    expect(admit(request('/posts/a', { 'content-length': String(MAX_BODY_BYTES) }))).toBe('in')
    expect(admit({ method: 'GET', url: '/', headers: {} })).toBe('in')
  })

  it('refuses a larger body, or one of unknown length, before reading it', () => {
    expect(admit(request('/posts/a', { 'content-length': String(20 * 1024 * 1024) }))).toBe(413)
    expect(admit(request('/signin', { 'transfer-encoding': 'chunked' }))).toBe(411)
  })

  it('leaves the routes that stream under their own limits to check them, judged by the path the router sees', () => {
    for (const url of ['/api/uploads', '/admin/import/upload?x=1', '/api/posts/autosave'])
      expect(admit(request(url, { 'content-length': String(100 * 1024 * 1024) }))).toBe('in')
    expect(admit(request('/api/uploads/../../posts/a', { 'content-length': String(100 * 1024 * 1024) }))).toBe(413)
    expect(admit(request('/api/uploadsx', { 'content-length': String(100 * 1024 * 1024) }))).toBe(413)
  })
})
