import { DEFAULT_LANGUAGE, type Language } from './languages'

// The site's language as this process last read it from the settings, for the few answers given
// without the database: the proxy's own 400, 404 and 503 pages. On globalThis: Next bundles the
// proxy and the server into separate chunks of one process.

const holder = globalThis as typeof globalThis & { __plateauLanguage?: Language }

export function rememberLanguage(language: Language): void {
  holder.__plateauLanguage = language
}

export const lastKnownLanguage = (): Language => holder.__plateauLanguage ?? DEFAULT_LANGUAGE
