import { SKELETON_BLOCK_BITS, SKELETON_BLOCKS, SKELETON_TABLE } from '../../data/skeleton-table.js'
import { lazy } from './types.js'

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
  /** `targets` by skeleton (index + 1). */
  readonly index: Map<string, number>
  /** Per block of `2 ** BLOCK_BITS` code points (`cp >> BLOCK_BITS`), where its records start (`SKELETON_BLOCKS`). */
  readonly blocks: readonly string[]
  /** Per block, 1 once its records are read into `bmp`/`astral`. */
  readonly read: Uint8Array
}

/** `bmp`/`astral` values of the two computed targets (`~` and `^` of the generated table). */
const BY_NFKC = 1
const BY_NFKD = 2
/** Code points per block of the table read at once: `2 ** BLOCK_BITS` (generated with the index). */
const BLOCK_BITS = SKELETON_BLOCK_BITS

function unescapeRecord(text: string): string {
  return text.replace(/\\(.)/gu, '$1')
}

/**
 * The table, empty: each block of 1,024 code points (`SKELETON_BLOCK_BITS`) is read from the
 * generated records the first time a text reaches it (`readBlock`), so a text in a few scripts
 * reads a few of the 2,435 records instead of all of them (parsing them all took about 4 ms of a
 * cold start in QuickJS). The `~` and `^` targets (5,789 code points) are not computed when read
 * but on the first lookup of each code point (`resolve`): normalising them all took most of a
 * cold start's first skeleton (about 6 ms). The answers are the same as reading every record up
 * front, in any order (test/text/skeleton-table-reference.test.ts).
 */
function createTable(): Table {
  const blocks = SKELETON_BLOCKS.split(';')
  return { bmp: new Uint16Array(0x10000), astral: new Map(), targets: ['~', '^'], index: new Map(), blocks, read: new Uint8Array(blocks.length) }
}

function indexOf(t: Table, target: string): number {
  if (target === '~') return BY_NFKC
  if (target === '^') return BY_NFKD
  let at = t.index.get(target)
  if (at === undefined) {
    t.targets.push(target)
    at = t.targets.length
    t.index.set(target, at)
  }
  return at
}

/** Whether the generated records hold an escape (`\;`: a separator inside a target). */
let escapes: boolean | undefined

/** The end of the record at `from` (its `;`, one not escaped, or the end of the table). */
function recordEnd(from: number): number {
  let at = SKELETON_TABLE.indexOf(';', from)
  if ((escapes ??= SKELETON_TABLE.includes('\\'))) while (at > 0 && SKELETON_TABLE.charCodeAt(at - 1) === 0x5c) at = SKELETON_TABLE.indexOf(';', at + 1)
  return at === -1 ? SKELETON_TABLE.length : at
}

/**
 * Reads the records of one block into the table: from the first record that ends past the
 * block's start, every record that starts inside it (a record running on into the next block is
 * written whole; reading that block writes the same entries again).
 */
function readBlock(t: Table, block: number): void {
  t.read[block] = 1
  const entry = t.blocks[block]!
  if (entry === '') return
  const comma = entry.indexOf(',')
  let at = Number.parseInt(entry.slice(0, comma), 36)
  // Each record starts a gap after the previous one's end (see the generated file).
  let end = Number.parseInt(entry.slice(comma + 1), 36)
  const limit = (block + 1) << BLOCK_BITS
  const { bmp, astral } = t
  while (at < SKELETON_TABLE.length) {
    const stop = recordEnd(at)
    const record = SKELETON_TABLE.slice(at, stop)
    at = stop + 1
    if (record === '') continue
    const first = record.indexOf(',')
    const second = record.indexOf(',', first + 1)
    const start = end + (first === 0 ? 0 : Number.parseInt(record.slice(0, first), 36))
    if (start >= limit) return
    const lengthText = record.slice(first + 1, second)
    const step = lengthText.endsWith('+')
    const length = lengthText === '' || lengthText === '+' ? 1 : Number.parseInt(step ? lengthText.slice(0, -1) : lengthText, 36)
    end = start + length
    const written = record.slice(second + 1)
    const target = written.includes('\\') ? unescapeRecord(written) : written
    if (!step) {
      const index = indexOf(t, target)
      if (end <= 0x10000) bmp.fill(index, start, end)
      else for (let cp = start; cp < end; cp++) if (cp < 0x10000) bmp[cp] = index
      else astral.set(cp, index)
      continue
    }
    const base = target.codePointAt(0) ?? 0
    for (let i = 0; i < length; i++) {
      const cp = start + i
      const index = indexOf(t, String.fromCodePoint(base + i))
      if (cp < 0x10000) bmp[cp] = index
      else astral.set(cp, index)
    }
  }
}

/** The table entry of a code point, reading its block first if no text reached it before. */
function entryOf(t: Table, cp: number): number {
  const block = cp >> BLOCK_BITS
  if (block < t.read.length && t.read[block] === 0) readBlock(t, block)
  return cp < 0x10000 ? t.bmp[cp]! : (t.astral.get(cp) ?? 0)
}

/** Marks (`\p{M}`), built on first use (`lazy`: QuickJS would compile it when the module is parsed). */
export const MARKS = /* @__PURE__ */ lazy(String.raw`\p{M}`, 'gu')

/**
 * The skeleton of a code point whose table entry is `BY_NFKC` or `BY_NFKD`, computed now and
 * written into the table (a memo: the next lookup reads it like any other entry).
 */
function resolve(t: Table, cp: number, at: number): string {
  const char = String.fromCodePoint(cp)
  const target = at === BY_NFKC ? char.normalize('NFKC').toLowerCase() : char.normalize('NFKD').replace(MARKS(), '').toLowerCase()
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
  const t = (table ??= createTable())
  const at = entryOf(t, cp)
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
  const t = (table ??= createTable())
  const { targets } = t
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
      const at = entryOf(t, cp)
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
