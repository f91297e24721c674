import { SaxesParser, type SaxesTagNS } from 'saxes'
import { translator, type Messages } from '@/lib/i18n/catalogs'
import type { Language } from '@/lib/i18n/languages'

/*
 * The streaming core of every import (WordPress's WXR, Disqus's export): reads a file chunk by chunk
 * with a strict XML parser (saxes) and hands over one record at a time, so memory stays bounded by
 * the largest single record, never the file. What is refused, with the line it was found on:
 *  - a DOCTYPE (neither WordPress nor Disqus writes one, and it is how entity-expansion bombs and
 *    external entities get in);
 *  - elements nested deeper than MAX_XML_DEPTH (reading on would cost the square of the depth);
 *  - XML that is not well-formed, or ends before it is closed (a truncated download);
 *  - text that is not UTF-8;
 *  - a file of another kind (each reader says which, and where to import it instead).
 */

export type { SaxesTagNS } from 'saxes'

/** Elements nested deeper than this: no export is (WordPress's go six deep), and the parser's namespace look-ups grow with depth. */
export const MAX_XML_DEPTH = 32

/** Why a file cannot be imported: a sentence of the catalog's importFile. */
export type FileRefusal = Exclude<keyof Messages['importFile'], 'atLine'>

/**
 * A file that cannot be imported: says what is wrong and, when known, on which line. Nothing was
 * changed. Its message is English (the command line, the log); `sentence` says it in another language.
 */
export class ImportFileError extends Error {
  override name = 'ImportFileError'
  constructor(
    readonly refusal: FileRefusal,
    readonly values: Record<string, string> = {},
    readonly line: number | null = null,
  ) {
    super('')
    this.message = this.sentence('en')
  }

  sentence(language: Language): string {
    // The refusal's values are the ones its sentence names (checked by the catalog test in English).
    const t = translator(language, 'importFile') as unknown as (
      key: string,
      values?: Record<string, string | number>,
    ) => string
    const reason = t(this.refusal, this.values)
    return this.line ? t('atLine', { reason, line: this.line }) : reason
  }
}

/** What a reader of one kind of file does with the elements the core parses. */
export interface XmlHandlers {
  /** The name an element is known by (its namespace resolved as the reader wants). */
  nameOf(tag: SaxesTagNS): string
  /** An element opens; `path` holds it and the names above it. May throw ImportFileError (a file of another kind). */
  open(name: string, tag: SaxesTagNS, path: readonly string[], line: number): void
  /** An element closes, with the text it held after its last child (a leaf's whole text); `path` holds the names above it. */
  close(name: string, text: string, path: readonly string[]): void
  /** Why the file is not of this kind, judged from what was read so far (`atEnd`: all of it); null when it is. */
  check(atEnd: boolean, line: number): ImportFileError | null
}

/**
 * Parses `chunks` as XML, calling `handlers` for each element; after each chunk, hands every record
 * in `ready` (which the handlers fill) to `onRecord`, in file order, waiting for each call. Rejects
 * with an ImportFileError, before handing over anything more, for a file it cannot import.
 */
export async function readXml<R>(
  chunks: AsyncIterable<Uint8Array | string>,
  what: 'wordpress' | 'disqus',
  handlers: XmlHandlers,
  ready: R[],
  onRecord: (record: R) => Promise<void>,
): Promise<void> {
  const parser = new SaxesParser({ xmlns: true, position: true })
  const path: string[] = []
  let text = ''
  let failure: ImportFileError | null = null

  parser.on('doctype', () => {
    failure ??= new ImportFileError('doctype', { kind: what }, parser.line)
  })
  parser.on('error', (error) => {
    // "]]>" outside a CDATA section is not allowed in XML, but exports with hand-nested CDATA carry it
    // and WordPress's own importer reads them: the characters are kept as text.
    if (error.message.includes('"]]>" is disallowed in char data')) return
    failure ??= notWellFormed(error, parser.line)
  })
  parser.on('opentag', (tag: SaxesTagNS) => {
    // Thrown, not kept: it stops the parser in the middle of the chunk it is reading.
    if (path.length >= MAX_XML_DEPTH)
      throw new ImportFileError('tooDeep', { kind: what, max: String(MAX_XML_DEPTH) }, parser.line)
    const name = handlers.nameOf(tag)
    path.push(name)
    text = ''
    if (failure) return
    try {
      handlers.open(name, tag, path, parser.line)
    } catch (error) {
      if (!(error instanceof ImportFileError)) throw error
      failure = error
    }
  })
  const append = (t: string) => {
    text += t
  }
  parser.on('text', append)
  parser.on('cdata', append)
  parser.on('closetag', () => {
    const name = path.pop()!
    const value = text
    text = ''
    if (!failure) handlers.close(name, value, path)
  })

  const decoder = new TextDecoder('utf-8', { fatal: true })
  const flush = async () => {
    if (!failure && ready.length > 0) failure = handlers.check(false, parser.line)
    if (failure) throw failure
    while (ready.length > 0) await onRecord(ready.shift()!)
  }
  // Only what the parser and decoder throw says something about the file; what the records' writer
  // throws (a database error) goes up as it is.
  const parse = (text: () => string, end = false) => {
    try {
      parser.write(text())
      if (end) parser.close()
    } catch (error) {
      if (error instanceof ImportFileError) throw error
      if (error instanceof TypeError && /decode|encoded/i.test(error.message))
        throw new ImportFileError('notUtf8', {}, parser.line)
      failure ??= notWellFormed(error as Error, parser.line)
    }
  }
  for await (const chunk of chunks) {
    parse(() => (typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true })))
    await flush()
  }
  if (!failure) parse(() => decoder.decode(), true)
  failure ??= handlers.check(true, parser.line)
  await flush()
}

function notWellFormed(error: Error, line: number): ImportFileError {
  return new ImportFileError('notXml', { detail: error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '') }, line)
}

/** How many times `needle` occurs in a file: a fast look ahead (no parsing) at how many records an import will meet. */
export async function countOccurrences(chunks: AsyncIterable<Uint8Array | string>, needle: string): Promise<number> {
  const pattern = Buffer.from(needle)
  let count = 0
  let tail = Buffer.alloc(0)
  for await (const chunk of chunks) {
    const buffer = Buffer.concat([tail, typeof chunk === 'string' ? Buffer.from(chunk) : chunk])
    for (let at = buffer.indexOf(pattern); at >= 0; at = buffer.indexOf(pattern, at + pattern.length)) count++
    tail = buffer.subarray(Math.max(0, buffer.length - pattern.length + 1))
  }
  return count
}
