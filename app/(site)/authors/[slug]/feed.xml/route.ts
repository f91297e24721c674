import { authorFeedHandler } from '@/lib/feed-responses'

export const GET = authorFeedHandler('rss')
