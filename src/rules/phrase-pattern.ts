import { foldForMatching, foldNormalized, needsFullFold } from '../text/fold-for-matching.js'
import { INVISIBLE_CLASS } from '../text/invisible.js'
import { hasNonAscii } from '../text/ascii.js'

/**
 * A phrase rule compiled for linear matching. Syntax (after Misskey's prohibited words, without
 * its regular expressions):
 * - words separated by spaces must all appear, in any order (`verify mastodon`);
 * - `"double quotes"` keep words together as one phrase, in order (`"fediverse chick"`);
 * - `*` inside a word or phrase stands for any characters (`verif*`, `"made me $* in"`);
 * - a leading `-` excludes: the rule does not match when that word appears (`discord -server`).
 *
 * Matching ignores case, width, NFKC differences, homoglyphs and all white space, so
 * `"画像が貼れなかった"` matches `画像が 貼れなかった` and `ＦＥＤＩＶＥＲＳＥ chick`. Each piece is
 * found with `indexOf` from where the previous one ended: no backtracking, linear in the text
 * for a given pattern.
 */
export interface CompiledPhrase {
  /** The pattern as written. */
  readonly pattern: string
  /** Terms that must all match; each is a list of pieces found in order. */
  readonly required: readonly (readonly string[])[]
  /** Terms none of which may match. */
  readonly excluded: readonly (readonly string[])[]
  readonly blatant: boolean
  /** A note for the reason message (a campaign or list name). */
  readonly note: string | undefined
  /**
   * The rarest character of the required terms (kanji, Hangul and emoji before kana, kana
   * before ASCII letters by English frequency, digits and punctuation last): text without it
   * cannot match, which `matchPhrases` checks before it compacts the text.
   */
  readonly anchor: string
}

/** Limits that keep compiled phrases small. */
export const PHRASE_LIMITS = { maxPatternLength: 500, maxTerms: 16 } as const

const WHITE_SPACE = /\s+/gu
const INVISIBLE_OR_SPACE = /* @__PURE__ */ new RegExp(`[\\s${INVISIBLE_CLASS}]+`, 'gu')
const INVISIBLE = /* @__PURE__ */ new RegExp(`[${INVISIBLE_CLASS}]`, 'u')

/** Lower-cased NFKC text with white space and invisible characters removed (the second only when present: rare, and slower to look for in a global replace). */
function compactLower(lower: string): string {
  return INVISIBLE.test(lower) ? lower.replace(INVISIBLE_OR_SPACE, '') : lower.replace(WHITE_SPACE, '')
}

/**
 * Folds text the way phrase patterns are folded: `foldForMatching`, then all white space removed.
 * Text with nothing for the look-alike table (Japanese, most English) takes a shorter path with
 * the same result: NFKC, lower case, invisible characters and white space removed.
 *
 * @param text - any text
 * @returns the compact folded text
 */
export function compactForPhrases(text: string): string {
  if (!hasNonAscii(text)) return text.toLowerCase().replace(WHITE_SPACE, '')
  const nfkc = text.normalize('NFKC')
  if (needsFullFold(nfkc)) return foldForMatching(text).replace(WHITE_SPACE, '')
  return compactLower(nfkc.toLowerCase())
}

/**
 * Compiles a phrase pattern.
 *
 * @param pattern - the pattern (see `CompiledPhrase` for the syntax)
 * @param blatant - whether a match is blatant spam
 * @param note - a note for the reason message
 * @returns the compiled phrase, or a string saying what is wrong with the pattern
 * @example
 * compilePhrase('verif* "mastodon support team"', false, undefined)
 */
export function compilePhrase(pattern: string, blatant: boolean, note: string | undefined): CompiledPhrase | string {
  if (pattern.length > PHRASE_LIMITS.maxPatternLength) return `is longer than ${PHRASE_LIMITS.maxPatternLength} characters`
  const trimmed = pattern.trim()
  if (trimmed === '') return 'is empty'
  if (trimmed.length > 2 && trimmed.startsWith('/') && trimmed.endsWith('/')) {
    return 'looks like a regular expression, which phrase lists do not support (they could run for ages on hostile text): use words, "quoted phrases" and * instead'
  }
  const folded = foldForMatching(trimmed)
  const terms: { text: string; excluded: boolean }[] = []
  let current = ''
  let quoted = false
  let excluded = false
  const flush = (): void => {
    if (current !== '' || quoted) terms.push({ text: current, excluded })
    current = ''
    excluded = false
  }
  for (const char of folded) {
    if (char === '"') {
      if (quoted) {
        flush()
        quoted = false
      } else {
        if (current !== '') flush()
        quoted = true
      }
    } else if (!quoted && /\s/u.test(char)) {
      flush()
    } else if (!quoted && char === '-' && current === '' && !excluded) {
      excluded = true
    } else {
      current += char
    }
  }
  if (quoted) return 'has an unclosed "'
  flush()
  if (terms.length > PHRASE_LIMITS.maxTerms) return `has more than ${PHRASE_LIMITS.maxTerms} terms`
  const required: string[][] = []
  const excludedTerms: string[][] = []
  for (const term of terms) {
    const pieces = term.text.replace(WHITE_SPACE, '').split('*').filter((p) => p !== '')
    if (pieces.length === 0) return `has a term with nothing to match: ${JSON.stringify(term.text)}`
    ;(term.excluded ? excludedTerms : required).push(pieces)
  }
  if (required.length === 0) return 'has only excluded terms (-word): add a word that must appear'
  return { pattern, required, excluded: excludedTerms, blatant, note, anchor: rarestCharacter(required) }
}

// How common a character is in posts, to pick the anchor: ASCII letters by English frequency
// (e most, z least), digits and punctuation as very common, kana as common in Japanese posts,
// and kanji, Hangul and emoji as rare.
const LETTERS_BY_FREQUENCY = 'zqxjkvbpygfwmucldrhsnioate'

function commonness(char: string): number {
  const letter = LETTERS_BY_FREQUENCY.indexOf(char)
  if (letter >= 0) return letter + 1
  const code = char.codePointAt(0) ?? 0
  if (code < 0x80) return 40
  if (code >= 0x3040 && code <= 0x30ff) return 20
  return 0
}

function rarestCharacter(terms: readonly (readonly string[])[]): string {
  let best = ''
  let bestRank = Number.POSITIVE_INFINITY
  for (const pieces of terms) {
    for (const piece of pieces) {
      for (const char of piece) {
        const rank = commonness(char)
        if (rank < bestRank) {
          best = char
          bestRank = rank
        }
      }
    }
  }
  return best
}

/**
 * The distinct anchors of a phrase list, to look each up once per text (`ResolvedRules` keeps
 * them, computed when the rules are resolved).
 *
 * @param phrases - compiled phrases
 * @returns the distinct anchor characters
 */
export function phraseAnchors(phrases: readonly CompiledPhrase[]): string[] {
  return [...new Set(phrases.map((p) => p.anchor))]
}

/**
 * The pairs of ASCII letters that sit side by side in each phrase's required pieces (`ve`, `er`,
 * … of `verif*`), as numbers (`32 × first + second`, `a` = 0): a text whose compact form lacks one
 * of them cannot match. `ResolvedRules` keeps them, computed when the rules are resolved.
 *
 * @param phrases - compiled phrases
 * @returns the distinct pairs of each phrase, in list order
 */
export function phraseLetterPairs(phrases: readonly CompiledPhrase[]): number[][] {
  return phrases.map((p) => {
    const pairs = new Set<number>()
    for (const pieces of p.required) {
      for (const piece of pieces) {
        for (let i = 1; i < piece.length; i++) {
          const first = piece.charCodeAt(i - 1) - 97
          const second = piece.charCodeAt(i) - 97
          if (first >= 0 && first < 26 && second >= 0 && second < 26) pairs.add(first * 32 + second)
        }
      }
    }
    return [...pairs]
  })
}

/**
 * The pairs of ASCII letters (either case) that may sit side by side once the text is compacted:
 * one number per first letter, one bit per second letter (26 bits stay small integers in V8).
 * White space, controls and every non-ASCII character are stepped over (compaction removes white
 * space and invisible characters; stepping over more only adds pairs), other ASCII characters
 * stay and part the letters around them.
 */
function textLetterPairs(text: string): number[] {
  // A plain array: allocating a small typed array costs more than the whole scan.
  const bits = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
  let previous = -1
  const length = text.length
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i)
    const lower = code | 0x20
    if (lower >= 97 && lower <= 122) {
      const letter = lower - 97
      if (previous >= 0) bits[previous]! |= 1 << letter
      previous = letter
    } else if (code > 0x20 && code < 0x7f) {
      previous = -1
    }
  }
  return bits
}

function hasPairs(bits: readonly number[], pairs: readonly number[]): boolean {
  for (const pair of pairs) if ((bits[pair >> 5]! & (1 << (pair & 31))) === 0) return false
  return true
}

/** The phrases whose anchor is in the (lowercased) text: each distinct anchor is looked up once. */
function withAnchorIn(phrases: readonly CompiledPhrase[], anchors: readonly string[], lower: string): readonly CompiledPhrase[] {
  let present: string[] | undefined
  for (const anchor of anchors) if (lower.includes(anchor)) (present ??= []).push(anchor)
  if (present === undefined) return []
  if (present.length === anchors.length) return phrases
  const found = present
  return phrases.filter((p) => found.includes(p.anchor))
}

/**
 * The phrases whose letter pairs and anchor are all in the text. `text` is the lowercased text,
 * or for ASCII text the text itself (`ascii`): the pairs ignore case, and the text is lowercased
 * only for a phrase that has them all. Compaction only removes characters, so a phrase that fails
 * here cannot match.
 */
function withPairsIn(phrases: readonly CompiledPhrase[], pairs: readonly (readonly number[])[], text: string, ascii: boolean): { readonly candidates: readonly CompiledPhrase[]; readonly lower: string } {
  const bits = textLetterPairs(text)
  let lower: string | undefined = ascii ? undefined : text
  let candidates: CompiledPhrase[] | undefined
  for (let i = 0; i < phrases.length; i++) {
    const phrase = phrases[i]!
    // A phrase anchored on a character that is not ASCII cannot match ASCII text.
    if (!hasPairs(bits, pairs[i]!) || (ascii && phrase.anchor.charCodeAt(0) >= 0x80)) continue
    lower ??= text.toLowerCase()
    if (lower.includes(phrase.anchor)) (candidates ??= []).push(phrase)
  }
  return { candidates: candidates ?? [], lower: lower ?? '' }
}

/**
 * The phrases that match a text: `compactForPhrases` work is done only when some phrase's anchor
 * character (and, with `pairs`, every pair of letters) is in the text: most statuses match no
 * phrase and skip it.
 *
 * @param phrases - compiled phrases
 * @param text - any text (not yet folded)
 * @param anchors - `phraseAnchors(phrases)`, when the caller keeps it
 * @param pairs - `phraseLetterPairs(phrases)`, when the caller keeps it: phrases whose letter
 * pairs are not all in the text are then skipped before the text is compacted
 * @returns the matching phrases, in list order
 */
export function matchPhrases(phrases: readonly CompiledPhrase[], text: string, anchors: readonly string[] = phraseAnchors(phrases), pairs?: readonly (readonly number[])[]): CompiledPhrase[] {
  if (phrases.length === 0 || text === '') return []
  const withPairs = pairs !== undefined && pairs.length === phrases.length ? pairs : undefined
  let compact: string
  if (!hasNonAscii(text)) {
    let lower: string
    let candidates: readonly CompiledPhrase[]
    if (withPairs === undefined) {
      lower = text.toLowerCase()
      candidates = withAnchorIn(phrases, anchors, lower)
    } else {
      ;({ candidates, lower } = withPairsIn(phrases, withPairs, text, true))
    }
    if (candidates.length === 0) return []
    compact = lower.replace(WHITE_SPACE, '')
    return candidates.filter((p) => phraseMatches(p, compact))
  }
  const nfkc = text.normalize('NFKC')
  // Look-alike letters fold to other characters: only the full fold can tell.
  if (needsFullFold(nfkc)) {
    // NFKC is done: fold from it rather than from the text again.
    compact = foldNormalized(nfkc).replace(WHITE_SPACE, '')
    return phrases.filter((p) => phraseMatches(p, compact))
  }
  const lower = nfkc.toLowerCase()
  const candidates = withPairs === undefined ? withAnchorIn(phrases, anchors, lower) : withPairsIn(phrases, withPairs, lower, false).candidates
  if (candidates.length === 0) return []
  compact = compactLower(lower)
  return candidates.filter((p) => phraseMatches(p, compact))
}

function termMatches(pieces: readonly string[], compact: string): boolean {
  let from = 0
  for (const piece of pieces) {
    const at = compact.indexOf(piece, from)
    if (at < 0) return false
    from = at + piece.length
  }
  return true
}

/**
 * Whether a compiled phrase matches a text already folded by `compactForPhrases`.
 *
 * @param phrase - the compiled phrase
 * @param compact - the compact folded text
 * @returns whether every required term and no excluded term is found
 */
export function phraseMatches(phrase: CompiledPhrase, compact: string): boolean {
  for (const pieces of phrase.required) if (!termMatches(pieces, compact)) return false
  for (const pieces of phrase.excluded) if (termMatches(pieces, compact)) return false
  return true
}
