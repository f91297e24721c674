'use client'

import { NextIntlClientProvider } from 'next-intl'
import type { ReactNode } from 'react'
import type { Language, Messages } from '@/lib/i18n'

/**
 * The site's language for the client islands below it (`useTranslations`): the root layout hands it
 * the catalog's parts reader pages need, the admin layout the admin's (lib/i18n/index.ts).
 */
export function SiteLanguage({
  language,
  messages,
  timeZone,
  children,
}: {
  language: Language
  messages: Partial<Messages>
  timeZone: string
  children: ReactNode
}) {
  return (
    <NextIntlClientProvider locale={language} messages={messages as Messages} timeZone={timeZone}>
      {children}
    </NextIntlClientProvider>
  )
}
