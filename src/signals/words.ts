/**
 * Words as the cue matchers read them: runs of letters and digits of any script (`\p{L}`,
 * `\p{N}`, read by code point), everything else a separator. Read where they lie, by character
 * code: ASCII by range, other code units by the Unicode class, asked once per code unit and
 * remembered (a 64 KiB table, allocated on the first character outside ASCII). Fuzzed against
 * the expressions they replace in `test/signals/lexicon.fuzz.test.ts`.
 */

const WORD_CHARACTER = /^[\p{L}\p{N}]$/u
const CJK_CHARACTER = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u

/** A code unit's class: `KNOWN` once asked, `WORD` for a letter or digit, `CJK` for a character of those scripts. */
const KNOWN = 1
const WORD = 2
const CJK = 4

/** Per BMP code unit: 0 not asked yet, else `KNOWN` with `WORD` and `CJK` as they hold. */
let classes: Uint8Array | undefined

function classOf(code: number): number {
  const table = (classes ??= new Uint8Array(0x10000))
  let known = table[code]!
  if (known === 0) {
    const char = String.fromCharCode(code)
    known = KNOWN | (WORD_CHARACTER.test(char) ? WORD : 0) | (CJK_CHARACTER.test(char) ? CJK : 0)
    table[code] = known
  }
  return known
}

function isWordUnit(code: number): boolean {
  return (classOf(code) & WORD) !== 0
}

/**
 * Words counted as `mention-density` counts them: runs of letters, digits, `'`, `’` and `-` that
 * hold a letter or digit, with kanji, kana and hangul apart (two of them count as one word).
 *
 * @param text - any text
 * @returns the words outside those scripts and the characters of those scripts
 */
export function countWordsAndCjk(text: string): { readonly words: number; readonly cjk: number } {
  let words = 0
  let cjk = 0
  let inRun = false
  let runHasWord = false
  const length = text.length
  for (let i = 0; i < length; ) {
    const code = text.charCodeAt(i)
    let width = 1
    let kind: number
    if (code < 0x80) {
      const lower = code | 0x20
      kind = (lower >= 97 && lower <= 122) || (code >= 48 && code <= 57) ? KNOWN | WORD : code === 39 || code === 45 ? KNOWN : 0
      if (kind === KNOWN) {
        // `'` and `-` join a run; they do not start a word.
        if (!inRun) {
          inRun = true
          runHasWord = false
        }
        i++
        continue
      }
    } else if (code >= 0xd800 && code < 0xdc00 && i + 1 < length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      const pair = text.slice(i, i + 2)
      kind = KNOWN | (WORD_CHARACTER.test(pair) ? WORD : 0) | (CJK_CHARACTER.test(pair) ? CJK : 0)
      width = 2
    } else if (code >= 0xd800 && code < 0xe000) {
      kind = 0
    } else if (code === 0x2019) {
      if (!inRun) {
        inRun = true
        runHasWord = false
      }
      i++
      continue
    } else {
      kind = classOf(code)
    }
    if ((kind & CJK) !== 0) {
      cjk++
      inRun = false
    } else if ((kind & WORD) !== 0) {
      if (!inRun) {
        inRun = true
        runHasWord = false
      }
      if (!runHasWord) {
        runHasWord = true
        words++
      }
    } else {
      inRun = false
    }
    i += width
  }
  return { words, cjk }
}

/**
 * How many code units the letter or digit at `i` takes (1, or 2 for one outside the BMP), 0 when
 * the character there separates words (a lone surrogate does).
 */
function wordWidth(text: string, i: number): number {
  const code = text.charCodeAt(i)
  if (code < 0x80) {
    const lower = code | 0x20
    return (lower >= 97 && lower <= 122) || (code >= 48 && code <= 57) ? 1 : 0
  }
  if (code >= 0xd800 && code < 0xe000) {
    if (code < 0xdc00 && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1)
      if (low >= 0xdc00 && low < 0xe000) return WORD_CHARACTER.test(text.slice(i, i + 2)) ? 2 : 0
    }
    return 0
  }
  return isWordUnit(code) ? 1 : 0
}

/**
 * Where the first word at or after `from` starts (`text.length` when there is none).
 *
 * @param text - any text
 * @param from - where to look from (not inside a surrogate pair)
 * @returns the word's first index
 */
export function wordStart(text: string, from: number): number {
  const length = text.length
  let i = from
  while (i < length) {
    const code = text.charCodeAt(i)
    // Separators of ASCII are passed over without a call.
    if (code < 0x80) {
      const lower = code | 0x20
      if ((lower >= 97 && lower <= 122) || (code >= 48 && code <= 57)) return i
      i++
      continue
    }
    if (wordWidth(text, i) > 0) return i
    // A pair that is no letter is passed over whole.
    i += code >= 0xd800 && code < 0xdc00 && i + 1 < length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1
  }
  return length
}

/**
 * Where the word starting at `start` ends (excluded).
 *
 * @param text - any text
 * @param start - a word's first index (see `wordStart`)
 * @returns the index after its last letter or digit
 */
export function wordEnd(text: string, start: number): number {
  const length = text.length
  let i = start
  while (i < length) {
    const width = wordWidth(text, i)
    if (width === 0) break
    i += width
  }
  return i
}

/**
 * The words of a text between single spaces, with a space at each end (`wordText`).
 *
 * @param text - any text
 * @returns the word text
 */
export function spacedWords(text: string): string {
  const length = text.length
  let out = ' '
  let start = wordStart(text, 0)
  while (start < length) {
    const end = wordEnd(text, start)
    out += out.length === 1 ? text.slice(start, end) : ` ${text.slice(start, end)}`
    start = wordStart(text, end)
  }
  return `${out} `
}
