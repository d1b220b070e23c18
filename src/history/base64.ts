import { SpamFilterMemoryError } from './memory-error.js'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/**
 * Encodes bytes as standard base64 (with padding), for storing an export as text (localStorage,
 * a preferences file). No `Buffer`, no `btoa`: runs anywhere.
 *
 * @param bytes - the bytes
 * @returns the base64 text
 */
export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = []
  let chunk = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!
    const b = bytes[i + 1]
    const c = bytes[i + 2]
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0)
    chunk += ALPHABET[n >>> 18]! + ALPHABET[(n >>> 12) & 63]! + (b === undefined ? '=' : ALPHABET[(n >>> 6) & 63]!) + (c === undefined ? '=' : ALPHABET[n & 63]!)
    if (chunk.length >= 8192) {
      parts.push(chunk)
      chunk = ''
    }
  }
  parts.push(chunk)
  return parts.join('')
}

/**
 * Decodes standard base64 (whitespace ignored). Throws `SpamFilterMemoryError` on other characters.
 *
 * @param text - base64 text
 * @returns the bytes
 */
export function base64ToBytes(text: string): Uint8Array {
  const clean = text.replace(/\s/gu, '').replace(/={1,2}$/u, '')
  if (clean.length % 4 === 1) throw new SpamFilterMemoryError('format', 'the base64 text has a bad length')
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4))
  let bits = 0
  let value = 0
  let at = 0
  for (let i = 0; i < clean.length; i++) {
    const digit = ALPHABET.indexOf(clean.charAt(i))
    if (digit < 0) throw new SpamFilterMemoryError('format', `"${clean.charAt(i)}" is not a base64 character`)
    value = ((value << 6) | digit) & 0xffffff
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[at++] = (value >>> bits) & 255
    }
  }
  return out
}
