import { robotsHandler } from '@/lib/public/feed-responses'

export const GET = robotsHandler
