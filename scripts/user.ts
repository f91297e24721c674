// npm run user -- role <email> <role> — change what a person may do on the blog.
import { closeDb } from '../db'
import { explainDatabaseError } from '../db/errors'
import { findUserByEmail, setUserRole } from '../db/queries/users'
import { ROLES, type Role } from '../db/types'

const HELP = `Usage: npm run user -- role <email> <role>

Gives the person who signs in with <email> one of these roles:
  admin      everything, including settings and people
  editor     all posts and all comments
  author     their own posts
  commenter  comments only (everyone starts here)
The person must have signed in once. Uses DATABASE_URL like the server.`

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
  const user = await findUserByEmail(email)
  if (!user || user.deletedAt) {
    console.error(`No one has signed in with ${email} yet. Ask them to sign in once, then run this again.`)
    process.exitCode = 1
  } else {
    await setUserRole(user.id, role as Role)
    console.log(`${email} is now ${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role}.`)
  }
} catch (error) {
  console.error(explainDatabaseError(error, undefined))
  process.exitCode = 1
} finally {
  await closeDb()
}
