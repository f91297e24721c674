import type { Element, Root, RootContent } from 'hast'
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { POST_IMAGE_SIZES, uploadedImageSizes } from '@/lib/uploads/paths'

/*
 * Markdown (CommonMark + GFM) → HTML that is safe to put in a page. Raw HTML in the source is
 * dropped by remark-rehype (it is not passed through), and rehype-sanitize then enforces an
 * allow-list: no script or style, no event handlers, only http(s)/mailto links.
 */

const postSchema: SanitizeSchema = {
  ...defaultSchema,
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'], src: ['http', 'https'] },
}

const commentSchema: SanitizeSchema = {
  ...postSchema,
  tagNames: ['p', 'br', 'em', 'strong', 'del', 'a', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre'],
  attributes: { a: ['href'], code: [], ol: ['start'] },
}

function visitElements(node: Root | RootContent, fn: (el: Element) => void): void {
  if (node.type === 'element') fn(node)
  if ('children' in node) for (const child of node.children) visitElements(child, fn)
}

/** Comment links are the commenter's, not the site's: search engines should not count them. */
function rehypeUserLinks() {
  return (tree: Root) =>
    visitElements(tree, (el) => {
      if (el.tagName === 'a') el.properties = { ...el.properties, rel: ['nofollow', 'ugc', 'noopener'] }
    })
}

/**
 * Images load lazily; uploaded ones also get their resized copies (`srcset`) and their size, so the
 * page does not jump as they arrive. Runs after the sanitizer: it only adds attributes it computed.
 */
function rehypeImages() {
  return (tree: Root) =>
    visitElements(tree, (el) => {
      if (el.tagName !== 'img') return
      const sizes = typeof el.properties.src === 'string' ? uploadedImageSizes(el.properties.src) : null
      el.properties = { ...el.properties, loading: 'lazy', decoding: 'async' }
      if (sizes) {
        el.properties.width = sizes.width
        el.properties.height = sizes.height
        if (sizes.srcset) Object.assign(el.properties, { srcSet: sizes.srcset, sizes: POST_IMAGE_SIZES })
      }
    })
}

const postProcessor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypeSanitize, postSchema)
  .use(rehypeImages)
  .use(rehypeStringify)
  .freeze()

const commentProcessor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypeSanitize, commentSchema)
  .use(rehypeUserLinks)
  .use(rehypeStringify)
  .freeze()

/** A post body (full Markdown with images and tables) as sanitized HTML. */
export function renderPostMarkdown(markdown: string): string {
  return String(postProcessor.processSync(markdown))
}

/** A comment body (emphasis, links, lists, quotes, code; no images, no HTML) as sanitized HTML. */
export function renderCommentMarkdown(markdown: string): string {
  return String(commentProcessor.processSync(markdown))
}
