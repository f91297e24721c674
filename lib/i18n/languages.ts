/*
 * The languages Plateau speaks: each has a complete message catalog (./messages/<code>.json, checked
 * against English by ./catalogs.test.ts) and says how its words are searched (lib/posts/search.ts).
 * Adding one: its catalog, an entry here, and its search configuration.
 */
// Search: PostgreSQL's text-search configuration for the language (its stemmer and stop words;
// `simple` where it has none), and SQLite FTS5's tokenizer (porter stems English only; unicode61
// with diacritics removed splits and folds words in every script).
const FOLDING = 'unicode61 remove_diacritics 2'

export const LANGUAGES = {
  en: { name: 'English', dir: 'ltr', search: { postgres: 'english', sqlite: `porter ${FOLDING}` } },
  de: { name: 'Deutsch', dir: 'ltr', search: { postgres: 'german', sqlite: FOLDING } },
  ar: { name: 'العربية', dir: 'rtl', search: { postgres: 'arabic', sqlite: FOLDING } },
} as const satisfies Record<string, { name: string; dir: 'ltr' | 'rtl'; search: { postgres: string; sqlite: string } }>

export type Language = keyof typeof LANGUAGES

export const LANGUAGE_CODES = Object.keys(LANGUAGES) as [Language, ...Language[]]

export const DEFAULT_LANGUAGE: Language = 'en'

export const isLanguage = (code: string): code is Language => Object.hasOwn(LANGUAGES, code)

/** Which way the language is written, for `<html dir>`. */
export const directionOf = (language: Language) => LANGUAGES[language].dir
