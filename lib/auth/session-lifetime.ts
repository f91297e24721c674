/** Days a session lasts from sign-in, however often it is used (SESSION_MAX_AGE_DAYS, default 30). */
export function sessionLifetimeDays(): number {
  const configured = Number(process.env.SESSION_MAX_AGE_DAYS)
  return Number.isFinite(configured) && configured > 0 && configured <= 3650 ? configured : 30
}

export const sessionLifetimeMs = (): number => sessionLifetimeDays() * 86_400_000
