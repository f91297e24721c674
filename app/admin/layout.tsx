import type { Metadata } from 'next'
import Link from 'next/link'
import type { ReactNode } from 'react'
import { SiteFooter } from '@/app/_ui/site-header'

export const metadata: Metadata = { title: { default: 'Admin', template: '%s – Admin' }, robots: { index: false } }

// Navigation only: every admin page and action checks the viewer's capability itself (lib/auth/guard).
export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="site-header">
        <div className="site-header__inner admin-header">
          <p className="site-title">
            <Link href="/admin">Admin</Link>
          </p>
          <nav aria-label="Admin">
            <ul className="admin-nav">
              <li>
                <Link href="/admin/posts">Posts</Link>
              </li>
              <li>
                <Link href="/admin/comments">Comments</Link>
              </li>
              <li>
                <Link href="/admin/mentions">Mentions</Link>
              </li>
              <li>
                <Link href="/admin/people">People</Link>
              </li>
              <li>
                <Link href="/admin/settings">Settings</Link>
              </li>
              <li>
                <Link href="/admin/audit">Audit log</Link>
              </li>
              <li>
                <Link href="/admin/mail">Outgoing mail</Link>
              </li>
              <li>
                <Link href="/admin/import">Import and export</Link>
              </li>
              <li>
                <Link href="/">View the blog</Link>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      {children}
      <SiteFooter />
    </>
  )
}
