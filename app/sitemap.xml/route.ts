import { sitemapHandler } from '@/lib/public/feed-responses'

export const GET = sitemapHandler
