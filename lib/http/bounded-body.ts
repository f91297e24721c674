import fs from 'node:fs'
import { Readable } from 'node:stream'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import busboy from 'busboy'

// Request bodies are read only after the sender has been checked, and never past a cap: a body that
// says it is too big is refused before a byte is read; one that grows past the cap is cut off there.

/** A body larger than its route allows. */
export class BodyTooLarge extends Error {
  override name = 'BodyTooLarge'
  constructor(readonly maxBytes: number) {
    super(`The request is larger than ${Math.round(maxBytes / (1024 * 1024))} MB.`)
  }
}

/** A body that could not be read as the form it claimed to be. */
export class BodyMalformed extends Error {
  override name = 'BodyMalformed'
}

/** Throws BodyTooLarge when the request declares more than `maxBytes` (checked before reading anything). */
export function refuseDeclaredOversize(request: Request, maxBytes: number): void {
  const declared = Number(request.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > maxBytes) throw new BodyTooLarge(maxBytes)
}

/** The whole body, up to `maxBytes`; throws BodyTooLarge past that, whatever Content-Length said. */
export async function readBoundedBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  refuseDeclaredOversize(request, maxBytes)
  if (!request.body) return new Uint8Array()
  const chunks: Uint8Array[] = []
  let size = 0
  const reader = request.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel().catch(() => {})
      throw new BodyTooLarge(maxBytes)
    }
    chunks.push(value)
  }
  return new Uint8Array(Buffer.concat(chunks))
}

/** A form (urlencoded or multipart) from a body of at most `maxBytes`. */
export async function readBoundedForm(request: Request, maxBytes: number): Promise<FormData> {
  const bytes = await readBoundedBody(request, maxBytes)
  try {
    return await new Response(Buffer.from(bytes), {
      headers: { 'content-type': request.headers.get('content-type') ?? '' },
    }).formData()
  } catch {
    throw new BodyMalformed('The form did not arrive whole.')
  }
}

export interface SavedUpload {
  /** The file's name as the browser gave it. */
  name: string
  /** Bytes written to `path`. */
  size: number
  /** Text fields sent with it. */
  fields: Record<string, string>
}

/**
 * Streams the one file field of a multipart body into `path`, never holding it in memory and never
 * writing more than `maxBytes`; throws BodyTooLarge past that (the partial file is removed) and
 * BodyMalformed for a body that is not multipart. Resolves with size 0 when no file was chosen.
 */
export async function saveMultipartFile(
  request: Request,
  field: string,
  path: string,
  maxBytes: number,
): Promise<SavedUpload> {
  refuseDeclaredOversize(request, maxBytes)
  if (!request.body) throw new BodyMalformed('No form arrived.')
  let parser: busboy.Busboy
  try {
    parser = busboy({
      headers: { 'content-type': request.headers.get('content-type') ?? '' },
      limits: { files: 1, fileSize: maxBytes, fields: 20, fieldSize: 10_000 },
    })
  } catch {
    throw new BodyMalformed('The upload is not a form with a file.')
  }
  const result: SavedUpload = { name: '', size: 0, fields: {} }
  const written: Promise<void>[] = []
  let tooLarge = false
  const done = new Promise<void>((resolve, reject) => {
    parser.on('field', (name, value) => {
      result.fields[name] = value
    })
    parser.on('file', (name, stream, info) => {
      if (name !== field) return void stream.resume()
      result.name = info.filename ?? ''
      const out = fs.createWriteStream(path)
      stream.on('data', (chunk: Buffer) => {
        result.size += chunk.length
      })
      stream.on('limit', () => {
        tooLarge = true
      })
      written.push(
        new Promise<void>((ok, fail) => {
          out.on('finish', () => ok())
          out.on('error', fail)
          stream.pipe(out)
        }),
      )
    })
    parser.on('close', () => resolve())
    parser.on('error', () => reject(new BodyMalformed('The upload did not arrive whole.')))
  })
  Readable.fromWeb(request.body as unknown as NodeReadableStream)
    .on('error', () => parser.destroy())
    .pipe(parser)
  await done
  await Promise.all(written)
  if (tooLarge) {
    fs.rmSync(path, { force: true })
    throw new BodyTooLarge(maxBytes)
  }
  return result
}
