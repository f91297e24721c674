import type { Metadata } from 'next'
import { connection } from 'next/server'
import { translator, type MessageArea, type Translator } from '@/lib/i18n'
import { cachedSiteInfo } from '@/lib/public/cached'

/**
 * `generateMetadata` for a page rendered on each request (never at build) whose title is one
 * sentence of the catalog, in the site's language: `export const generateMetadata = titled('admin.posts', 'title')`.
 */
export function titled<A extends MessageArea>(
  area: A,
  key: Parameters<Translator<A>>[0],
  more: Metadata = {},
): () => Promise<Metadata> {
  return async () => {
    await connection()
    // `key` is checked against the area where it is named; a title takes no values.
    const t = translator((await cachedSiteInfo()).language, area) as unknown as (key: string) => string
    return { ...more, title: t(key as string) }
  }
}

/** For the pages no search engine should list (sign-in, profile, the admin's previews…). */
export const NOT_INDEXED: Metadata = { robots: { index: false } }
