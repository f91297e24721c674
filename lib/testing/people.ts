import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import { insertUser } from '@/db/queries/users'
import type { Database, Role } from '@/db/types'
import type { Viewer } from '@/lib/people/viewer'

/** For tests: a person with this role (email <name>@example.com), as the blog sees them signed in. */
export async function insertPerson(
  db: Kysely<Database>,
  role: Role,
  name: string = role,
  options: { banned?: boolean; bannedAt?: Date } = {},
): Promise<Viewer> {
  const banned = options.banned ?? false
  const id = await insertUser(db, {
    id: randomUUID(),
    name,
    email: `${name.toLowerCase()}@example.com`,
    role,
    bannedAt: banned ? (options.bannedAt ?? new Date()) : null,
  })
  return { id, name, hasName: true, role, banned }
}
