import { postCommentsFeedHandler } from '@/lib/public/feed-responses'

export const GET = postCommentsFeedHandler('atom')
