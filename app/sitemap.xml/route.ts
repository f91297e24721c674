import { sitemapHandler } from '@/lib/feed-responses'

export const GET = sitemapHandler
