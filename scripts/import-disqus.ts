// npm run import:disqus -- <file> — bring the comments of a Disqus export into the blog.
import { runImportCommand } from '../lib/imports/command'

await runImportCommand(
  'disqus',
  process.argv[2],
  `Usage: npm run import:disqus -- <export.xml>

Imports the comments of a Disqus export (Admin → Moderation → Export in Disqus; unzip the file it
e-mails you) into the blog named by DATABASE_URL, onto the posts whose address their thread has
(import the blog's posts first). Replies keep their threads; spam and deleted comments stay so.
All or nothing: a broken file changes nothing. Importing the same file again adds nothing twice.
Threads that match no post are listed. Shows its progress on a terminal.`,
)
