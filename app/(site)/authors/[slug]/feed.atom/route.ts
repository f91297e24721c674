import { authorFeedHandler } from '@/lib/public/feed-responses'

export const GET = authorFeedHandler('atom')
