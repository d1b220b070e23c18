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
  if (!text.includes('%')) return { text, from: from === undefined ? undefined : [...from] }
  return replaceMapped(text, from, ESCAPES, (m) => {
    let decoded: string
    try {
      decoded = decodeURIComponent(m[0])
    } catch {
      return undefined
    }
    return /[\u0000-\u0020\u007f-\u009f]/u.test(decoded) ? undefined : decoded
  })
}
