import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { digestMail, heldCommentMail, replyMail, signInMail } from './templates'

// Mails are written in the site's language: subject, words, links' labels, the unsubscribe line,
// and the HTML's lang and direction.

const reply = {
  id: 7,
  postId: 3,
  body: 'Sehr schön.',
  html: '<p>Sehr schön.</p>',
  authorName: 'Ada',
  postTitle: 'Gärten',
  postSlug: 'gaerten',
}

describe('mails in the site’s language', () => {
  beforeEach(() => {
    vi.stubEnv('AUTH_URL', 'https://blog.example.com')
    vi.stubEnv('AUTH_SECRET', 'a secret for signing unsubscribe links')
  })
  afterEach(() => vi.unstubAllEnvs())

  it('writes a reply notification in English, German and Arabic', () => {
    expect(replyMail({ title: 'Notes', language: 'en' }, reply, 'u1').subject).toBe(
      '[Notes] Ada replied to your comment on “Gärten”',
    )
    const de = replyMail({ title: 'Notizen', language: 'de' }, reply, 'u1')
    expect(de.subject).toBe('[Notizen] Ada hat auf deinen Kommentar zu „Gärten“ geantwortet')
    expect(de.textBody).toContain('Lesen und antworten: https://blog.example.com/c/7')
    expect(de.textBody).toMatch(
      /Keine E-Mails zu deinen Kommentaren \(Antworten, und wenn einer freigegeben wird\) mehr: https:\/\/blog\.example\.com\/unsubscribe\?/,
    )
    expect(de.htmlBody).toContain('<html lang="de" dir="ltr">')
    const ar = replyMail({ title: 'مدونتي', language: 'ar' }, reply, 'u1')
    expect(ar.subject).toBe('[مدونتي] ردّ Ada على تعليقك على «Gärten»')
    expect(ar.htmlBody).toContain('<html lang="ar" dir="rtl">')
    expect(ar.textBody).toContain('اقرأه وردّ عليه: https://blog.example.com/c/7')
  })

  it('counts a digest’s comments with the language’s plural forms', () => {
    const entries = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ kind: 'reply' as const, comment: { ...reply, id: i + 1 }, reason: null }))
    expect(digestMail({ title: 'Notes', language: 'en' }, entries(1), 'u1').subject).toBe(
      '[Notes] Your daily digest: one comment on “Gärten”',
    )
    expect(digestMail({ title: 'Notizen', language: 'de' }, entries(3), 'u1').subject).toBe(
      '[Notizen] Deine tägliche Zusammenfassung: 3 Kommentare zu „Gärten“',
    )
    expect(digestMail({ title: 'مدونتي', language: 'ar' }, entries(2), 'u1').subject).toBe(
      '[مدونتي] ملخصك اليومي: تعليقان على «Gärten»',
    )
  })

  it('tells moderators why a comment waits, in the site’s language, in a mail and in a digest', () => {
    const de = heldCommentMail(
      { title: 'Notizen', language: 'de' },
      reply,
      { rule: 'moderationWord', word: 'casino' },
      'u1',
    )
    expect(de.textBody).toContain('Ein Kommentar zu „Gärten“ wartet auf Freigabe (Moderationswort „casino“).')
    const ar = heldCommentMail({ title: 'مدونتي', language: 'ar' }, reply, { rule: 'links', limit: 3 }, 'u1')
    expect(ar.textBody).toContain('تعليق على «Gärten» محجوز للمراجعة (3 روابط أو أكثر).')
    const held = (reason: Parameters<typeof digestMail>[1][number]['reason']) => ({
      kind: 'held-comment' as const,
      comment: reply,
      reason,
    })
    expect(digestMail({ title: 'Notizen', language: 'de' }, [held({ rule: 'firstComment' })], 'u1').textBody).toContain(
      '(erster Kommentar)',
    )
    // An item queued before reasons were kept as rules keeps its words.
    expect(digestMail({ title: 'Notizen', language: 'de' }, [held('first comment')], 'u1').textBody).toContain(
      '(first comment)',
    )
  })

  it('puts the sign-in link on a line of its own', () => {
    const mail = signInMail(
      { title: 'Notizen', language: 'de' },
      'https://blog.example.com/api/auth/callback/nodemailer?token=abc&email=a%40b.example',
    )
    expect(mail.subject).toBe('Bei Notizen anmelden')
    expect(mail.textBody.split('\n')).toContain(
      'https://blog.example.com/api/auth/callback/nodemailer?token=abc&email=a%40b.example',
    )
    expect(mail.htmlBody).toContain(
      'href="https://blog.example.com/api/auth/callback/nodemailer?token=abc&#38;email=a%40b.example"',
    )
  })
})
