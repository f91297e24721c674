import { createReadStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import type { Kysely } from 'kysely'
import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { insertPerson } from '@/lib/testing/people'
import { BACKUP_TABLES, readTablePage } from '@/db/queries/backups'
import { migrateToLatest } from '@/db/migrate'
import { testDialects, type TestDatabase } from '@/db/test-databases'
import type { Database } from '@/db/types'
import { BackupError, restoreBackup, writeBackup } from '@/lib/operations/backup'
import { uploadImage } from '@/lib/uploads/images'
import { databaseStorage, diskStorage } from '@/lib/uploads/storage'
import { importWordPress } from '@/lib/wordpress/import'
import { savePost } from '@/lib/posts/editing'
import { postForm } from '@/lib/testing/post-form'
import { renderMissingHtml } from '@/lib/markdown/stored'

const NOW = new Date('2026-11-27T12:00:00Z')
const dialects = await testDialects()

/** Every backed-up table, row by row, as the database gives it back. */
async function everything(db: Kysely<Database>) {
  const all: Record<string, unknown[]> = {}
  for (const { table } of BACKUP_TABLES) all[table] = await readTablePage(db, table, 0, 10_000)
  return all
}

async function backupOf(db: Kysely<Database>, storage = databaseStorage): Promise<string> {
  const lines: string[] = []
  await writeBackup((line) => void lines.push(line), { db, storage, now: NOW })
  return lines.join('')
}

// Every pair of databases, both ways: SQLite → PostgreSQL, PostgreSQL → SQLite, and each to itself.
const pairs = dialects.flatMap((from) => dialects.map((to) => [from.name, to.name, from, to] as const))

describe.each(pairs)('backing up on %s and restoring on %s', (_from, _to, fromDialect, toDialect) => {
  let source: TestDatabase
  let target: TestDatabase
  let dir: string

  beforeEach(async () => {
    source = await fromDialect.open()
    target = await toDialect.open()
    dir = await mkdtemp(path.join(tmpdir(), 'plateau-backup-'))
    await migrateToLatest(source.db)
  })
  afterEach(async () => {
    await source.close()
    await target.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('brings back every row and every uploaded file, and new rows still get fresh ids', async () => {
    const admin = await insertPerson(source.db, 'admin')
    await importWordPress(
      admin,
      createReadStream(path.join(import.meta.dirname, '../wordpress/fixtures/plateau-threads.xml')),
      { now: NOW, db: source.db, storage: databaseStorage, download: false },
    )
    const photo = new Uint8Array(
      await sharp({ create: { width: 1000, height: 500, channels: 3, background: '#345' } })
        .jpeg()
        .toBuffer(),
    )
    const upload = await uploadImage(
      admin,
      { name: 'photo.jpg', bytes: photo },
      NOW,
      source.db,
      databaseStorage(source.db),
    )
    if (!upload.ok) throw new Error(upload.message)
    // As the running blog it comes from has done at its start.
    await renderMissingHtml(source.db)

    const backup = await backupOf(source.db)
    // Restored into an installation that keeps its files on disk: they come back there.
    const result = await restoreBackup(Readable.from([backup]), { db: target.db, storage: () => diskStorage(dir) })
    expect(result.files).toBe(3) // the photo and its 480 and 960 pixel copies
    expect(await everything(target.db)).toEqual(await everything(source.db))
    const key = upload.url.slice('/uploads/'.length)
    expect((await diskStorage(dir).get(key))?.data).toEqual((await databaseStorage(source.db).get(key))?.data)

    const post = await savePost(admin, null, postForm({ title: 'Written after the restore' }), NOW, target.db)
    expect(post).toMatchObject({ ok: true })
    const ids = (await target.db.selectFrom('post').select('id').execute()).map((p) => p.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('restores only into an empty blog, and a damaged backup changes nothing', async () => {
    await insertPerson(source.db, 'admin', 'Someone')
    const backup = await backupOf(source.db)
    await migrateToLatest(target.db)
    const cut = backup.slice(0, backup.lastIndexOf('"table":"User"') + 20)
    await expect(restoreBackup(Readable.from([cut]), { db: target.db })).rejects.toThrow(
      /^Line 2 of the backup is not valid/,
    )
    expect(await target.db.selectFrom('User').selectAll().execute()).toEqual([])
    await expect(restoreBackup(Readable.from(['{"hello":1}\n']), { db: target.db })).rejects.toThrow(
      new BackupError('This is not a Plateau backup (npm run backup writes them).'),
    )
    await restoreBackup(Readable.from([backup]), { db: target.db })
    await expect(restoreBackup(Readable.from([backup]), { db: target.db })).rejects.toThrow(
      /already has 1 people, posts, comments or tags/,
    )
  })
})

describe.each(dialects)('backup secrets and file names on $name', (dialect) => {
  let t: TestDatabase
  beforeEach(async () => {
    t = await dialect.open()
    await migrateToLatest(t.db)
  })
  afterEach(async () => {
    await t.close()
  })

  async function withSecrets() {
    const person = await insertPerson(t.db, 'admin', 'Owner')
    await t.db
      .insertInto('setting')
      .values({ key: 'auth.secret', value: JSON.stringify('the-secret') })
      .execute()
    // An owner setup link not used yet (the blog has an admin here, but the row is what matters).
    await t.db
      .insertInto('setting')
      .values({ key: 'owner.setupToken.0123456789abcdef01234567', value: JSON.stringify({ hash: 'setup-hash-xyz' }) })
      .execute()
    await t.db
      .insertInto('Account')
      .values({
        id: 'a1',
        userId: person.id,
        type: 'oidc',
        provider: 'oidc',
        providerAccountId: 's1',
        access_token: 'access-xyz',
        refresh_token: 'refresh-xyz',
        id_token: 'id-xyz',
      } as never)
      .execute()
  }
  const lines = async (includeSecrets?: boolean) => {
    const out: string[] = []
    await writeBackup((line) => void out.push(line), { db: t.db, storage: databaseStorage, now: NOW, includeSecrets })
    return out.join('')
  }

  it('leaves out AUTH_SECRET, setup links and sign-in providers’ tokens unless asked to keep them', async () => {
    await withSecrets()
    const secrets = ['the-secret', 'setup-hash-xyz', 'access-xyz', 'refresh-xyz', 'id-xyz']
    const plain = await lines()
    for (const secret of secrets) expect(plain).not.toContain(secret)
    expect(plain).toContain('"providerAccountId":"s1"')
    const full = await lines(true)
    for (const secret of secrets) expect(full).toContain(secret)
  })

  it('refuses a backup whose file names would write outside the uploads, changing nothing', async () => {
    const header = JSON.stringify({
      format: 'plateau-backup',
      version: 1,
      createdAt: NOW.toISOString(),
      migrations: [],
    })
    const evil = JSON.stringify({
      file: '../../../../tmp/plateau-escaped.txt',
      type: 'image/png',
      data: Buffer.from('owned').toString('base64'),
    })
    const dir = await mkdtemp(path.join(tmpdir(), 'plateau-restore-'))
    await expect(
      restoreBackup(Readable.from([`${header}\n${evil}\n`]), {
        db: t.db,
        storage: () => diskStorage(path.join(dir, 'uploads')),
      }),
    ).rejects.toThrow(/names a file this blog never makes/)
    expect(await import('node:fs').then((fs) => fs.existsSync('/tmp/plateau-escaped.txt'))).toBe(false)
    await rm(dir, { recursive: true, force: true })
  })

  it('serves a restored file as the type its name says, whatever type the backup claimed', async () => {
    const header = JSON.stringify({
      format: 'plateau-backup',
      version: 1,
      createdAt: NOW.toISOString(),
      migrations: [],
    })
    const key = '2026/11/0123456789abcdef-10x10.png'
    const page = JSON.stringify({
      file: key,
      type: 'text/html',
      data: Buffer.from('<script>alert(document.cookie)</script>').toString('base64'),
    })
    await restoreBackup(Readable.from([`${header}\n${page}\n`]), { db: t.db, storage: databaseStorage })
    expect((await databaseStorage(t.db).get(key))?.contentType).toBe('image/png')
    expect(await t.db.selectFrom('storedFile').select('contentType').execute()).toEqual([{ contentType: 'image/png' }])
  })
})
