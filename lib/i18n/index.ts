import type { DB } from '@/db'
import { getSiteSettings } from '@/lib/settings'
import { CATALOGS, translator, type MessageArea, type Messages, type Translator } from './catalogs'
import type { Language } from './languages'

export { DEFAULT_LANGUAGE, directionOf, isLanguage, LANGUAGE_CODES, LANGUAGES, type Language } from './languages'
export { CATALOGS, translator, type MessageArea, type Messages, type Translator } from './catalogs'

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
