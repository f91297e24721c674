import { createHash } from 'node:crypto'
import sharp from 'sharp'
import type { DB } from '@/db'
import { getDb } from '@/db'
import { insertUpload } from '@/db/queries/uploads'
import { requireCapability } from '@/lib/people/permissions'
import type { Viewer } from '@/lib/people/viewer'
import { getSiteSettings } from '@/lib/settings'
import { RESIZED_WIDTHS, UPLOADS_PATH, uploadedImageSizes, type ImageSizes } from './paths'
import { getStorage, type FileStorage } from './storage'
import { translator } from '@/lib/i18n'

/** The formats accepted, as sharp names what it finds in the bytes (AVIF is HEIF with AV1 inside). */
const ACCEPTED: Record<string, { ext: string; contentType: string }> = {
  jpeg: { ext: 'jpg', contentType: 'image/jpeg' },
  png: { ext: 'png', contentType: 'image/png' },
  webp: { ext: 'webp', contentType: 'image/webp' },
  gif: { ext: 'gif', contentType: 'image/gif' },
  avif: { ext: 'avif', contentType: 'image/avif' },
}

/** The most pixels an image may have (sharp's own default is 268 MP, a decompression bomb's playground). */
export const MAX_IMAGE_PIXELS = 40_000_000

/**
 * The original as it is stored: decoded and encoded again in its own format, turned the way it is
 * shown, with no metadata (EXIF, GPS position, camera serial) left in it.
 */
async function cleanOriginal(bytes: Uint8Array, ext: string): Promise<Buffer> {
  const image = sharp(bytes, { animated: ext === 'gif', limitInputPixels: MAX_IMAGE_PIXELS }).autoOrient()
  switch (ext) {
    case 'jpg':
      return image.jpeg({ quality: 90, mozjpeg: true }).toBuffer()
    case 'png':
      return image.png().toBuffer()
    case 'webp':
      return image.webp({ quality: 90 }).toBuffer()
    case 'gif':
      return image.gif().toBuffer()
    default:
      return image.avif({ quality: 70 }).toBuffer()
  }
}

export type UploadResult = ({ ok: true; url: string; name: string } & ImageSizes) | { ok: false; message: string }

/** What kind of image the bytes hold (whatever the file is called), or null. */
async function sniff(
  bytes: Uint8Array,
): Promise<{ format: (typeof ACCEPTED)[string]; width: number; height: number; tooLarge?: true } | null> {
  try {
    const meta = await sharp(bytes, { animated: false }).metadata()
    const name = meta.format === 'heif' ? (meta.compression === 'av1' ? 'avif' : null) : meta.format
    const format = name ? ACCEPTED[name] : undefined
    if (!format || !meta.width || !meta.height) return null
    if (meta.width * meta.height > MAX_IMAGE_PIXELS)
      return { format, width: meta.width, height: meta.height, tooLarge: true }
    // Photos from phones are stored turned; width and height are as the image is shown.
    const turned = (meta.orientation ?? 1) >= 5
    return { format, width: turned ? meta.height : meta.width, height: turned ? meta.width : meta.height }
  } catch {
    return null
  }
}

/**
 * Stores an uploaded image and its resized copies and records it. The type is read from the content,
 * never the name; the size limit is the `uploadMaxMegabytes` setting. The same image uploaded twice
 * is stored once. Anyone who writes posts may upload; throws PermissionDenied otherwise.
 */
export async function uploadImage(
  viewer: Viewer | null,
  file: { name: string; bytes: Uint8Array },
  now: Date = new Date(),
  db: DB = getDb(),
  storage: FileStorage = getStorage(db),
): Promise<UploadResult> {
  const actor = requireCapability(viewer, 'posts.write')
  return storeImage(file, actor.id, now, db, storage)
}

/** Stores an image as `uploadImage` does, for someone already allowed to (the WordPress importer). */
export async function storeImage(
  file: { name: string; bytes: Uint8Array },
  uploadedById: string | null,
  now: Date,
  db: DB,
  storage: FileStorage,
): Promise<UploadResult> {
  const { uploadMaxMegabytes, language } = await getSiteSettings(db)
  const t = translator(language, 'errors.uploads')
  if (file.bytes.byteLength === 0) return { ok: false, message: t('empty') }
  if (file.bytes.byteLength > uploadMaxMegabytes * 1024 * 1024)
    return { ok: false, message: t('tooLarge', { mb: uploadMaxMegabytes }) }
  const image = await sniff(file.bytes)
  if (!image) return { ok: false, message: t('notAnImage') }
  if (image.tooLarge) return { ok: false, message: t('tooManyPixels', { millions: MAX_IMAGE_PIXELS / 1_000_000 }) }

  const hash = createHash('sha256').update(file.bytes).digest('hex').slice(0, 16)
  const base = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${hash}-${image.width}x${image.height}`
  const key = `${base}.${image.format.ext}`
  const variants = []
  let original: Buffer
  try {
    original = await cleanOriginal(file.bytes, image.format.ext)
    if (image.format.ext !== 'gif') {
      for (const width of RESIZED_WIDTHS.filter((w) => w < image.width)) {
        const { data, info } = await sharp(file.bytes, { limitInputPixels: MAX_IMAGE_PIXELS })
          .autoOrient()
          .resize({ width })
          .webp({ quality: 80 })
          .toBuffer({ resolveWithObject: true })
        const variantKey = `${base}-${width}w.webp`
        await storage.put(variantKey, data)
        variants.push({ key: variantKey, width: info.width, height: info.height, contentType: 'image/webp' })
      }
    }
  } catch {
    return { ok: false, message: t('damaged') }
  }
  await storage.put(key, original)
  const name = file.name.slice(0, 200) || 'image'
  await insertUpload(db, {
    key,
    originalName: name,
    contentType: image.format.contentType,
    width: image.width,
    height: image.height,
    size: original.byteLength,
    variants: JSON.stringify(variants),
    uploadedById,
    createdAt: now,
  })
  const url = `${UPLOADS_PATH}${key}`
  return { ok: true, url, name, ...uploadedImageSizes(url)! }
}
