import { decodeEntities } from './decode-entities.js'

const isSpace = (code: number): boolean => code === 32 || code === 9 || code === 10 || code === 12 || code === 13
const SLASH = 47
const EQUALS = 61
const DOUBLE_QUOTE = 34
const SINGLE_QUOTE = 39

/**
 * Walks the attributes of a tag (the text between `<` and `>`) in order, as a browser does, so a
 * name inside another attribute's value (`title=" href=x"`) is not taken for an attribute.
 * `visit` gets each raw name (not lowercased) and raw value (not decoded). Linear in the tag's
 * length; no allocation but the slices passed on.
 *
 * @param tag - the inside of a tag, name included: `a href="…" class="mention"`
 * @param visit - called once per attribute, in order
 */
export function walkAttributes(tag: string, visit: (name: string, value: string) => void): void {
  const length = tag.length
  let i = 0
  // Skip the tag name (attributes are read only from opening tags).
  while (i < length && !isSpace(tag.charCodeAt(i)) && tag.charCodeAt(i) !== SLASH) i++
  while (i < length) {
    while (i < length && (isSpace(tag.charCodeAt(i)) || tag.charCodeAt(i) === SLASH)) i++
    const nameStart = i
    while (i < length) {
      const code = tag.charCodeAt(i)
      if (isSpace(code) || code === SLASH || code === EQUALS) break
      i++
    }
    // A lone `=` starts a name, as in the HTML standard.
    if (i === nameStart && tag.charCodeAt(i) === EQUALS) i++
    const nameEnd = i
    while (i < length && isSpace(tag.charCodeAt(i))) i++
    let value = ''
    if (tag.charCodeAt(i) === EQUALS) {
      i++
      while (i < length && isSpace(tag.charCodeAt(i))) i++
      const quote = tag.charCodeAt(i)
      if (quote === DOUBLE_QUOTE || quote === SINGLE_QUOTE) {
        const close = tag.indexOf(quote === DOUBLE_QUOTE ? '"' : "'", i + 1)
        const end = close < 0 ? length : close
        value = tag.slice(i + 1, end)
        i = end + 1
      } else {
        const valueStart = i
        while (i < length && !isSpace(tag.charCodeAt(i))) i++
        value = tag.slice(valueStart, i)
      }
    }
    if (nameEnd > nameStart) visit(tag.slice(nameStart, nameEnd), value)
  }
}

/** The attributes `htmlToText` needs from `<a>` and `<span>`, decoded; `''` when absent. */
export interface LinkAttributes {
  href: string
  class: string
  rel: string
}

/**
 * Reads `href`, `class` and `rel` of a tag in order, as a browser does: the first of repeated
 * names wins, names are compared lowercased and values decoded; other names are not copied (the
 * hot path of `htmlToText`).
 *
 * @param tag - the inside of a tag
 * @returns the three attributes
 */
export function readLinkAttributes(tag: string): LinkAttributes {
  const found: LinkAttributes = { href: '', class: '', rel: '' }
  let seen = 0
  walkAttributes(tag, (raw, value) => {
    const length = raw.length
    if (length !== 3 && length !== 4 && length !== 5) return
    const name = raw.toLowerCase()
    const bit = name === 'href' ? 1 : name === 'class' ? 2 : name === 'rel' ? 4 : 0
    if (bit === 0 || (seen & bit) !== 0) return
    seen |= bit
    found[name as keyof LinkAttributes] = decodeEntities(value)
  })
  return found
}
