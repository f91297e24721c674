import { expect, test } from './fixtures/test'
import { htmlErrors } from './fixtures/vnu'
import { aboutPage, longThread } from './fixtures/content'

// Every public page type, as served, checked by the Nu HTML Checker (vnu.jar; needs Java) in one run.
const PAGES = {
  home: '/',
  post: '/posts/the-social-media-plateau',
  page: `/pages/${aboutPage.slug}`,
  'comments page 3': `/posts/${longThread.slug}/comments/page/3`,
  tag: '/tags/local-government',
  author: '/authors/simondigital',
  'year archive': '/2013',
  'month archive': '/2013/03',
  search: '/search?q=plateau',
  'empty search': '/search',
  'sign-in': '/signin',
  // The server-rendered 404. (A 404 from inside a post or archive route is Next 16.4's error document,
  // drawn by script — vercel/next.js#62228 — and not checked here.)
  '404': '/no/such/thing',
}

test('every public page type is valid HTML', async ({ request }) => {
  const pages: Record<string, string> = {}
  for (const [what, url] of Object.entries(PAGES)) pages[what] = await (await request.get(url)).text()
  expect(await htmlErrors(pages, 'public')).toEqual([])
})
