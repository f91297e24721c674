import { describe, expect, it } from 'vitest'
import { testDialects } from '@/db/test-databases'
import { loadAuditLog } from './audit'
import { saveSettings, settingsAsForm } from './settings'
import { getSiteSettings } from '@/lib/settings'
import { publicChanges } from '@/lib/changes'
import { useAdminBlog, validSettingsForm } from '@/lib/testing/admin-blog'
import { insertUpload } from '@/db/queries/uploads'
import { insertPost } from '@/db/queries/posts'
import { loadSearchView } from '@/lib/posts/search'
import { lastKnownLanguage } from '@/lib/i18n/remembered'

// The settings form: saved at once, refused field by field.

describe.each(await testDialects())('settings on $name', (dialect) => {
  const blog = useAdminBlog(dialect)
  const { viewers } = blog
  describe('settings', () => {
    it('save valid settings at once, and record what changed', async () => {
      const result = await saveSettings(
        viewers.admin,
        {
          ...validSettingsForm,
          title: 'Field notes',
          moderationWords: ' casino \n\nloans\ncasino',
          holdFirstComment: undefined,
        },
        blog.db,
      )
      expect(result).toEqual({
        ok: true,
        changed: ['title', 'holdFirstComment', 'moderationWords'],
        changes: publicChanges({ settings: true }),
      })
      expect(await getSiteSettings(blog.db)).toMatchObject({
        title: 'Field notes',
        holdFirstComment: false,
        moderationWords: ['casino', 'loans'],
      })
      const log = await loadAuditLog(viewers.admin, 1, blog.db)
      expect(log.entries.map((e) => e.subject).sort()).toEqual([
        'setting:holdFirstComment',
        'setting:moderationWords',
        'setting:title',
      ])
    })

    it('take the header’s links one per line, and say which line is wrong', async () => {
      expect(
        await saveSettings(
          viewers.admin,
          { ...validSettingsForm, navigation: 'About | /pages/about\nno address here' },
          blog.db,
        ),
      ).toEqual({
        ok: false,
        message: 'Nothing was saved: fix the fields marked below.',
        fieldErrors: { navigation: 'Line 2: write a label, a bar and an address, e.g. “About | /pages/about”.' },
      })
      expect(
        await saveSettings(
          viewers.admin,
          { ...validSettingsForm, navigation: 'About | /pages/about\n\nShop | https://shop.example/' },
          blog.db,
        ),
      ).toMatchObject({ ok: true, changed: expect.arrayContaining(['navigation']) })
      expect((await getSiteSettings(blog.db)).navigation).toEqual([
        { label: 'About', href: '/pages/about' },
        { label: 'Shop', href: 'https://shop.example/' },
      ])
    })

    it('refuse bad values field by field and save nothing', async () => {
      const result = await saveSettings(
        viewers.admin,
        {
          ...validSettingsForm,
          title: '  ',
          postsPerPage: '0',
          commentDepth: 'deep',
          editMinutes: '2.5',
          uploadMaxMegabytes: '500',
        },
        blog.db,
      )
      expect(result).toEqual({
        ok: false,
        message: 'Nothing was saved: fix the fields marked below.',
        fieldErrors: {
          title: 'The blog needs a title.',
          postsPerPage: '“Posts per page” must be at least 1.',
          commentDepth: '“Threading depth” must be a whole number.',
          editMinutes: '“Minutes during which people may edit their comment” must be a whole number.',
          uploadMaxMegabytes: '“Largest image upload, in megabytes” must be at most 100.',
        },
      })
      expect(await getSiteSettings(blog.db)).toMatchObject({ title: 'Plateau', postsPerPage: 10 })
      expect((await loadAuditLog(viewers.admin, 1, blog.db)).entries).toEqual([])
    })

    it('take the site’s language, refuse one Plateau does not speak, and search in the language chosen', async () => {
      const db = blog.db
      const found = async (query: string) => (await loadSearchView(query, undefined, db)).results.map((r) => r.slug)
      await insertPost(db, {
        slug: 'staedte',
        title: 'Die Häuser der Städte',
        body: 'Wir gehen durch die Gärten.',
        status: 'published',
        publishedAt: new Date('2024-01-02Z'),
      })
      await insertPost(db, {
        slug: 'kuttab',
        title: 'الكاتب والمدونات',
        body: 'كتب الكاتب مقالات كثيرة عن المدونات.',
        status: 'published',
        publishedAt: new Date('2024-01-03Z'),
      })
      await insertPost(db, {
        slug: 'garden',
        title: 'Gardening for beginners',
        body: 'Start small.',
        status: 'published',
        publishedAt: new Date('2024-01-01Z'),
      })
      // English stems: “garden” finds “Gardening”.
      expect(await found('garden')).toEqual(['garden'])

      expect(
        await saveSettings(viewers.admin, { ...validSettingsForm, title: 'Kept back', language: 'xx' }, db),
      ).toEqual({
        ok: false,
        message: 'Nothing was saved: fix the fields marked below.',
        fieldErrors: { language: 'Choose one of the languages Plateau speaks: English, Deutsch, العربية.' },
      })
      expect(await saveSettings(viewers.admin, { ...validSettingsForm, language: 'de' }, db)).toMatchObject({
        ok: true,
        changed: ['title', 'language'],
      })
      expect(await getSiteSettings(db)).toMatchObject({ language: 'de' })
      // Remembered for the pages the proxy answers without the database.
      expect(lastKnownLanguage()).toBe('de')
      // German folds umlauts on both databases; PostgreSQL's German stemmer also finds “Haus” in “Häuser”.
      expect(await found('hauser stadte')).toEqual(['staedte'])
      expect(await found('Gärten')).toEqual(['staedte'])
      if (dialect.name.startsWith('postgres')) expect(await found('Haus Stadt')).toEqual(['staedte'])
      // English stemming is gone with English.
      expect(await found('garden')).toEqual([])
      // A post written now is found in the new language too.
      await insertPost(db, {
        slug: 'neu',
        title: 'Neue Bücher',
        body: 'Über Bücher.',
        status: 'published',
        publishedAt: new Date('2024-01-04Z'),
      })
      expect(await found('bucher')).toEqual(['neu'])

      expect(await saveSettings(viewers.admin, { ...validSettingsForm, language: 'ar' }, db)).toMatchObject({
        ok: true,
        changed: ['language'],
      })
      expect(await found('مقالات')).toEqual(['kuttab'])
      // PostgreSQL's Arabic stemmer takes the article off: “كاتب” finds “الكاتب”.
      if (dialect.name.startsWith('postgres')) expect(await found('كاتب')).toEqual(['kuttab'])

      await saveSettings(viewers.admin, { ...validSettingsForm, language: 'en' }, db)
      expect(await found('garden')).toEqual(['garden'])
    })

    it('take the site’s time zone by its IANA name and its date and time formats; an unknown zone is refused beside its field', async () => {
      expect(
        await saveSettings(
          viewers.admin,
          { ...validSettingsForm, timeZone: 'asia/tokyo', dateFormat: 'F j, Y', timeFormat: 'g:i a' },
          blog.db,
        ),
      ).toMatchObject({
        ok: true,
        changed: ['title', 'timeZone', 'dateFormat', 'timeFormat'],
      })
      expect(await getSiteSettings(blog.db)).toMatchObject({
        timeZone: 'Asia/Tokyo',
        dateFormat: 'F j, Y',
        timeFormat: 'g:i a',
      })
      for (const timeZone of ['Mars/Olympus', '+09:00', 'Asia/Tokyo</script>']) {
        expect(
          await saveSettings(
            viewers.admin,
            { ...validSettingsForm, title: 'Kept back', timeZone, dateFormat: 'Y-m-d' },
            blog.db,
          ),
        ).toEqual({
          ok: false,
          message: 'Nothing was saved: fix the fields marked below.',
          fieldErrors: {
            timeZone: `“${timeZone}” is not a time zone this server knows: choose one from the list, such as Europe/Lisbon or Asia/Tokyo.`,
          },
        })
      }
      expect(
        await saveSettings(
          viewers.admin,
          { ...validSettingsForm, timeZone: 'UTC', dateFormat: 'l jS F', timeFormat: '25h' },
          blog.db,
        ),
      ).toEqual({
        ok: false,
        message: 'Nothing was saved: fix the fields marked below.',
        fieldErrors: {
          dateFormat: 'Choose one of the date formats listed.',
          timeFormat: 'Choose the 24-hour or the 12-hour clock.',
        },
      })
      // Nothing of a refused form is saved: not the title beside the wrong zone, not the date format.
      expect(await getSiteSettings(blog.db)).toMatchObject({
        title: 'My blog',
        timeZone: 'Asia/Tokyo',
        dateFormat: 'F j, Y',
      })
    })

    it('take the look — accent, logo, icon, header and footer lines, custom CSS — and refuse each bad part beside its field, saving nothing', async () => {
      const logo = '/uploads/2026/12/0123456789abcdef-400x100.png'
      await insertUpload(blog.db, {
        key: logo.slice('/uploads/'.length),
        originalName: 'logo.png',
        contentType: 'image/png',
        width: 400,
        height: 100,
        size: 1234,
        variants: '[]',
        uploadedById: null,
      })
      const bad = await saveSettings(
        viewers.admin,
        {
          ...validSettingsForm,
          title: 'Kept back',
          accentColor: '#f0c000',
          logoUrl: '/uploads/2026/12/fedcba9876543210-400x100.png',
          iconUrl: 'https://elsewhere.example/icon.png',
          customCss: 'body { background: url(https://tracker.example/p.png) }',
        },
        blog.db,
      )
      expect(bad).toEqual({
        ok: false,
        message: 'Nothing was saved: fix the fields marked below.',
        fieldErrors: {
          accentColor:
            '#f0c000 is too light to read on the page’s light background: its contrast is 1.4:1, and WCAG AA asks 4.5:1 for text. Choose a darker shade.',
          iconUrl:
            'The site icon must be an image uploaded here: upload one with the button, or paste the address of one (it starts with /uploads/).',
          customCss:
            'Custom CSS cannot load anything from another site (“https://tracker.example/p.png” on line 1): upload the image here and use its /uploads/ address.',
        },
      })
      // An address that looks like an upload but names none, and a logo without words, are refused once the rest passes.
      expect(
        await saveSettings(
          viewers.admin,
          { ...validSettingsForm, logoUrl: '/uploads/2026/12/fedcba9876543210-400x100.png' },
          blog.db,
        ),
      ).toEqual({
        ok: false,
        message: 'Nothing was saved: fix the fields marked below.',
        fieldErrors: {
          logoUrl:
            'The logo must be an image uploaded here; nothing was uploaded at /uploads/2026/12/fedcba9876543210-400x100.png.',
          logoAlt: 'Describe the logo for people who cannot see it, e.g. the blog’s name as it is written there.',
        },
      })
      expect(await getSiteSettings(blog.db)).toMatchObject({
        title: 'Plateau',
        accentColor: '',
        logoUrl: '',
        customCss: '',
      })

      const good = await saveSettings(
        viewers.admin,
        {
          ...validSettingsForm,
          accentColor: ' #1D6B52 ',
          logoUrl: logo,
          logoAlt: 'Field Notes',
          iconUrl: logo,
          headerText: 'Back on 3 January.',
          footerText: '© Field Notes',
          customCss: '.post__title {\r\n  font-family: Georgia, serif;\r\n}',
        },
        blog.db,
      )
      expect(good).toMatchObject({ ok: true, changes: publicChanges({ settings: true }) })
      expect(await getSiteSettings(blog.db)).toMatchObject({
        accentColor: '#1d6b52',
        logoUrl: logo,
        logoAlt: 'Field Notes',
        iconUrl: logo,
        headerText: 'Back on 3 January.',
        footerText: '© Field Notes',
        customCss: '.post__title {\n  font-family: Georgia, serif;\n}',
      })
    })

    it('keep what someone else changed since the form was loaded, in the fields this person left alone', async () => {
      const shown = settingsAsForm(await getSiteSettings(blog.db))
      // Meanwhile an import adds a header link.
      expect(
        (await saveSettings(viewers.admin, { ...shown, navigation: 'About us | /pages/about-us' }, blog.db)).ok,
      ).toBe(true)
      // The form loaded before it is saved with a new title, the links as it showed them (CRLF, as browsers send).
      const result = await saveSettings(
        viewers.admin,
        {
          ...shown,
          title: 'Field notes',
          navigation: shown.navigation.replace(/\n/g, '\r\n'),
          shown: JSON.stringify(shown),
        },
        blog.db,
      )
      expect(result).toMatchObject({ ok: true, changed: ['title'] })
      expect(await getSiteSettings(blog.db)).toMatchObject({
        title: 'Field notes',
        navigation: [{ label: 'About us', href: '/pages/about-us' }],
      })
      // A field this person did change is saved, even over someone else's change.
      expect(
        await saveSettings(
          viewers.admin,
          { ...shown, navigation: 'Mine | /pages/mine', shown: JSON.stringify(shown) },
          blog.db,
        ),
      ).toMatchObject({ ok: true, changed: ['navigation'] })
      expect(await getSiteSettings(blog.db)).toMatchObject({
        title: 'Field notes',
        navigation: [{ label: 'Mine', href: '/pages/mine' }],
      })
    })
  })
})
