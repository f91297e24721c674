// Numbers read from addresses and forms. Anything else (signs, spaces, exponents, leading zeros,
// a number too long to be an id) is not a number here, so a handler answers "not found" rather than
// querying with NaN or a rounded float.

/** A row id (1 to 12 digits, no leading zero) from a route parameter, query or form field; else null. */
export function parseId(raw: unknown): number | null {
  return typeof raw === 'string' && /^[1-9]\d{0,11}$/.test(raw) ? Number(raw) : null
}

/** A page number (1 to 999999) from a route parameter or query; else null. */
export function parsePage(raw: unknown): number | null {
  return typeof raw === 'string' && /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : null
}

/** A page number from an address where page 1 has none of its own (/page/<n>, …/comments/page/<n>): 2 and up, else null. */
export function parseLaterPage(raw: unknown): number | null {
  const page = parsePage(raw)
  return page !== null && page > 1 ? page : null
}
