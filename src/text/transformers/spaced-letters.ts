import { lazy, replaceMapped, type Transformed } from './types.js'

// Three or more one-character words (an ASCII letter or digit, or a kanji or kana), each apart
// from the next by 1–4 characters that are neither letters nor digits (spaces, punctuation,
// symbols, emoji), and not part of a longer word: `d i s c o r d`, `d-i-s-c-o-r-d`,
// `d🔥i🔥s🔥c`, `荒 ら し . c o m`. A run does not start right after a word and one punctuation
// character (`192.0.2.7`, `foo.a.b.c` are one dotted word).
//
// The expressions with Unicode property classes are built on first use (`lazy`): QuickJS compiles
// an expression where it is written, when the module is parsed, and each `\p{…}` class costs it
// about 0.1 ms; most texts never reach the ones behind the prefilters. Same sources and flags as
// written here (test/text/lazy-expressions.test.ts).
const SINGLE = String.raw`(?:[a-z0-9]|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])`
const SPACED = /* @__PURE__ */ lazy(String.raw`${SINGLE}(?<![\p{L}\p{N}]${SINGLE}|[\p{L}\p{N}][^\p{L}\p{N}\s]${SINGLE})(?:[^\p{L}\p{N}\n]{1,4}${SINGLE}){2,}(?![\p{L}\p{N}])`, 'gu')
const ASCII_LETTERS = /[a-z]/gu
// The same for text without kanji or kana, where only ASCII letters and digits can be runs (an
// expression whose first character is ASCII lets the engine skip ahead).
const SPACED_ASCII = /* @__PURE__ */ lazy(String.raw`[a-z0-9](?<![\p{L}\p{N}][a-z0-9]|[\p{L}\p{N}][^\p{L}\p{N}\s][a-z0-9])(?:[^\p{L}\p{N}\n]{1,4}[a-z0-9]){2,}(?![\p{L}\p{N}])`, 'gu')
const CJK = /* @__PURE__ */ lazy(String.raw`[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]`, 'u')
const SEPARATOR = /* @__PURE__ */ lazy(String.raw`[^a-z0-9\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+`, 'gu')
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
 * @param ascii - `true` when the caller knows the text is ASCII (no kanji or kana to look for)
 * @returns the text with spaced letters joined
 */
export function joinSpacedLetters(text: string, from: readonly number[] | undefined, ascii = false): Transformed {
  // With kanji or kana, a run needs two one-letter ASCII words; without, SPACED is SPACED_ASCII.
  let pattern: RegExp
  if (!ascii && NON_ASCII.test(text) && CJK().test(text)) {
    if (asciiSingles(text) < 2 || !SINGLE_BESIDE_SINGLE().test(text)) return { text, from }
    pattern = SPACED()
  } else {
    if (!mayHaveSpacedLetters(text)) return { text, from }
    pattern = SPACED_ASCII()
  }
  return replaceMapped(text, from, pattern, (m) => {
    const run = m[0]
    // Digits alone are numbers, dates and IP addresses (`192.0.2.7`), not a word spelled out; a
    // run with kanji or kana needs two ASCII letters (it spells a host: `荒 ら し . c o m`), so
    // Japanese written one character at a time stays as it is.
    const letters = run.match(ASCII_LETTERS)?.length ?? 0
    if (letters < (NON_ASCII.test(run) ? 2 : 1)) return undefined
    const separators = run.match(SEPARATOR()) ?? []
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
    for (const part of run.split(SEPARATOR())) {
      out += part
      const separator = separators[at++]
      if (separator === undefined || separator === dominant) continue
      if (separator.includes('/')) out += '/'
      else if (separator.includes('.')) out += '.'
    }
    return out
  })
}

// Three one-character ASCII words in a row, 1–4 other characters apart, no line break between:
// SPACED_ASCII's shape without its letter rules, found by the engine in one native scan.
const THREE_SINGLES = /(?:^|[^a-z0-9])[a-z0-9][^a-z0-9\n]{1,4}[a-z0-9][^a-z0-9\n]{1,4}[a-z0-9](?![a-z0-9])/

/**
 * Whether a text may hold a run SPACED_ASCII matches: three one-character ASCII letter-or-digit
 * words in a row, each 1–4 code units after the last, with no line break between. A superset of
 * the expression's matches (any character outside ASCII is taken for a separator, and the letter
 * rules are not checked): it only spares the expression texts where it cannot match. Fuzzed
 * against the ungated reference.
 *
 * @param text - a skeleton
 * @returns `false` when SPACED_ASCII surely finds nothing
 */
export function mayHaveSpacedLetters(text: string): boolean {
  return THREE_SINGLES.test(text)
}

/**
 * How many one-character ASCII words (a letter or digit with no ASCII letter or digit beside it)
 * a text holds, up to 2: a run with kanji or kana needs two ASCII letters, each such a word.
 *
 * @param text - a skeleton
 * @returns 0, 1 or 2
 */
export function asciiSingles(text: string): number {
  const singles = ONE_SINGLE
  singles.lastIndex = 0
  if (!singles.test(text)) return 0
  return singles.test(text) ? 2 : 1
}

// A one-character ASCII word with another one-character word (of any script) 1–4 separators
// before or after it: every run SPACED can join has one (its ASCII letters have a neighbour).
// Starts with an ASCII letter or digit, so the engine skips Japanese prose quickly.
const SINGLE_BESIDE_SINGLE = /* @__PURE__ */ lazy(String.raw`[a-z0-9](?:(?![a-z0-9])[^\p{L}\p{N}\n]{1,4}[\p{L}\p{N}](?![\p{L}\p{N}])|(?<=(?:^|[^\p{L}\p{N}])[\p{L}\p{N}][^\p{L}\p{N}\n]{1,4}[a-z0-9])(?![a-z0-9]))`, 'u')

// A one-character ASCII word (and the character before it, so matches never overlap).
const ONE_SINGLE = /(?:^|[^a-z0-9])[a-z0-9](?![a-z0-9])/g

/** The expressions built on first use, for the test that compares them with the literals. */
export const SPACED_LETTER_EXPRESSIONS = { SPACED, SPACED_ASCII, CJK, SEPARATOR, SINGLE_BESIDE_SINGLE } as const
