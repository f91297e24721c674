import { commentsFeedHandler } from '@/lib/feed-responses'

export const GET = commentsFeedHandler('atom')
