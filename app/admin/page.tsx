import Link from 'next/link'
import { requirePageCapability } from '@/lib/auth/guard'
import { can } from '@/lib/auth/permissions'

export const instant = false

export default async function AdminHome() {
  const viewer = await requirePageCapability('admin.enter', '/admin')
  return (
    <main id="main" className="page">
      <h1>Hello, {viewer.name}</h1>
      <ul>
        {can(viewer, 'posts.write') ? (
          <li>
            <Link href="/admin/posts">Posts</Link>: write, schedule and publish.
          </li>
        ) : null}
        {can(viewer, 'comments.moderate') ? (
          <li>
            <Link href="/admin/comments">Moderate comments</Link>: approve what waits, clear out spam.
          </li>
        ) : null}
        {can(viewer, 'people.manage') ? (
          <li>
            <Link href="/admin/people">People</Link>: roles and bans.
          </li>
        ) : null}
        {can(viewer, 'settings.manage') ? (
          <li>
            <Link href="/admin/settings">Settings</Link>: the blog’s title, paging and comment rules.
          </li>
        ) : null}
        {can(viewer, 'audit.read') ? (
          <li>
            <Link href="/admin/audit">Audit log</Link>: who did what, and when.
          </li>
        ) : null}
      </ul>
    </main>
  )
}
