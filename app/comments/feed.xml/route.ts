import { commentsFeedHandler } from '@/lib/public/feed-responses'

export const GET = commentsFeedHandler('rss')
