import { CONFUSABLE_TO_ASCII } from '../data/confusables.js'
import { INVISIBLE_CLASS } from './invisible.js'
import { hasNonAscii } from './ascii.js'

// Format characters (zero-width space/joiners, bidi controls, soft hyphen, BOM, tag characters),
// variation selectors and the Hangul/Braille blanks that render as nothing.
const INVISIBLE = /* @__PURE__ */ new RegExp(`[${INVISIBLE_CLASS}]`, 'gu')
const COMBINING_MARK = /\p{Mn}/u
/**
 * Characters the per-character pass below may change: accented and extended Latin, IPA, Greek,
 * Cyrillic, Armenian, small capitals, Latin Extended Additional, the letterlike ℓ, and marks.
 * Text without them (Japanese, Chinese, Korean, emoji) skips that pass: NFKC, lower case and
 * invisible characters removed is then already the fold. A test checks that every key of
 * CONFUSABLE_TO_ASCII matches.
 */
export const NEEDS_FULL_FOLD = /[\u00c0-\u058f\u1d00-\u1eff\u2113\p{M}]/u
// Characters NEEDS_FULL_FOLD never matches, in a class without the `u` flag (a `\p{M}` class with
// it costs about 5 ns a character): ASCII and Latin-1 punctuation, general punctuation, arrows and
// symbols, CJK punctuation, kana and kanji (not the marks U+302A–U+302F, U+3099, U+309A), Hangul
// syllables, halfwidth and fullwidth forms, and the emoji planes U+1F000–U+1FBFF (high surrogates
// U+D83C–U+D83E; any other high surrogate is outside the class). A test checks every code point.
const MAY_NEED_FULL_FOLD = /[^\u0000-\u00bf\u2000-\u20cf\u2190-\u23ff\u2460-\u27ff\u3000-\u3029\u3030-\u3098\u309b-\u9fff\uac00-\ud7a3\ud83c-\ud83e\udc00-\udfff\uff00-\uffef]/

// What the loop of foldNormalized gives each character from U+00C0 to U+024F (Latin-1 letters,
// Latin Extended-A and -B) that is not in the look-alike table: the ASCII (or look-alike) base of
// its NFD form, or '' to keep it. Built once from NFD, the same rule as for other characters.
const LATIN_FROM = 0xc0
const LATIN_TO = 0x250
const LATIN_BASE: readonly string[] = /* @__PURE__ */ (() => {
  const bases: string[] = []
  for (let code = LATIN_FROM; code < LATIN_TO; code++) {
    const char = String.fromCharCode(code)
    const nfd = char.normalize('NFD')
    const base = nfd === char ? '' : (nfd[0] ?? '')
    bases.push(base === '' ? '' : base.charCodeAt(0) < 0x80 ? base : (CONFUSABLE_TO_ASCII[base] ?? ''))
  }
  return bases
})()

/**
 * `NEEDS_FULL_FOLD.test(text)`, faster on text of other scripts: the slow test runs only when the
 * text has a character outside the ranges it never matches.
 *
 * @param text - any text
 * @returns whether the text has a character the per-character pass of `foldForMatching` may change
 */
export function needsFullFold(text: string): boolean {
  return MAY_NEED_FULL_FOLD.test(text) && NEEDS_FULL_FOLD.test(text)
}

/**
 * Folds text for matching: NFKC (fullwidth ｄｉｓｃｏｒｄ and 𝐝𝐢𝐬𝐜𝐨𝐫𝐝 become discord), lower case,
 * invisible and format characters removed, and letters that imitate ASCII letters (Cyrillic с,
 * Greek ο, …) replaced by the letter they imitate. Japanese and other scripts are left as NFKC
 * gives them: kana and kanji are never folded, and combining marks are dropped only after ASCII
 * letters (the "zalgo" trick, and accents on Latin letters: `dïscord` → `discord`), so dakuten
 * survive. Idempotent; linear in the text's length.
 *
 * @param text - any text
 * @returns the folded text
 * @example
 * foldForMatching('ｄіѕсоrd.gg/ABC') //=> 'discord.gg/abc'
 */
export function foldForMatching(text: string): string {
  if (!hasNonAscii(text)) return text.toLowerCase()
  return foldNormalized(text.normalize('NFKC'))
}

/**
 * `foldForMatching` for text already in NFKC (`foldForMatching(text)` is
 * `foldNormalized(text.normalize('NFKC'))`), for callers that normalized it already.
 *
 * @param normalized - text in NFKC
 * @returns the folded text
 */
export function foldNormalized(normalized: string): string {
  const nfkc = normalized.toLowerCase().replace(INVISIBLE, '')
  if (!hasNonAscii(nfkc) || !needsFullFold(nfkc)) return nfkc
  let out = ''
  let previousAscii = false
  const length = nfkc.length
  for (let i = 0; i < length; ) {
    const code = nfkc.charCodeAt(i)
    if (code < 0x80) {
      // A run of ASCII is copied whole.
      const start = i
      while (i < length && nfkc.charCodeAt(i) < 0x80) i++
      out += nfkc.slice(start, i)
      previousAscii = true
      continue
    }
    const char = code >= 0xd800 && code <= 0xdbff ? String.fromCodePoint(nfkc.codePointAt(i) ?? code) : nfkc.charAt(i)
    i += char.length
    let mapped = CONFUSABLE_TO_ASCII[char]
    if (mapped === undefined && code >= LATIN_FROM && code < LATIN_TO) {
      // Accented Latin, the most common case, from a table.
      mapped = LATIN_BASE[code - LATIN_FROM] || undefined
    } else if (mapped === undefined && code < 0x1f00) {
      // A letter NFKC composed with its accent (é, and ś from s + U+0301, the first mark of a
      // zalgo stack; ά, ё): its base, when that is ASCII or imitates ASCII. Only below U+1F00
      // (Latin, Greek, Cyrillic, Armenian, Latin Extended Additional): kana keep their dakuten,
      // and compactForPhrases (src/rules/phrase-pattern.ts) relies on this range.
      const nfd = char.normalize('NFD')
      if (nfd !== char) {
        const base = nfd[0] ?? ''
        mapped = base.charCodeAt(0) < 0x80 ? base : CONFUSABLE_TO_ASCII[base]
      }
    }
    if (mapped !== undefined) {
      out += mapped
      previousAscii = true
    } else if (previousAscii && COMBINING_MARK.test(char)) {
      // A mark stacked on an ASCII letter: drop it (keeps ｄ̸ｉ̸ｓ̸ matching, leaves kana alone).
    } else {
      out += char
      previousAscii = false
    }
  }
  return out
}
