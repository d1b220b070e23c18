import { compactSkeleton, skeleton } from '../text/deobfuscate.js'
import { createMultiPatternMatcher, type MultiPatternMatcher } from '../text/multi-pattern.js'

/**
 * A phrase rule compiled for linear matching. Syntax (after Misskey's prohibited words, without
 * its regular expressions):
 * - words separated by spaces must all appear, in any order (`verify mastodon`);
 * - `"double quotes"` keep words together as one phrase, in order (`"fediverse chick"`);
 * - `*` inside a word or phrase stands for any characters (`verif*`, `"made me $* in"`);
 * - a leading `-` excludes: the rule does not match when that word appears (`discord -server`).
 *
 * Matching reads the text through the de-obfuscation layer (`deobfuscate`: case, width, NFKC,
 * look-alike letters, marks, spelled-out punctuation, spaced letters) and then its letters and
 * digits only (`compactSkeleton`), so `"画像が貼れなかった"` matches `画像が 貼れなかった`,
 * `ＦＥＤＩＶＥＲＳＥ chick`, and a phrase with punctuation or symbols between its words or
 * letters (`verify-your.account`). Every piece of every phrase is found in one scan of one
 * multi-pattern matcher (`createPhraseMatcher`): linear in the text for any number of phrases.
 */
export interface CompiledPhrase {
  /** The pattern as written. */
  readonly pattern: string
  /** Terms that must all match; each is a list of pieces (compact skeletons) found in order. */
  readonly required: readonly (readonly string[])[]
  /** Terms none of which may match. */
  readonly excluded: readonly (readonly string[])[]
  readonly blatant: boolean
  /** A note for the reason message (a campaign or list name). */
  readonly note: string | undefined
}

/** Limits that keep compiled phrases small. */
export const PHRASE_LIMITS = { maxPatternLength: 500, maxTerms: 16 } as const

/**
 * The form phrases are matched in: the text through the de-obfuscation layer, letters and digits
 * only (`compactSkeleton(skeleton(text))`).
 *
 * @param text - any text
 * @returns the compact skeleton
 */
export function compactForPhrases(text: string): string {
  return compactSkeleton(skeleton(text))
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
  // The syntax is read on the NFKC form (fullwidth quotes, spaces and minus signs count); each
  // piece then goes through the layer on its own.
  const normalized = trimmed.normalize('NFKC')
  const terms: { text: string; excluded: boolean }[] = []
  let current = ''
  let quoted = false
  let excluded = false
  const flush = (): void => {
    if (current !== '' || quoted) terms.push({ text: current, excluded })
    current = ''
    excluded = false
  }
  for (const char of normalized) {
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
    const pieces = term.text
      .split('*')
      .map((piece) => compactForPhrases(piece))
      .filter((p) => p !== '')
    if (pieces.length === 0) return `has a term with nothing to match (no letter or digit): ${JSON.stringify(term.text)}`
    ;(term.excluded ? excludedTerms : required).push(pieces)
  }
  if (required.length === 0) return 'has only excluded terms (-word): add a word that must appear'
  return { pattern, required, excluded: excludedTerms, blatant, note }
}

/** Every piece of a phrase list in one automaton, compiled once per rules document. */
export interface PhraseMatcher {
  readonly phrases: readonly CompiledPhrase[]
  /**
   * The phrases that match a compact skeleton (`compactForPhrases`), in list order.
   *
   * @param compact - the text in compact form
   */
  match(compact: string): CompiledPhrase[]
  /**
   * The phrases that match a skeleton (`skeleton(text)`), in list order: the same as
   * `match(compactSkeleton(skeletonText))`, without building the compact text unless a phrase
   * with `*` must be checked.
   *
   * @param skeletonText - the text through the de-obfuscation layer
   */
  matchSkeleton(skeletonText: string): CompiledPhrase[]
  /** The multi-pattern matcher of the pieces (for the linearity test). */
  readonly pieces: MultiPatternMatcher
}

/**
 * Compiles a phrase list into one multi-pattern matcher over all pieces of all phrases: a text is
 * scanned once; a phrase is checked further only when every piece of its required terms was
 * found (for a term with several pieces, their order is then checked with `indexOf` from the
 * first occurrence).
 *
 * @param phrases - compiled phrases
 * @returns the matcher
 */
export function createPhraseMatcher(phrases: readonly CompiledPhrase[]): PhraseMatcher {
  const ids = new Map<string, number>()
  const pieceList: string[] = []
  const idOf = (piece: string): number => {
    let id = ids.get(piece)
    if (id === undefined) {
      id = pieceList.length
      pieceList.push(piece)
      ids.set(piece, id)
    }
    return id
  }
  // For each piece, the phrases that need it (each phrase once per distinct piece).
  const needers: number[][] = []
  const needed: number[] = []
  phrases.forEach((phrase, index) => {
    const distinct = new Set<number>()
    for (const pieces of phrase.required) for (const piece of pieces) distinct.add(idOf(piece))
    for (const pieces of phrase.excluded) for (const piece of pieces) idOf(piece)
    for (const id of distinct) (needers[id] ??= []).push(index)
    needed.push(distinct.size)
  })
  const pieces = createMultiPatternMatcher(pieceList)
  // Phrases whose terms are one piece each need no check after the scan.
  const simple = phrases.map((phrase) => phrase.required.every((pieces) => pieces.length === 1) && phrase.excluded.every((pieces) => pieces.length === 1))
  const check = (found: readonly number[], compactOf: () => string): CompiledPhrase[] => {
    if (found.length === 0) return []
    const present = new Set<string>()
    const counts = new Map<number, number>()
    const candidates: number[] = []
    for (const id of found) {
      present.add(pieceList[id]!)
      for (const index of needers[id] ?? []) {
        const count = (counts.get(index) ?? 0) + 1
        counts.set(index, count)
        if (count === needed[index]) candidates.push(index)
      }
    }
    candidates.sort((a, b) => a - b)
    const matched: CompiledPhrase[] = []
    for (const index of candidates) {
      const phrase = phrases[index]!
      if (simple[index] === true) {
        if (phrase.excluded.every((pieces) => !present.has(pieces[0]!))) matched.push(phrase)
      } else if (phraseMatches(phrase, compactOf())) {
        matched.push(phrase)
      }
    }
    return matched
  }
  return {
    phrases,
    pieces,
    match(compact) {
      if (phrases.length === 0 || compact === '') return []
      return check(pieces.scanWords(compact), () => compact)
    },
    matchSkeleton(skeletonText) {
      if (phrases.length === 0 || skeletonText === '') return []
      let compact: string | undefined
      return check(pieces.scanWords(skeletonText), () => (compact ??= compactSkeleton(skeletonText)))
    },
  }
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
 * Whether a compiled phrase matches a text already in compact form (`compactForPhrases`).
 *
 * @param phrase - the compiled phrase
 * @param compact - the compact skeleton
 * @returns whether every required term and no excluded term is found
 */
export function phraseMatches(phrase: CompiledPhrase, compact: string): boolean {
  for (const pieces of phrase.required) if (!termMatches(pieces, compact)) return false
  for (const pieces of phrase.excluded) if (termMatches(pieces, compact)) return false
  return true
}

/**
 * The phrases that match a text (any text: it goes through the layer here). Compiles a matcher
 * for the list on every call: callers with a list used many times keep `createPhraseMatcher`'s.
 *
 * @param phrases - compiled phrases
 * @param text - any text
 * @param matcher - `createPhraseMatcher(phrases)`, when the caller keeps it
 * @returns the matching phrases, in list order
 */
export function matchPhrases(phrases: readonly CompiledPhrase[], text: string, matcher: PhraseMatcher = createPhraseMatcher(phrases)): CompiledPhrase[] {
  if (phrases.length === 0 || text === '') return []
  return matcher.matchSkeleton(skeleton(text))
}
