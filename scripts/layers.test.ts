import path from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

// The layering (app → lib → db) and the one place for caching are lint rules (eslint.config.mjs), so
// `npm test` fails when a file breaks them. Each case lints a one-line file as if it lived there.

const root = path.resolve(import.meta.dirname, '..')
// (Circles are the lint's concern too, but need real files: off for these one-line ones.)
const eslint = new ESLint({ cwd: root, overrideConfig: { rules: { 'import/no-cycle': 'off' } } })

async function refusals(file: string, code: string): Promise<string[]> {
  // An export, so an import alone is not an unused one (an action file's exports are its actions).
  const text = file.endsWith('actions.ts') ? code : `${code}\nexport const used = 1\n`
  const [result] = await eslint.lintText(text, { filePath: path.join(root, file) })
  return result.messages
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message)
}

describe('the layers, as lint enforces them', () => {
  it.each([
    ['app/admin/x.ts', "import { getDb } from '@/db'", 'app/ reaches the database through lib/'],
    ['app/(site)/x.tsx', "import { findPosts } from '@/db/queries/posts'", 'app/ reaches the database through lib/'],
    ['db/queries/x.ts', "import { getSiteSettings } from '@/lib/settings'", 'db/ never imports lib/'],
    ['db/x.ts', "import { headers } from 'next/headers'", 'db/ stays plain Node'],
    ['app/_ui/x.tsx', "import { cacheTag } from 'next/cache'", 'Cache and expire through lib/public/'],
    ['lib/posts/x.ts', "import { updateTag } from 'next/cache'", 'Cache and expire through lib/public/'],
    // Every server action through the one boundary (lib/forms/actions.ts).
    [
      'app/admin/x/actions.ts',
      "'use server'\nexport async function saveAction(fd: FormData) { return fd }",
      'Declare a server action with formAction or buttonAction',
    ],
    [
      'app/admin/x/actions.ts',
      "import { redirect } from 'next/navigation'\nexport const go = formAction({ run: async () => redirect('/'), done: () => '/' })",
      'The boundary redirects',
    ],
    [
      'app/admin/x/actions.ts',
      "import { getDb } from '@/db'\nexport const go = formAction({ run: async () => getDb(), done: () => '/' })",
      'app/ reaches the database through lib/',
    ],
    [
      'app/admin/x/actions.ts',
      "import { expireFromAction } from '@/lib/public/expire'\nexport const go = formAction({ run: async () => expireFromAction, done: () => '/' })",
      'The action boundary',
    ],
    // The database handle first and required in every query.
    ['db/queries/x.ts', "import { getDb } from '..'", 'they never open one'],
    [
      'db/queries/x.ts',
      'export async function find(id: number, db = getDb()) { return [id, db] }\ndeclare const getDb: () => 1',
      'never a default',
    ],
    [
      'db/queries/x.ts',
      'export async function find(id: number, db: unknown) { return [id, db] }',
      'The database handle is the first parameter',
    ],
  ])('%s: %s is refused', async (file, code, message) => {
    expect((await refusals(file, code)).join(' ')).toContain(message)
  })

  it.each([
    ['app/admin/x.ts', "import { getSiteSettings } from '@/lib/settings'"],
    ['lib/posts/x.ts', "import { getDb } from '@/db'"],
    ['lib/public/x.ts', "import { cacheTag } from 'next/cache'"],
    [
      'app/admin/x/actions.ts',
      "'use server'\nimport { formAction } from '@/lib/forms/actions'\nexport const saveAction = formAction({ run: async () => ({ ok: true as const }), done: () => '/' })",
    ],
    ['db/queries/x.ts', 'export async function find(db: unknown, id: number) { return [id, db] }'],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await refusals(file, code)).toEqual([])
  })
})

describe('the folders of lib/', () => {
  it('never import each other both ways (each builds on the ones below it)', async () => {
    const { readdir, readFile } = await import('node:fs/promises')
    const lib = path.join(root, 'lib')
    const uses = new Map<string, Set<string>>()
    for (const entry of await readdir(lib, { recursive: true, withFileTypes: true })) {
      const file = path.join(entry.parentPath, entry.name)
      const folder = path.relative(lib, file).split(path.sep)
      if (!entry.isFile() || folder.length < 2 || !/\.(ts|tsx|mjs)$/.test(entry.name) || entry.name.includes('.test.'))
        continue
      for (const [, other] of (await readFile(file, 'utf8')).matchAll(/from '@\/lib\/([\w-]+)\//g)) {
        if (other !== folder[0]) uses.set(folder[0], (uses.get(folder[0]) ?? new Set()).add(other))
      }
    }
    const both = [...uses].flatMap(([a, theirs]) =>
      [...theirs].filter((b) => a < b && uses.get(b)?.has(a)).map((b) => `${a} ↔ ${b}`),
    )
    expect(both).toEqual([])
  })
})
