// npm run import:wxr -- <file> — bring a WordPress export (WXR) into the blog.
import { runImportCommand } from '../lib/imports/command'

await runImportCommand(
  'wordpress',
  process.argv[2],
  `Usage: npm run import:wxr -- <export.xml>

Imports a WordPress export (Tools → Export → All content in WordPress) into the blog named by
DATABASE_URL: authors, categories and tags, posts, pages and every comment in its thread, and the
images they use (downloaded when reachable). All or nothing: a broken file changes nothing.
Importing the same file again adds nothing twice. Shows its progress on a terminal.`,
)
