import { createTranslator, type NamespaceKeys, type NestedKeyOf } from 'next-intl'
import ar from './messages/ar.json'
import de from './messages/de.json'
import en from './messages/en.json'
import type { DB } from '@/db'
import { getSiteSettings } from '@/lib/settings'
import { DEFAULT_LANGUAGE, isLanguage, type Language } from './languages'

export { DEFAULT_LANGUAGE, directionOf, isLanguage, LANGUAGE_CODES, LANGUAGES, type Language } from './languages'

/*
 * Every sentence Plateau shows comes from a message catalog (./messages/<language>.json, ICU message
 * format: plurals, choices and placeholders), through next-intl. The site speaks one language, chosen
 * in Settings, so there is no language in the address: server code asks `translator(language, area)`
 * with the language its page or action already holds (the site's locale, lib/settings.ts); client
 * islands get the same catalog through `SiteLanguage` (app/_ui/site-language.tsx) and `useTranslations`.
 */

export type Messages = typeof en

declare module 'next-intl' {
  interface AppConfig {
    Locale: Language
    Messages: Messages
  }
}

export const CATALOGS: Record<Language, Messages> = { en, de, ar }

/** The part of the catalog one area's sentences live in ('post', 'comments', 'admin.settings'…). */
export type MessageArea = NamespaceKeys<Messages, NestedKeyOf<Messages>>

function makeTranslator<A extends MessageArea>(language: Language, area: A) {
  return createTranslator({ locale: language, messages: CATALOGS[language], namespace: area })
}

export type Translator<A extends MessageArea> = ReturnType<typeof makeTranslator<A>>

// One translator per language and area: each keeps the messages it has parsed.
const translators = new Map<string, unknown>()

/** The sentences of `area` in `language` (an unknown language reads English). */
export function translator<A extends MessageArea>(language: Language | string, area: A): Translator<A> {
  const code = isLanguage(language) ? language : DEFAULT_LANGUAGE
  const key = `${code}:${area}`
  let t = translators.get(key) as Translator<A> | undefined
  if (!t) {
    t = makeTranslator(code, area)
    translators.set(key, t)
  }
  return t
}

/**
 * The sentences of `area` in the site's language (one read of the settings): for lib/ code that
 * answers a person — a refusal, a mail — where no page has handed it the language.
 */
export async function siteTranslator<A extends MessageArea>(area: A, db?: DB): Promise<Translator<A>> {
  return translator((await getSiteSettings(db)).language, area)
}

/**
 * The catalog's parts a client island needs, to hand to `SiteLanguage`: whole areas ('client') or
 * parts of one ('admin.editor'), so a page sends only the sentences its islands use.
 */
export function messagesFor(language: Language, parts: string[]): Partial<Messages> {
  const out: Record<string, unknown> = {}
  for (const part of parts) {
    const path = part.split('.')
    let from: unknown = CATALOGS[language]
    let to = out
    for (const [i, key] of path.entries()) {
      from = (from as Record<string, unknown>)[key]
      if (i === path.length - 1) to[key] = from
      else to = (to[key] ??= {}) as Record<string, unknown>
    }
  }
  return out as Partial<Messages>
}
