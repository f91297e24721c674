'use server'

import { deleteAccount, renameAccount, signOutEverywhere } from '@/lib/auth/account'
import { buttonAction, formAction } from '@/lib/forms/actions'
import { saveMailChoices, stopFollowing } from '@/lib/mail/choices'
import { parseId } from '@/lib/params'

// The profile's forms. Each refusal says what to do and keeps what was typed.

export const renameAction = formAction({
  run: ({ name = '' }, { viewer }) => renameAccount(viewer, name),
  done: () => '/profile?saved=1',
  keep: ['name'],
})

export const signOutEverywhereAction = buttonAction({
  back: () => '/profile',
  run: (_, { viewer }) => signOutEverywhere(viewer),
  done: () => '/',
})

export const deleteAccountAction = formAction({
  run: ({ confirm }, { viewer }) => deleteAccount(viewer, confirm === 'yes'),
  done: () => '/?account=deleted',
  keep: [],
})

export const saveMailChoicesAction = formAction({
  run: (values, { viewer }) => saveMailChoices(viewer, values),
  done: () => '/profile?emails=saved',
})

export const stopFollowingAction = buttonAction({
  back: () => '/profile',
  run: ({ postId }, { viewer }) => stopFollowing(viewer, parseId(postId)),
  done: () => '/profile?emails=saved',
})
