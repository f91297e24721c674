/** Where a post, a comment in it, and its reply page live. */
export const postPath = (slug: string) => `/posts/${encodeURIComponent(slug)}`
/** Pages (About, Contact…) live apart from the dated posts. */
export const pagePath = (slug: string) => `/pages/${encodeURIComponent(slug)}`
export const pathOfKind = (kind: string, slug: string) => (kind === 'page' ? pagePath(slug) : postPath(slug))
export const commentPath = (slug: string, id: number) => `${postPath(slug)}#comment-${id}`
export const replyPath = (slug: string, options: { to?: number; edit?: number } = {}) => {
  const query = options.to ? `?to=${options.to}` : options.edit ? `?edit=${options.edit}` : ''
  return `${postPath(slug)}/reply${query}`
}
export const signInPath = (returnTo: string) => `/signin?callbackUrl=${encodeURIComponent(returnTo)}`
/** The short, shareable link of a comment: /c/<id>. */
export const shortCommentPath = (id: number) => `/c/${id}`
/** Page `page` (2 and up) of a post's comments; page 1 is the post itself. */
export const commentPagePath = (slug: string, page: number) =>
  page === 1 ? postPath(slug) : `${postPath(slug)}/comments/page/${page}`
/** A branch of a post's comments continued on its own page, from comment `id` down. */
export const threadPath = (slug: string, id: number) => `${postPath(slug)}/thread/${id}`
