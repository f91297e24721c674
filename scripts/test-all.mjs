#!/usr/bin/env node
// `npm test`: every check this project has, in order — type-check, lint, Vitest (units and the
// data layer on SQLite and PostgreSQL), a production build, then Playwright against it twice: one
// instance on SQLite, and two instances on PostgreSQL behind nginx — and one closing line
// "N passed, N failed" summing them all (type-check, lint and build count one each).
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const out = path.join(root, '.test-output')
fs.mkdirSync(out, { recursive: true })
const bin = (name) => path.join(root, 'node_modules', '.bin', name)
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }

function run(title, cmd, args, extraEnv = {}) {
  console.log(`\n▶ ${title}: ${path.basename(cmd)} ${args.join(' ')}`)
  const result = spawnSync(cmd, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: 'inherit' })
  return result.status === 0
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch {
    return undefined
  }
}

let passed = 0
let failed = 0
const summary = []
function count(title, p, f) {
  passed += p
  failed += f
  summary.push(`${title}: ${p} passed, ${f} failed`)
}
const single = (title, ok) => count(title, ok ? 1 : 0, ok ? 0 : 1)

single('type-check', run('Type-check', bin('tsc'), ['--noEmit']))
single(
  'lint',
  run('Lint', bin('eslint'), ['--max-warnings', '0', '.']) &&
    run('Format', bin('prettier'), ['--check', '--log-level', 'warn', '.']),
)

const vitestJson = path.join(out, 'vitest.json')
fs.rmSync(vitestJson, { force: true })
const vitestOk = run('Vitest', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
])
const vitest = readJson(vitestJson)
if (vitest) count('vitest', vitest.numPassedTests, vitest.numFailedTests + (vitestOk || vitest.numFailedTests ? 0 : 1))
else count('vitest', 0, 1)

const built = run('Production build', bin('next'), ['build'])
single('build', built)
const stacks = [
  ['sqlite', 'one instance on SQLite'],
  ['postgres', 'two instances on PostgreSQL behind nginx'],
]
for (const [stack, what] of stacks) {
  const title = `playwright, ${what}`
  if (!built) {
    count(`${title} (not run: the build failed)`, 0, 1)
    continue
  }
  const playwrightJson = path.join(out, `playwright-${stack}.json`)
  fs.rmSync(playwrightJson, { force: true })
  const playwrightOk = run(`Playwright, ${what}`, bin('playwright'), ['test'], { E2E_STACK: stack })
  const stats = readJson(playwrightJson)?.stats
  if (stats) count(title, stats.expected + stats.flaky, stats.unexpected + (playwrightOk || stats.unexpected ? 0 : 1))
  else count(title, 0, 1)
}

console.log(`\n${summary.join('\n')}`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
