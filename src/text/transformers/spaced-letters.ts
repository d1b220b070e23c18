import { replaceMapped, type Transformed } from './types.js'

// Three or more one-character words (an ASCII letter or digit, or a kanji or kana), each apart
// from the next by 1–4 characters that are neither letters nor digits (spaces, punctuation,
// symbols, emoji), and not part of a longer word: `d i s c o r d`, `d-i-s-c-o-r-d`,
// `d🔥i🔥s🔥c`, `荒 ら し . c o m`. A run does not start right after a word and one punctuation
// character (`192.0.2.7`, `foo.a.b.c` are one dotted word).
const SINGLE = String.raw`(?:[a-z0-9]|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])`
const SPACED = /* @__PURE__ */ new RegExp(String.raw`${SINGLE}(?<![\p{L}\p{N}]${SINGLE}|[\p{L}\p{N}][^\p{L}\p{N}\s]${SINGLE})(?:[^\p{L}\p{N}\n]{1,4}${SINGLE}){2,}(?![\p{L}\p{N}])`, 'gu')
const ASCII_LETTERS = /[a-z]/gu
// The same for text without kanji or kana, where only ASCII letters and digits can be runs (an
// expression whose first character is ASCII lets the engine skip ahead).
const SPACED_ASCII = /[a-z0-9](?<![\p{L}\p{N}][a-z0-9]|[\p{L}\p{N}][^\p{L}\p{N}\s][a-z0-9])(?:[^\p{L}\p{N}\n]{1,4}[a-z0-9]){2,}(?![\p{L}\p{N}])/gu
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u
const SEPARATOR = /[^a-z0-9\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu
const NON_ASCII = /[^\u0000-\u007f]/

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
  // With kanji or kana, a run needs two one-letter ASCII words; without, SPACED is SPACED_ASCII.
  let pattern: RegExp
  if (CJK.test(text)) {
    if (asciiSingles(text) < 2) return { text, from }
    pattern = SPACED
  } else {
    if (!mayHaveSpacedLetters(text)) return { text, from }
    pattern = SPACED_ASCII
  }
  return replaceMapped(text, from, pattern, (m) => {
    const run = m[0]
    // Digits alone are numbers, dates and IP addresses (`192.0.2.7`), not a word spelled out; a
    // run with kanji or kana needs two ASCII letters (it spells a host: `荒 ら し . c o m`), so
    // Japanese written one character at a time stays as it is.
    const letters = run.match(ASCII_LETTERS)?.length ?? 0
    if (letters < (NON_ASCII.test(run) ? 2 : 1)) return undefined
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

/**
 * Whether a text may hold a run SPACED matches, in one pass without a regular expression: three
 * one-character ASCII letter-or-digit tokens in a row, each at most 4 code units after the last,
 * with no line break between. A superset of SPACED's matches (any character outside ASCII is
 * taken for a separator, and the letter rule is not checked): it only spares the expression
 * texts where it cannot match. Fuzzed against the ungated reference.
 *
 * @param text - a skeleton
 * @returns `false` when SPACED surely finds nothing
 */
export function mayHaveSpacedLetters(text: string): boolean {
  let singles = 0
  let lastEnd = -10
  let tokenStart = -1
  const length = text.length
  for (let i = 0; i <= length; i++) {
    const code = i < length ? text.charCodeAt(i) : 10
    const alnum = (code >= 97 && code <= 122) || (code >= 48 && code <= 57)
    if (alnum) {
      if (tokenStart < 0) tokenStart = i
      continue
    }
    if (tokenStart >= 0) {
      if (i - tokenStart === 1) {
        singles = tokenStart - lastEnd <= 4 ? singles + 1 : 1
        lastEnd = i
        if (singles >= 3) return true
      } else {
        singles = 0
      }
      tokenStart = -1
    }
    if (code === 10) singles = 0
  }
  return false
}

/**
 * How many one-character ASCII words (a letter or digit with no ASCII letter or digit beside it)
 * a text holds, up to 2: a run with kanji or kana needs two ASCII letters, each such a word.
 *
 * @param text - a skeleton
 * @returns 0, 1 or 2
 */
export function asciiSingles(text: string): number {
  let count = 0
  const length = text.length
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i)
    if (!((code >= 97 && code <= 122) || (code >= 48 && code <= 57))) continue
    const before = i === 0 ? 32 : text.charCodeAt(i - 1)
    const after = i + 1 === length ? 32 : text.charCodeAt(i + 1)
    const alnum = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57)
    if (!alnum(before) && !alnum(after) && ++count >= 2) return 2
  }
  return count
}
