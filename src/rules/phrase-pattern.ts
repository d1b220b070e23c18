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
  /**
   * For each required term of at least `NEAR_MIN_WORDS` words written without `*`, its words: the
   * runs of letters, digits and `#` of its skeleton (`"$1,000+ mattress"` → `1`, `000`,
   * `mattress`); `[]` for the other terms. What near matches compare word by word (absent: the
   * phrase never near-matches).
   */
  readonly words?: readonly (readonly string[])[]
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
  const words: string[][] = []
  for (const term of terms) {
    const pieces = term.text
      .split('*')
      .map((piece) => compactForPhrases(piece))
      .filter((p) => p !== '')
    if (pieces.length === 0) return `has a term with nothing to match (no letter or digit): ${JSON.stringify(term.text)}`
    ;(term.excluded ? excludedTerms : required).push(pieces)
    if (!term.excluded) {
      const termWords = term.text.includes('*') ? [] : wordsOf(skeleton(term.text))
      words.push(termWords.length < NEAR_MIN_WORDS ? [] : termWords)
    }
  }
  if (required.length === 0) return 'has only excluded terms (-word): add a word that must appear'
  return { pattern, required, excluded: excludedTerms, blatant, note, words }
}

// Words: runs of what the compact form keeps (letters and digits of every script, `#`).
const WORD_RUN = /[\p{L}\p{N}#]+/gu

/**
 * The words of a skeleton: its runs of letters, digits and `#` (their concatenation is its
 * compact form). A text in a script written without spaces is one word a line or phrase.
 *
 * @param skeletonText - a skeleton
 * @returns its words, in order
 */
export function wordsOf(skeletonText: string): string[] {
  return skeletonText.match(WORD_RUN) ?? []
}

/**
 * Quoted phrases of at least this many words also match with one word substituted, inserted or
 * deleted (near matches). Chosen by measurement (CHANGELOG, issue 10 fourth pass): at 4 words a
 * changed word leaves 3 of 4, which ham reaches ("verify your … account"); from 5 the real ham
 * corpus has no near match of any listed phrase, and every built-in sentence but one is long enough.
 */
export const NEAR_MIN_WORDS = 5

/** How one word differs between a listed phrase and the text (`word`: the phrase's, or the inserted one). */
export type WordChange =
  | { readonly change: 'substituted'; readonly word: string; readonly by: string }
  | { readonly change: 'inserted'; readonly word: string }
  | { readonly change: 'deleted'; readonly word: string }

/** A listed phrase found with one word changed. */
export type NearPhrase = WordChange & { readonly phrase: CompiledPhrase }

/** The phrases found in a text, exactly and (on demand) with one word changed. */
export interface PhraseScan {
  /** The phrases that match exactly, in list order. */
  readonly matched: CompiledPhrase[]
  /**
   * The phrases that match with one word changed and not exactly, in list order (computed on the
   * first call; `[]` without a scan when no half of a long phrase was found).
   *
   * @param counter - adds the words compared (for the linearity test)
   */
  near(counter?: { steps: number }): NearPhrase[]
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
  /**
   * One scan of a skeleton: the exact matches (`matchSkeleton`) and, on demand, the near ones.
   *
   * @param skeletonText - the text through the de-obfuscation layer
   */
  scanSkeleton(skeletonText: string): PhraseScan
  /** The multi-pattern matcher of the pieces (for the linearity test). */
  readonly pieces: MultiPatternMatcher
}

const NO_SCAN: PhraseScan = { matched: [], near: () => [] }

/**
 * Compiles a phrase list into one multi-pattern matcher over all pieces of all phrases: a text is
 * scanned once; a phrase is checked further only when every piece of its required terms was
 * found (for a term with several pieces, their order is then checked with `indexOf` from the
 * first occurrence).
 *
 * Near matches (a quoted term of at least `NEAR_MIN_WORDS` words with one word substituted,
 * inserted or deleted; the phrase's other terms exact): by the pigeonhole principle one edit
 * leaves one of the term's two halves (its first ⌊n/2⌋ words, the rest) whole in the text, so the
 * halves ride in the same automaton as the pieces. Only when a half is found are the text's words
 * read and each place where a half stands word-aligned verified against the whole term (at most
 * three windows, of n − 1, n and n + 1 words, each compared once; `nearTerms`): at most 64 words
 * compared per word of the text, so a text full of halves stays linear whatever the list.
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
  // The long terms (phrase, term, words) and, for each half's piece id, the long terms it halves.
  const longTerms: { readonly phrase: number; readonly term: number; readonly words: readonly string[] }[] = []
  const halvesOf: number[][] = []
  phrases.forEach((phrase, index) => {
    phrase.words?.forEach((words, term) => {
      if (words.length < NEAR_MIN_WORDS) return
      const half = words.length >> 1
      for (const piece of [words.slice(0, half).join(''), words.slice(half).join('')]) (halvesOf[idOf(piece)] ??= []).push(longTerms.length)
      longTerms.push({ phrase: index, term, words })
    })
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
  const near = (found: readonly number[], skeletonText: string, matched: readonly CompiledPhrase[], compactOf: () => string, counter: { steps: number } | undefined): NearPhrase[] => {
    const terms = new Set<number>()
    for (const id of found) for (const term of halvesOf[id] ?? []) terms.add(term)
    if (terms.size === 0) return []
    const candidates: (typeof longTerms)[number][] = []
    for (const t of [...terms].sort((a, b) => a - b)) {
      const candidate = longTerms[t]!
      const phrase = phrases[candidate.phrase]!
      if (matched.includes(phrase)) continue
      // The phrase's other terms exact, none excluded (the compact text is built only for them).
      if (phrase.required.length > 1 || phrase.excluded.length > 0) {
        const compact = compactOf()
        if (!phrase.required.every((pieces, i) => i === candidate.term || termMatches(pieces, compact)) || phrase.excluded.some((pieces) => termMatches(pieces, compact))) continue
      }
      candidates.push(candidate)
    }
    if (candidates.length === 0) return []
    const changes = nearTerms(candidates.map((c) => c.words), wordsOf(skeletonText), counter)
    const out: NearPhrase[] = []
    candidates.forEach((candidate, k) => {
      const change = changes[k]
      const phrase = phrases[candidate.phrase]!
      if (change !== undefined && !out.some((n) => n.phrase === phrase)) out.push({ ...change, phrase })
    })
    return out
  }
  const scan = (skeletonText: string): PhraseScan => {
    if (phrases.length === 0 || skeletonText === '') return NO_SCAN
    let compact: string | undefined
    const compactOf = (): string => (compact ??= compactSkeleton(skeletonText))
    const found = pieces.scanWords(skeletonText)
    const matched = check(found, compactOf)
    let nearMatched: NearPhrase[] | undefined
    return { matched, near: (counter) => (nearMatched ??= near(found, skeletonText, matched, compactOf, counter)) }
  }
  return {
    phrases,
    pieces,
    match(compact) {
      if (phrases.length === 0 || compact === '') return []
      return check(pieces.scanWords(compact), () => compact)
    },
    matchSkeleton: (skeletonText) => scan(skeletonText).matched,
    scanSkeleton: scan,
  }
}

/** Words compared per word of the text, plus a floor, before near matching stops reading a text. */
const NEAR_BUDGET_PER_WORD = 64
const NEAR_BUDGET_FLOOR = 4096

/**
 * Where each term stands in a text's words with exactly one word changed (for terms that do not
 * stand whole there: a whole term is an exact match). One pass over the words: at each, the
 * halves (first ⌊n/2⌋ words, the rest) of the terms not found yet that start with this word are
 * compared, and where one stands whole the whole term is verified (windows of n − 1, n, n + 1
 * words). Stops once every term is found, or after 64 words compared per word of the text (plus
 * 4096): only a hostile text against thousands of phrases sharing words reaches that bound, and
 * is then read for near matches up to there.
 *
 * @param terms - the terms' words (at least two each)
 * @param words - the text's words
 * @param counter - adds the words compared
 * @returns for each term, the first change found, or `undefined`
 */
export function nearTerms(terms: readonly (readonly string[])[], words: readonly string[], counter?: { steps: number }): (WordChange | undefined)[] {
  const found: (WordChange | undefined)[] = terms.map(() => undefined)
  // Each half under its first word: term index, first word's place in the term.
  const starts = new Map<string, number[]>()
  terms.forEach((term, t) => {
    if (term.length < 2) return
    for (const from of [0, term.length >> 1]) {
      const list = starts.get(term[from]!)
      if (list === undefined) starts.set(term[from]!, [t, from])
      else list.push(t, from)
    }
  })
  let left = starts.size === 0 ? 0 : terms.filter((term) => term.length >= 2).length
  let steps = 0
  const budget = NEAR_BUDGET_PER_WORD * words.length + NEAR_BUDGET_FLOOR
  // Whether term[from, from + length) stands at words[at].
  const stands = (term: readonly string[], from: number, length: number, at: number): boolean => {
    if (at < 0 || at + length > words.length) return false
    for (let k = 0; k < length; k++) {
      steps++
      if (term[from + k] !== words[at + k]) return false
    }
    return true
  }
  // The one change that turns the term into words[start, start + length), if there is one.
  const oneChange = (term: readonly string[], start: number, length: number): WordChange | undefined => {
    const n = term.length
    if (start < 0 || start + length > words.length) return undefined
    let p = 0
    const common = Math.min(n, length)
    while (p < common && term[p] === words[start + p]) p++
    steps += p + 1
    if (length === n) return p < n && stands(term, p + 1, n - p - 1, start + p + 1) ? { change: 'substituted', word: term[p]!, by: words[start + p]! } : undefined
    // Inside the phrase only: a word before or after it leaves the phrase whole (an exact match),
    // and without its first or last word what is left is a part of it, as quotes cut it.
    if (length === n + 1) return p > 0 && p < n && stands(term, p, n - p, start + p + 1) ? { change: 'inserted', word: words[start + p]! } : undefined
    return p > 0 && p < n - 1 && stands(term, p + 1, n - p - 1, start + p) && !stands(term, 1, n - 1, start) ? { change: 'deleted', word: term[p]! } : undefined
  }
  for (let i = 0; i < words.length && left > 0 && steps <= budget; i++) {
    steps++
    const list = starts.get(words[i]!)
    if (list === undefined) continue
    for (let k = 0; k < list.length; k += 2) {
      const t = list[k]!
      const term = terms[t]!
      if (found[t] !== undefined) continue
      const n = term.length
      const from = list[k + 1]!
      const length = from === 0 ? n >> 1 : n - from
      if (!stands(term, from, length, i)) continue
      // The first half at i: windows starting at i; the second: windows ending where it ends.
      for (let size = n - 1; size <= n + 1 && found[t] === undefined; size++) found[t] = oneChange(term, from === 0 ? i : i + length - size, size)
      if (found[t] !== undefined) left--
    }
  }
  if (counter !== undefined) counter.steps += steps
  return found
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
