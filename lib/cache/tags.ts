/**
 * Names of the cache tags public pages are stored under. A write invalidates exactly the tags whose
 * pages it changes: a new comment → its post; a published post → the listings and that post.
 */
export const cacheTags = {
  settings: 'settings',
  listings: 'posts',
  /** Every page that shows people's names: a rename or deleted account touches them all. */
  people: 'people',
  post: (slug: string) => `post:${slug}`,
} as const
