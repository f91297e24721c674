import { generate, parse, walk, type CssNode } from 'css-tree'

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

const where = (node: CssNode) => (node.loc ? ` on line ${node.loc.start.line}` : '')

const remote = (address: string, node: CssNode) =>
  `Custom CSS cannot load anything from another site (“${address.slice(0, 80)}”${where(node)}): upload the image here and use its /uploads/ address.`

/** The custom CSS to serve, or the sentence saying why it is refused. Empty text is no custom CSS. */
export function checkCustomCss(text: string): CustomCssResult {
  if (text.trim() === '') return { ok: true, css: '' }
  if (text.length > CUSTOM_CSS_MAX_LENGTH) return { ok: false, message: `Keep the custom CSS under ${CUSTOM_CSS_MAX_LENGTH.toLocaleString('en')} characters.` }
  if (/<\/?style|<!--|-->|<\/|<script/i.test(text)) {
    return { ok: false, message: 'Custom CSS is CSS only: it cannot contain HTML such as “</style>”, which would end its style element.' }
  }
  let syntaxError: string | null = null
  const ast = parse(text, {
    positions: true,
    onParseError(error) {
      const at = error as unknown as { line?: number; message: string }
      syntaxError ??= `The custom CSS has an error${at.line ? ` on line ${at.line}` : ''}: ${at.message.replace(/\.$/, '')}.`
    },
  })
  if (syntaxError) return { ok: false, message: syntaxError }
  let refused: string | null = null
  walk(ast, (node) => {
    if (refused) return
    if (node.type === 'Atrule' && node.name.toLowerCase() === 'import') {
      refused = `Custom CSS cannot @import another stylesheet${where(node)}: put the rules here instead.`
    } else if (node.type === 'Url' && !isOwnAddress(node.value)) {
      refused = remote(node.value, node)
    } else if (node.type === 'Function' && /^(expression|image-set|-webkit-image-set)$/i.test(node.name)) {
      // image-set() names its images as plain strings, which url() checks would not see.
      walk(node, (inner) => {
        if (!refused && inner.type === 'String' && !isOwnAddress(inner.value)) refused = remote(inner.value, node)
      })
      if (!refused && node.name.toLowerCase() === 'expression') refused = `Custom CSS cannot run script: expression()${where(node)}.`
    }
  })
  if (refused) return { ok: false, message: refused }
  return { ok: true, css: generate(ast) }
}
