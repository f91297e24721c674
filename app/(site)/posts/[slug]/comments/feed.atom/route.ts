import { postCommentsFeedHandler } from '@/lib/feed-responses'

export const GET = postCommentsFeedHandler('atom')
