// Fixed locale and zone so the same post renders the same HTML on every server.
const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'UTC' })

/** "18 March 2013". */
export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso))
}

/** "18 March 2013 at 13:40". */
export function formatDateTime(iso: string): string {
  const d = new Date(iso)
  return `${dateFormat.format(d)} at ${timeFormat.format(d)}`
}
