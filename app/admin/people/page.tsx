import type { Metadata } from 'next'
import Link from 'next/link'
import { AdminNotices, AdminTable } from '@/app/_ui/admin-parts'
import { loadPeople } from '@/lib/admin/people'
import { requirePageCapability } from '@/lib/auth/guard'
import { formatDate } from '@/lib/dates'
import { getSiteLocale } from '@/lib/settings'
import { ROLES } from '@/lib/vocabulary'
import { peopleAction } from './actions'
import { UNNAMED } from '@/lib/auth/viewer'

export const instant = false
export const metadata: Metadata = { title: 'People' }

export default async function PeoplePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams
  const viewer = await requirePageCapability('people.manage', '/admin/people')
  const locale = await getSiteLocale()
  const { page, people, hasNext } = await loadPeople(viewer, Number(raw.page ?? 1))

  return (
    <main id="main" className="page page--wide">
      <h1>People</h1>
      <AdminNotices query={raw} />
      <AdminTable caption="Everyone with an account, newest first" columns={['Name', 'Role', 'Comments', 'Joined', 'Ban']}>
        {people.map((p) => {
          const name = p.name ?? UNNAMED
          return (
            <tr key={p.id}>
              <td>
                {name}
                {p.id === viewer.id ? <span className="muted"> (you)</span> : null}
                {p.bannedAt ? <strong className="badge">Banned</strong> : null}
                {p.emailBouncedAt ? <strong className="badge" title="The mail server refused this person’s address: the blog sends them nothing.">Email bounced</strong> : null}
              </td>
              <td>
                <form action={peopleAction} className="inline-form">
                  <input type="hidden" name="intent" value="role" />
                  <input type="hidden" name="userId" value={p.id} />
                  <label className="visually-hidden" htmlFor={`role-${p.id}`}>
                    Role of {name}
                  </label>
                  <select id={`role-${p.id}`} name="role" defaultValue={p.role}>
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {r}
                      </option>
                    ))}
                  </select>{' '}
                  <button type="submit" className="link-button" aria-label={`Save the role of ${name}`}>
                    Save
                  </button>
                </form>
              </td>
              <td>{p.commentCount}</td>
              <td>
                <time dateTime={p.createdAt.toISOString()}>{formatDate(p.createdAt.toISOString(), locale)}</time>
              </td>
              <td>
                {p.id === viewer.id ? null : (
                  <form action={peopleAction} className="inline-form">
                    <input type="hidden" name="intent" value={p.bannedAt ? 'unban' : 'ban'} />
                    <input type="hidden" name="userId" value={p.id} />
                    <button type="submit" className="link-button" aria-label={`${p.bannedAt ? 'Lift the ban on' : 'Ban'} ${name}`}>
                      {p.bannedAt ? 'Lift ban' : 'Ban'}
                    </button>
                  </form>
                )}
              </td>
            </tr>
          )
        })}
      </AdminTable>
      <nav className="pagination" aria-label="More people">
        {hasNext ? <Link href={`/admin/people?page=${page + 1}`}>Next page</Link> : null}
        {page > 1 ? <Link href={`/admin/people?page=${page - 1}`}>Previous page</Link> : null}
      </nav>
    </main>
  )
}
