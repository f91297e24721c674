// The rule for which comments readers see (db/queries/visibility.ts, beside its SQL), for pages.
export { commentIsThreaded, commentIsVisible } from '@/db/queries/visibility'
