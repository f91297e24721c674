import type { CacheTagEvent } from '@/db/queries/cache-tags'
import type { SharedCacheTags } from './shared-tags'

export function createEventReader(store: Pick<SharedCacheTags, 'latestId' | 'after'>, apply: (event: CacheTagEvent) => void, now?: () => number): () => Promise<void>
