import { describe, expect, it } from 'vitest'
import { safeReturnPath } from './redirects'

describe('safeReturnPath', () => {
  it('keeps paths on this site, with query and anchor', () => {
    expect(safeReturnPath('/posts/a#respond')).toBe('/posts/a#respond')
    expect(safeReturnPath('/posts/a/reply?to=3')).toBe('/posts/a/reply?to=3')
    expect(safeReturnPath('http://localhost:3000/x', 'http://localhost:3000')).toBe('/x')
  })

  it('refuses other sites and tricks', () => {
    for (const bad of [
      'https://evil.example/',
      '//evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
      'http://localhost.evil.example/',
      '/.//evil.example',
      '/./\\evil.example',
      '/a/..//evil.example',
      '/%2e//evil.example',
      '',
      undefined,
      42,
    ]) {
      expect(safeReturnPath(bad, 'http://localhost:3000')).toBe('/')
    }
  })
})
