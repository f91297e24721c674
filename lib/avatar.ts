export const AVATAR_COLOURS = 8

/** Initials and a colour index for a locally drawn avatar; no outside service is ever asked. */
export function avatarFor(name: string): { initials: string; colour: number } {
  const words = name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[\s._-]+/)
    .filter(Boolean)
  const initials =
    words.length === 0
      ? '?'
      : words.length === 1
        ? Array.from(words[0])[0]
        : Array.from(words[0])[0] + Array.from(words[words.length - 1])[0]
  let hash = 0
  for (const ch of name) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0
  return { initials: initials.toUpperCase(), colour: hash % AVATAR_COLOURS }
}
