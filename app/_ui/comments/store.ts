'use client'

import { useSyncExternalStore } from 'react'
import type { RespondState } from '@/lib/comments/respond'

// The little client state the comment parts of a post page share: who is signed in (fetched after
// load, so the page itself stays cached), which comment is being replied to in place, and comments
// shown optimistically while they are being posted.

export interface OptimisticComment {
  tempId: string
  parentId: number | null
  body: string
  authorName: string
}

interface CommentState {
  respond: RespondState | null
  /** Text typed into the signed-out form before the page learned who is signed in: the signed-in form starts with it. */
  carried: string
  replyTo: number | null
  optimistic: OptimisticComment[]
}

let state: CommentState = { respond: null, carried: '', replyTo: null, optimistic: [] }
const initial = state
const listeners = new Set<() => void>()

export const commentStore = {
  get: () => state,
  update(change: Partial<CommentState>) {
    state = { ...state, ...change }
    for (const listener of listeners) listener()
  },
  subscribe(listener: () => void) {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },
}

export function useCommentState<T>(select: (s: CommentState) => T): T {
  return useSyncExternalStore(
    commentStore.subscribe,
    () => select(state),
    () => select(initial),
  )
}
