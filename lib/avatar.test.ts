import { describe, expect, it } from 'vitest'
import { avatarFor } from './avatar'

describe('avatarFor', () => {
  it('takes initials from words and from camel case', () => {
    expect(avatarFor('Joe Bloggs').initials).toBe('JB')
    expect(avatarFor('SimonDigital').initials).toBe('SD')
    expect(avatarFor('richard').initials).toBe('R')
    expect(avatarFor('   ').initials).toBe('?')
    expect(avatarFor('Émile Zola').initials).toBe('ÉZ')
  })

  it('gives the same name the same colour', () => {
    expect(avatarFor('Richard').colour).toBe(avatarFor('Richard').colour)
    expect(avatarFor('Richard').colour).toBeGreaterThanOrEqual(0)
    expect(avatarFor('Richard').colour).toBeLessThan(8)
  })
})
