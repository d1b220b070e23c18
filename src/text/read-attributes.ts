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

/**
 * Where a character next occurs in one document, found with `indexOf` and remembered: asked at
 * places that only grow (the tags of a document read in order), it reads the document once per
 * character however many tags leave a quote open, so the native search replaces a loop over
 * each value without losing linear time.
 */
export class NextIndex {
  /** The last answer (-1: none at or after `searchedFrom`). */
  private found = -1
  /** Where the last search started; the answer holds for every place in `[searchedFrom, found]`. */
  private searchedFrom = Number.POSITIVE_INFINITY

  constructor(
    private readonly text: string,
    private readonly char: string,
  ) {}

  /** The first index at or after `from` of the character, -1 when there is none. */
  from(from: number): number {
    if (from < this.searchedFrom || (this.found >= 0 && from > this.found)) {
      this.found = this.text.indexOf(this.char, from)
      this.searchedFrom = from
    }
    return this.found
  }
}

/** The cursors of one document that `readLinkAttributes` may use (see `NextIndex`). */
export interface DocumentCursors {
  readonly doubleQuote: NextIndex
  readonly singleQuote: NextIndex
  readonly ampersand: NextIndex
}

/** Cursors for a document. */
export function documentCursors(html: string): DocumentCursors {
  return { doubleQuote: new NextIndex(html, '"'), singleQuote: new NextIndex(html, "'"), ampersand: new NextIndex(html, '&') }
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
 * @param cursors - the document's cursors, when its tags are read in order (faster; the same result)
 * @returns the three attributes
 */
export function readLinkAttributes(tag: string, from = 0, to: number = tag.length, wanted = 7, cursors?: DocumentCursors): LinkAttributes {
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
        let close: number
        if (cursors === undefined) {
          close = i + 1
          while (close < to && tag.charCodeAt(close) !== quote) close++
        } else {
          close = (quote === DOUBLE_QUOTE ? cursors.doubleQuote : cursors.singleQuote).from(i + 1)
          if (close < 0 || close > to) close = to
        }
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
    const raw = valueEnd > valueStart ? tag.slice(valueStart, valueEnd) : ''
    let value = raw
    if (cursors === undefined) value = decodeEntities(raw)
    else if (raw !== '') {
      const amp = cursors.ampersand.from(valueStart)
      if (amp >= 0 && amp < valueEnd) value = decodeEntities(raw)
    }
    if (bit === 1) found.href = value
    else if (bit === 2) found.class = value
    else found.rel = value
  }
  return found
}
