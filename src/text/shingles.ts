import type { NormalizedStatus } from '../status/normalized-status.js'
import { skeleton } from './deobfuscate.js'
import { mix32 } from './hash32.js'

/** Code points of the key text read at most: long posts are compared on their first part. */
export const MAX_KEY_LENGTH = 2_000

// Bounded quantifiers only: linear on any input.
const URL = /(?:https?:\/\/|www\.)[^\s]{1,2048}/gu
const MENTION = /@[\p{L}\p{N}_.-]{1,64}(?:@[\p{L}\p{N}.-]{1,253})?/gu
const HASHTAG = /#[\p{L}\p{N}_]{1,200}/gu

/**
 * The text near-duplicate detection compares: the content warning and the prose (visible text
 * without mentions, hashtags and links) through the de-obfuscation layer (`skeleton`: the same
 * reading every matcher uses), with what is left of URLs, mentions and hashtags removed and every
 * run of punctuation and spaces turned into one space.
 *
 * @param status - a normalized status
 * @returns the key text, `''` when the post has no words of its own
 * @example
 * duplicateKeyText(status) // 'Ｃheck  this　out! @bob' → 'check this out'
 */
export function duplicateKeyText(status: NormalizedStatus): string {
  return keyTextOfSkeleton(skeleton(keyTextSource(status)))
}

/**
 * What the key text is read from: the content warning and the prose, cut at twice
 * `MAX_KEY_LENGTH` code units.
 *
 * @param status - a normalized status
 * @returns the text to put through `skeleton`
 */
export function keyTextSource(status: NormalizedStatus): string {
  const raw = status.spoilerText === '' ? status.prose : `${status.spoilerText}\n${status.prose}`
  return raw.length > MAX_KEY_LENGTH * 2 ? raw.slice(0, MAX_KEY_LENGTH * 2) : raw
}

/** Any run of characters that are not letters, numbers or marks. */
const SEPARATORS = /[^\p{L}\p{N}\p{M}]+/gu
/** One letter, number or mark: what the table of word units is filled from. */
const WORD_UNIT = /^[\p{L}\p{N}\p{M}]$/u

/**
 * Which code units of the Basic Multilingual Plane are letters, numbers or marks, one bit each,
 * filled 256 at a time from `WORD_UNIT` when a text first holds one of the block (derived from the
 * expression, never typed; `blocksRead` marks the blocks filled).
 */
let wordBits: Uint8Array | undefined
let blocksRead: Uint8Array | undefined

/** 1 for a letter, number or mark, 0 for another code unit, -1 for a surrogate (the expression decides). */
function unitKind(code: number, bits: Uint8Array, read: Uint8Array): number {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) ? 1 : 0
  if ((code & 0xf800) === 0xd800) return -1
  const block = code >> 8
  if (read[block] === 0) {
    for (let unit = block << 8; unit < (block + 1) << 8; unit++) if (WORD_UNIT.test(String.fromCharCode(unit))) bits[unit >> 3]! |= 1 << (unit & 7)
    read[block] = 1
  }
  return (bits[code >> 3]! >> (code & 7)) & 1
}

/**
 * `text.replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ').trim()`, by a loop
 * over the code units with the table of word units: the property expression cost about 24 ns a
 * character, more than the rest of the key text. Text already in that form (words joined by single
 * spaces: most skeletons) is returned as it is; text with a surrogate takes the expression.
 *
 * @param text - any text
 * @returns the words joined by single spaces
 */
export function collapseWords(text: string): string {
  return isCollapsed(text) ? text : rebuildWords(text)
}

/** Whether a text is words (letters, numbers, marks) joined by single spaces, nothing at the ends. */
function isCollapsed(text: string): boolean {
  const bits = (wordBits ??= new Uint8Array(65_536 / 8))
  const read = (blocksRead ??= new Uint8Array(256))
  const length = text.length
  let afterWord = false
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i)
    // Lower-case ASCII letters first: most of a skeleton.
    if ((code >= 97 && code <= 122) || unitKind(code, bits, read) === 1) afterWord = true
    else if (code === 0x20 && afterWord && i + 1 < length) afterWord = false
    else return false
  }
  return true
}

function rebuildWords(text: string): string {
  const bits = (wordBits ??= new Uint8Array(65_536 / 8))
  const read = (blocksRead ??= new Uint8Array(256))
  let out = ''
  let start = -1
  for (let i = 0; i < text.length; i++) {
    const kind = unitKind(text.charCodeAt(i), bits, read)
    if (kind < 0) return text.replace(SEPARATORS, ' ').trim()
    if (kind === 1) {
      if (start < 0) start = i
    } else if (start >= 0) {
      out = out === '' ? text.slice(start, i) : `${out} ${text.slice(start, i)}`
      start = -1
    }
  }
  return start < 0 ? out : out === '' ? text.slice(start) : `${out} ${text.slice(start)}`
}

/**
 * The key text from the skeleton of `keyTextSource` (for a caller that has that skeleton already).
 *
 * @param folded - `skeleton(keyTextSource(status))`
 * @returns the key text
 */
export function keyTextOfSkeleton(folded: string): string {
  // Words joined by single spaces already (most skeletons of prose): no '/', '.', '@' or '#', so
  // no URL, mention or hashtag, and nothing to collapse.
  let text = folded
  if (!isCollapsed(folded)) {
    // URLs need '/' or 'www.', mentions '@', hashtags '#': the expressions run only when those are there.
    const links = folded.includes('/') || folded.includes('www.') ? folded.replace(URL, ' ') : folded
    const mentions = links.includes('@') ? links.replace(MENTION, ' ') : links
    text = rebuildWords(mentions.includes('#') ? mentions.replace(HASHTAG, ' ') : mentions)
  }
  return text.length > MAX_KEY_LENGTH ? Array.from(text).slice(0, MAX_KEY_LENGTH).join('') : text
}

/**
 * The hash of one 3-gram of code points (a space, 0x20, stands for the padding), as `wordShingles`
 * gives it.
 *
 * @param a - first code point
 * @param b - second code point
 * @param c - third code point
 * @returns a signed 32-bit hash
 */
export function gram(a: number, b: number, c: number): number {
  return mix32(Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d)) | 0
}

/**
 * Character 3-gram shingles taken inside each word: every space-separated word is padded with a
 * boundary on both sides and cut into overlapping 3-grams of code points (`cat` → ` ca`, `cat`,
 * `at `; `a` → ` a `). The result holds 32-bit hashes in text order; a hash may repeat (MinHash ignores
 * repeats, and skipping the deduplication saves a set per status).
 *
 * Why inside words: the set does not depend on word order, so shuffled words give the same set
 * (Jaccard 1) with one signature, where 3-grams across word boundaries would lose a third of their
 * overlap. Japanese and Chinese are written without spaces: a sentence is one "word" and gets the
 * plain character 3-grams, which need no word segmenter; sentences and clauses split at
 * punctuation, so reordered sentences also keep the same set. An inserted name or a changed word
 * touches only that word's 3-grams.
 *
 * @param keyText - text from `duplicateKeyText`
 * @returns shingle hashes as signed 32-bit integers (empty for empty text)
 */
export function wordShingles(keyText: string): Int32Array {
  // At most one 3-gram per code point plus one per word end.
  const out = new Int32Array(keyText.length * 2)
  // The boundary (a space) as a local literal: a module-level constant is read from the module's
  // context at every use.
  const boundary = 0x20
  let count = 0
  let a = boundary
  let b = boundary
  let inWord = false
  for (let i = 0; i < keyText.length; i++) {
    let c = keyText.charCodeAt(i)
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < keyText.length) {
      const low = keyText.charCodeAt(i + 1)
      if (low >= 0xdc00 && low < 0xe000) {
        c = ((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000
        i++
      }
    }
    if (c === boundary) {
      if (inWord) out[count++] = gram(a, b, boundary)
      a = boundary
      b = boundary
      inWord = false
      continue
    }
    // No "  c" gram: a word's first letter alone (26 values in English) is shared by nearly every
    // text and would raise the similarity of unrelated ones.
    if (b !== boundary) out[count++] = gram(a, b, c)
    a = b
    b = c
    inWord = true
  }
  if (inWord) out[count++] = gram(a, b, boundary)
  return out.subarray(0, count)
}
