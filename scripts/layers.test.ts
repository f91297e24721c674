import path from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

// The layering (app → lib → db) and the one place for caching are lint rules (eslint.config.mjs), so
// `npm test` fails when a file breaks them. Each case lints a one-line file as if it lived there.

const root = path.resolve(import.meta.dirname, '..')
const eslint = new ESLint({ cwd: root })

async function refusals(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) })
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

describe('the layers, as lint enforces them', () => {
  it.each([
    ['app/admin/x.ts', "import { getDb } from '@/db'", 'app/ reaches the database through lib/'],
    ['app/(site)/x.tsx', "import { findPosts } from '@/db/queries/posts'", 'app/ reaches the database through lib/'],
    ['db/queries/x.ts', "import { getSiteSettings } from '@/lib/settings'", 'db/ never imports lib/'],
    ['db/x.ts', "import { headers } from 'next/headers'", 'db/ stays plain Node'],
    ['app/_ui/x.tsx', "import { cacheTag } from 'next/cache'", 'Cache and expire through lib/public/'],
    ['lib/posts/x.ts', "import { updateTag } from 'next/cache'", 'Cache and expire through lib/public/'],
  ])('%s: %s is refused', async (file, code, message) => {
    expect((await refusals(file, `${code}\nexport const used = 1\n`)).join(' ')).toContain(message)
  })

  it.each([
    ['app/admin/x.ts', "import { getSiteSettings } from '@/lib/settings'"],
    ['lib/posts/x.ts', "import { getDb } from '@/db'"],
    ['lib/public/x.ts', "import { cacheTag } from 'next/cache'"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await refusals(file, `${code}\nexport const used = 1\n`)).toEqual([])
  })
})
