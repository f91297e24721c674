import { generate, parse, walk, type CssNode } from 'css-tree'
import { translator } from '@/lib/i18n/catalogs'
import type { LookSentences } from './accent'

/*
 * An owner's custom CSS for the reader pages: parsed by css-tree and served as the parser
 * understood it (never as typed), so it is CSS and nothing else. It may not load anything from
 * another site (readers' browsers would tell that site who reads what), nor pull in other
 * stylesheets, nor carry text that would end a style element if it were ever inlined.
 */

export const CUSTOM_CSS_MAX_LENGTH = 20_000

export type CustomCssResult = { ok: true; css: string } | { ok: false; message: string }

/** An address CSS may load: one of this blog's own (a path), or an inline data: image. */
function isOwnAddress(url: string): boolean {
  const address = url.trim()
  return (
    (address.startsWith('/') && !address.startsWith('//') && !address.startsWith('/\\')) ||
    /^data:image\/(png|gif|jpeg|webp|avif);/i.test(address)
  )
}

/** Functions that load what they name (or run script, in old Internet Explorer). */
const LOADING = 'url|src|image|image-set|-webkit-image-set|cross-fade|element|expression'
const LOADING_FUNCTIONS = new RegExp(`^(${LOADING})$`, 'i')
const LOADING_CALL = new RegExp(`(${LOADING})\\s*\\(`, 'i')

/** CSS text with its escapes (`\69`, `\i`) read as the characters they stand for. */
function decodeEscapes(text: string): string {
  return text.replace(
    /\\(?:([0-9a-fA-F]{1,6})[ \t\n\r\f]?|([^\n\r\f0-9a-fA-F]))/g,
    (_all, hex: string | undefined, char: string | undefined) =>
      hex ? String.fromCodePoint(Math.min(parseInt(hex, 16) || 0xfffd, 0x10ffff)) : (char ?? ''),
  )
}

/** Blocks, brackets and parentheses nested deeper than this are refused (the parser and its walker recurse once a level). */
export const CUSTOM_CSS_MAX_DEPTH = 32

/** The line where `text` first nests deeper than `max`, in one pass (strings and comments skipped); null if it never does. */
function bracketsWrongAt(text: string, max: number): { line: number; stray: string | null } | null {
  let depth = 0
  let line = 1
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '\n') line++
    else if (c === '\\') i++
    else if (c === '"' || c === "'") {
      for (i++; i < text.length && text[i] !== c && text[i] !== '\n'; i++) if (text[i] === '\\') i++
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2)
      const comment = text.slice(i, end < 0 ? text.length : end)
      line += comment.split('\n').length - 1
      i = end < 0 ? text.length : end + 1
    } else if (c === '{' || c === '(' || c === '[') {
      if (++depth > max) return { line, stray: null }
    } else if (c === '}' || c === ')' || c === ']') {
      // A ) or ] closing nothing: never CSS, and `rgb(1,2,3))(` sent css-tree into an endless loop
      // (a stray } it reports itself).
      if (depth === 0 && c !== '}') return { line, stray: c }
      depth = Math.max(0, depth - 1)
    }
  }
  return null
}

/** The line a refusal names, for the sentences' "on line …" (none when the parser gave none). */
const lineOf = (line: number | undefined) => (line ? String(line) : 'none')
const where = (node: CssNode) => lineOf(node.loc?.start.line)

/**
 * The custom CSS to serve, or the sentence saying why it is refused (in the language of `t`: the
 * settings form hands the site's). Empty text is no custom CSS.
 */
export function checkCustomCss(
  text: string,
  t: LookSentences = translator('en', 'admin.settings.look'),
): CustomCssResult {
  const remote = (address: string, node: CssNode) =>
    t('cssRemote', { address: address.slice(0, 80), line: where(node) })
  if (text.trim() === '') return { ok: true, css: '' }
  if (text.length > CUSTOM_CSS_MAX_LENGTH)
    return { ok: false, message: t('cssTooLong', { max: CUSTOM_CSS_MAX_LENGTH }) }
  if (/<\/?style|<!--|-->|<\/|<script/i.test(text)) return { ok: false, message: t('cssHtml', { tag: '</style>' }) }
  const brackets = bracketsWrongAt(text, CUSTOM_CSS_MAX_DEPTH)
  if (brackets?.stray)
    return {
      ok: false,
      message: t('cssSyntax', { line: String(brackets.line), detail: `“${brackets.stray}” closes nothing` }),
    }
  if (brackets)
    return { ok: false, message: t('cssTooDeep', { max: CUSTOM_CSS_MAX_DEPTH, line: String(brackets.line) }) }
  let syntaxError: string | null = null
  // Custom properties are parsed too: `--x: url(…)` used as var(--x) would load what it names.
  const ast = parse(text, {
    positions: true,
    parseCustomProperty: true,
    onParseError(error) {
      // The parser's own words (English) say what it expected.
      const at = error as unknown as { line?: number; message: string }
      syntaxError ??= t('cssSyntax', { line: lineOf(at.line), detail: at.message.replace(/\.$/, '') })
    },
  })
  if (syntaxError) return { ok: false, message: syntaxError }
  let refused: string | null = null
  // Names are judged as the browser reads them, escapes decoded: `@\69mport` is @import, `u\72l(` is url(.
  walk(ast, (node) => {
    if (refused) return
    if (node.type === 'Atrule' && decodeEscapes(node.name).toLowerCase() === 'import') {
      refused = t('cssImport', { line: where(node) })
    } else if (node.type === 'Url' && !isOwnAddress(node.value)) {
      refused = remote(node.value, node)
    } else if (node.type === 'Function' && LOADING_FUNCTIONS.test(decodeEscapes(node.name))) {
      // image-set() and url("…") name what they load as plain strings, which Url checks would not see.
      walk(node, (inner) => {
        if (!refused && inner.type === 'String' && !isOwnAddress(inner.value)) refused = remote(inner.value, node)
      })
      if (!refused && decodeEscapes(node.name).toLowerCase() === 'expression')
        refused = t('cssScript', { line: where(node) })
    } else if (node.type === 'Raw') {
      // What the parser kept as text (a value it could not read): refused if, read as a browser would, it loads or imports anything.
      const read = decodeEscapes(node.value)
      if (LOADING_CALL.test(read) || /@import/i.test(read)) refused = remote(read.trim(), node)
    }
  })
  if (refused) return { ok: false, message: refused }
  return { ok: true, css: generate(ast) }
}
