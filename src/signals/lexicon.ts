import { hasNonAscii } from '../text/ascii.js'
import { foldCue } from './matchable-text.js'

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
}

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
  return { byFirstWord, starts, anywhere }
}

/**
 * The cues of a lexicon found in a text, in one pass over its words (a map lookup per word, the
 * word starts compared per word, the kana and kanji cues looked up in the text): linear in the
 * text for a fixed lexicon.
 *
 * @param lexicon - a compiled lexicon
 * @param words - the text as `wordText` gives it (words between single spaces)
 * @returns the hits, in text order for the word cues
 */
export function findCues<T>(lexicon: Lexicon<T>, words: string): CueHit<T>[] {
  const hits: CueHit<T>[] = []
  const list = words.split(' ')
  let at = 0
  for (let i = 0; i < list.length; i++) {
    const word = list[i] ?? ''
    if (word !== '') {
      for (const sequence of lexicon.byFirstWord.get(word) ?? []) {
        let match = true
        const last = sequence.rest.length - 1
        for (let k = 0; k <= last && match; k++) {
          const next = list[i + 1 + k] ?? ''
          const want = sequence.rest[k] ?? ''
          match = k === last && sequence.stem ? next.startsWith(want) : next === want
        }
        if (match) hits.push({ tag: sequence.tag, cue: sequence.cue, at })
      }
      if (word.length >= 3) for (const start of lexicon.starts.get(word.slice(0, 3)) ?? []) if (word.startsWith(start.stem)) hits.push({ tag: start.tag, cue: start.cue, at })
    }
    at += word.length + 1
  }
  if (hasNonAscii(words)) {
    for (const cue of lexicon.anywhere) {
      const found = words.indexOf(cue.text)
      if (found >= 0) hits.push({ tag: cue.tag, cue: cue.text, at: found })
    }
  }
  return hits
}
