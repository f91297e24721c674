import Link from 'next/link'
import { AdminNotices, AdminTable } from '@/app/_ui/admin-parts'
import { loadPeople } from '@/lib/admin/people'
import { requirePageCapability } from '@/lib/auth/guard'
import { formatDate } from '@/lib/dates'
import { getSiteLocale } from '@/lib/settings'
import { ROLES } from '@/lib/vocabulary'
import { peopleAction } from './actions'
import { translator } from '@/lib/i18n'
import { titled } from '@/app/_ui/page-title'

export const instant = false
export const generateMetadata = titled('admin.people', 'title')

export default async function PeoplePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const raw = await searchParams
  const viewer = await requirePageCapability('people.manage', '/admin/people')
  const locale = await getSiteLocale()
  const { page, people, hasNext } = await loadPeople(viewer, Number(raw.page ?? 1))
  const t = translator(locale.language, 'admin.people')
  const anonymous = translator(locale.language, 'people')('anonymous')

  return (
    <main id="main" className="page page--wide">
      <h1>{t('title')}</h1>
      <AdminNotices query={raw} />
      <AdminTable
        caption={t('caption')}
        columns={[t('columns.name'), t('columns.role'), t('columns.comments'), t('columns.joined'), t('columns.ban')]}
      >
        {people.map((p) => {
          const name = p.name ?? anonymous
          return (
            <tr key={p.id}>
              <td>
                {name}
                {p.id === viewer.id ? <span className="muted"> {t('you')}</span> : null}
                {p.bannedAt ? <strong className="badge">{t('banned')}</strong> : null}
                {p.emailBouncedAt ? (
                  <strong className="badge" title={t('bouncedHelp')}>
                    {t('bounced')}
                  </strong>
                ) : null}
              </td>
              <td>
                <form action={peopleAction} className="inline-form">
                  <input type="hidden" name="intent" value="role" />
                  <input type="hidden" name="userId" value={p.id} />
                  <label className="visually-hidden" htmlFor={`role-${p.id}`}>
                    {t('roleOf', { name })}
                  </label>
                  <select id={`role-${p.id}`} name="role" defaultValue={p.role}>
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {t(`roles.${r}`)}
                      </option>
                    ))}
                  </select>{' '}
                  <button type="submit" className="link-button" aria-label={t('saveRole', { name })}>
                    {t('save')}
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
                    <button
                      type="submit"
                      className="link-button"
                      aria-label={p.bannedAt ? t('liftBanLabel', { name }) : t('banLabel', { name })}
                    >
                      {p.bannedAt ? t('liftBan') : t('ban')}
                    </button>
                  </form>
                )}
              </td>
            </tr>
          )
        })}
      </AdminTable>
      <nav className="pagination" aria-label={t('more')}>
        {hasNext ? <Link href={`/admin/people?page=${page + 1}`}>{t('next')}</Link> : null}
        {page > 1 ? <Link href={`/admin/people?page=${page - 1}`}>{t('previous')}</Link> : null}
      </nav>
    </main>
  )
}
