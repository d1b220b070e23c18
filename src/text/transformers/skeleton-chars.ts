import { SKELETON_TABLE } from '../../data/skeleton-table.js'

/**
 * The per-character transformer of the de-obfuscation layer: every code point becomes its
 * skeleton from the generated table (src/data/skeleton-table.ts: TR39 confusables to ASCII,
 * NFKC, case folding, marks and format characters removed, Latin letters named as such), ASCII
 * letters are lowercased, and everything else is kept as it is. One table lookup per character:
 * no gate decides which characters to look at, so no gate can skip one.
 */

interface Table {
  /** For each BMP code point, 0 (unchanged) or 1 + the index of its skeleton in `targets`. */
  readonly bmp: Uint16Array
  readonly astral: ReadonlyMap<number, number>
  readonly targets: readonly string[]
}

function unescapeRecord(text: string): string {
  return text.replace(/\\(.)/gu, '$1')
}

/** Parses the generated records once, on first use. */
function buildTable(): Table {
  const bmp = new Uint16Array(0x10000)
  const astral = new Map<number, number>()
  const targets: string[] = []
  const index = new Map<string, number>()
  const indexOf = (target: string): number => {
    let at = index.get(target)
    if (at === undefined) {
      at = targets.length
      targets.push(target)
      index.set(target, at)
    }
    return at
  }
  const set = (cp: number, target: string): void => {
    const char = String.fromCodePoint(cp)
    // `~` and `^` are computed here, once (see the generator): they give the same skeleton.
    const resolved = target === '~' ? char.normalize('NFKC').toLowerCase() : target === '^' ? char.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase() : target
    const at = indexOf(resolved) + 1
    if (cp < 0x10000) bmp[cp] = at
    else astral.set(cp, at)
  }
  for (const record of SKELETON_TABLE.split(/(?<!\\);/u)) {
    if (record === '') continue
    const first = record.indexOf(',')
    const second = record.indexOf(',', first + 1)
    const start = Number.parseInt(record.slice(0, first), 36)
    const lengthText = record.slice(first + 1, second)
    const step = lengthText.endsWith('+')
    const length = lengthText === '' || lengthText === '+' ? 1 : Number.parseInt(step ? lengthText.slice(0, -1) : lengthText, 36)
    const target = unescapeRecord(record.slice(second + 1))
    for (let i = 0; i < length; i++) set(start + i, step ? String.fromCodePoint((target.codePointAt(0) ?? 0) + i) : target)
  }
  return { bmp, astral, targets }
}

let table: Table | undefined
// No `u` flag: a surrogate is not ASCII either, and the search is faster.
const NON_ASCII = /[^\u0000-\u007f]/
const NEXT_NON_ASCII = /[^\u0000-\u007f]/g

/**
 * The skeleton of one code point, or `undefined` when it is its own skeleton (ASCII letters are
 * not looked up here: callers lowercase them).
 *
 * @param cp - a code point above U+007F
 * @returns its skeleton (`''` for a removed character)
 */
export function skeletonOfCodePoint(cp: number): string | undefined {
  const t = (table ??= buildTable())
  const at = cp < 0x10000 ? t.bmp[cp]! : (t.astral.get(cp) ?? 0)
  return at === 0 ? undefined : t.targets[at - 1]
}

/**
 * The skeleton of a text, character by character: ASCII lowercased, every other code point from
 * the table. With `from`, `from[i]` is set to the index in `text` of the character that gave
 * output code unit `i` (`from` is read as the offsets of `text` in a previous text when
 * `previous` is given).
 *
 * @param text - any text
 * @param previous - offsets of `text`'s code units in the original, when `text` was transformed
 * @returns the skeleton and, when `previous` is given or `map` is true, its offsets
 */
export function skeletonChars(text: string, previous?: readonly number[], map = previous !== undefined): { readonly text: string; readonly from: readonly number[] | undefined } {
  const { bmp, astral, targets } = (table ??= buildTable())
  const from: number[] | undefined = map ? [] : undefined
  const length = text.length
  if (from === undefined && !NON_ASCII.test(text)) return { text: text.toLowerCase(), from }
  let out = ''
  let i = 0
  while (i < length) {
    // A run of ASCII, lowercased whole (only ASCII: other letters are the table's business).
    let j = i
    if (text.charCodeAt(j) < 0x80) {
      NEXT_NON_ASCII.lastIndex = j
      j = NEXT_NON_ASCII.test(text) ? NEXT_NON_ASCII.lastIndex - 1 : length
    }
    if (j > i) {
      out += i === 0 && j === length ? text.toLowerCase() : text.slice(i, j).toLowerCase()
      if (from !== undefined) for (let k = i; k < j; k++) from.push(previous === undefined ? k : previous[k]!)
      i = j
      if (i === length) break
    }
    // A run of other characters that are their own skeleton, copied whole; then one that is not.
    let target: string | undefined
    let width = 1
    while (j < length) {
      const code = text.charCodeAt(j)
      if (code < 0x80) break
      let cp = code
      width = 1
      if (code >= 0xd800 && code < 0xdc00 && j + 1 < length) {
        const low = text.charCodeAt(j + 1)
        if (low >= 0xdc00 && low < 0xe000) {
          cp = ((code - 0xd800) << 10) + (low - 0xdc00) + 0x10000
          width = 2
        }
      }
      const at = cp < 0x10000 ? bmp[cp]! : (astral.get(cp) ?? 0)
      if (at !== 0) {
        target = targets[at - 1]!
        break
      }
      j += width
    }
    if (j > i) {
      out += text.slice(i, j)
      if (from !== undefined) for (let k = i; k < j; k++) from.push(previous === undefined ? k : previous[k]!)
      i = j
    }
    if (target !== undefined) {
      out += target
      if (from !== undefined) {
        const origin = previous === undefined ? i : previous[i]!
        for (let k = 0; k < target.length; k++) from.push(origin)
      }
      i += width
    }
  }
  return { text: out, from }
}
