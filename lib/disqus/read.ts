import { ImportFileError, readXml, type SaxesTagNS } from '@/lib/xml'

/*
 * A streaming reader of a Disqus export (Admin → Moderation → Export: an XML file, e-mailed gzipped).
 * Its documented shape (namespace http://disqus.com; ids in the attribute dsq:id of
 * http://disqus.com/disqus-internals):
 *
 *   <disqus>
 *     <category dsq:id="1">…</category>
 *     <thread dsq:id="10">            a page that had comments: its <link>, <title>, <id> (the
 *       <id>42 http://…/?p=42</id>     identifier the site gave it — WordPress's plugin writes
 *       <forum>shortname</forum>       "<post id> <guid>"), <forum>, <createdAt>
 *       <link>…</link> <title>…</title> <createdAt>2013-03-25T15:10:03Z</createdAt>
 *     </thread>
 *     <post dsq:id="100">             a comment: <message> (HTML), <createdAt>, <isDeleted>, <isSpam>,
 *       <message>…</message>           <author> (<name>, <email>, <username>, <isAnonymous>),
 *       <thread dsq:id="10"/>          its <thread>, and <parent> when it answers another post
 *       <parent dsq:id="99"/>
 *     </post>
 *   </disqus>
 *
 * Threads come before the posts in Disqus's files; a post whose thread is not (yet) known is reported.
 */

export interface DisqusThread {
  id: string
  forum: string
  /** The identifier the site gave the thread ('' when none). */
  identifier: string
  link: string
  title: string
  line: number
}

export interface DisqusPost {
  id: string
  threadId: string
  /** The post it answers ('' for a top-level comment). */
  parentId: string
  /** HTML. */
  message: string
  createdAt: string
  isDeleted: boolean
  isSpam: boolean
  /** False only when the file says the post waits for approval. */
  isApproved: boolean
  author: { name: string; email: string; username: string }
  line: number
}

export type DisqusRecord = { kind: 'thread'; thread: DisqusThread } | { kind: 'post'; post: DisqusPost }

const DISQUS = 'http://disqus.com'
const INTERNALS = 'http://disqus.com/disqus-internals'

const idOf = (tag: SaxesTagNS) => {
  const attribute = Object.values(tag.attributes).find(
    (a) => a.local === 'id' && (a.uri === INTERNALS || a.prefix === 'dsq'),
  )
  return attribute ? String(attribute.value).trim() : ''
}
const yes = (text: string) => text.trim().toLowerCase() === 'true'

/**
 * Reads a Disqus export and calls `onRecord` for each thread and post, in file order, waiting for
 * each call. Rejects with an ImportFileError for a file that is not well-formed XML, truncated,
 * carries a DOCTYPE, or is not a Disqus export (a WordPress one is named as such).
 */
export async function readDisqus(
  chunks: AsyncIterable<Uint8Array | string>,
  onRecord: (record: DisqusRecord) => Promise<void>,
): Promise<void> {
  const ready: DisqusRecord[] = []
  let sawRoot = false
  let thread: DisqusThread | null = null
  let post: DisqusPost | null = null

  const open = (name: string, tag: SaxesTagNS, path: readonly string[], line: number) => {
    if (path.length === 1) {
      if (tag.local === 'rss') throw new ImportFileError('wordpressNotDisqus', {}, line)
      if (name !== 'disqus')
        throw new ImportFileError('notDisqusRoot', { found: `<${tag.name}>`, expected: '<disqus>' }, line)
      sawRoot = true
      return
    }
    if (path.length === 2 && name === 'thread')
      thread = { id: idOf(tag), forum: '', identifier: '', link: '', title: '', line }
    else if (path.length === 2 && name === 'post')
      post = {
        id: idOf(tag),
        threadId: '',
        parentId: '',
        message: '',
        createdAt: '',
        isDeleted: false,
        isSpam: false,
        isApproved: true,
        author: { name: '', email: '', username: '' },
        line,
      }
    else if (post && path.length === 3 && name === 'thread') post.threadId = idOf(tag)
    else if (post && path.length === 3 && name === 'parent') post.parentId = idOf(tag)
  }

  const close = (name: string, text: string, path: readonly string[]) => {
    const depth = path.length + 1 // of the element that closed
    if (thread) {
      if (depth === 2) {
        ready.push({ kind: 'thread', thread })
        thread = null
      } else if (depth === 3) {
        if (name === 'forum') thread.forum = text.trim()
        else if (name === 'id') thread.identifier = text.trim()
        else if (name === 'link') thread.link = text.trim()
        else if (name === 'title') thread.title = text.trim()
      }
      return
    }
    if (!post) return
    if (depth === 2) {
      ready.push({ kind: 'post', post })
      post = null
    } else if (depth === 3) {
      if (name === 'message') post.message = text
      else if (name === 'createdAt') post.createdAt = text.trim()
      else if (name === 'isDeleted') post.isDeleted = yes(text)
      else if (name === 'isSpam') post.isSpam = yes(text)
      else if (name === 'isApproved') post.isApproved = text.trim().toLowerCase() !== 'false'
    } else if (depth === 4 && path[path.length - 1] === 'author') {
      if (name === 'name') post.author.name = text.trim()
      else if (name === 'email') post.author.email = text.trim()
      else if (name === 'username') post.author.username = text.trim()
    }
  }

  const check = (atEnd: boolean, line: number) =>
    sawRoot ? null : new ImportFileError('notDisqus', { root: '<disqus>' }, atEnd ? null : line)
  // Disqus's own elements by their local name; anything from another namespace is kept apart.
  const nameOf = (tag: SaxesTagNS) => (tag.uri === DISQUS || tag.uri === '' ? tag.local : `other:${tag.local}`)
  await readXml(chunks, 'disqus', { nameOf, open, close, check }, ready, onRecord)
}
