/*
 * For the cost tests: how long a piece of work takes. Bounds in those tests are generous multiples
 * of what was measured on a 2-core machine (the CI's), so a loaded machine passes and a cost that
 * grows faster than the input does not.
 */

/** Runs `work` once and says how long it took, in milliseconds. */
export function timeBound<T>(work: () => T): { value: T; ms: number } {
  const start = performance.now()
  const value = work()
  return { value, ms: performance.now() - start }
}

/** As timeBound, for work that is awaited. */
export async function timeBoundAsync<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now()
  const value = await work()
  return { value, ms: performance.now() - start }
}
