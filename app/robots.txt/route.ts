import { robotsHandler } from '@/lib/feed-responses'

export const GET = robotsHandler
