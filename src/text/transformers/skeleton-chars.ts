import { SKELETON_TABLE } from '../../data/skeleton-table.js'

/**
 * The per-character transformer of the de-obfuscation layer: every code point becomes its
 * skeleton from the generated table (src/data/skeleton-table.ts: TR39 confusables to ASCII,
 * NFKC, case folding, marks and format characters removed, Latin letters named as such), ASCII
 * letters are lowercased, and everything else is kept as it is. One table lookup per character:
 * no gate decides which characters to look at, so no gate can skip one.
 */

interface Table {
  /**
   * For each BMP code point, 0 (unchanged) or 1 + the index of its skeleton in `targets`; the
   * first two entries of `targets` stand for "NFKC then lower case" and "NFKD, marks removed,
   * lower case", computed on first lookup of the code point (see `resolve`).
   */
  readonly bmp: Uint16Array
  readonly astral: Map<number, number>
  readonly targets: string[]
}

/** `bmp`/`astral` values of the two computed targets (`~` and `^` of the generated table). */
const BY_NFKC = 1
const BY_NFKD = 2

function unescapeRecord(text: string): string {
  return text.replace(/\\(.)/gu, '$1')
}

/**
 * Parses the generated records once, on first use. The `~` and `^` targets (5,789 code points)
 * are not computed here but on the first lookup of each code point (`resolve`): normalising them
 * all took most of a cold start's first skeleton (about 6 ms); the answers are the same.
 */
function buildTable(): Table {
  const bmp = new Uint16Array(0x10000)
  const astral = new Map<number, number>()
  const targets: string[] = ['~', '^']
  const index = new Map<string, number>()
  const indexOf = (target: string): number => {
    if (target === '~') return BY_NFKC
    if (target === '^') return BY_NFKD
    let at = index.get(target)
    if (at === undefined) {
      targets.push(target)
      at = targets.length
      index.set(target, at)
    }
    return at
  }
  // Without a backslash in the table no `;` is escaped, and a plain split reads the same records
  // (the split with a lookbehind took 8 to 30 ms in QuickJS).
  const records = SKELETON_TABLE.includes('\\') ? SKELETON_TABLE.split(/(?<!\\);/u) : SKELETON_TABLE.split(';')
  // Each record starts a gap after the previous one's end (see the generated file).
  let end = 0
  for (const record of records) {
    if (record === '') continue
    const first = record.indexOf(',')
    const second = record.indexOf(',', first + 1)
    const start = end + (first === 0 ? 0 : Number.parseInt(record.slice(0, first), 36))
    const lengthText = record.slice(first + 1, second)
    const step = lengthText.endsWith('+')
    const length = lengthText === '' || lengthText === '+' ? 1 : Number.parseInt(step ? lengthText.slice(0, -1) : lengthText, 36)
    end = start + length
    const written = record.slice(second + 1)
    const target = written.includes('\\') ? unescapeRecord(written) : written
    if (!step) {
      const at = indexOf(target)
      if (end <= 0x10000) bmp.fill(at, start, end)
      else for (let cp = start; cp < end; cp++) if (cp < 0x10000) bmp[cp] = at
      else astral.set(cp, at)
      continue
    }
    const base = target.codePointAt(0) ?? 0
    for (let i = 0; i < length; i++) {
      const cp = start + i
      const at = indexOf(String.fromCodePoint(base + i))
      if (cp < 0x10000) bmp[cp] = at
      else astral.set(cp, at)
    }
  }
  return { bmp, astral, targets }
}

/**
 * The skeleton of a code point whose table entry is `BY_NFKC` or `BY_NFKD`, computed now and
 * written into the table (a memo: the next lookup reads it like any other entry).
 */
function resolve(t: Table, cp: number, at: number): string {
  const char = String.fromCodePoint(cp)
  const target = at === BY_NFKC ? char.normalize('NFKC').toLowerCase() : char.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
  t.targets.push(target)
  if (cp < 0x10000) t.bmp[cp] = t.targets.length
  else t.astral.set(cp, t.targets.length)
  return target
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
  return at === 0 ? undefined : at <= BY_NFKD ? resolve(t, cp, at) : t.targets[at - 1]
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
  const t = (table ??= buildTable())
  const { bmp, astral, targets } = t
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
        target = at <= BY_NFKD ? resolve(t, cp, at) : targets[at - 1]!
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
