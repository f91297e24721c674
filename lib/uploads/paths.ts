/*
 * Where uploaded images live and which sizes exist, worked out from the address alone — so the
 * Markdown renderer (which also runs in the editor's preview) can give every uploaded image its
 * `srcset`, width and height without asking the database.
 *
 * An original is stored as /uploads/YYYY/MM/<hash>-<width>x<height>.<ext>; its resized copies as
 * /uploads/YYYY/MM/<hash>-<width>x<height>-<w>w.webp for each RESIZED_WIDTHS below its width
 * (none for GIFs, which keep their animation).
 */

export const UPLOADS_PATH = '/uploads/'
/** Widths of the resized copies: a phone, a column on a laptop, a wide screen at 2×. */
export const RESIZED_WIDTHS = [480, 960, 1600] as const

const ORIGINAL = /^(\d{4}\/\d\d\/[0-9a-f]{16}-(\d{1,5})x(\d{1,5}))\.(jpg|png|webp|gif|avif)$/
const STORED = /^\d{4}\/\d\d\/[0-9a-f]{16}-\d{1,5}x\d{1,5}(?:-\d{1,5}w\.webp|\.(?:jpg|png|webp|gif|avif))$/

const CONTENT_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  avif: 'image/avif',
}

/**
 * The type a stored file is served as, from its key (which the blog made from the image's own
 * decoded content): never what a client, a browser or a restored backup said it was.
 */
export function contentTypeOfKey(key: string): string {
  return (isUploadKey(key) && CONTENT_TYPES[key.slice(key.lastIndexOf('.') + 1)]) || 'application/octet-stream'
}

/** Whether a key names a file the uploads route may serve. */
export function isUploadKey(key: string): boolean {
  return STORED.test(key)
}

export interface ImageSizes {
  width: number
  height: number
  srcset: string | null
}

/** Width, height and srcset of an uploaded original's address; null for any other address. */
export function uploadedImageSizes(src: string): ImageSizes | null {
  if (!src.startsWith(UPLOADS_PATH)) return null
  const match = ORIGINAL.exec(src.slice(UPLOADS_PATH.length))
  if (!match) return null
  const [, base, w, h, ext] = match
  const width = Number(w)
  const height = Number(h)
  const widths = ext === 'gif' ? [] : RESIZED_WIDTHS.filter((rw) => rw < width)
  const srcset = widths.length
    ? [...widths.map((rw) => `${UPLOADS_PATH}${base}-${rw}w.webp ${rw}w`), `${src} ${width}w`].join(', ')
    : null
  return { width, height, srcset }
}

/** How wide an image is shown in a post's column, for `sizes`. */
export const POST_IMAGE_SIZES = '(min-width: 44rem) 42rem, 100vw'
