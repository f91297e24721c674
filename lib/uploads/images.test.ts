import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Kysely } from 'kysely'
import sharp, { type Sharp } from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { insertPerson } from '@/lib/testing/people'
import { findUpload } from '@/db/queries/uploads'
import { writeSetting } from '@/db/queries/settings'
import { testDialects, useTestDatabase } from '@/db/test-databases'
import type { Database } from '@/db/types'
import { PermissionDenied } from '@/lib/people/permissions'
import type { Viewer } from '@/lib/people/viewer'
import { renderPostMarkdown } from '@/lib/markdown/render'
import { uploadImage } from './images'
import { isUploadKey, uploadedImageSizes } from './paths'
import { databaseStorage, diskStorage, type FileStorage } from './storage'

const NOW = new Date('2026-11-27T10:00:00Z')
const picture = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } })

describe('addresses of uploaded images', () => {
  it('gives an uploaded original its sizes and resized copies, and nothing to other images', () => {
    expect(uploadedImageSizes('/uploads/2026/11/0123456789abcdef-1200x800.jpg')).toEqual({
      width: 1200,
      height: 800,
      srcset:
        '/uploads/2026/11/0123456789abcdef-1200x800-480w.webp 480w, /uploads/2026/11/0123456789abcdef-1200x800-960w.webp 960w, /uploads/2026/11/0123456789abcdef-1200x800.jpg 1200w',
    })
    expect(uploadedImageSizes('/uploads/2026/11/0123456789abcdef-300x200.gif')).toEqual({
      width: 300,
      height: 200,
      srcset: null,
    })
    expect(uploadedImageSizes('https://example.com/uploads/2026/11/0123456789abcdef-1200x800.jpg')).toBeNull()
    expect(isUploadKey('2026/11/0123456789abcdef-1200x800-480w.webp')).toBe(true)
    expect(isUploadKey('../../etc/passwd')).toBe(false)
  })

  it('renders uploaded images in posts with srcset, size and lazy loading', () => {
    expect(renderPostMarkdown('![A hill](/uploads/2026/11/0123456789abcdef-1000x500.png)')).toBe(
      '<p><img src="/uploads/2026/11/0123456789abcdef-1000x500.png" alt="A hill" loading="lazy" decoding="async" width="1000" height="500" srcset="/uploads/2026/11/0123456789abcdef-1000x500-480w.webp 480w, /uploads/2026/11/0123456789abcdef-1000x500-960w.webp 960w, /uploads/2026/11/0123456789abcdef-1000x500.png 1000w" sizes="(min-width: 44rem) 42rem, 100vw"></p>',
    )
  })
})

describe.each(await testDialects())('uploading images on $name', (dialect) => {
  const database = useTestDatabase(dialect)
  let db: Kysely<Database>
  let dir: string
  let author: Viewer
  let commenter: Viewer

  beforeEach(async () => {
    db = database()
    dir = await mkdtemp(path.join(tmpdir(), 'plateau-uploads-'))
    author = await insertPerson(db, 'author', 'Ann')
    commenter = await insertPerson(db, 'commenter', 'Cy')
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  const stores: [string, () => FileStorage][] = [
    ['on disk', () => diskStorage(dir)],
    ['in the database', () => databaseStorage(db)],
  ]

  it.each(stores)('stores a photo and its resized copies %s, and serves them back', async (_where, store) => {
    const storage = store()
    const bytes = new Uint8Array(await picture(1200, 800).jpeg().toBuffer())
    const result = await uploadImage(author, { name: 'hill.jpg', bytes }, NOW, db, storage)
    expect(result).toMatchObject({
      ok: true,
      name: 'hill.jpg',
      width: 1200,
      height: 800,
      url: expect.stringMatching(/^\/uploads\/2026\/11\/[0-9a-f]{16}-1200x800\.jpg$/),
    })
    if (!result.ok) return
    const key = result.url.slice('/uploads/'.length)
    const stored = await storage.get(key)
    expect(stored?.contentType).toBe('image/jpeg')
    expect(await sharp(stored!.data).metadata()).toMatchObject({ format: 'jpeg', width: 1200, height: 800 })
    for (const [width, height] of [
      [480, 320],
      [960, 640],
    ]) {
      const copy = await storage.get(key.replace('.jpg', `-${width}w.webp`))
      expect(copy?.contentType).toBe('image/webp')
      expect(await sharp(copy!.data).metadata()).toMatchObject({ format: 'webp', width, height })
    }
    expect(await storage.get(key.replace('.jpg', '-1600w.webp'))).toBeNull()
    expect(await findUpload(db, key)).toMatchObject({
      originalName: 'hill.jpg',
      width: 1200,
      height: 800,
      size: stored!.data.byteLength,
      uploadedById: author.id,
    })
    // The same file again is the same upload.
    expect(await uploadImage(author, { name: 'again.jpg', bytes }, NOW, db, storage)).toMatchObject({ url: result.url })
  })

  it.each([
    ['PNG', 'png', (s: Sharp) => s.png()],
    ['WebP', 'webp', (s: Sharp) => s.webp()],
    ['GIF', 'gif', (s: Sharp) => s.gif()],
    ['AVIF', 'avif', (s: Sharp) => s.avif()],
  ])('accepts %s images, whatever their name', async (_format, ext, encode) => {
    const bytes = new Uint8Array(await encode(picture(600, 400)).toBuffer())
    const result = await uploadImage(author, { name: 'no-extension', bytes }, NOW, db, diskStorage(dir))
    expect(result).toMatchObject({
      ok: true,
      width: 600,
      height: 400,
      url: expect.stringMatching(new RegExp(`-600x400\\.${ext}$`)),
    })
  })

  it('refuses files that are not images of those kinds, by their content, and storing nothing', async () => {
    const refusal = {
      ok: false,
      message: 'This file is not a JPEG, PNG, WebP, GIF or AVIF image. Choose an image in one of those formats.',
    }
    const text = new TextEncoder().encode('<script>alert(1)</script>')
    expect(await uploadImage(author, { name: 'photo.jpg', bytes: text }, NOW, db, diskStorage(dir))).toEqual(refusal)
    const svg = new TextEncoder().encode(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
    )
    expect(await uploadImage(author, { name: 'logo.png', bytes: svg }, NOW, db, diskStorage(dir))).toEqual(refusal)
    const tiff = new Uint8Array(await picture(20, 20).tiff().toBuffer())
    expect(await uploadImage(author, { name: 'scan.jpg', bytes: tiff }, NOW, db, diskStorage(dir))).toEqual(refusal)
    expect(
      await uploadImage(author, { name: 'empty.png', bytes: new Uint8Array() }, NOW, db, diskStorage(dir)),
    ).toEqual({ ok: false, message: 'That file is empty. Choose an image.' })
    expect(await readdir(dir)).toEqual([])
    expect(await db.selectFrom('upload').selectAll().execute()).toEqual([])
  })

  it('refuses images over the size limit set for the blog', async () => {
    await writeSetting(db, 'uploadMaxMegabytes', 1)
    const big = new Uint8Array(
      await sharp({
        create: {
          width: 1500,
          height: 1500,
          channels: 3,
          background: '#888',
          noise: { type: 'gaussian', mean: 128, sigma: 60 },
        },
      })
        .png()
        .toBuffer(),
    )
    expect(big.byteLength).toBeGreaterThan(1024 * 1024)
    expect(await uploadImage(author, { name: 'noise.png', bytes: big }, NOW, db, diskStorage(dir))).toEqual({
      ok: false,
      message: 'That image is larger than 1 MB, the limit set for this blog. Choose a smaller one.',
    })
  })

  it('stores the original turned the way it is shown, without its EXIF and GPS data', async () => {
    // A phone photo: stored sideways (orientation 6), with a GPS position and camera details.
    const bytes = new Uint8Array(
      await picture(800, 600)
        .withExif({
          IFD0: { Make: 'PhoneMaker', Model: 'Phone 9' },
          IFD3: {
            GPSLatitudeRef: 'N',
            GPSLatitude: '51/1 30/1 0/1',
            GPSLongitudeRef: 'W',
            GPSLongitude: '0/1 7/1 0/1',
          },
        })
        .withMetadata({ orientation: 6 })
        .jpeg()
        .toBuffer(),
    )
    expect((await sharp(bytes).metadata()).exif).toBeDefined()
    const result = await uploadImage(author, { name: 'phone.jpg', bytes }, NOW, db, diskStorage(dir))
    expect(result).toMatchObject({ ok: true, width: 600, height: 800 })
    if (!result.ok) return
    const stored = await diskStorage(dir).get(result.url.slice('/uploads/'.length))
    const meta = await sharp(stored!.data).metadata()
    expect(meta).toMatchObject({ width: 600, height: 800 })
    expect(meta.exif).toBeUndefined()
    expect(meta.orientation ?? 1).toBe(1)
    expect(Buffer.from(stored!.data).includes('PhoneMaker')).toBe(false)
  })

  it('refuses an image with more pixels than the limit before decoding it', async () => {
    const huge = new Uint8Array(
      await sharp({ create: { width: 10_000, height: 5_000, channels: 3, background: '#fff' } })
        .png({ compressionLevel: 9 })
        .toBuffer(),
    )
    const result = await uploadImage(author, { name: 'bomb.png', bytes: huge }, NOW, db, diskStorage(dir))
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('more than 40 million pixels') })
    expect(await db.selectFrom('upload').selectAll().execute()).toEqual([])
  })

  it('lets only people who write posts upload', async () => {
    const bytes = new Uint8Array(await picture(10, 10).png().toBuffer())
    await expect(uploadImage(commenter, { name: 'a.png', bytes }, NOW, db, diskStorage(dir))).rejects.toBeInstanceOf(
      PermissionDenied,
    )
    await expect(uploadImage(null, { name: 'a.png', bytes }, NOW, db, diskStorage(dir))).rejects.toBeInstanceOf(
      PermissionDenied,
    )
  })
})
