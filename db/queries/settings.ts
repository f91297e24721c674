import type { Kysely } from 'kysely'
import type { Database } from '../types'

/** Every stored setting as key → decoded JSON value. */
export async function readSettings(db: Kysely<Database>): Promise<Record<string, unknown>> {
  const rows = await db.selectFrom('setting').select(['key', 'value']).execute()
  return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]))
}

export async function writeSetting(db: Kysely<Database>, key: string, value: unknown): Promise<void> {
  const encoded = JSON.stringify(value)
  await db
    .insertInto('setting')
    .values({ key, value: encoded })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: encoded }))
    .execute()
}

/** Stores the setting only if it is absent; returns whether it was stored (safe across instances). */
export async function claimSetting(db: Kysely<Database>, key: string, value: unknown): Promise<boolean> {
  const result = await db
    .insertInto('setting')
    .values({ key, value: JSON.stringify(value) })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0
}

/** Deletes the setting only if it still holds `value`; returns whether this call deleted it (one winner across instances). */
export async function takeSetting(db: Kysely<Database>, key: string, value: unknown): Promise<boolean> {
  const result = await db
    .deleteFrom('setting')
    .where('key', '=', key)
    .where('value', '=', JSON.stringify(value))
    .executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

/** Deletes every setting whose key starts with `prefix` (letters, digits and dots only); returns the keys this call deleted. */
export async function takeSettingsStartingWith(db: Kysely<Database>, prefix: string): Promise<string[]> {
  if (!/^[A-Za-z0-9.]+$/.test(prefix))
    throw new Error(`takeSettingsStartingWith: a prefix of letters, digits and dots, not ${prefix}`)
  const rows = await db.deleteFrom('setting').where('key', 'like', `${prefix}%`).returning('key').execute()
  return rows.map((row) => row.key)
}
