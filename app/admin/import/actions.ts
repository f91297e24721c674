'use server'

import { updateTag } from 'next/cache'
import { PermissionDenied } from '@/lib/auth/permissions'
import { getCurrentUser } from '@/lib/auth/session'
import { cacheTags } from '@/lib/cache-tags'
import { describeImport, importWordPress } from '@/lib/wordpress/import'
import { WxrError } from '@/lib/wordpress/wxr'

export type ImportFormState = { status: 'idle' } | { status: 'done'; lines: string[] } | { status: 'refused'; message: string }

/** Imports an uploaded WordPress export; the report (or why nothing was imported) comes back. */
export async function importAction(_prev: ImportFormState, fd: FormData): Promise<ImportFormState> {
  const file = fd.get('file')
  if (!(file instanceof File) || file.size === 0) return { status: 'refused', message: 'Choose the export file (an .xml from WordPress’s Tools → Export) first.' }
  try {
    const report = await importWordPress(await getCurrentUser(), file.stream() as unknown as AsyncIterable<Uint8Array>)
    updateTag(cacheTags.listings)
    updateTag(cacheTags.settings)
    updateTag(cacheTags.people)
    return { status: 'done', lines: describeImport(report) }
  } catch (error) {
    if (error instanceof WxrError) return { status: 'refused', message: `Nothing was imported: ${error.message}.` }
    if (error instanceof PermissionDenied) return { status: 'refused', message: 'Only admins can import.' }
    throw error
  }
}
