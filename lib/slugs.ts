/**
 * Addresses from titles, in every script.
 *
 * A slug keeps the title's words in their own script (東京の夜, नमस्ते-दुनिया, привет-мир), lower-cased
 * and joined by hyphens, in Unicode's composed form (NFC) so that the same title always gives the
 * same address, however the keyboard typed it. Accents on Latin letters are dropped as WordPress does
 * (café → cafe, Straße → strasse); the marks of other scripts are part of their letters (Devanagari's
 * vowel signs, Thai's vowels and tones, kana's voicing marks, Cyrillic's й) and stay.
 */

/** Latin letters that are not a base letter plus an accent, folded the way WordPress folds them. */
const LATIN_FOLDS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  ø: 'o',
  œ: 'oe',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
  ŋ: 'n',
}
const LATIN_FOLDABLE = new RegExp(`[${Object.keys(LATIN_FOLDS).join('')}]`, 'g')

/** How long a slug may be, in what a reader sees as characters (grapheme clusters). */
export const SLUG_MAX_CHARACTERS = 80

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/** A URL slug from a title: its words in lower case, joined by hyphens, NFC, at most 80 characters. */
export function slugify(text: string): string {
  const words = text
    // Compatibility forms become ordinary ones (ﬁ → fi, half-width ｶ → カ, full-width Ａ → a).
    .normalize('NFKC')
    .toLowerCase()
    // Invisible format characters (zero-width joiners, Persian's ZWNJ, bidi marks) join nothing in an address.
    .replace(/\p{Cf}/gu, '')
    // Apostrophes join a word, as in WordPress: don't → dont.
    .replace(/(?<=[\p{L}\p{N}])['’](?=[\p{L}\p{N}])/gu, '')
    .normalize('NFD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .replace(LATIN_FOLDABLE, (letter) => LATIN_FOLDS[letter])
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
  return cut(words, SLUG_MAX_CHARACTERS)
}

/** The first `max` grapheme clusters of a slug, never ending in a hyphen or halfway through a letter. */
function cut(slug: string, max: number): string {
  let kept = ''
  let count = 0
  for (const { segment } of graphemes.segment(slug)) {
    if (++count > max) break
    kept += segment
  }
  return kept.replace(/-+$/, '')
}

/**
 * The slug an address asks for. Next.js may hand a dynamic segment over still percent-encoded
 * (/posts/%E6%9D%B1…) or decoded; a slug never holds a `%`, so decoding is safe either way. A link
 * typed or copied on a system that decomposes characters (macOS file names, some keyboards) arrives
 * in NFD, which is the same address to a reader and so must be the same to us.
 */
export function slugFromAddress(segment: string): string {
  let decoded = segment
  try {
    decoded = decodeURIComponent(segment)
  } catch {
    // A malformed escape: no slug holds one, so the raw text finds nothing and the page is a 404.
  }
  return decoded.normalize('NFC')
}
