import { SiteLanguage } from '@/app/_ui/site-language'
import { PostEditor } from '@/app/_ui/post-editor'
import { requirePageCapability } from '@/lib/auth/guard'
import { loadKeptForm } from '@/lib/forms/kept'
import { getSiteLocale } from '@/lib/settings'
import { messagesFor, translator } from '@/lib/i18n'
import { titled } from '@/app/_ui/page-title'

export const instant = false
export const generateMetadata = titled('admin.editor', 'newTitle')

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

/** A new post, or with ?kind=page a new page (About, Contact…). */
export default async function NewPostPage({ searchParams }: Props) {
  const query = await searchParams
  const kind = query.kind === 'page' ? 'page' : 'post'
  const viewer = await requirePageCapability(
    'posts.write',
    kind === 'page' ? '/admin/posts/new?kind=page' : '/admin/posts/new',
  )
  const locale = await getSiteLocale()
  const t = translator(locale.language, 'admin.editor')
  return (
    <main id="main" className="page page--wide">
      <h1>{kind === 'page' ? t('newPage') : t('newPost')}</h1>
      <SiteLanguage
        language={locale.language}
        timeZone={locale.timeZone}
        messages={messagesFor(locale.language, ['client', 'admin.editor', 'admin.upload'])}
      >
        <PostEditor
          initial={{
            id: null,
            kind,
            title: '',
            slug: '',
            body: '',
            excerpt: '',
            tags: '',
            featuredImageUrl: '',
            featuredImageAlt: '',
            featuredImageCaption: '',
            featuredImageCredit: '',
            featuredImageCreditUrl: '',
            commentsOpen: kind === 'post',
            pinned: false,
            status: 'draft',
            publishAt: '',
            version: '',
          }}
          restored={await loadKeptForm(viewer.id, query.form)}
          timeZone={locale.timeZone}
        />
      </SiteLanguage>
    </main>
  )
}
