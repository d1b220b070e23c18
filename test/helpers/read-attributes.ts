import { decodeEntities } from '../../src/text/decode-entities.js'
import { walkAttributes } from '../../src/text/read-attributes.js'

/**
 * Every attribute of a tag by lowercased name, decoded, the first of repeated names winning: the
 * general reading the tests use to pin down `walkAttributes` and to check `readLinkAttributes`.
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
