// The domain's fixed words — roles and statuses — for the app layer, which does not import db/.
export { COMMENT_STATUSES, POST_STATUSES, ROLES } from '@/db/types'
export type { CommentStatus, PostStatus, Role } from '@/db/types'
