import nextCoreWebVitals from 'eslint-config-next/core-web-vitals'
import nextTypescript from 'eslint-config-next/typescript'

// What is cached, with which tags and for how long, and what a write expires, is written in one
// folder: lib/public/ (cached.ts, tags.ts, expire.ts).
const cacheOnlyInPublic = {
  name: 'next/cache',
  message:
    'Cache and expire through lib/public/ (cached.ts holds every cached loader, expire.ts applies what a write changed).',
}

// What app/ may not import: the database (app → lib → db), the cache outside lib/public/, and the
// expiry the action boundary does.
const appImportPaths = [
  cacheOnlyInPublic,
  {
    name: '@/lib/public/expire',
    message: 'The action boundary (lib/forms/actions.ts) expires what a lib function returned.',
  },
]
const appImportPatterns = [
  {
    group: ['@/db', '@/db/*', '**/db', '**/db/*'],
    message: 'app/ reaches the database through lib/ (app → lib → db).',
  },
]

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      'next-env.d.ts',
      'test-results/**',
      'playwright-report/**',
      '.test-output/**',
    ],
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': ['error', { ignoreRestArgs: true }],
    },
  },
  {
    // The layers: app/ → lib/ → db/. Pages and actions reach data through lib/ (where permissions are
    // checked); db/ stays plain Node, so migrations, scripts and tests load it without Next.
    files: ['app/**', 'proxy.ts', 'instrumentation.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: appImportPaths, patterns: appImportPatterns }],
    },
  },
  {
    // Every server action is declared through the one boundary, lib/forms/actions.ts: it reads the
    // fields, resolves the viewer, calls one lib function, answers a refusal, expires what changed and
    // redirects. An action file declares; it does not do those by hand.
    files: ['app/**/actions.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ExportNamedDeclaration > FunctionDeclaration',
          message: 'Declare a server action with formAction or buttonAction (lib/forms/actions.ts).',
        },
        {
          selector:
            'ExportNamedDeclaration > VariableDeclaration > VariableDeclarator[init.callee.name!=/^(formAction|buttonAction)$/]',
          message: 'Declare a server action with formAction or buttonAction (lib/forms/actions.ts).',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...appImportPaths,
            { name: 'next/navigation', message: 'The boundary redirects: return where to go from `done`.' },
          ],
          patterns: appImportPatterns,
        },
      ],
    },
  },
  {
    files: ['lib/**', 'scripts/**'],
    ignores: ['lib/public/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [cacheOnlyInPublic] }] },
  },
  {
    files: ['db/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/lib', '@/lib/*', '**/lib', '**/lib/*'], message: 'db/ never imports lib/ (app → lib → db).' },
            { group: ['next', 'next/*', 'next-auth', 'next-auth/*'], message: 'db/ stays plain Node: no Next.js.' },
          ],
        },
      ],
    },
  },
  {
    // No import circles below app/: each folder's code can be read (and loaded) from the bottom up.
    // (The sentences a part of lib/ needs come from lib/i18n/catalogs, which depends on nothing.)
    files: ['lib/**', 'db/**'],
    settings: { 'import/ignore': ['node_modules'] },
    rules: { 'import/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    // A query takes the database handle first, and always: a call made inside a transaction that
    // forgot its `trx` would otherwise run outside it, silently (Kysely's own examples do the same).
    files: ['db/queries/**'],
    ignores: ['db/queries/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "AssignmentPattern[right.callee.name='getDb']",
          message: 'Take the database handle as a required first parameter (db: Kysely<Database>), never a default.',
        },
        {
          selector: "ImportSpecifier[imported.name='getDb']",
          message: 'Queries are handed their database (or transaction); they never open one.',
        },
        {
          selector: ':function > Identifier[name=/^(db|trx)$/]:not(:first-child)',
          message: 'The database handle is the first parameter of a query.',
        },
      ],
    },
  },
  {
    // Migrations are frozen against a schema-less Kysely on purpose.
    files: ['db/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
]

export default config
