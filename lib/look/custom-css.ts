import { generate, parse, walk, type CssNode } from 'css-tree'
import { translator } from '@/lib/i18n'
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
  return (address.startsWith('/') && !address.startsWith('//') && !address.startsWith('/\\')) || /^data:image\/(png|gif|jpeg|webp|avif);/i.test(address)
}

/** The line a refusal names, for the sentences' "on line …" (none when the parser gave none). */
const lineOf = (line: number | undefined) => (line ? String(line) : 'none')
const where = (node: CssNode) => lineOf(node.loc?.start.line)

/**
 * The custom CSS to serve, or the sentence saying why it is refused (in the language of `t`: the
 * settings form hands the site's). Empty text is no custom CSS.
 */
export function checkCustomCss(text: string, t: LookSentences = translator('en', 'admin.settings.look')): CustomCssResult {
  const remote = (address: string, node: CssNode) => t('cssRemote', { address: address.slice(0, 80), line: where(node) })
  if (text.trim() === '') return { ok: true, css: '' }
  if (text.length > CUSTOM_CSS_MAX_LENGTH) return { ok: false, message: t('cssTooLong', { max: CUSTOM_CSS_MAX_LENGTH }) }
  if (/<\/?style|<!--|-->|<\/|<script/i.test(text)) return { ok: false, message: t('cssHtml', { tag: '</style>' }) }
  let syntaxError: string | null = null
  const ast = parse(text, {
    positions: true,
    onParseError(error) {
      // The parser's own words (English) say what it expected.
      const at = error as unknown as { line?: number; message: string }
      syntaxError ??= t('cssSyntax', { line: lineOf(at.line), detail: at.message.replace(/\.$/, '') })
    },
  })
  if (syntaxError) return { ok: false, message: syntaxError }
  let refused: string | null = null
  walk(ast, (node) => {
    if (refused) return
    if (node.type === 'Atrule' && node.name.toLowerCase() === 'import') {
      refused = t('cssImport', { line: where(node) })
    } else if (node.type === 'Url' && !isOwnAddress(node.value)) {
      refused = remote(node.value, node)
    } else if (node.type === 'Function' && /^(expression|image-set|-webkit-image-set)$/i.test(node.name)) {
      // image-set() names its images as plain strings, which url() checks would not see.
      walk(node, (inner) => {
        if (!refused && inner.type === 'String' && !isOwnAddress(inner.value)) refused = remote(inner.value, node)
      })
      if (!refused && node.name.toLowerCase() === 'expression') refused = t('cssScript', { line: where(node) })
    }
  })
  if (refused) return { ok: false, message: refused }
  return { ok: true, css: generate(ast) }
}
