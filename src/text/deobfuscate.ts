import { reorderBidiOverrides } from './transformers/bidi-overrides.js'
import { decodePercentEscapes } from './transformers/percent-decoding.js'
import { decodePunycodeLabels } from './transformers/punycode-labels.js'
import { skeletonChars } from './transformers/skeleton-chars.js'
import { joinSpacedLetters } from './transformers/spaced-letters.js'
import { readSpelledPunctuation } from './transformers/spelled-punctuation.js'
import type { Transformed, Transformer } from './transformers/types.js'

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

function run(text: string, withMap: boolean): Transformed {
  let current: Transformed = { text, from: withMap ? Array.from({ length: text.length }, (_, i) => i) : undefined }
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
  const skeleton = run(text, false).text
  let from: readonly number[] | undefined
  return {
    text: skeleton,
    original: text,
    span(start, end) {
      from ??= run(text, true).from ?? []
      if (end <= start || from.length === 0) return { start: 0, end: 0 }
      const first = from[Math.max(0, Math.min(start, from.length - 1))] ?? 0
      const lastAt = from[Math.max(0, Math.min(end - 1, from.length - 1))] ?? first
      // The last character written may be a surrogate pair.
      const lastCode = text.charCodeAt(lastAt)
      const width = lastCode >= 0xd800 && lastCode < 0xdc00 ? 2 : 1
      return { start: first, end: Math.min(text.length, Math.max(lastAt + width, first)) }
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
  return run(text, false).text
}

// Letters and digits of every script; everything else (spaces, punctuation, symbols, emoji)
// is left out of the compact form.
const NOT_WORD = /[^\p{L}\p{N}]+/gu

/**
 * The compact form of a skeleton that phrases are matched in: letters and digits only, so a
 * listed phrase matches with spaces, punctuation, symbols or emoji between its words and letters
 * (`verify-your.account` matches `verify your account`).
 *
 * @param skeletonText - a skeleton
 * @returns its letters and digits
 */
export function compactSkeleton(skeletonText: string): string {
  return skeletonText.replace(NOT_WORD, '')
}
