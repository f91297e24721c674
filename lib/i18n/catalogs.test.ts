import { describe, expect, it } from 'vitest'
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'
import { CATALOGS, LANGUAGE_CODES, translator } from '@/lib/i18n'

// Every catalog says everything English says, in the same shape: the same keys, the same
// placeholders and tags, and every plural with the forms its own language needs.

type Tree = { [key: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of flatten(value, path)) out.set(k, v)
  }
  return out
}

/** The placeholders and tags a message uses, and the forms each of its plurals offers. */
function shape(elements: MessageFormatElement[], into = { names: new Set<string>(), plurals: [] as string[][] }) {
  for (const element of elements) {
    if (
      element.type === TYPE.argument ||
      element.type === TYPE.number ||
      element.type === TYPE.date ||
      element.type === TYPE.time
    )
      into.names.add(element.value)
    if (element.type === TYPE.tag) {
      into.names.add(`<${element.value}>`)
      shape(element.children, into)
    }
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      into.names.add(element.value)
      if (element.type === TYPE.plural) into.plurals.push(Object.keys(element.options))
      for (const option of Object.values(element.options)) shape(option.value, into)
    }
  }
  return into
}

const english = flatten(CATALOGS.en as unknown as Tree)

describe.each(LANGUAGE_CODES)('the %s catalog', (language) => {
  const catalog = flatten(CATALOGS[language] as unknown as Tree)
  const pluralForms = new Intl.PluralRules(language).resolvedOptions().pluralCategories

  it('has every key English has, and no other', () => {
    expect([...english.keys()].filter((key) => !catalog.has(key))).toEqual([])
    expect([...catalog.keys()].filter((key) => !english.has(key))).toEqual([])
  })

  it('uses the placeholders and tags English uses, and gives each plural the forms the language has', () => {
    for (const [key, message] of catalog) {
      const own = shape(parse(message))
      expect([...own.names].sort(), key).toEqual([...shape(parse(english.get(key)!)).names].sort())
      for (const forms of own.plurals) {
        const missing = pluralForms.filter(
          (form) =>
            form !== 'other' &&
            !forms.includes(form) &&
            !(form === 'zero' && forms.includes('=0')) &&
            !(form === 'one' && forms.includes('=1')),
        )
        // A plural with no number shown (“{page, plural, =1 {…} other {…}}”) needs only its exact cases.
        if (!message.includes('#') && forms.every((form) => form === 'other' || form.startsWith('='))) continue
        expect(missing, `${key} lacks plural forms`).toEqual([])
        expect(forms, key).toContain('other')
      }
    }
  })

  it('is not English where English is a sentence (a copied catalog fails)', () => {
    if (language === 'en') return
    const same = [...english].filter(
      ([key, text]) => catalog.get(key) === text && /\s\p{L}/u.test(text) && /\p{Ll}{3}/u.test(text),
    )
    expect(same.map(([key]) => key)).toEqual([])
  })
})

describe('plural forms', () => {
  const counts = [0, 1, 2, 3, 11, 100]
  it('count comments as each language does', () => {
    expect(counts.map((count) => translator('en', 'post')('commentCount', { count }))).toEqual([
      'No Comments',
      '1 Comment',
      '2 Comments',
      '3 Comments',
      '11 Comments',
      '100 Comments',
    ])
    expect(counts.map((count) => translator('de', 'post')('commentCount', { count }))).toEqual([
      'Keine Kommentare',
      '1 Kommentar',
      '2 Kommentare',
      '3 Kommentare',
      '11 Kommentare',
      '100 Kommentare',
    ])
    // Arabic's six forms: zero, one, two, few (3–10), many (11–99), other (100…).
    expect(counts.map((count) => translator('ar', 'post')('commentCount', { count }))).toEqual([
      'لا توجد تعليقات',
      'تعليق واحد',
      'تعليقان',
      '3 تعليقات',
      '11 تعليقًا',
      '100 تعليق',
    ])
  })

  it('reads English for a language the site does not speak', () => {
    expect(translator('xx', 'post')('commentCount', { count: 2 })).toBe('2 Comments')
  })
})
