import { pushOffsets, type Transformed } from './types.js'

const RLO = '\u202e'
const LRO = '\u202d'
// A right-to-left override runs to the next pop (PDF U+202C), another override, a line end or
// the end of the text.
const END = /[\u202a-\u202e\u2066-\u2069\n\r\u2029]/gu

/**
 * Puts text under a right-to-left override (U+202E) in the order a reader sees it: the code
 * points of each RLO span reversed (`\u202Edrocsid` shows and reads as `discord`). The controls
 * themselves are removed later with the other format characters. Linear; text without U+202E is
 * returned as it is.
 *
 * @param text - any text
 * @param from - offsets of `text` in the original, or `undefined`
 * @returns the text in visual order
 */
export function reorderBidiOverrides(text: string, from: readonly number[] | undefined): Transformed {
  if (!text.includes(RLO)) return { text, from }
  let out = ''
  const map: number[] | undefined = from === undefined ? undefined : []
  let i = 0
  while (i < text.length) {
    const start = text.indexOf(RLO, i)
    if (start < 0) break
    out += text.slice(i, start + 1)
    if (map !== undefined) pushOffsets(map, from, i, start + 1)
    END.lastIndex = start + 1
    const endMatch = END.exec(text)
    const end = endMatch === null ? text.length : endMatch.index
    // Reverse by code points, keeping surrogate pairs whole.
    const points: number[] = []
    for (let k = start + 1; k < end; k++) {
      const code = text.charCodeAt(k)
      points.push(k)
      if (code >= 0xd800 && code < 0xdc00 && k + 1 < end) {
        const low = text.charCodeAt(k + 1)
        if (low >= 0xdc00 && low < 0xe000) k++
      }
    }
    for (let p = points.length - 1; p >= 0; p--) {
      const k = points[p]!
      const next = p + 1 < points.length ? points[p + 1]! : end
      out += text.slice(k, next)
      if (map !== undefined) pushOffsets(map, from, k, next)
    }
    i = end
  }
  out += text.slice(i)
  if (map !== undefined) pushOffsets(map, from, i, text.length)
  return { text: out, from: map }
}

export { LRO, RLO }
