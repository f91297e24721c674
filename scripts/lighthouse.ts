// Lighthouse (mobile profile, simulated throttling) in Debian's Chromium, for npm run audit and npm run bench.
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/fixtures/chromium'

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const

export interface PageAudit {
  name: string
  /** Per category, 0–100. */
  scores: number[]
  /** Each weighted audit that cost points, in a sentence. */
  misses: string[]
}

/** Audits each page (after one request, so it is measured as readers get it: from the cache). */
export async function auditPages(base: string, pages: [name: string, path: string][]): Promise<PageAudit[]> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
  })
  const audits: PageAudit[] = []
  try {
    for (const [name, url] of pages) {
      await fetch(base + url)
      const result = await lighthouse(base + url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
      })
      const scores = CATEGORIES.map((c) => Math.round((result?.lhr.categories[c]?.score ?? 0) * 100))
      const misses: string[] = []
      for (const c of CATEGORIES) {
        for (const ref of result?.lhr.categories[c]?.auditRefs ?? []) {
          const audit = result!.lhr.audits[ref.id]
          if (ref.weight > 0 && audit.score !== null && audit.score < 1)
            misses.push(
              `${name}, ${c}: ${audit.title} (${Math.round(audit.score * 100)})${audit.displayValue ? ` — ${audit.displayValue}` : ''}`,
            )
        }
      }
      audits.push({ name, scores, misses })
    }
  } finally {
    chrome.kill()
  }
  return audits
}
