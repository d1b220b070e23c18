import { CONFUSABLE_TO_ASCII } from '../data/confusables.js'

// Format characters (zero-width space/joiners, bidi controls, soft hyphen, BOM, tag characters),
// variation selectors and the Hangul/Braille blanks that render as nothing.
const INVISIBLE = /[\p{Cf}\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u2800\u3164\ufe00-\ufe0f\uffa0]|\udb40[\udd00-\uddef]/gu
const NON_ASCII = /[^\u0000-\u007f]/u
const COMBINING_MARK = /\p{Mn}/u

/**
 * Folds text for matching: NFKC (fullwidth ｄｉｓｃｏｒｄ and 𝐝𝐢𝐬𝐜𝐨𝐫𝐝 become discord), lower case,
 * invisible and format characters removed, and letters that imitate ASCII letters (Cyrillic с,
 * Greek ο, …) replaced by the letter they imitate. Japanese and other scripts are left as NFKC
 * gives them: kana and kanji are never folded, and combining marks are dropped only after ASCII
 * letters (the "zalgo" trick), so dakuten survive. Idempotent; linear in the text's length.
 *
 * @param text - any text
 * @returns the folded text
 * @example
 * foldForMatching('ｄіѕсоrd.gg/ABC') //=> 'discord.gg/abc'
 */
export function foldForMatching(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase()
  const nfkc = text.normalize('NFKC').toLowerCase().replace(INVISIBLE, '')
  if (!NON_ASCII.test(nfkc)) return nfkc
  let out = ''
  let previousAscii = false
  for (const char of nfkc) {
    const mapped = CONFUSABLE_TO_ASCII[char]
    if (mapped !== undefined) {
      out += mapped
      previousAscii = true
    } else if (previousAscii && COMBINING_MARK.test(char)) {
      // A mark stacked on an ASCII letter: drop it (keeps ｄ̸ｉ̸ｓ̸ matching, leaves kana alone).
    } else {
      out += char
      previousAscii = char.charCodeAt(0) < 0x80
    }
  }
  // Folding can expose new NFKC compositions only in non-ASCII text, which we left as it was.
  return out
}
