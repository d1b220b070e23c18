import { punycodeDecode } from '../punycode.js'
import { replaceMapped, type Transformed } from './types.js'

// A Punycode label of a host written in text (`xn--68j5e377y.com`).
const LABEL = /(?<![a-z0-9-])xn--([a-z0-9-]{1,59})(?![a-z0-9-])/giu

/**
 * Decodes Punycode labels written in text (`xn--68j5e377y.com` reads as `荒らし.com`), so a host
 * is matched in one form whichever way it was written. Labels that do not decode are kept.
 *
 * @param text - any text
 * @param from - offsets of `text` in the original, or `undefined`
 * @returns the text with Punycode labels decoded
 */
export function decodePunycodeLabels(text: string, from: readonly number[] | undefined): Transformed {
  if (!text.includes('--')) return { text, from }
  return replaceMapped(text, from, LABEL, (m) => punycodeDecode((m[1] ?? '').toLowerCase()))
}
