// The production server for scripts that measure it (bench, audit): build if needed, start on a
// port against a given database, stop. Tests use e2e/serve.sh instead.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import autocannon from 'autocannon'
import fs from 'node:fs'
import path from 'node:path'

export const root = path.resolve(import.meta.dirname, '..')

/** Runs `next build` when there is no production build yet; exits the process if it fails. */
export function ensureBuild(): void {
  if (fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) return
  console.log('No production build yet: running next build…')
  const build = spawnSync(path.join(root, 'node_modules/.bin/next'), ['build'], { cwd: root, stdio: 'inherit' })
  if (build.status !== 0) process.exit(1)
}

/** Starts `next start` on `port` with `databaseUrl` (and `env`); resolves once it answers. */
export function startServer(
  port: number,
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<ChildProcess> {
  const child = spawn(
    path.join(root, 'node_modules/.bin/next'),
    ['start', '-p', String(port), '--keepAliveTimeout', '65000'],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  // Its log is not shown, but read: an unread pipe would fill and stall the server.
  child.stdout!.resume()
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 60_000
    const poll = async () => {
      try {
        if ((await fetch(`http://localhost:${port}/`)).ok) return resolve(child)
      } catch {
        // not listening yet
      }
      if (child.exitCode !== null || Date.now() > deadline) return reject(new Error('the server did not start'))
      setTimeout(poll, 200)
    }
    void poll()
  })
}

export function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

/** Peak resident memory (VmHWM) of a process and its children, in MB. */
export function peakRssMb(pid: number): number {
  const pids = [pid]
  for (let i = 0; i < pids.length; i++) {
    try {
      const children = fs.readFileSync(`/proc/${pids[i]}/task/${pids[i]}/children`, 'utf8').trim()
      if (children) pids.push(...children.split(/\s+/).map(Number))
    } catch {
      // gone
    }
  }
  let kb = 0
  for (const p of pids) {
    try {
      kb += Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0)
    } catch {
      // gone
    }
  }
  return Math.round(kb / 1024)
}

/** CPU time (user and system) a process has used so far, in milliseconds. */
export function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}

/** A process's resident memory now (VmRSS), in MB. */
export function rssMb(pid: number): number {
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024)
}

/**
 * What requests cost the server at `pid`: requests per second, and its CPU milliseconds per request,
 * for `seconds` of load on `origin`, each request's path (and headers) made by `next` — a new address
 * each time for a flood of never-seen ones. After a warm-up of two seconds.
 */
export async function measureCost(
  origin: string,
  pid: number,
  next: () => { path: string; headers?: Record<string, string> },
  connections: number,
  seconds: number,
): Promise<Cost> {
  const run = (duration: number) =>
    autocannon({
      url: origin,
      connections,
      duration,
      requests: [
        {
          method: 'GET',
          setupRequest: (request) => {
            const made = next()
            return { ...request, path: made.path, headers: { ...request.headers, ...made.headers } }
          },
        },
      ],
    })
  await run(2)
  const before = cpuMs(pid)
  const r = await run(seconds)
  const statuses = Object.fromEntries(
    Object.entries(r.statusCodeStats ?? {}).map(([code, stat]) => [code, (stat as { count: number }).count]),
  )
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors,
    cpuMsPerRequest: (cpuMs(pid) - before) / Math.max(1, r.requests.total),
    statuses,
  }
}

export type Cost = {
  rps: number
  p50: number
  p99: number
  errors: number
  cpuMsPerRequest: number
  statuses: Record<string, number>
}

export type Measured = { rps: number; p50: number; p99: number; errors: number }

/** Requests per second and latency of `url` under load, after a two-second warm-up. */
export async function measure(url: string, connections: number, seconds: number): Promise<Measured> {
  await autocannon({ url, connections, duration: 2 }) // warm-up
  const r = await autocannon({ url, connections, duration: seconds })
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx }
}

/** A bench's command line: prints `help` and exits on --help; else --duration, --connections and any other --name N. */
export function benchOptions(help: string) {
  const args = process.argv.slice(2)
  if (args.includes('--help') || args.includes('-h')) {
    console.log(help)
    process.exit(0)
  }
  const option = (name: string, fallback: number) => {
    const i = args.indexOf(`--${name}`)
    return i >= 0 ? Number(args[i + 1]) : fallback
  }
  return { option, duration: option('duration', 10), connections: option('connections', 50) }
}
