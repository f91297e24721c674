import { tagFeedHandler } from '@/lib/public/feed-responses'

export const GET = tagFeedHandler('atom')
