/** Next's file-system route cache, pages dated by the lookup that led to their render (route-cache.mjs). */
export default class RouteCache {
  constructor(options: Record<string, unknown>)
  get(key: string, ctx: Record<string, unknown>): Promise<{ lastModified: number; value: unknown } | null>
  set(key: string, data: unknown, ctx: Record<string, unknown>): Promise<void>
}
