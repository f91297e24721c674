import { signOutAction } from '@/app/(site)/signin/actions'
import { type Language, translator } from '@/lib/i18n'

/**
 * A Sign out button: a form, so never put it inside a <p> (use a div). A server component: a client
 * one would put the sign-in actions into every page's bundle that shows it (the post page's too).
 */
export function SignOutButton({ language, returnTo = '/' }: { language: Language; returnTo?: string }) {
  return (
    <form action={signOutAction} className="inline-form">
      <input type="hidden" name="returnTo" value={returnTo} />
      <button type="submit" className="link-button">
        {translator(language, 'client.account')('signOut')}
      </button>
    </form>
  )
}
