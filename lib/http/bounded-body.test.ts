import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { BodyTooLarge, readBoundedBody, readBoundedForm, saveMultipartFile } from './bounded-body'

const MB = 1024 * 1024

/** A request whose body arrives in chunks, counting how many bytes were pulled from it. */
function streamed(total: number, headers: Record<string, string> = {}) {
  let pulled = 0
  const chunk = new Uint8Array(64 * 1024)
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= total) return controller.close()
      pulled += chunk.length
      controller.enqueue(chunk)
    },
  })
  const request = new Request('http://localhost/x', { method: 'POST', body, headers, duplex: 'half' } as RequestInit)
  return { request, pulled: () => pulled }
}

describe('bounded request bodies', () => {
  it('refuse a body that declares too much before reading a byte', async () => {
    const { request, pulled } = streamed(20 * MB, { 'content-length': String(20 * MB) })
    await expect(readBoundedBody(request, MB)).rejects.toBeInstanceOf(BodyTooLarge)
    expect(pulled()).toBeLessThanOrEqual(64 * 1024) // the stream's own first chunk, never read by us
  })

  it('stop reading a body that grows past the cap, whatever it declared', async () => {
    const { request, pulled } = streamed(20 * MB)
    await expect(readBoundedBody(request, MB)).rejects.toBeInstanceOf(BodyTooLarge)
    expect(pulled()).toBeLessThan(2 * MB)
  })

  it('read a form under the cap', async () => {
    const form = new FormData()
    form.set('title', 'Hello')
    const request = new Request('http://localhost/x', { method: 'POST', body: form })
    expect((await readBoundedForm(request, MB)).get('title')).toBe('Hello')
  })

  it('stream a multipart file to disk under the cap, and remove it past the cap', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plateau-body-'))
    const small = new FormData()
    small.set('file', new File(['<rss/>'], 'export.xml'))
    const saved = await saveMultipartFile(
      new Request('http://localhost/x', { method: 'POST', body: small }),
      'file',
      path.join(dir, 'a.xml'),
      MB,
    )
    expect(saved).toMatchObject({ name: 'export.xml', size: 6 })
    expect(fs.readFileSync(path.join(dir, 'a.xml'), 'utf8')).toBe('<rss/>')

    const big = new FormData()
    big.set('file', new File([new Uint8Array(2 * MB)], 'big.xml'))
    await expect(
      saveMultipartFile(
        new Request('http://localhost/x', { method: 'POST', body: big }),
        'file',
        path.join(dir, 'b.xml'),
        MB,
      ),
    ).rejects.toBeInstanceOf(BodyTooLarge)
    expect(fs.existsSync(path.join(dir, 'b.xml'))).toBe(false)
    fs.rmSync(dir, { recursive: true, force: true })
  })
})
