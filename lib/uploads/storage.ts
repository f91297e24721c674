import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { DB } from '@/db'
import { getDb } from '@/db'
import { findStoredFile, putStoredFile } from '@/db/queries/uploads'
import { contentTypeOfKey, isUploadKey } from './paths'

/**
 * Where uploaded files' bytes are kept. Files are written once under a key made from their content,
 * so a store never needs to update or coordinate anything.
 *
 * - `disk` (the default): files under UPLOAD_DIR (./data/uploads). Several app instances can share
 *   it only if it is a shared mount (NFS, a Kubernetes ReadWriteMany volume…).
 * - `database` (UPLOAD_STORAGE=database): bytes in the blog's own database, so every instance that
 *   shares the database shares the uploads, with nothing else to run. Backups then hold them too.
 */
export interface FileStorage {
  put(key: string, data: Uint8Array): Promise<void>
  get(key: string): Promise<{ data: Uint8Array; contentType: string } | null>
}

export function diskStorage(root: string): FileStorage {
  const file = (key: string) => {
    // Keys are made by the blog (lib/uploads/paths.ts); anything else never becomes a path.
    if (!isUploadKey(key)) throw new Error(`Not an upload key: ${JSON.stringify(key.slice(0, 80))}`)
    return path.join(root, ...key.split('/'))
  }
  return {
    async put(key, data) {
      const target = file(key)
      await mkdir(path.dirname(target), { recursive: true })
      // Written aside and renamed, so a reader never sees half a file.
      const temporary = `${target}.${process.pid}.${Date.now()}.part`
      await writeFile(temporary, data)
      await rename(temporary, target)
    },
    async get(key) {
      try {
        const data = await readFile(file(key))
        return {
          data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
          contentType: contentTypeOfKey(key),
        }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw error
      }
    },
  }
}

export function databaseStorage(db: DB): FileStorage {
  return {
    put: (key, data) => putStoredFile(db, key, contentTypeOfKey(key), data),
    async get(key) {
      const row = await findStoredFile(db, key)
      return row ? { data: new Uint8Array(row.data), contentType: contentTypeOfKey(key) } : null
    },
  }
}

/** The storage this installation is configured for (UPLOAD_STORAGE, UPLOAD_DIR). */
export function getStorage(db: DB = getDb()): FileStorage {
  if (process.env.UPLOAD_STORAGE === 'database') return databaseStorage(db)
  return diskStorage(
    path.resolve(/*turbopackIgnore: true*/ process.env.UPLOAD_DIR ?? path.join(process.cwd(), 'data', 'uploads')),
  )
}
