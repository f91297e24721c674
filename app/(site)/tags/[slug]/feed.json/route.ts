import { tagFeedHandler } from '@/lib/feed-responses'

export const GET = tagFeedHandler('json')
