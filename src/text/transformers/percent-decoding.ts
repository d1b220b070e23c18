import { replaceMapped, type Transformed } from './types.js'

// Runs of percent-escapes (`%64iscord`, `%E8%8D%92`), at most 64 in a row.
const ESCAPES = /(?:%[0-9a-f]{2}){1,64}/giu

/**
 * Decodes percent-escapes where they spell printable characters (`%64iscord.gg` reads as
 * `discord.gg`, `%E8%8D%92%E3%82%89%E3%81%97.com` as `荒らし.com`): a run that is not valid UTF-8,
 * or that decodes to a control character or white space, is left as it is. Linear.
 *
 * @param text - any text
 * @param from - offsets of `text` in the original, or `undefined`
 * @returns the text with percent-escapes decoded
 */
export function decodePercentEscapes(text: string, from: readonly number[] | undefined): Transformed {
  if (!text.includes('%')) return { text, from }
  return replaceMapped(text, from, ESCAPES, (m) => {
    const decoded = decodeUtf8Escapes(m[0])
    return decoded === undefined || /[\u0000-\u0020\u007f-\u009f]/u.test(decoded) ? undefined : decoded
  })
}

/**
 * `decodeURIComponent` of a run of `%XX` escapes, without exceptions (hostile text can hold
 * hundreds of thousands of invalid runs, and a thrown error costs microseconds): the bytes as
 * strict UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF), or `undefined` where
 * `decodeURIComponent` would throw.
 *
 * @param run - `%XX` escapes only
 * @returns the decoded text, or `undefined`
 */
export function decodeUtf8Escapes(run: string): string | undefined {
  const bytes: number[] = []
  for (let i = 0; i + 2 < run.length; i += 3) bytes.push(Number.parseInt(run.slice(i + 1, i + 3), 16))
  let out = ''
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!
    let need: number
    let low = 0x80
    let high = 0xbf
    let cp: number
    if (b < 0x80) {
      out += String.fromCharCode(b)
      i++
      continue
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1
      cp = b & 0x1f
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2
      cp = b & 0x0f
      if (b === 0xe0) low = 0xa0
      if (b === 0xed) high = 0x9f
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3
      cp = b & 0x07
      if (b === 0xf0) low = 0x90
      if (b === 0xf4) high = 0x8f
    } else {
      return undefined
    }
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined) return undefined
      if (k === 1 ? c < low || c > high : c < 0x80 || c > 0xbf) return undefined
      cp = (cp << 6) | (c & 0x3f)
    }
    out += String.fromCodePoint(cp)
    i += need + 1
  }
  return out
}
