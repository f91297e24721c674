import { translator } from '@/lib/i18n/catalogs'
import { directionOf } from '@/lib/i18n/languages'
import { lastKnownLanguage } from '@/lib/i18n/remembered'

/** The refusals answered before any page renders: by the proxy (400, 404, 503) and at the front door (413). */
export type Refusal = 'malformed' | 'notFound' | 'unavailable' | 'tooLarge'

/**
 * One of those refusals as a small page, in the site's language as this instance last read it (no
 * database is asked): the same few hundred bytes whatever was asked, so answering costs nothing.
 */
export function refusalPage(which: Refusal): string {
  const language = lastKnownLanguage()
  const t = translator(language, 'proxy')
  // A 404 says what the blog's own not-found page says.
  const words =
    which === 'notFound'
      ? (() => {
          const n = translator(language, 'notFound')
          return { title: n('title'), text: n('text'), home: n('home') }
        })()
      : { title: t(`${which}.title`), text: t(`${which}.text`), home: t('home') }
  return `<!doctype html><html lang="${language}" dir="${directionOf(language)}"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${words.title}</title><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem"><main><h1>${words.title}</h1><p>${words.text}</p><p><a href="/">${words.home}</a></p></main></body></html>`
}
