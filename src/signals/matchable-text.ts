import type { NormalizedStatus } from '../status/normalized-status.js'
import { statusTexts } from '../status/status-texts.js'
import { skeleton } from '../text/deobfuscate.js'
import { DIGIT_LETTERS } from '../data/digit-letters.js'
import { spacedWords } from './words.js'

/**
 * The one place the signals of issue 11 (`credential-phishing`, `impersonation`, the warning
 * context of the blatant signals) read a status's text for matching: through the shared
 * de-obfuscation layer (`skeleton` of `src/text/deobfuscate.ts`: NFKC, case, TR39 look-alikes,
 * marks and format characters, bidi overrides, spelled punctuation, spaced letters), and cue
 * lists are folded the same way (`foldCue`).
 */

/** Characters of the joined text read at most. */
export const MAX_CHARS = 4000
const cache = /* @__PURE__ */ new WeakMap<NormalizedStatus, string>()

/**
 * Every text field a reader sees, joined one a line, as a skeleton: the content warning, the
 * content, poll options, media descriptions, card texts and text read from images.
 *
 * @param status - a normalized status
 * @returns the folded text of the first `MAX_CHARS` characters (computed once per status object)
 */
export function matchableText(status: NormalizedStatus): string {
  let text = cache.get(status)
  if (text !== undefined) return text
  // The layer's output for the status, read once and shared with the link and phrase matchers
  // (`statusTexts`): the content warning, prose and extra texts joined, then the hashtags and
  // link texts, then text read from images.
  const texts = statusTexts(status)
  text = texts.joined.text
  if (texts.anchors.text !== '') text = text === '' ? texts.anchors.text : `${text}\n${texts.anchors.text}`
  if (texts.images.text !== '') text = text === '' ? texts.images.text : `${text}\n${texts.images.text}`
  // Phishing and warnings are short: a long article is read on its first `MAX_CHARS`, which bounds
  // the cost of the matching.
  if (text.length > MAX_CHARS) text = text.slice(0, MAX_CHARS)
  cache.set(status, text)
  return text
}

/**
 * A cue of a lexicon folded as `matchableText` folds text (kana lose their voicing marks in the
 * skeleton: `ログイン` is matched as `ロクイン`).
 *
 * @param cue - a cue as written in a list
 * @returns the folded cue
 */
export function foldCue(cue: string): string {
  return skeleton(cue)
}

/**
 * A name folded for matching, for callers that keep only its letters: the skeleton (lower case
 * alone for printable ASCII), then the digits people type for letters the
 * way Mastodon 4.4's username blocks fold them (`UsernameBlock::HOMOGLYPHS`: 1→i, 2→z, 3→e, 4→a,
 * 5→s, 7→t, 8→b, 9→g, 0→o), plus `@`→a and `$`→s.
 *
 * @param name - a display name or username
 * @returns the folded name
 */
export function matchableName(name: string): string {
  // Plain ASCII names need no skeleton: lower case is all it would do to the letters the
  // callers keep (separators and spacing are dropped by them).
  const folded = PLAIN_ASCII.test(name) ? name.toLowerCase() : skeleton(name)
  // Read by character code: the digits, `@` and `$` are ASCII (a callback per match costs more).
  let out = ''
  let last = 0
  for (let i = 0; i < folded.length; i++) {
    const code = folded.charCodeAt(i)
    if ((code >= 48 && code <= 57) || code === 64 || code === 36) {
      out += folded.slice(last, i) + (NAME_LETTERS[folded[i]!] ?? folded[i]!)
      last = i + 1
    }
  }
  return last === 0 ? folded : out + folded.slice(last)
}

const PLAIN_ASCII = /^[\x20-\x7e]*$/u

// The digits as Mastodon's username blocks read them, and the two symbols names use for letters.
export const NAME_LETTERS: Readonly<Record<string, string>> = { ...DIGIT_LETTERS, '@': 'a', $: 's' }

/**
 * Text reduced to words separated by single spaces, with a space at each end, so that a cue can
 * be found as `" cue "` (a whole word) or `" stem"` (a word start). Letters and digits of any
 * script are kept; everything else separates.
 *
 * @param folded - text from `matchableText`
 * @returns the spaced word text
 */
export function wordText(folded: string): string {
  // Read by character code (`spacedWords`): an expression replacing each run of separators costs
  // about three times as much on these short texts.
  return spacedWords(folded)
}
