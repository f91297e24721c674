/** The post editor's fields as a browser sends them, for tests; `fields` overrides any of them. */
export const postForm = (fields: Record<string, string> = {}) => ({
  title: 'A new post',
  slug: '',
  body: 'First paragraph of the *post*.\n\nSecond one.',
  excerpt: '',
  tags: 'News, Notes, news',
  featuredImageUrl: '',
  featuredImageAlt: '',
  featuredImageCaption: '',
  featuredImageCredit: '',
  featuredImageCreditUrl: '',
  commentsOpen: 'on',
  intent: 'save',
  publishAt: '',
  version: '',
  ...fields,
})
