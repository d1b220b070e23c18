import { hasNonAscii } from '../text/ascii.js'
import { foldCue } from './matchable-text.js'
import { wordEnd, wordStart } from './words.js'

const LATIN_CUE = /^[\p{Script=Latin}0-9' *]+$/u

/** A cue found in a text. */
export interface CueHit<T> {
  /** The tag of its list entry (a part of the lexicon). */
  readonly tag: T
  /** The cue as compiled (folded), `*` kept for a word start. */
  readonly cue: string
  /** Character offset in the word text. */
  readonly at: number
}

interface Sequence<T> {
  readonly rest: readonly string[]
  /** Whether the last word is a word start (`confirm your*`). */
  readonly stem: boolean
  readonly tag: T
  readonly cue: string
}

/** A compiled lexicon: whole-word and word-sequence cues by first word, word starts, and anywhere cues (kana and kanji). */
export interface Lexicon<T> {
  readonly byFirstWord: ReadonlyMap<string, readonly Sequence<T>[]>
  /** Word-start cues by their first 3 letters (every stem has at least 3). */
  readonly starts: ReadonlyMap<string, readonly { readonly stem: string; readonly tag: T; readonly cue: string }[]>
  readonly anywhere: readonly { readonly text: string; readonly tag: T }[]
  /**
   * A prefilter of `byFirstWord`, by a word's first code unit (its low 8 bits): bit `n` is set
   * when a key of that many code units (31 for 31 or more) starts so. A word whose bit is clear
   * is no key, and is not sliced out of the text to be looked up.
   */
  readonly firstWordLengths: Uint32Array
  /** A prefilter of `starts`: whether a key starts with these two code units (the low 8 bits of each). */
  readonly startPairs: Uint8Array
  /**
   * A second prefilter of `byFirstWord` for words of two code units or more: whether a key starts
   * with these two code units (the low 5 bits of each, so `a`–`z` are told apart).
   */
  readonly firstWordPairs: Uint8Array
}

/** Whether an ASCII code is a letter or digit. */
const isAsciiWordCode = (code: number): boolean => {
  const lower = code | 0x20
  return (lower >= 97 && lower <= 122) || (code >= 48 && code <= 57)
}

/** Where a word's first code unit and length sit in `Lexicon.firstWordLengths`. */
const lengthBit = (length: number): number => 1 << Math.min(length, 31)
const pairIndex = (first: number, second: number): number => ((first & 0xff) << 8) | (second & 0xff)
const smallPairIndex = (first: number, second: number): number => ((first & 0x1f) << 5) | (second & 0x1f)

/**
 * Compiles cues in the syntax of `src/data/phishing-lexicon.ts` (whole words or word sequences; a
 * trailing `*` for a word start; cues with kana or kanji anywhere), folded as `matchableText`
 * folds text.
 *
 * @param entries - each cue with its tag
 * @returns the compiled lexicon
 */
export function compileLexicon<T>(entries: Iterable<readonly [string, T]>): Lexicon<T> {
  const byFirstWord = new Map<string, Sequence<T>[]>()
  const starts = new Map<string, { stem: string; tag: T; cue: string }[]>()
  const anywhere: { text: string; tag: T }[] = []
  for (const [written, tag] of entries) {
    const star = written.endsWith('*')
    const cue = foldCue(star ? written.slice(0, -1) : written).replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
    if (cue === '') continue
    if (!LATIN_CUE.test(cue) && hasNonAscii(cue)) {
      anywhere.push({ text: cue.replace(/\s+/gu, ''), tag })
    } else if (star && !cue.includes(' ') && cue.length >= 3) {
      const key = cue.slice(0, 3)
      starts.set(key, [...(starts.get(key) ?? []), { stem: cue, tag, cue: `${cue}*` }])
    } else {
      const [first = '', ...rest] = cue.split(' ')
      const list = byFirstWord.get(first) ?? []
      list.push({ rest, stem: star, tag, cue: star ? `${cue}*` : cue })
      byFirstWord.set(first, list)
    }
  }
  const firstWordLengths = new Uint32Array(256)
  for (const key of byFirstWord.keys()) if (key !== '') firstWordLengths[key.charCodeAt(0) & 0xff]! |= lengthBit(key.length)
  const startPairs = new Uint8Array(65536)
  for (const key of starts.keys()) startPairs[pairIndex(key.charCodeAt(0), key.charCodeAt(1))] = 1
  const firstWordPairs = new Uint8Array(1024)
  for (const key of byFirstWord.keys()) if (key.length >= 2) firstWordPairs[smallPairIndex(key.charCodeAt(0), key.charCodeAt(1))] = 1
  return { byFirstWord, starts, anywhere, firstWordLengths, startPairs, firstWordPairs }
}

/**
 * The cues of a lexicon found in a text, in one pass over its words (runs of letters and digits
 * of any script, read where they lie in `folded`, no word text built): a map lookup per word that
 * passes the prefilters, the word starts compared per word, the kana and kanji cues looked up in
 * the text when it holds their first code unit. Each hit's `at` is the offset its word has in
 * `wordText(folded)` (the words between single spaces), so windows are measured in word text.
 * Linear in the text for a fixed lexicon. Fuzzed in `test/signals/lexicon.fuzz.test.ts` against
 * the plain reading (the word text split into words, every word looked up).
 *
 * @param lexicon - a compiled lexicon
 * @param folded - text from `matchableText` (any text)
 * @returns the hits, in text order for the word cues, then the kana and kanji cues
 */
export function findCuesInText<T>(lexicon: Lexicon<T>, folded: string): CueHit<T>[] {
  const hits: CueHit<T>[] = []
  const { firstWordLengths, startPairs, firstWordPairs } = lexicon
  const length = folded.length
  // The offset in the word text of the next word: one space at the start, one after each word.
  let at = 1
  let i = 0
  while (i < length) {
    // The next word: ASCII read here, other characters by `wordStart` and `wordEnd`.
    const code = folded.charCodeAt(i)
    let start: number
    let end: number
    if (code < 0x80) {
      if (!isAsciiWordCode(code)) {
        i++
        continue
      }
      start = i
      end = i + 1
      while (end < length) {
        const next = folded.charCodeAt(end)
        if (next >= 0x80) {
          end = wordEnd(folded, end)
          break
        }
        if (!isAsciiWordCode(next)) break
        end++
      }
    } else {
      start = wordStart(folded, i)
      if (start >= length) break
      end = wordEnd(folded, start)
    }
    i = end
    const size = end - start
    const first = folded.charCodeAt(start)
    if ((firstWordLengths[first & 0xff]! & lengthBit(size)) !== 0 && (size === 1 || firstWordPairs[smallPairIndex(first, folded.charCodeAt(start + 1))] === 1)) {
      const sequences = lexicon.byFirstWord.get(folded.slice(start, end))
      if (sequences !== undefined) {
        for (const sequence of sequences) {
          let match = true
          const last = sequence.rest.length - 1
          let from = end
          for (let k = 0; k <= last && match; k++) {
            const nextStart = wordStart(folded, from)
            const nextEnd = nextStart < length ? wordEnd(folded, nextStart) : length
            const want = sequence.rest[k] ?? ''
            // Past the last word the next word is empty (no cue word is).
            match = nextStart < length && (k === last && sequence.stem ? folded.startsWith(want, nextStart) && want.length <= nextEnd - nextStart : nextEnd - nextStart === want.length && folded.startsWith(want, nextStart))
            from = nextEnd
          }
          if (match) hits.push({ tag: sequence.tag, cue: sequence.cue, at })
        }
      }
    }
    if (size >= 3 && startPairs[pairIndex(first, folded.charCodeAt(start + 1))] === 1) {
      const starts = lexicon.starts.get(folded.slice(start, start + 3))
      if (starts !== undefined) for (const entry of starts) if (entry.stem.length <= size && folded.startsWith(entry.stem, start)) hits.push({ tag: entry.tag, cue: entry.cue, at })
    }
    at += size + 1
  }
  if (lexicon.anywhere.length > 0 && hasNonAscii(folded)) {
    // A kana or kanji cue is letters only: it lies inside one word of `folded` as it does inside
    // one word of the word text, and its first place is the same word's. It is looked for only
    // when the text holds its first code unit (by the low 8 bits).
    const seen = seenCodeUnits(folded)
    for (const cue of lexicon.anywhere) {
      if (seen[cue.text.charCodeAt(0) & 0xff] === 0) continue
      const found = folded.indexOf(cue.text)
      if (found >= 0) hits.push({ tag: cue.tag, cue: cue.text, at: wordTextOffset(folded, found) })
    }
  }
  return hits
}

const SEEN = /* @__PURE__ */ new Uint8Array(256)

/** Which code units (by their low 8 bits) a text holds, in a table reused by every call. */
function seenCodeUnits(text: string): Uint8Array {
  SEEN.fill(0)
  for (let i = 0; i < text.length; i++) SEEN[text.charCodeAt(i) & 0xff] = 1
  return SEEN
}

/** The offset in `wordText(text)` of `text[index]`, a letter or digit inside a word. */
function wordTextOffset(text: string, index: number): number {
  let at = 1
  for (let start = wordStart(text, 0); start < text.length; start = wordStart(text, start)) {
    const end = wordEnd(text, start)
    if (index < end) return at + (index - start)
    at += end - start + 1
    start = end
  }
  return at
}
