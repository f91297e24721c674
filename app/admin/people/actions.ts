'use server'

import { changeRole, setBan } from '@/lib/admin/people'
import { getCurrentUser } from '@/lib/auth/session'
import { backTo, runButton } from '@/lib/form-actions'
import { siteTranslator } from '@/lib/i18n'

const PEOPLE = '/admin/people'

async function run(work: () => Promise<{ ok: boolean; message: string }>): Promise<never> {
  const result = await runButton(PEOPLE, work)
  backTo(PEOPLE, result.ok ? 'notice' : 'error', result.message)
}

/** Role changes and bans from the people list. */
export async function peopleAction(fd: FormData): Promise<void> {
  const viewer = await getCurrentUser()
  const userId = String(fd.get('userId') ?? '')
  const intent = String(fd.get('intent') ?? '')
  if (intent === 'role') await run(() => changeRole(viewer, userId, fd.get('role')))
  if (intent === 'ban' || intent === 'unban') await run(() => setBan(viewer, userId, intent === 'ban'))
  backTo(PEOPLE, 'error', (await siteTranslator('admin.people'))('chooseChange'))
}
