import { createTranslator, type NamespaceKeys, type NestedKeyOf } from 'next-intl'
import ar from './messages/ar.json'
import de from './messages/de.json'
import en from './messages/en.json'
import { DEFAULT_LANGUAGE, isLanguage, type Language } from './languages'

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
