import { describe, expect, it } from 'vitest'
import { countLinks, decideCommentStatus, findListedWord } from './screening'

const settings = {
  minSubmitSeconds: 3,
  blockWords: ['viagra'],
  moderationWords: ['casino'],
  linkLimit: 2,
  holdFirstComment: true,
}
const base = { body: 'hello', honeypot: '', secondsToSubmit: 20, trusted: false, hasApprovedComment: true }
const decide = (input: Partial<typeof base>) => decideCommentStatus({ ...base, ...input }, settings as never).status

describe('moderation rules', () => {
  it('count Markdown links, bare URLs and www. addresses', () => {
    expect(countLinks('[a](https://a.example) http://b.example www.c.example plain.example')).toBe(3)
  })

  it('match listed words ignoring case, never blank entries', () => {
    expect(findListedWord('Visit the CASINO', ['', ' casino '])).toBe('casino')
    expect(findListedWord('nothing', ['', '  '])).toBeUndefined()
  })

  it('decide in WordPress’s order', () => {
    expect(decide({})).toBe('approved')
    expect(decide({ honeypot: 'x' })).toBe('spam')
    expect(decide({ secondsToSubmit: 1 })).toBe('spam')
    expect(decide({ secondsToSubmit: null as unknown as number })).toBe('spam')
    expect(decide({ body: 'viagra', trusted: true })).toBe('spam')
    expect(decide({ body: 'casino' })).toBe('pending')
    expect(decide({ body: 'casino', trusted: true })).toBe('approved')
    expect(decide({ body: 'https://a.example https://b.example' })).toBe('pending')
    expect(decide({ hasApprovedComment: false })).toBe('pending')
  })
})
