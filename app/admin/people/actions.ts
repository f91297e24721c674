'use server'

import { changeRole, setBan } from '@/lib/admin/people'
import { buttonAction, notice } from '@/lib/forms/actions'
import { siteTranslator } from '@/lib/i18n'
import { refusal } from '@/lib/result'

const PEOPLE = '/admin/people'

/** Role changes and bans from the people list. */
export const peopleAction = buttonAction({
  back: () => PEOPLE,
  run: async ({ userId = '', intent = '', role }, { viewer }) => {
    if (intent === 'role') return changeRole(viewer, userId, role)
    if (intent === 'ban' || intent === 'unban') return setBan(viewer, userId, intent === 'ban')
    return refusal((await siteTranslator('admin.people'))('chooseChange'))
  },
  done: (changed) => notice(PEOPLE, changed.message),
})
