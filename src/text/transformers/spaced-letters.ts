import { replaceMapped, type Transformed } from './types.js'

// Three or more single ASCII letters or digits, each apart from the next by 1–4 characters that
// are neither letters nor digits (spaces, punctuation, symbols, emoji), and not part of a longer
// word: `d i s c o r d`, `d-i-s-c-o-r-d`, `d🔥i🔥s🔥c`.
const SPACED = /(?<![\p{L}\p{N}])[a-z0-9](?:[^\p{L}\p{N}\n]{1,4}[a-z0-9]){2,}(?![\p{L}\p{N}])/gu
const SEPARATOR = /[^a-z0-9]+/gu

/**
 * Joins letters written one by one into the word they spell: `d i s c o r d . g g` reads
 * `discord.gg`, `c-r-y-p-t-o` reads `crypto`. Ordinary words are never glued: only runs of at
 * least three one-letter words are joined (`I am a cat` stays four words). The separator used
 * between most letters is dropped; another one that holds a `.` or `/` is kept as that
 * character (`d i s c o r d . g g`). Linear.
 *
 * @param text - a skeleton (lowercase)
 * @param from - offsets of `text` in the original, or `undefined`
 * @returns the text with spaced letters joined
 */
export function joinSpacedLetters(text: string, from: readonly number[] | undefined): Transformed {
  return replaceMapped(text, from, SPACED, (m) => {
    const run = m[0]
    const separators = run.match(SEPARATOR) ?? []
    const counts = new Map<string, number>()
    let dominant = ''
    let most = 0
    for (const separator of separators) {
      const count = (counts.get(separator) ?? 0) + 1
      counts.set(separator, count)
      if (count > most) {
        most = count
        dominant = separator
      }
    }
    let out = ''
    let at = 0
    for (const part of run.split(SEPARATOR)) {
      out += part
      const separator = separators[at++]
      if (separator === undefined || separator === dominant) continue
      if (separator.includes('/')) out += '/'
      else if (separator.includes('.')) out += '.'
    }
    return out
  })
}
