// npm run user -- role <email> <role> — change what a person may do on the blog.
import { closeDb } from '../db'
import { explainDatabaseError } from '../db/errors'
import { ROLES, type Role } from '../db/types'
import { changeRoleByEmail } from '../lib/admin/people'

const HELP = `Usage: npm run user -- role <email> <role>

Gives the person who signs in with <email> one of these roles:
  admin      everything, including settings and people
  editor     all posts and all comments
  author     their own posts
  commenter  comments only (everyone starts here)
The person must have signed in once. The blog always keeps one admin, and the change is recorded in
the audit log (as made from the command line). Uses DATABASE_URL like the server.`

const [command, email, role] = process.argv.slice(2)
if (command !== 'role' || !email || !role) {
  console.log(HELP)
  process.exit(command === '--help' || command === '-h' || command === undefined ? 0 : 1)
}
if (!ROLES.includes(role as Role)) {
  console.error(`"${role}" is not a role. Use one of: ${ROLES.join(', ')}.`)
  process.exit(1)
}
try {
  const result = await changeRoleByEmail('command-line', email, role)
  if (result.ok) console.log(result.message)
  else {
    console.error(result.message)
    process.exitCode = 1
  }
} catch (error) {
  console.error(explainDatabaseError(error, undefined))
  process.exitCode = 1
} finally {
  await closeDb()
}
