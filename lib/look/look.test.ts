import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { timeBound } from '@/lib/testing/cost'
import {
  checkAccent,
  contrastRatio,
  DARK_BACKGROUNDS,
  DARK_ON_ACCENT,
  LIGHT_BACKGROUNDS,
  LIGHT_ON_ACCENT,
} from './accent'
import { checkCustomCss } from './custom-css'
import { accentCss, customCssPath, siteLook } from '.'
import { translator } from '@/lib/i18n'

describe('the accent colour', () => {
  it('is taken when it reads on every background and under button text, in both schemes', () => {
    for (const colour of ['#8a3b1f', '#1d6b52', '#0000FF', '#000000', '#5b2a86']) {
      const checked = checkAccent(colour)
      if (!checked.ok) throw new Error(checked.message)
      const { light, dark } = checked.colours
      expect(light).toBe(colour.toLowerCase())
      for (const bg of LIGHT_BACKGROUNDS) expect(contrastRatio(light, bg)).toBeGreaterThanOrEqual(4.5)
      expect(contrastRatio(light, LIGHT_ON_ACCENT)).toBeGreaterThanOrEqual(4.5)
      for (const bg of DARK_BACKGROUNDS) expect(contrastRatio(dark, bg), `${dark} on ${bg}`).toBeGreaterThanOrEqual(4.5)
      expect(contrastRatio(dark, DARK_ON_ACCENT)).toBeGreaterThanOrEqual(4.5)
    }
  })

  it('is refused, with the contrast it has and the one it needs, when it is too light', () => {
    expect(checkAccent('#f0c000')).toEqual({
      ok: false,
      message:
        '#f0c000 is too light to read on the page’s light background: its contrast is 1.4:1, and WCAG AA asks 4.5:1 for text. Choose a darker shade.',
    })
    expect(checkAccent('#777777')).toMatchObject({
      ok: false,
      message: expect.stringContaining('its contrast is 3.8:1'),
    })
    expect(checkAccent('red')).toEqual({
      ok: false,
      message: 'Write the colour as # and six hexadecimal digits, e.g. #1d6b52, or pick it.',
    })
    expect(checkAccent('#123456;}body{display:none')).toMatchObject({ ok: false })
  })

  it('measures contrast as WCAG does', () => {
    expect(contrastRatio('#ffffff', '#000000')).toBe(21)
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2)
  })

  it('becomes CSS variables for both schemes, and nothing when unset or no longer valid', () => {
    expect(accentCss('#1d6b52')).toMatch(
      /^html:root\{--accent:#1d6b52;--accent-hover:#[0-9a-f]{6}\}@media \(prefers-color-scheme:dark\)\{html:root\{--accent:#[0-9a-f]{6};--accent-hover:#[0-9a-f]{6}\}\}$/,
    )
    expect(accentCss('')).toBe('')
    expect(accentCss('#ffff00')).toBe('')
  })
})

describe('custom CSS', () => {
  it('is served as the parser understood it', () => {
    expect(
      checkCustomCss('.post__title {\n  font-family: Georgia, serif;\n}\n/* a note */\na:hover { color: #123 }'),
    ).toEqual({ ok: true, css: '.post__title{font-family:Georgia,serif}a:hover{color:#123}' })
    expect(checkCustomCss("body { background: url('/uploads/2026/01/abcdef0123456789-10x10.png') }")).toEqual({
      ok: true,
      css: 'body{background:url(/uploads/2026/01/abcdef0123456789-10x10.png)}',
    })
    expect(checkCustomCss('   ')).toEqual({ ok: true, css: '' })
  })

  it.each([
    [
      '</style><script>alert(1)</script>',
      'Custom CSS is CSS only: it cannot contain HTML such as “</style>”, which would end its style element.',
    ],
    [
      'body { color: red }\n</STYLE >',
      'Custom CSS is CSS only: it cannot contain HTML such as “</style>”, which would end its style element.',
    ],
    [
      'a { color: red }\nbody { background: url(https://tracker.example/pixel.png) }',
      'Custom CSS cannot load anything from another site (“https://tracker.example/pixel.png” on line 2): upload the image here and use its /uploads/ address.',
    ],
    [
      '@font-face { font-family: x; src: url(//fonts.example/x.woff2) }',
      'Custom CSS cannot load anything from another site (“//fonts.example/x.woff2” on line 1): upload the image here and use its /uploads/ address.',
    ],
    [
      'body { background-image: image-set("https://cdn.example/a.png" 1x) }',
      'Custom CSS cannot load anything from another site (“https://cdn.example/a.png” on line 1): upload the image here and use its /uploads/ address.',
    ],
    [
      '@import "https://cdn.example/theme.css";',
      'Custom CSS cannot @import another stylesheet on line 1: put the rules here instead.',
    ],
    ['.x { width: expression(alert(1)) }', 'Custom CSS cannot run script: expression() on line 1.'],
    ['a { color: red } }', 'The custom CSS has an error on line 1: Selector is expected.'],
    // Read as a browser reads them: custom properties used through var(), and escaped names.
    [
      ':root { --x: url(https://tracker.example/a.png) }\nbody { background: var(--x) }',
      'Custom CSS cannot load anything from another site (“https://tracker.example/a.png” on line 1): upload the image here and use its /uploads/ address.',
    ],
    [
      'body { background: var(--y, url(https://tracker.example/b.png)) }',
      'Custom CSS cannot load anything from another site (“https://tracker.example/b.png” on line 1): upload the image here and use its /uploads/ address.',
    ],
    [
      '@\\69mport "https://cdn.example/theme.css";',
      'Custom CSS cannot @import another stylesheet on line 1: put the rules here instead.',
    ],
    [
      'a { background: u\\72l("https://tracker.example/c.png") }',
      'Custom CSS cannot load anything from another site (“https://tracker.example/c.png” on line 1): upload the image here and use its /uploads/ address.',
    ],
    [
      'a { background: \\75 rl(https://tracker.example/d.png) }',
      'The custom CSS has an error on line 1: ")" is expected.',
    ],
    [
      'a { --z: { b: u\\72l(https://tracker.example/e.png) } }',
      'The custom CSS has an error on line 1: Unexpected input.',
    ],
  ])('refuses %j with a sentence saying why', (css, message) => {
    expect(checkCustomCss(css)).toEqual({ ok: false, message })
  })

  it('is refused in the language it is asked in', () => {
    expect(checkAccent('#f0c000', translator('de', 'admin.settings.look'))).toEqual({
      ok: false,
      message:
        '#f0c000 ist zu hell, um auf dem hellen Hintergrund der Seite lesbar zu sein: der Kontrast beträgt 1.4:1, und WCAG AA verlangt 4.5:1 für Text. Wähle einen dunkleren Ton.',
    })
    expect(
      checkCustomCss(
        'a { color: red }\nb { background: url(https://tracker.example/p.png) }',
        translator('ar', 'admin.settings.look'),
      ),
    ).toEqual({
      ok: false,
      message:
        'لا يمكن لـ CSS المخصص تحميل أي شيء من موقع آخر («https://tracker.example/p.png» في السطر 2): ارفع الصورة هنا واستخدم عنوانها في /uploads/.',
    })
    expect(checkCustomCss('x'.repeat(20_001), translator('de', 'admin.settings.look'))).toEqual({
      ok: false,
      message: 'Bleib beim eigenen CSS unter 20.000 Zeichen.',
    })
  })

  it('is linked at an address that changes with it, and not at all when empty', () => {
    const first = customCssPath('body{color:red}')
    expect(first).toMatch(/^\/custom\.css\?v=[0-9a-f]{16}$/)
    expect(customCssPath('body{color:red}\n')).toBe(first)
    expect(customCssPath('body{color:blue}')).not.toBe(first)
    expect(customCssPath('')).toBeNull()
  })
})

describe('the look as pages draw it', () => {
  const plain = { accentColor: '', customCss: '', logoUrl: '', logoAlt: '', headerText: '', footerText: '' }
  it('shows a logo only with its description, at its own size', () => {
    const url = '/uploads/2026/12/0123456789abcdef-400x100.png'
    expect(siteLook({ ...plain, logoUrl: url, logoAlt: ' Field Notes ' }).logo).toEqual({
      url,
      alt: 'Field Notes',
      width: 400,
      height: 100,
    })
    expect(siteLook({ ...plain, logoUrl: url }).logo).toBeNull()
    expect(siteLook({ ...plain, logoUrl: 'https://elsewhere.example/logo.png', logoAlt: 'x' }).logo).toBeNull()
  })
})

// Custom CSS is the owner's, but its checker must never be the thing that takes the settings page down.
describe('the cost of checking custom CSS', () => {
  it.each([
    ['nested blocks', '@media screen{'.repeat(1400)],
    ['nested functions', 'a{b:' + 'calc('.repeat(3000) + '}'],
    ['nested brackets', '['.repeat(19_000)],
    ['a custom property of braces', 'a{--x:' + '{'.repeat(9000) + '}'],
  ])('refuses %s with a sentence, quickly', (_shape, css) => {
    const { value, ms } = timeBound(() => checkCustomCss(css))
    expect(value).toMatchObject({
      ok: false,
      message: expect.stringMatching(/nests more than 32 levels deep on line 1/),
    })
    expect(ms).toBeLessThan(200)
  })

  it.each(['rgb(1,2,3))(', ']a{}', 'a{}\n)('])(
    'refuses %s, whose bracket closes nothing, at once (css-tree looped forever on the first)',
    (css) => {
      const { value, ms } = timeBound(() => checkCustomCss(css))
      expect(value).toMatchObject({ ok: false, message: expect.stringMatching(/closes nothing/) })
      expect(ms).toBeLessThan(200)
    },
  )

  const pieces = fc.constantFrom(
    'a',
    '.b',
    '#c',
    '{',
    '}',
    '(',
    ')',
    '[',
    ']',
    ':',
    ';',
    ',',
    '"',
    "'",
    '\\',
    '/*',
    '*/',
    'url(',
    'var(--x)',
    '--x:',
    '@media ',
    '@import ',
    'calc(',
    ' ',
    '\n',
    '!important',
    '1px',
    'rgb(1,2,3)',
    '@\\69mport',
    'u\\72l(',
  )
  it('checks random CSS of up to 20,000 characters within 20 µs a character plus 50 ms, always with an answer', () => {
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 4000 }).map((p) => p.join('').slice(0, 20_000)),
        (css) => {
          const { value, ms } = timeBound(() => checkCustomCss(css))
          expect(typeof value.ok).toBe('boolean')
          expect(ms).toBeLessThan(50 + css.length * 0.02)
        },
      ),
      { numRuns: 100 },
    )
  })
})
