import { decodeEntities } from './decode-entities.js'

const isSpace = (code: number): boolean => code === 32 || code === 9 || code === 10 || code === 12 || code === 13
const SLASH = 47
const EQUALS = 61
const DOUBLE_QUOTE = 34
const SINGLE_QUOTE = 39

/** The attributes `htmlToText` needs from `<a>` and `<span>`, decoded; `''` when absent. */
export interface LinkAttributes {
  href: string
  class: string
  rel: string
}

/** Which of `href` (1), `class` (2), `rel` (4) the name `tag[from, to)` is, case-insensitively; 0 for any other. */
function linkAttributeBit(tag: string, from: number, to: number): number {
  const length = to - from
  if (length === 4) {
    return (tag.charCodeAt(from) | 0x20) === 104 && (tag.charCodeAt(from + 1) | 0x20) === 114 && (tag.charCodeAt(from + 2) | 0x20) === 101 && (tag.charCodeAt(from + 3) | 0x20) === 102 ? 1 : 0
  }
  if (length === 5) {
    return (tag.charCodeAt(from) | 0x20) === 99 &&
      (tag.charCodeAt(from + 1) | 0x20) === 108 &&
      (tag.charCodeAt(from + 2) | 0x20) === 97 &&
      (tag.charCodeAt(from + 3) | 0x20) === 115 &&
      (tag.charCodeAt(from + 4) | 0x20) === 115
      ? 2
      : 0
  }
  if (length === 3) {
    return (tag.charCodeAt(from) | 0x20) === 114 && (tag.charCodeAt(from + 1) | 0x20) === 101 && (tag.charCodeAt(from + 2) | 0x20) === 108 ? 4 : 0
  }
  return 0
}

/**
 * Reads `href`, `class` and `rel` of a tag in order, as a browser does: the tag name is skipped,
 * a name inside another attribute's value (`title=" href=x"`) is not taken for an attribute, the
 * first of repeated names wins, names are compared case-insensitively and values decoded. Made
 * for the hot path of `htmlToText`: it reads the tag where it lies in the document (`from` to
 * `to`), slices only the three values, and stops once the wanted ones are found. Linear in the
 * tag's length. (`test/helpers/read-attributes.ts` holds a general reading it is checked against.)
 *
 * @param tag - the inside of a tag, or a document holding it
 * @param from - where the tag's inside starts (its name)
 * @param to - where it ends (the `>`, excluded)
 * @param wanted - which attributes to find (href 1, class 2, rel 4): reading stops once they are
 * found, and the others are left `''` unless met before
 * @returns the three attributes
 */
export function readLinkAttributes(tag: string, from = 0, to: number = tag.length, wanted = 7): LinkAttributes {
  const found: LinkAttributes = { href: '', class: '', rel: '' }
  let seen = 0
  let i = from
  // Skip the tag name (attributes are read only from opening tags).
  while (i < to && !isSpace(tag.charCodeAt(i)) && tag.charCodeAt(i) !== SLASH) i++
  while (i < to && (seen & wanted) !== wanted) {
    while (i < to && (isSpace(tag.charCodeAt(i)) || tag.charCodeAt(i) === SLASH)) i++
    const nameStart = i
    while (i < to) {
      const code = tag.charCodeAt(i)
      if (isSpace(code) || code === SLASH || code === EQUALS) break
      i++
    }
    // A lone `=` starts a name, as in the HTML standard.
    if (i === nameStart && i < to && tag.charCodeAt(i) === EQUALS) i++
    const nameEnd = i
    while (i < to && isSpace(tag.charCodeAt(i))) i++
    let valueStart = i
    let valueEnd = i
    if (i < to && tag.charCodeAt(i) === EQUALS) {
      i++
      while (i < to && isSpace(tag.charCodeAt(i))) i++
      const quote = i < to ? tag.charCodeAt(i) : 0
      if (quote === DOUBLE_QUOTE || quote === SINGLE_QUOTE) {
        // Searched up to the tag's end only, so a quote left open costs the tag's length, not the document's.
        let close = i + 1
        while (close < to && tag.charCodeAt(close) !== quote) close++
        valueStart = i + 1
        valueEnd = close
        i = close + 1
      } else {
        valueStart = i
        while (i < to && !isSpace(tag.charCodeAt(i))) i++
        valueEnd = i
      }
    }
    const bit = linkAttributeBit(tag, nameStart, nameEnd)
    if (bit === 0 || (seen & bit) !== 0) continue
    seen |= bit
    const value = decodeEntities(tag.slice(valueStart, valueEnd))
    if (bit === 1) found.href = value
    else if (bit === 2) found.class = value
    else found.rel = value
  }
  return found
}
