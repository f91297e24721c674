import { ImportForm, ImportJob } from '@/app/_ui/import-form'
import { SiteLanguage } from '@/app/_ui/site-language'
import { requirePageCapability } from '@/lib/auth/guard'
import { messagesFor, translator } from '@/lib/i18n'
import { loadImportJob } from '@/lib/imports/jobs'
import { loadUploadRefusal } from '@/lib/imports/upload'
import { parseId } from '@/lib/params'
import { getSiteLocale } from '@/lib/settings'
import { titled } from '@/app/_ui/page-title'

export const instant = false
export const generateMetadata = titled('admin.import', 'title')

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function ImportPage({ searchParams }: Props) {
  const viewer = await requirePageCapability('settings.manage', '/admin/import')
  const locale = await getSiteLocale()
  const t = translator(locale.language, 'admin.import')
  const query = await searchParams
  const job = parseId(query.job) ? await loadImportJob(viewer, parseId(query.job)!) : null
  const refusal = parseId(query.refused) ? await loadUploadRefusal(viewer, parseId(query.refused)!) : null
  return (
    <main id="main" className="page">
      <h1>{t('title')}</h1>
      <SiteLanguage
        language={locale.language}
        timeZone={locale.timeZone}
        messages={messagesFor(locale.language, ['client', 'admin.import'])}
      >
        {job ? <ImportJob job={job} live={query.live === '1'} /> : null}
        {refusal ? (
          <p role="alert" className="form-error">
            {refusal}
          </p>
        ) : null}
        <h2>{t('wordpress.heading')}</h2>
        <p>{t('wordpress.intro')}</p>
        <ImportForm kind="wordpress" />
        <h2>{t('disqus.heading')}</h2>
        <p>{t('disqus.intro')}</p>
        <ImportForm kind="disqus" />
      </SiteLanguage>
      <h2>{t('export.heading')}</h2>
      <p>
        <a href="/admin/export" download>
          {t('export.link')}
        </a>{' '}
        {t('export.after')}
      </p>
    </main>
  )
}
