import { decodeEntities } from './decode-entities.js'

const isSpace = (code: number): boolean => code === 32 || code === 9 || code === 10 || code === 12 || code === 13
const SLASH = 47
const EQUALS = 61
const DOUBLE_QUOTE = 34
const SINGLE_QUOTE = 39

/**
 * Reads the attributes of a tag (the text between `<` and `>`) in order, as a browser does, so a
 * name inside another attribute's value (`title=" href=x"`) is not taken for an attribute. The
 * first of repeated names wins. Names are lowercased, values decoded. Linear in the tag's length.
 *
 * @param tag - the inside of a tag, name included: `a href="…" class="mention"`
 * @param only - the names to keep (all when absent); others are skipped, not decoded
 * @returns the attributes by lowercased name
 * @example
 * readAttributes('a HREF=\'https://x.example/\' class=mention').get('href') //=> 'https://x.example/'
 */
export function readAttributes(tag: string, only?: readonly string[]): Map<string, string> {
  const attributes = new Map<string, string>()
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
    // With `only`, a name of another length is skipped without being copied.
    const wanted = only === undefined || only.some((n) => n.length === i - nameStart)
    const name = wanted ? tag.slice(nameStart, i).toLowerCase() : ''
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
    if (name !== '' && !attributes.has(name) && (only === undefined || only.includes(name))) attributes.set(name, decodeEntities(value))
  }
  return attributes
}
