import { postsFeedHandler } from '@/lib/feed-responses'

export const GET = postsFeedHandler('atom')
