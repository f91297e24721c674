import type { DB } from '@/db'
import { getDb } from '@/db'
import { listAuditEntries } from '@/db/queries/audit'
import { requireCapability } from '@/lib/people/permissions'
import type { Viewer } from '@/lib/people/viewer'

export const AUDIT_PAGE_SIZE = 50

/** Who did what and when, newest first. Admins only; throws PermissionDenied. */
export async function loadAuditLog(viewer: Viewer | null, page: number, db: DB = getDb()) {
  requireCapability(viewer, 'audit.read')
  const p = Number.isSafeInteger(page) && page > 0 ? page : 1
  const rows = await listAuditEntries(db, { limit: AUDIT_PAGE_SIZE + 1, offset: (p - 1) * AUDIT_PAGE_SIZE })
  return {
    page: p,
    hasNext: rows.length > AUDIT_PAGE_SIZE,
    entries: rows.slice(0, AUDIT_PAGE_SIZE).map((r) => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
      detail: JSON.parse(r.detail) as Record<string, unknown>,
    })),
  }
}
