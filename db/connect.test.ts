import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { connect } from './connect'
import { migrateToLatest } from './migrate'

// The SQLite file is shared with other processes: the command-line tools (an import, `npm run user`)
// write to it while the blog runs.

describe('a SQLite blog beside another process', () => {
  const opened: { destroy(): Promise<void> }[] = []
  afterEach(async () => {
    for (const db of opened.splice(0)) await db.destroy()
  })

  it('keeps a transaction that read before the other process wrote, rather than refusing it as locked', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'plateau-sqlite-')), 'blog.db')
    const db = connect({ kind: 'sqlite', file })
    opened.push(db)
    await migrateToLatest(db)
    const other = new SQLite(file, { timeout: 0 })
    const write = (key: string) => other.prepare(`insert into "setting" ("key", "value") values (?, '1')`).run(key)

    const answer = await db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('setting').select('key').execute()
      // The other process writes while this transaction is under way: it has to wait its turn.
      expect(() => write('from-the-command-line')).toThrow(/database is locked/)
      await trx.insertInto('setting').values({ key: 'from-the-blog', value: '1' }).execute()
      return before.length
    })

    expect(answer).toBe(0)
    write('from-the-command-line')
    expect((await db.selectFrom('setting').select('key').orderBy('key').execute()).map((r) => r.key)).toEqual([
      'from-the-blog',
      'from-the-command-line',
    ])
    other.close()
  })
})
