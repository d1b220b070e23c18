/** Any run of characters that are not letters, numbers or marks. */
const SEPARATORS = /[^\p{L}\p{N}\p{M}]+/gu
/** One letter, number or mark: what the table of word units is filled from. */
const WORD_UNIT = /^[\p{L}\p{N}\p{M}]$/u

/**
 * Which code units of the Basic Multilingual Plane are letters, numbers or marks, one bit each,
 * filled a block of 256 at a time from `WORD_UNIT` when a text first holds one of the block (the
 * table is derived from the expression, never typed; a block costs about 256 tests once).
 */
let wordBits: Uint8Array | undefined
let blocksRead: Uint8Array | undefined

function readBlock(bits: Uint8Array, block: number): void {
  for (let code = block << 8; code < (block + 1) << 8; code++) {
    if (WORD_UNIT.test(String.fromCharCode(code))) bits[code >> 3]! |= 1 << (code & 7)
  }
}

/**
 * Whether a code unit is a letter, number or mark: 1 yes, 0 no, -1 a surrogate (a code point
 * outside the Basic Multilingual Plane, or a lone half: the caller takes the regular expression).
 */
function unitKind(code: number, bits: Uint8Array, read: Uint8Array): number {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) ? 1 : 0
  if ((code & 0xf800) === 0xd800) return -1
  const block = code >> 8
  if (read[block] === 0) {
    readBlock(bits, block)
    read[block] = 1
  }
  return (bits[code >> 3]! >> (code & 7)) & 1
}

/**
 * Turns every run of characters that are not letters, numbers or marks (`\p{L}\p{N}\p{M}`) into
 * one space and trims the ends: `text.replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ').trim()`, exactly. A
 * loop over the code units with a table of word units (the Unicode property expression cost
 * about 24 ns a character, more than the rest of the key text); text already in that form (words
 * joined by single spaces: most skeletons) is returned as it is. Text with characters outside the
 * Basic Multilingual Plane takes the expression.
 *
 * @param text - any text
 * @returns the words joined by single spaces
 * @example
 * collapseSeparators('  Hello,  world!! ') // 'Hello world'
 */
export function collapseSeparators(text: string): string {
  const bits = (wordBits ??= new Uint8Array(65_536 / 8))
  const read = (blocksRead ??= new Uint8Array(256))
  const length = text.length
  // Already collapsed? Words (runs of word units) joined by single spaces, nothing at the ends.
  let afterWord = false
  let i = 0
  for (; i < length; i++) {
    const code = text.charCodeAt(i)
    // Lower-case ASCII letters first: most of a skeleton.
    const kind = code >= 97 && code <= 122 ? 1 : unitKind(code, bits, read)
    if (kind === 1) afterWord = true
    else if (code === 0x20 && afterWord && i + 1 < length) afterWord = false
    else break
  }
  if (i === length) return text
  let out = ''
  let start = -1
  for (i = 0; i < length; i++) {
    const kind = unitKind(text.charCodeAt(i), bits, read)
    if (kind < 0) return text.replace(SEPARATORS, ' ').trim()
    if (kind === 1) {
      if (start < 0) start = i
    } else if (start >= 0) {
      out = out === '' ? text.slice(start, i) : `${out} ${text.slice(start, i)}`
      start = -1
    }
  }
  if (start >= 0) out = out === '' ? (start === 0 ? text : text.slice(start)) : `${out} ${text.slice(start)}`
  return out
}
