import { hasNonAscii } from '../text/ascii.js'
import { foldCue } from './matchable-text.js'

const LATIN_CUE = /^[\p{Script=Latin}0-9' *]+$/u

/** A compiled cue list: whole-word cues, word-start cues and anywhere cues (CJK). */
export interface CueList {
  readonly words: readonly string[]
  readonly starts: readonly string[]
  readonly anywhere: readonly string[]
}

/**
 * Compiles cues in the syntax of `src/data/phishing-lexicon.ts`, folded as `matchableText` folds text.
 *
 * @param cues - the cues
 * @returns the compiled list
 */
export function compileCues(cues: readonly string[]): CueList {
  const words: string[] = []
  const starts: string[] = []
  const anywhere: string[] = []
  for (const written of cues) {
    // Folded as the text is; the trailing `*` and the apostrophes are syntax, kept aside.
    const star = written.endsWith('*')
    const cue = `${foldCue(star ? written.slice(0, -1) : written).replace(/'/gu, ' ')}${star ? '*' : ''}`
    if (!LATIN_CUE.test(cue) && hasNonAscii(cue)) anywhere.push(cue.replace(/\s+/gu, ''))
    else if (cue.endsWith('*')) starts.push(` ${cue.slice(0, -1).replace(/'/gu, ' ')}`)
    else words.push(` ${cue.replace(/'/gu, ' ')} `)
  }
  return { words, starts, anywhere }
}

/**
 * The cues found in a text.
 *
 * @param list - compiled cues
 * @param words - the text as `wordText` gives it (words between single spaces)
 * @param compact - the folded text with white space removed (for CJK cues)
 * @returns the cues found, as written in the list (without the spaces)
 */
export function findCues(list: CueList, words: string, compact: string): string[] {
  const found: string[] = []
  for (const cue of list.words) if (words.includes(cue)) found.push(cue.trim())
  for (const cue of list.starts) if (words.includes(cue)) found.push(`${cue.trim()}*`)
  for (const cue of list.anywhere) if (compact.includes(cue)) found.push(cue)
  return found
}
