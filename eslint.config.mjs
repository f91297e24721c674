import nextCoreWebVitals from 'eslint-config-next/core-web-vitals'
import nextTypescript from 'eslint-config-next/typescript'

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
      'no-restricted-imports': ['error', { patterns: [{ group: ['@/db', '@/db/*', '**/db', '**/db/*'], message: 'app/ reaches the database through lib/ (app → lib → db).' }] }],
    },
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
