import { reorderBidiOverrides } from './transformers/bidi-overrides.js'
import { decodePercentEscapes } from './transformers/percent-decoding.js'
import { decodePunycodeLabels } from './transformers/punycode-labels.js'
import { skeletonChars } from './transformers/skeleton-chars.js'
import { joinSpacedLetters } from './transformers/spaced-letters.js'
import { readSpelledPunctuation } from './transformers/spelled-punctuation.js'
import type { Transformed, Transformer } from './transformers/types.js'
import { hasNonAscii } from './ascii.js'

/**
 * The de-obfuscation layer's transformers, in order. Each is a small pure function of the text
 * (and, when asked, of the map to the original), composed as obscenity composes its transformers:
 * 1. `reorderBidiOverrides`: text under a right-to-left override in the order a reader sees it;
 * 2. `decodePercentEscapes`: `%64iscord` → `discord`;
 * 3. `decodePunycodeLabels`: `xn--68j5e377y.com` → `荒らし.com`;
 * 4. `skeletonChars`: the TR39 skeleton per code point from the generated table (NFKC, case
 *    folding, look-alike letters as the Latin letter, marks and format characters removed);
 * 5. `readSpelledPunctuation`: `(dot)`, `[.]`, ` dot `, `。`, `ドット`, `てん`, `スラッシュ`, `ディスコード`;
 * 6. `joinSpacedLetters`: `d i s c o r d` → `discord`.
 */
export const TRANSFORMERS: readonly Transformer[] = [reorderBidiOverrides, decodePercentEscapes, decodePunycodeLabels, (text, from) => skeletonChars(text, from, from !== undefined), readSpelledPunctuation, joinSpacedLetters]

/** A text as every matcher reads it, with the way back to the text as written. */
export interface Deobfuscated {
  /** The skeleton: what every matcher reads. */
  readonly text: string
  /** The text as written. */
  readonly original: string
  /**
   * The span of the original that gave `text[start, end)`, for evidence (`end` exclusive; the
   * map is built on the first call, not before).
   */
  span(start: number, end: number): { readonly start: number; readonly end: number }
}

/** The transformers in order without maps, each called only when its text can change. */
function runFast(text: string): string {
  let t = text
  if (t.includes('\u202e')) t = reorderBidiOverrides(t, undefined).text
  if (t.includes('%')) t = decodePercentEscapes(t, undefined).text
  if (t.includes('--')) t = decodePunycodeLabels(t, undefined).text
  // Whether the skeleton is ASCII, told once for the two steps after it (an ASCII text is its own
  // skeleton but for case, as `skeletonChars` says; ASCII stays ASCII through both steps).
  let ascii: boolean
  if (hasNonAscii(t)) {
    t = skeletonChars(t).text
    ascii = !hasNonAscii(t)
  } else {
    t = t.toLowerCase()
    ascii = true
  }
  t = readSpelledPunctuation(t, undefined, ascii).text
  return joinSpacedLetters(t, undefined, ascii).text
}

function run(text: string, withMap: boolean): Transformed {
  if (!withMap) return { text: runFast(text), from: undefined }
  let identity: number[] | undefined
  if (withMap) {
    identity = new Array<number>(text.length)
    for (let i = 0; i < text.length; i++) identity[i] = i
  }
  let current: Transformed = { text, from: identity }
  for (const transform of TRANSFORMERS) current = transform(current.text, current.from)
  return current
}

/**
 * Runs the de-obfuscation layer once over a text: the skeleton every matcher reads (links and
 * invites, campaign domains, look-alikes, phrases, near-duplicate shingles, OCR text), and a map
 * back to the original for evidence. Never throws; linear in the text's length. Idempotent:
 * `deobfuscate(deobfuscate(t).text).text === deobfuscate(t).text`.
 *
 * @param text - any text
 * @returns the skeleton and the way back
 * @example
 * deobfuscate('ᴅɪꜱᴄᴏʀᴅ (dot) gg / ABC').text //=> 'discord.gg/abc'
 */
export function deobfuscate(text: string): Deobfuscated {
  if (text === '') return EMPTY
  const skeleton = runFast(text)
  let from: readonly number[] | undefined
  let lower: string | undefined
  return {
    text: skeleton,
    original: text,
    span(start, end) {
      if (from === undefined && end > start) {
        // Without the map when the span reads as written, but for case (a plain URL): the same
        // characters, lowercased, are in the original. Building the map costs a second run.
        lower ??= text.toLowerCase()
        if (lower.length === text.length) {
          const at = lower.indexOf(skeleton.slice(start, end))
          if (at >= 0) return { start: at, end: at + (end - start) }
        }
      }
      from ??= run(text, true).from ?? []
      if (end <= start || from.length === 0) return { start: 0, end: 0 }
      // Smallest and largest offset of the span: under a right-to-left override the offsets run
      // backwards.
      let low = Number.POSITIVE_INFINITY
      let high = -1
      const last = Math.min(end, from.length)
      for (let i = Math.max(0, start); i < last; i++) {
        const at = from[i]!
        if (at < low) low = at
        if (at > high) high = at
      }
      if (high < 0) return { start: 0, end: 0 }
      // The last character written may be a surrogate pair.
      const highCode = text.charCodeAt(high)
      return { start: low, end: Math.min(text.length, high + (highCode >= 0xd800 && highCode < 0xdc00 ? 2 : 1)) }
    },
  }
}

/**
 * The skeleton of a text (`deobfuscate(text).text`), for callers that need no evidence.
 *
 * @param text - any text
 * @returns the skeleton
 */
export function skeleton(text: string): string {
  return text === '' ? '' : runFast(text)
}

/**
 * The skeleton of a host name: the per-character step of the layer only (look-alike letters,
 * NFKC, case, marks and format characters), without the steps that read running text (spaced
 * letters would join `a.b.c.example` into `abc.example`). For hosts already read as a browser
 * reads them (percent-escapes and Punycode decoded).
 *
 * @param host - a host, lowercased
 * @returns its skeleton
 */
export function hostSkeleton(host: string): string {
  return skeletonChars(host).text
}

const EMPTY: Deobfuscated = { text: '', original: '', span: () => ({ start: 0, end: 0 }) }

// Letters and digits of every script, and `#` (a hashtag phrase stays one); everything else
// (spaces, punctuation, symbols, emoji) is left out of the compact form.
const NOT_WORD = /[^\p{L}\p{N}#]+/gu

/**
 * The compact form of a skeleton that phrases are matched in: letters, digits and `#` only, so a
 * listed phrase matches with spaces, punctuation, symbols or emoji between its words and letters
 * (`verify-your.account` matches `verify your account`).
 *
 * @param skeletonText - a skeleton
 * @returns its letters and digits
 */
export function compactSkeleton(skeletonText: string): string {
  return skeletonText.replace(NOT_WORD, '')
}
