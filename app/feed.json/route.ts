import { postsFeedHandler } from '@/lib/public/feed-responses'

export const GET = postsFeedHandler('json')
