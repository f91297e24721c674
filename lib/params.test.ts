import { describe, expect, it } from 'vitest'
import { parseId, parseLaterPage, parsePage } from './params'

describe('numbers from addresses and forms', () => {
  it('an id is 1 to 12 digits without a leading zero; anything else is none', () => {
    expect(parseId('1')).toBe(1)
    expect(parseId('999999999999')).toBe(999_999_999_999)
    for (const raw of [
      '',
      '0',
      '01',
      '-1',
      '1.5',
      '1e3',
      ' 1',
      '1 ',
      '0x10',
      '1234567890123',
      'abc',
      undefined,
      null,
      7,
    ])
      expect(parseId(raw)).toBeNull()
  })
  it('a page is 1 to 999999; an address with its own page number starts at 2', () => {
    expect(parsePage('1')).toBe(1)
    expect(parsePage('999999')).toBe(999_999)
    expect(parsePage('1000000')).toBeNull()
    expect(parsePage('0')).toBeNull()
    expect(parseLaterPage('1')).toBeNull()
    expect(parseLaterPage('2')).toBe(2)
    expect(parseLaterPage('02')).toBeNull()
  })
})
