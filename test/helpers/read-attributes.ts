import { decodeEntities } from '../../src/text/decode-entities.js'

const isSpace = (code: number): boolean => code === 32 || code === 9 || code === 10 || code === 12 || code === 13
const SLASH = 47
const EQUALS = 61
const DOUBLE_QUOTE = 34
const SINGLE_QUOTE = 39

/**
 * The reference reading the tests hold `readLinkAttributes` to, written on its own (a tag cut
 * out, a callback per attribute): walks the attributes of a tag (the text between `<` and `>`) in
 * order, as a browser does, so a name inside another attribute's value (`title=" href=x"`) is not
 * taken for an attribute. `visit` gets each raw name (not lowercased) and raw value (not decoded).
 *
 * @param tag - the inside of a tag, name included: `a href="…" class="mention"`
 * @param visit - called once per attribute, in order
 */
function walkAttributes(tag: string, visit: (name: string, value: string) => void): void {
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

/**
 * Every attribute of a tag by lowercased name, decoded, the first of repeated names winning: the
 * general reading the tests use to check `readLinkAttributes`.
 *
 * @param tag - the inside of a tag
 * @returns the attributes
 */
export function readAttributes(tag: string): Map<string, string> {
  const attributes = new Map<string, string>()
  walkAttributes(tag, (raw, value) => {
    const name = raw.toLowerCase()
    if (!attributes.has(name)) attributes.set(name, decodeEntities(value))
  })
  return attributes
}
