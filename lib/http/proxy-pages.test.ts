import { NextRequest } from 'next/server'
import { afterEach, describe, expect, it } from 'vitest'
import { rememberLanguage } from '@/lib/i18n/remembered'
import { proxy } from '@/proxy'

// The proxy answers a few requests itself, before any page and without the database: a malformed
// address (400) and an over-long one (404). They speak the site's language as the instance last read it.

describe('the proxy’s own pages', () => {
  afterEach(() => rememberLanguage('en'))

  it('answer a malformed address in the site’s language and direction', async () => {
    const english = await proxy(new NextRequest('http://localhost/posts/%E0%A4%A'))
    expect(english.status).toBe(400)
    expect(await english.text()).toContain('<html lang="en" dir="ltr">')

    rememberLanguage('ar')
    const arabic = await proxy(new NextRequest('http://localhost/posts/%E0%A4%A'))
    expect(arabic.status).toBe(400)
    const html = await arabic.text()
    expect(html).toContain('<html lang="ar" dir="rtl">')
    expect(html).toContain('<h1>هذا العنوان معطوب</h1>')

    rememberLanguage('de')
    const german = await proxy(new NextRequest(`http://localhost/${'a'.repeat(2000)}`))
    expect(german.status).toBe(404)
    expect(await german.text()).toContain('<h1>Seite nicht gefunden</h1>')
  })
})
