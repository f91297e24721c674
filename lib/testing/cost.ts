/*
 * For the cost tests: how much a piece of work costs. Bounds in those tests are generous multiples
 * of what was measured on a 2-core machine (the CI's), so a loaded machine passes and a cost that
 * grows faster than the input does not.
 */

const cpuMs = () => {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}

/**
 * Runs `work` and says how much CPU it took, in milliseconds: this process's time (Vitest runs each
 * test file in a process of its own), so other processes on a busy machine do not count. Work done
 * in under 50 ms runs three times and the least is taken, so a garbage collection or a first
 * compilation in the middle of a millisecond's work does not count either; a cost that grows with
 * the input shows in every run.
 */
export function timeBound<T>(work: () => T): { value: T; ms: number } {
  let start = cpuMs()
  const value = work()
  let ms = cpuMs() - start
  for (let run = 1; run < 3 && ms < 50; run++) {
    start = cpuMs()
    work()
    ms = Math.min(ms, cpuMs() - start)
  }
  return { value, ms }
}

/** As timeBound, for work that is awaited: its time on the clock (it waits on a database too). */
export async function timeBoundAsync<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now()
  const value = await work()
  return { value, ms: performance.now() - start }
}
