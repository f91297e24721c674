import nextCoreWebVitals from 'eslint-config-next/core-web-vitals'
import nextTypescript from 'eslint-config-next/typescript'

// What is cached, with which tags and for how long, and what a write expires, is written in one
// folder: lib/public/ (cached.ts, tags.ts, expire.ts).
const cacheOnlyInPublic = {
  name: 'next/cache',
  message: 'Cache and expire through lib/public/ (cached.ts holds every cached loader, expire.ts applies what a write changed).',
}

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: ['.next/**', 'node_modules/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**', '.test-output/**'],
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
      'no-restricted-imports': [
        'error',
        { paths: [cacheOnlyInPublic], patterns: [{ group: ['@/db', '@/db/*', '**/db', '**/db/*'], message: 'app/ reaches the database through lib/ (app → lib → db).' }] },
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
    // Migrations are frozen against a schema-less Kysely on purpose.
    files: ['db/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
]

export default config
