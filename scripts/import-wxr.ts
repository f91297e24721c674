// npm run import:wxr -- <file> — bring a WordPress export (WXR) into the blog.
import { createReadStream } from 'node:fs'
import { closeDb, getDb } from '../db'
import { explainDatabaseError } from '../db/errors'
import { migrateToLatest } from '../db/migrate'
import { tagsToExpire } from '../lib/public/tags'
import { invalidateEverywhere } from '../lib/cache/shared-tags'
import { describeImport, importChanges, importWordPress } from '../lib/wordpress/import'
import { ImportFileError } from '../lib/imports/xml'

const file = process.argv[2]
if (!file || file === '--help' || file === '-h') {
  console.log(`Usage: npm run import:wxr -- <export.xml>

Imports a WordPress export (Tools → Export → All content in WordPress) into the blog named by
DATABASE_URL: authors, categories and tags, posts, pages and every comment in its thread, and the
images they use (downloaded when reachable). All or nothing: a broken file changes nothing.
Importing the same file again adds nothing twice.`)
  process.exit(file ? 0 : 1)
}

try {
  await migrateToLatest(getDb())
  const report = await importWordPress('command-line', createReadStream(file))
  for (const line of describeImport(report)) console.log(line)
  // Running instances show the imported blog within a second, as if it had come through /admin.
  await invalidateEverywhere(tagsToExpire(importChanges(report)))
  await closeDb()
} catch (error) {
  if (error instanceof ImportFileError) console.error(`Nothing was imported: ${error.message}.`)
  else if ((error as NodeJS.ErrnoException).code === 'ENOENT') console.error(`Nothing was imported: there is no file ${file}.`)
  else console.error(`Nothing was imported: ${explainDatabaseError(error, undefined)}`)
  await closeDb().catch(() => {})
  process.exit(1)
}
