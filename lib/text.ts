/** "No Comments", "1 Comment", "3 Comments" — as WordPress says it. */
export function mentionCountLabel(count: number): string {
  return count === 1 ? '1 Mention' : `${count} Mentions`
}

export function commentCountLabel(count: number): string {
  if (count === 0) return 'No Comments'
  return count === 1 ? '1 Comment' : `${count} Comments`
}
